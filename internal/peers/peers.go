package peers

import (
	"strings"

	"tidings/news"
)

// Text joins the articles' raw texts as one document, a blank line
// between two articles: the input a single-document summarizer takes
// for a cluster.
func Text(arts []news.Article) string {
	var sb strings.Builder
	for i, a := range arts {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(strings.TrimSpace(a.Raw))
	}
	return sb.String()
}
