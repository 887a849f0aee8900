package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages too big for go-trafilatura in bounded time and memory (its cost
// grows faster than the page: an 8 MiB page of plain paragraphs took
// minutes and over 600 MB) are rendered by a streaming tokenizer to the
// text a reader would copy out of a browser, and cleaned as text. The
// budget holds every one of the 990 pages of pages-dev (the largest is
// 1.6 MB) after their scripts and styles are cut.

// extractBudget bounds the page go-trafilatura is given: bytes after
// scripts, styles and comments are cut, and start tags.
const (
	extractBudgetBytes    = 2 << 20
	extractBudgetElements = 30_000
)

// skipText are the elements whose content a reader does not see.
var skipText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Select: true, atom.Object: true,
}

// lineTags are the elements that end a line of copied text.
var lineTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true,
	atom.Article: true, atom.Aside: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Figure: true, atom.Figcaption: true, atom.Blockquote: true, atom.Form: true, atom.Button: true,
	atom.Label: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Pre: true, atom.Main: true, atom.Br: true, atom.Hr: true, atom.Address: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Title: true,
}

// pruned returns page without comments and the content of script, style,
// noscript, template and svg elements (keeping JSON-LD scripts, which
// carry metadata), and the number of start tags left.
func pruned(page string) (string, int) {
	z := html.NewTokenizer(strings.NewReader(page))
	var sb strings.Builder
	sb.Grow(len(page) / 2)
	skip := atom.Atom(0)
	elements := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return sb.String(), elements
		}
		raw := z.Raw()
		switch tt {
		case html.CommentToken:
			continue
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip == 0 && (a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template || a == atom.Svg) {
				ld := false
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "type" && strings.Contains(string(v), "ld+json") {
						ld = true
					}
				}
				if !ld {
					skip = a
					continue
				}
			}
			if skip != 0 {
				continue
			}
			elements++
		case html.EndTagToken:
			name, _ := z.TagName()
			if skip != 0 {
				if atom.Lookup(name) == skip {
					skip = 0
				}
				continue
			}
		default:
			if skip != 0 {
				continue
			}
		}
		sb.Write(raw)
	}
}

// copiedText renders page as a reader copies it: every visible block on
// its own line, blocks separated by a blank line, white space collapsed
// inside a block.
func copiedText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var out, line strings.Builder
	skip, depth := atom.Atom(0), 0
	flush := func() {
		t := strings.Join(strings.Fields(line.String()), " ")
		line.Reset()
		if t == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(t)
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out.String()
		case html.TextToken:
			if skip == 0 {
				line.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip && tt == html.StartTagToken {
					depth++
				}
				continue
			}
			if skipText[a] && tt == html.StartTagToken {
				skip, depth = a, 1
				continue
			}
			if lineTags[a] {
				flush()
			} else {
				line.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip {
					if depth--; depth == 0 {
						skip = 0
					}
				}
				continue
			}
			if lineTags[a] {
				flush()
			}
		}
	}
}
