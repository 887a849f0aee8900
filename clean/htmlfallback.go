package clean

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura's fallback (Options.EnableFallback) runs go-readability
// on every page, and keeps its text instead of its own only when that is
// more than twice as long (or about as long while its own holds no
// paragraph of text, or more tables than paragraphs); go-domdistiller
// runs only when its own text is shorter than 250 runes (its
// MinExtractedSize), and in tidings gives no candidate: internal/distill
// stands in for it (go.mod's replace line), its text having never been
// kept on pages-dev. On pages-dev readability's text is kept on about 7 %
// of the pages and adds 0.011 to the HTML segment F (0.922 -> 0.933), but
// computing it is a seventh of the time of cleaning a 1,000-word page.
//
// extractDocument gives go-trafilatura's result while computing
// readability's text only where it could be kept, on pages whose text is
// mostly paragraphs: go-trafilatura is run with empty candidates, which
// it always rejects, and that result stands when it is its own
// extraction, long (minSureFallback), not borderline, and the page's
// text, or else readability's text once computed, is at most twice as
// long. Else go-trafilatura is run again, given readability's text (the
// same text it would compute: readability works on a copy of the page).
// On the 990 pages of pages-dev the result is the same on every page;
// of the 461 pages tried, about 290 need no readability and 50 the second
// run. The go-trafilatura step of a 1,000-word page takes 1.43 times
// less CPU time, of every third page of pages-dev 1.09 times less.

// minSureFallback is the fewest runes of the text of a run with empty
// candidates for which that text is sure to be go-trafilatura's own
// extraction, as long or longer than in a run with the real candidates
// (go-domdistiller and the baseline extraction run only under 250 runes;
// the sanitising of the chosen text only removes text).
const minSureFallback = 500

func extractDocument(doc *html.Node, topts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	if !topts.EnableFallback || topts.FallbackCandidates != nil || topts.Focus != trafilatura.Balanced {
		return trafilatura.ExtractDocument(doc, topts)
	}
	text, paras := pageText(doc)
	if 2*paras < text {
		// Mostly text outside paragraphs: there go-trafilatura's own
		// text is often short or not its own, and the second runs would
		// cost more than readability saves (on pages-dev 22 % of such
		// pages need one, against 11 % of the others).
		return trafilatura.ExtractDocument(doc, topts)
	}
	o := topts
	o.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: emptyCandidate(), Distiller: emptyCandidate()}
	ex, err := trafilatura.ExtractDocument(doc, o)
	if err != nil || ex == nil {
		return trafilatura.ExtractDocument(doc, topts)
	}
	own := 0
	if ownContent(ex.ContentNode) {
		own = utf8.RuneCountInString(ex.ContentText)
	}
	sure := own >= minSureFallback && !borderline(ex.ContentNode)
	if sure && text <= 2*own {
		return ex, nil
	}
	u := topts.OriginalURL
	if u == nil && ex.Metadata.URL != "" {
		// go-trafilatura gives readability the page's own address.
		u, _ = url.ParseRequestURI(ex.Metadata.URL)
	}
	art, _ := readability.FromDocument(doc, u)
	if sure && (art.Node == nil || textBound(art.Node) <= 2*own) {
		return ex, nil
	}
	o.FallbackCandidates = nil
	if art.Node != nil {
		o.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: art.Node}
	}
	// The first run's date is go-htmldate's on the same page (the only
	// source of Metadata.Date; it is set when one is found, which the
	// override's HasTime says): the second run need not search again.
	o.HtmlDateOverride = &htmldate.Result{DateTime: ex.Metadata.Date, HasTime: !ex.Metadata.Date.IsZero()}
	return trafilatura.ExtractDocument(doc, o)
}

// emptyCandidate is a fallback candidate without text, which
// go-trafilatura always rejects.
func emptyCandidate() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
}

// ownContent reports whether n, the content of a run given an empty
// readability candidate, is go-trafilatura's own extraction rather than
// a distiller's (its root is a div, go-trafilatura's a body; tidings'
// stand-in for go-domdistiller gives none) or the
// baseline extraction's (a body of paragraphs that each hold one text
// and nothing else; an own extraction of that shape is not told apart
// and counts as not its own).
func ownContent(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode || n.Data != "body" {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data != "p" || c.FirstChild != nil && (c.FirstChild.Type != html.TextNode || c.FirstChild.NextSibling != nil)) {
			return true
		}
	}
	return false
}

// borderline reports whether go-trafilatura could prefer a candidate
// about as long as its own text (n): n has no paragraph with text, or
// more tables than paragraphs.
func borderline(n *html.Node) bool {
	paras, tables, text := 0, 0, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "p":
				paras++
				if !text && strings.TrimSpace(textOf(c)) != "" {
					text = true
				}
			case "table":
				tables++
			}
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return !text || tables > paras
}

// textBound returns an upper bound of the runes of the text
// go-trafilatura reads from any part of n (its text nodes joined by a
// space, white space collapsed): the collapsed runes of each text node
// outside script and style, plus one for the space after it.
func textBound(n *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += collapsedRunes(c.Data) + 1
			case html.ElementNode:
				if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return total
}

// pageText returns textBound(doc) and its part inside p elements.
func pageText(doc *html.Node) (text, paras int) {
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := collapsedRunes(c.Data) + 1
				text += k
				if inP {
					paras += k
				}
			case html.ElementNode:
				if c.DataAtom != atom.Script && c.DataAtom != atom.Style {
					walk(c, inP || c.DataAtom == atom.P)
				}
			}
		}
	}
	walk(doc, false)
	return text, paras
}

// collapsedRunes returns the runes of s with its white space collapsed
// as strings.Fields and a single space join it, without building it.
func collapsedRunes(s string) int {
	n, space := 0, true
	for i := 0; i < len(s); {
		c := s[i]
		var isSpace bool
		if c < utf8.RuneSelf {
			i++
			isSpace = asciiSpace[c]
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			isSpace = unicode.IsSpace(r)
		}
		if !isSpace {
			n++
			space = false
		} else if !space {
			n++
			space = true
		}
	}
	if n > 0 && space {
		n--
	}
	return n
}
