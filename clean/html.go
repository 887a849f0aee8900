package clean

import (
	"fmt"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"tidings/news"
)

// HTML extracts the main text and metadata of an HTML page with
// go-trafilatura, then cleans the text with the same rules as [Text]. The
// offsets of Result.Map refer to trafilatura's extracted text, not to the
// HTML. It returns ErrNoContent when the page holds no article text.
func HTML(raw string) (Result, error) {
	ex, err := trafilatura.Extract(strings.NewReader(raw), trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   true,
		EnableFallback:  true,
		Deduplicate:     false,
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil || ex == nil || strings.TrimSpace(ex.ContentText) == "" {
		return Result{}, ErrNoContent
	}
	// The text rules work on paragraphs separated by blank lines, so the
	// text is rebuilt from trafilatura's content tree block by block.
	text := paragraphs(ex.ContentNode)
	if strings.TrimSpace(text) == "" {
		text = ex.ContentText
	}
	res, err := Text(text)
	md := ex.Metadata
	// The page's own metadata wins over what the text rules guessed.
	res.Meta.Title = firstNonEmpty(md.Title, res.Meta.Title)
	res.Meta.Author = firstNonEmpty(md.Author, res.Meta.Author)
	res.Meta.Outlet = firstNonEmpty(md.Sitename, res.Meta.Outlet)
	res.Meta.URL = md.URL
	if !md.Date.IsZero() {
		res.Meta.Date = md.Date
	}
	// The title line often opens the extracted text too.
	return res, err
}

// blockTags are the elements whose text forms a paragraph of its own.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "td": true, "dd": true, "dt": true,
	"figcaption": true, "div": true, "section": true, "article": true, "main": true,
	"ul": true, "ol": true, "table": true, "tr": true, "header": true, "footer": true,
}

// paragraphs returns the text of n with a blank line between blocks and
// white space collapsed inside them.
func paragraphs(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.Data == "br" {
				cur.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if n != nil {
		walk(n)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

func firstNonEmpty(a, b string) string {
	if a = strings.TrimSpace(a); a != "" {
		return a
	}
	return b
}

// Article cleans a.Raw into a.Text (as HTML when a.IsHTML) and fills the
// metadata fields of a that are still empty. It returns the dropped blocks,
// and an error wrapping ErrNoContent when no article text is left.
func Article(a *news.Article) ([]Drop, error) {
	var (
		res Result
		err error
	)
	if a.IsHTML {
		res, err = HTML(a.Raw)
	} else {
		res, err = Text(a.Raw)
	}
	if err != nil {
		return res.Dropped, fmt.Errorf("%s: %w", a.ID, err)
	}
	a.Text = res.Text
	m := res.Meta
	a.Title = firstNonEmpty(a.Title, m.Title)
	a.Outlet = firstNonEmpty(a.Outlet, m.Outlet)
	a.Author = firstNonEmpty(a.Author, m.Author)
	a.URL = firstNonEmpty(a.URL, m.URL)
	a.Dateline = firstNonEmpty(a.Dateline, m.Dateline)
	if a.Date.IsZero() {
		a.Date = m.Date
	}
	return res.Dropped, nil
}
