package clean

import (
	"strings"
	"time"

	"golang.org/x/net/html"
)

// pageDates is the date evidence of an HTML page's markup that
// go-htmldate weighs differently from the people who mark a page's date
// (trafilatura's evaluation set): the date the page shows beside its
// headline, and the published dates that a modified date hides.
type pageDates struct {
	// shown is the first date written beside the first h1 (see
	// headlineDate); zero when none.
	shown time.Time
	// shownSlash is set when shown was read from an ambiguous d/d/yyyy
	// date, which may be day-first or month-first.
	shownSlash  bool
	shownSwap   time.Time
	shownSource string
	// modified holds the days of the meta tags that name a modification
	// ("article:modified_time", "og:updated_time", "dateModified"),
	// published those of the other date meta tags and of JSON-LD's
	// datePublished and dateCreated.
	modified, published map[string]bool
	// ldPublished is JSON-LD's first datePublished or dateCreated;
	// firstTime the first <time> element's date.
	ldPublished, firstTime time.Time
	// ld holds the page's JSON-LD scripts as decoded here, for the
	// author readers (see ldCache).
	ld ldCache
}

// Limits of the headline-date search, in text nodes of the page (runs of
// text between tags) and words; see headlineDate.
const (
	shownBefore   = 5
	shownAfter    = 10
	shownMaxWords = 15
	ldMaxBytes    = 1 << 20
	maxAnchors    = 5000
)

// furnitureTags are elements whose dates belong to other items (links,
// lists of stories, menus, footers) unless the element marks a date
// itself; otherTags and otherClasses hold dates that never are the
// page's.
var (
	furnitureTags = map[string]bool{"a": true, "li": true, "aside": true, "footer": true, "nav": true}
	otherTags     = map[string]bool{"option": true, "select": true, "figcaption": true}
	otherClasses  = []string{"comment", "related", "sidebar", "teaser", "widget", "menu", "recommend", "more"}
	dateClasses   = []string{"date", "time", "publish", "update"}
)

// scanDates reads doc's date evidence. It reads the tree only.
func scanDates(doc *html.Node) pageDates {
	pd := pageDates{modified: map[string]bool{}, published: map[string]bool{}}
	// pending holds the short text nodes that may be the date beside
	// the headline: the last shownBefore before the first h1 while it is
	// not found, then those up to shownAfter after it. Dates are read
	// from them only once the walk is done.
	type node struct {
		index          int
		text, timeAttr string
	}
	var pending []node
	h1 := -1
	index := 0
	var walk func(n *html.Node, furniture, other, marked, inH1 bool, timeAttr string)
	walk = func(n *html.Node, furniture, other, marked, inH1 bool, timeAttr string) {
		switch n.Type {
		case html.ElementNode:
			switch n.Data {
			case "script":
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					pd.readLD(n.FirstChild.Data)
				}
				return
			case "style", "noscript", "template", "svg":
				return
			case "meta":
				pd.readMeta(n)
				return
			case "h1":
				inH1 = true
			case "time":
				marked = true
				timeAttr = attr(n, "datetime")
				if pd.firstTime.IsZero() {
					if d, ok := isoDay(timeAttr); ok {
						pd.firstTime = d
					} else if d, ok := FindDate(textOf(n)); ok {
						pd.firstTime = d
					}
				}
			}
			if furnitureTags[n.Data] {
				furniture, marked = true, false
			}
			if otherTags[n.Data] {
				other = true
			}
			if c := strings.ToLower(attr(n, "class") + " " + attr(n, "id")); c != " " {
				for _, w := range otherClasses {
					if strings.Contains(c, w) {
						other = true
					}
				}
				for _, w := range dateClasses {
					if strings.Contains(c, w) {
						marked = true
					}
				}
			}
		case html.TextNode:
			t := strings.TrimSpace(n.Data)
			if t == "" {
				return
			}
			index++
			if inH1 && h1 < 0 {
				h1 = index
			}
			if other || furniture && !marked || (h1 >= 0 && index > h1+shownAfter) {
				return
			}
			if wordCount(t) > shownMaxWords {
				return
			}
			if h1 < 0 {
				for len(pending) > 0 && pending[0].index < index-shownBefore {
					pending = pending[1:]
				}
			}
			pending = append(pending, node{index, t, timeAttr})
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, furniture, other, marked, inH1, timeAttr)
		}
	}
	walk(doc, false, false, false, false, "")
	if h1 < 0 {
		return pd
	}
	for _, c := range pending {
		if c.index < h1-shownBefore || c.index > h1+shownAfter {
			continue
		}
		if d, ok := isoDay(c.timeAttr); ok {
			pd.shown = d
			break
		}
		d, ok := FindDate(c.text)
		if !ok || !dateLike(c.text) {
			continue
		}
		pd.shown = d
		if m := slashDate().FindStringSubmatch(c.text); m != nil {
			md, ok1 := makeDate(m[3], m[1], m[2])
			dm, ok2 := makeDate(m[3], m[2], m[1])
			switch {
			case !ok1 || !ok2 || md.Equal(dm):
			case d.Equal(md):
				pd.shownSlash, pd.shownSwap = true, dm
			case d.Equal(dm):
				pd.shownSlash, pd.shownSwap = true, md
			}
		}
		break
	}
	if !pd.shown.IsZero() {
		pd.shownSource = "headline-date"
	}
	return pd
}

// dateLike reports whether a short text is a date line rather than a
// sentence that mentions a date: at most eight words, or its first digit
// within its first three words ("Stand: 28.04.2020 18:00 Uhr", "29.11.2022
// – The council said …").
func dateLike(t string) bool {
	if wordCount(t) <= 8 {
		return true
	}
	i := strings.IndexAny(t, "0123456789")
	return i >= 0 && wordCount(t[:i]) <= 3
}

// isoDay reads the day of an ISO 8601 date or date-time as written
// (2022-05-08T06:00:00-05:00 is May 8), false when s does not start with
// one.
func isoDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	return makeDate(s[:4], s[5:7], s[8:10])
}

// modifiedKey reports whether a date meta tag's name names a
// modification rather than the publication.
func modifiedKey(k string) bool {
	return strings.Contains(k, "modif") || strings.Contains(k, "updated") || strings.Contains(k, "revision") || strings.Contains(k, "last")
}

func (pd *pageDates) readMeta(n *html.Node) {
	key := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
	if !strings.Contains(key, "date") && !strings.Contains(key, "time") && !strings.Contains(key, "publish") {
		return
	}
	d, ok := isoDay(attr(n, "content"))
	if !ok {
		d, ok = FindDate(attr(n, "content"))
	}
	if !ok {
		return
	}
	day := d.Format(time.DateOnly)
	if modifiedKey(key) {
		pd.modified[day] = true
	} else {
		pd.published[day] = true
	}
}

func (pd *pageDates) readLD(s string) {
	if len(s) > ldMaxBytes {
		return
	}
	if v, ok := pd.ld.decode(s); ok {
		pd.walkLD(v, 0)
	}
}

func (pd *pageDates) walkLD(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range []string{"datePublished", "dateCreated"} {
			if s, ok := x[k].(string); ok {
				if d, ok := isoDay(s); ok {
					pd.published[d.Format(time.DateOnly)] = true
					if pd.ldPublished.IsZero() {
						pd.ldPublished = d
					}
				}
			}
		}
		for k, e := range x {
			if k != "datePublished" && k != "dateCreated" {
				pd.walkLD(e, depth+1)
			}
		}
	case []any:
		for _, e := range x {
			pd.walkLD(e, depth+1)
		}
	}
}

// choose returns the page's date given go-htmldate's (zero when it found
// none) and where it was found: the date shown beside the headline (an
// ambiguous d/d/yyyy read the way nearer go-htmldate's date); else, when
// go-htmldate's date is only a modification date, JSON-LD's datePublished
// or the first <time>; else go-htmldate's.
func (pd pageDates) choose(h time.Time) (time.Time, string) {
	if !pd.shown.IsZero() {
		d := pd.shown
		if pd.shownSlash && !h.IsZero() && absDays(pd.shownSwap.Sub(h)) < absDays(d.Sub(h)) {
			d = pd.shownSwap
		}
		return d, pd.shownSource
	}
	if h.IsZero() {
		return h, ""
	}
	day := h.Format(time.DateOnly)
	if pd.modified[day] && !pd.published[day] {
		if !pd.ldPublished.IsZero() {
			return pd.ldPublished, "json-ld"
		}
		if !pd.firstTime.IsZero() {
			return pd.firstTime, "time-element"
		}
	}
	return h, "htmldate"
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns n's text, white space collapsed.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}
