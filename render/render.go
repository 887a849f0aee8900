package render

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"tidings/news"
)

// Format names an output format.
type Format uint8

// The output formats.
const (
	FormatText Format = iota
	FormatMarkdown
	FormatJSON
)

// ParseFormat returns the format called name: "text", "markdown" (or
// "md") or "json".
func ParseFormat(name string) (Format, error) {
	switch name {
	case "", "text":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "json":
		return FormatJSON, nil
	}
	return 0, fmt.Errorf("render: unknown format %q (valid: text, markdown, json)", name)
}

// Brief writes b to w in format f.
func Brief(w io.Writer, b *news.Brief, f Format) error {
	switch f {
	case FormatMarkdown:
		return Markdown(w, b)
	case FormatJSON:
		return JSON(w, b)
	}
	return Text(w, b)
}

// sourceNumbers maps article ids to their 1-based source numbers.
func sourceNumbers(b *news.Brief) map[string]int {
	m := make(map[string]int, len(b.Articles))
	for i, a := range b.Articles {
		m[a.ID] = i + 1
	}
	return m
}

// sourceRefs returns the distinct source numbers cs cite, ascending.
func sourceRefs(nums map[string]int, cs []news.Citation) []int {
	out := make([]int, 0, len(cs))
	for _, c := range cs {
		out = append(out, nums[c.ArticleID])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// markers is the citation markers of cs, "[1][2][4]": each source once,
// in ascending order.
func markers(nums map[string]int, cs []news.Citation) string {
	var sb strings.Builder
	for _, n := range sourceRefs(nums, cs) {
		fmt.Fprintf(&sb, "[%d]", n)
	}
	return sb.String()
}

// noSummary stands for the summary when the summarizer chose nothing.
const noSummary = "(no sentence could be summarized)"

// sourceDesc describes an article by its outlet, quoted title and date,
// joined by ", "; it is empty when none is known.
func sourceDesc(a *news.Article) string {
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	if a.Title != "" {
		parts = append(parts, fmt.Sprintf("%q", a.Title))
	}
	if !a.Date.IsZero() {
		parts = append(parts, a.Date.Format("2006-01-02"))
	}
	return strings.Join(parts, ", ")
}

// sourceWhere is where an article can be found: its URL, else its input
// id (the file's path for files).
func sourceWhere(a *news.Article) string {
	if a.URL != "" {
		return a.URL
	}
	return a.ID
}

// copiesNote is what a source line says of the article's copies: the
// other outlets' printings ("; also carried by Northern Echo
// (northern-echo-1)") and the times the same input record was given
// again ("; given 1 more time in the input"). A record (an id) is named
// once however often it was folded in.
func copiesNote(a *news.Article) string {
	var cs []string
	repeats := 0
	seen := map[string]bool{a.ID: true}
	for _, c := range a.Copies {
		if seen[c.ID] {
			repeats++ // the same input record given again
			continue
		}
		seen[c.ID] = true
		name := c.Outlet
		if name == "" {
			name = c.ID
		} else {
			name += " (" + c.ID + ")"
		}
		cs = append(cs, name)
	}
	var note string
	if len(cs) > 0 {
		note += "; also carried by " + strings.Join(cs, ", ")
	}
	if repeats > 0 {
		note += fmt.Sprintf("; given %d more %s in the input", repeats, plural(repeats, "time"))
	}
	return note
}

// sourceLine describes an article for the text form: outlet, title and
// date, then " — " and its URL or input id, then its copies:
// `Alder Gazette, "Bridge closed", 2026-03-14 — examples/bridge/alder-gazette.html`.
func sourceLine(a *news.Article) string {
	line := sourceWhere(a)
	if d := sourceDesc(a); d != "" {
		line = d + " — " + line
	}
	return line + copiesNote(a)
}

// Text writes b as plain text: a header, one summary sentence per
// paragraph followed by its citation markers, and the numbered sources.
func Text(w io.Writer, b *news.Brief) error {
	nums := sourceNumbers(b)
	var sb strings.Builder
	title := "Brief"
	if b.ID != "" {
		title += " " + b.ID
	}
	fmt.Fprintf(&sb, "%s (%d words, %d %s)\n\n", title, b.Summary.Words, len(b.Articles), plural(len(b.Articles), "source"))
	for _, s := range b.Summary.Sentences {
		fmt.Fprintf(&sb, "%s %s\n", s.Text, markers(nums, s.Citations))
	}
	if len(b.Summary.Sentences) == 0 {
		sb.WriteString(noSummary + "\n")
	}
	sb.WriteString("\nSources:\n")
	for i := range b.Articles {
		fmt.Fprintf(&sb, "[%d] %s\n", i+1, sourceLine(&b.Articles[i]))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// Markdown writes b as Markdown: a heading, the summary as a paragraph
// with linked markers, and the sources as a numbered list. Text from the
// articles (sentences, titles, outlets, ids) is escaped so that it reads
// as written.
func Markdown(w io.Writer, b *news.Brief) error {
	nums := sourceNumbers(b)
	var sb strings.Builder
	title := "Brief"
	if b.ID != "" {
		title += " " + mdEscape(b.ID)
	}
	fmt.Fprintf(&sb, "## %s\n\n", title)
	for i, s := range b.Summary.Sentences {
		if i > 0 {
			sb.WriteString(" ")
		}
		sb.WriteString(mdEscape(s.Text))
		for _, n := range sourceRefs(nums, s.Citations) {
			fmt.Fprintf(&sb, "<sup>[%d](#%s)</sup>", n, sourceAnchor(b.ID, n))
		}
	}
	if len(b.Summary.Sentences) == 0 {
		sb.WriteString(mdEscape(noSummary))
	}
	fmt.Fprintf(&sb, "\n\n*%d words from %d %s.*\n\n### Sources\n\n", b.Summary.Words, len(b.Articles), plural(len(b.Articles), "source"))
	for i := range b.Articles {
		a := &b.Articles[i]
		desc := mdEscape(sourceDesc(a))
		var line string
		switch {
		case a.URL != "" && desc != "":
			line = fmt.Sprintf("[%s](%s)", desc, mdURL(a.URL))
		case a.URL != "":
			line = fmt.Sprintf("<%s>", mdURL(a.URL))
		case desc != "":
			line = desc + " — " + mdEscape(a.ID)
		default:
			line = mdEscape(a.ID)
		}
		fmt.Fprintf(&sb, "%d. <a id=\"%s\"></a>%s%s\n", i+1, sourceAnchor(b.ID, i+1), line, mdEscape(copiesNote(a)))
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// sourceAnchor is the HTML id of source n of the brief with id: "source-n",
// or "brief-<id>-source-n" when the brief has an id, so that several
// briefs in one document (stories, brief --all) link to their own
// sources. Characters other than letters, digits, "-" and "_" in the id
// become "-".
func sourceAnchor(id string, n int) string {
	if id == "" {
		return fmt.Sprintf("source-%d", n)
	}
	clean := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '-'
	}, id)
	return fmt.Sprintf("brief-%s-source-%d", clean, n)
}

// JSONBrief is the JSON form of a brief; its field names are stable.
type JSONBrief struct {
	ID    string `json:"id,omitempty"`
	Words int    `json:"words"`
	// Stopped is set when the summarizer reached its time limit and kept
	// the best selection found by then (see news.Summary).
	Stopped   bool           `json:"stopped,omitempty"`
	Sentences []JSONSentence `json:"sentences"`
	Sources   []JSONSource   `json:"sources"`
}

// JSONSentence is one summary sentence with its citations.
type JSONSentence struct {
	Text      string         `json:"text"`
	Score     float64        `json:"score"`
	Citations []JSONCitation `json:"citations"`
}

// JSONCitation points at a supporting sentence: Text equals the article's
// cleaned text from byte Start to byte End.
type JSONCitation struct {
	Source  int    `json:"source"`
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// JSONSource is one article of the brief.
type JSONSource struct {
	Source   int    `json:"source"`
	ID       string `json:"id"`
	Outlet   string `json:"outlet,omitempty"`
	Title    string `json:"title,omitempty"`
	Author   string `json:"author,omitempty"`
	Date     string `json:"date,omitempty"`
	Dateline string `json:"dateline,omitempty"`
	URL      string `json:"url,omitempty"`
	// Found names where the outlet, title, author and date were found;
	// nil when no origin is known.
	Found *JSONFound `json:"found,omitempty"`
	Words int        `json:"words"`
	Text  string     `json:"text"`
	// Headings are the [start, end) byte offsets in Text of the
	// article's subheadings.
	Headings [][2]int `json:"headings,omitempty"`
	// Copies are the other printings folded into this article.
	Copies []JSONCopy `json:"copies,omitempty"`
}

// JSONFound names where each metadata field of a source was found (see
// news.Found): "byline", "copyright", "html-meta", "input", ...
type JSONFound struct {
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`
}

// FoundJSON returns f in its JSON form, nil when f names no origin.
func FoundJSON(f news.Found) *JSONFound {
	if f.IsZero() {
		return nil
	}
	return &JSONFound{Title: f.Title, Outlet: f.Outlet, Author: f.Author, Date: f.Date}
}

// JSONCopy is another outlet's printing of a source.
type JSONCopy struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
}

// ToJSON converts b to its JSON form.
func ToJSON(b *news.Brief) JSONBrief {
	nums := sourceNumbers(b)
	out := JSONBrief{ID: b.ID, Words: b.Summary.Words, Stopped: b.Summary.Stopped, Sentences: []JSONSentence{}, Sources: []JSONSource{}}
	for _, s := range b.Summary.Sentences {
		js := JSONSentence{Text: s.Text, Score: s.Score}
		for _, c := range s.Citations {
			jc := JSONCitation{Source: nums[c.ArticleID], Article: c.ArticleID, Start: c.Start, End: c.End}
			if a := b.Article(c.ArticleID); a != nil {
				jc.Text, _ = a.Span(c)
			}
			js.Citations = append(js.Citations, jc)
		}
		out.Sentences = append(out.Sentences, js)
	}
	for i := range b.Articles {
		a := &b.Articles[i]
		src := JSONSource{Source: i + 1, ID: a.ID, Outlet: a.Outlet, Title: a.Title, Author: a.Author,
			Dateline: a.Dateline, URL: a.URL, Found: FoundJSON(a.Found), Words: len(strings.Fields(a.Text)), Text: a.Text,
			Headings: a.Headings}
		if !a.Date.IsZero() {
			src.Date = a.Date.Format(time.RFC3339)
		}
		for _, c := range a.Copies {
			jc := JSONCopy{ID: c.ID, Outlet: c.Outlet, URL: c.URL}
			if !c.Date.IsZero() {
				jc.Date = c.Date.Format(time.RFC3339)
			}
			src.Copies = append(src.Copies, jc)
		}
		out.Sources = append(out.Sources, src)
	}
	return out
}

// JSON writes b as one indented JSON object (see [JSONBrief]).
func JSON(w io.Writer, b *news.Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ToJSON(b))
}

// mdEscape makes s read as written in Markdown: it puts a backslash
// before the characters that would start emphasis, code, links, HTML,
// strike-through or an entity (\ ` * _ [ ] < > ~, and & before a letter
// or #), and before the marks that would start a heading, quote or list
// at the beginning of s. White space runs, line breaks included, become
// one space, so a sentence cannot end its paragraph or start a block.
func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	// A leading "1." or "1)" starts an ordered list.
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		sb.WriteString(s[:digits])
		sb.WriteByte('\\')
		s = s[digits:]
	} else if s != "" && strings.IndexByte("#+-=", s[0]) >= 0 {
		sb.WriteByte('\\')
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<>~", c) >= 0:
			sb.WriteByte('\\')
		case c == '&' && i+1 < len(s) && (s[i+1] == '#' || s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z'):
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// mdURL makes u safe as a Markdown link destination: it percent-encodes
// the bytes that would end it or break it (white space, control bytes,
// parentheses and angle brackets).
func mdURL(u string) string {
	var sb strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == 0x7f || c == '(' || c == ')' || c == '<' || c == '>' {
			fmt.Fprintf(&sb, "%%%02X", c)
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}
