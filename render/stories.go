package render

import (
	"encoding/json"
	"fmt"
	"io"

	"tidings/news"
)

// Stories writes stories to w in format f: each story's brief in turn
// (text and Markdown), or one JSON object {"stories": [...]}.
func Stories(w io.Writer, stories []news.Story, f Format) error {
	if f == FormatJSON {
		out := struct {
			Stories []JSONBrief `json:"stories"`
		}{Stories: []JSONBrief{}}
		for i := range stories {
			out.Stories = append(out.Stories, ToJSON(&stories[i].Brief))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for i := range stories {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== Story %s (%d articles)\n\n", stories[i].ID, len(stories[i].Articles))
		if err := Brief(w, &stories[i].Brief, f); err != nil {
			return err
		}
	}
	return nil
}
