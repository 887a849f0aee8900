package clean

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura reads a page's author from its JSON-LD by walking Go
// maps, whose order is random: a page with an article and a person, or
// two articles, gets one author on one run and another on the next.
// pageAuthor reads the page's own statements of its author in a fixed
// order of trust, each in page order: the author of the page's article
// in JSON-LD (an Article, NewsArticle, BlogPosting, Report …), the
// author meta tags (name=author, article:author, parsely-author,
// sailthru.author, dc.creator, byl), then the markup of a byline:
// itemprop=author, rel=author links, and short elements whose class
// names an author or a byline. Several authors are joined with ", " in
// the order the page gives them; a value that is the site's own name, a
// URL or no name at all is passed over.

// authorMetaNames are the meta names and properties that hold a page's
// author, in the order they are trusted.
var authorMetaNames = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}

// pageAuthor returns the page's author and where it was found
// ("json-ld", "html-meta" for meta tags, "byline" for a byline in the markup), or "" when the page states
// none. site is the page's own name (og:site_name), never an author. ld
// holds the JSON-LD scripts already decoded (nil: none).
func pageAuthor(doc *html.Node, site string, ld *ldCache) (string, string) {
	var inLD [][]string
	meta := make([][]string, len(authorMetaNames))
	type mark struct {
		names  []string
		parent *html.Node
	}
	var marked []mark
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth+1)
			}
			return
		}
		if depth > maxAuthorDepth {
			return
		}
		switch n.DataAtom {
		case atom.Script:
			if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil && len(n.FirstChild.Data) < maxLDBytes {
				if names := ldAuthors(n.FirstChild.Data, ld); len(names) > 0 {
					inLD = append(inLD, names)
				}
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Form, atom.Label, atom.Input, atom.Textarea, atom.Footer, atom.Nav:
			return
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "name"), attr(n, "property")))
			if i := slices.Index(authorMetaNames, key); i >= 0 && meta[i] == nil && !strings.Contains(attr(n, "content"), "://") {
				meta[i] = splitAuthors(attr(n, "content"))
			}
			return
		}
		if commentBox(n) {
			return
		}
		if len(marked) < 8 && bylineMarkup(n) {
			if names := splitAuthors(nodeText(n)); len(names) > 0 {
				marked = append(marked, mark{names, n.Parent})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	pick := func(cands [][]string) string {
		for _, names := range cands {
			if s := joinAuthors(names, site); s != "" {
				return s
			}
		}
		return ""
	}
	if s := pick(inLD); s != "" {
		return s, "json-ld"
	}
	if s := pick(meta); s != "" {
		return s, "html-meta"
	}
	// Bylines in the markup: the names of the first that holds any, and
	// those of its siblings (a byline that links each author apart).
	var names []string
	var parent *html.Node
	for _, m := range marked {
		if parent != nil && m.parent != parent {
			continue
		}
		if s := joinAuthors(m.names, site); s != "" {
			parent = m.parent
			for _, n := range strings.Split(s, ", ") {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		}
	}
	if len(names) > 0 {
		return strings.Join(names, ", "), "byline"
	}
	return "", ""
}

const (
	maxAuthorDepth = 256
	maxLDBytes     = 1 << 20
	maxAuthors     = 8
)

// bylineMarkup reports whether n marks a byline: itemprop=author,
// rel=author, or a class naming an author or byline, and its text is
// short (a name or two, not a bio).
func bylineMarkup(n *html.Node) bool {
	switch {
	case attr(n, "itemprop") == "author", strings.Contains(" "+attr(n, "rel")+" ", " author "):
	default:
		c := strings.ToLower(attr(n, "class"))
		if !(strings.Contains(c, "byline") || strings.Contains(c, "author-name") || strings.Contains(c, "authorname") ||
			strings.Contains(c, "author_name") || hasWord(c, "author")) {
			return false
		}
	}
	return true
}

// hasWord reports whether w is one of the words of class value c (cut at
// every byte that is no ASCII letter).
func hasWord(c, w string) bool {
	for _, f := range strings.FieldsFunc(c, func(r rune) bool { return r > unicode.MaxASCII || !asciiLetter(byte(r)) }) {
		if f == w {
			return true
		}
	}
	return false
}

// nodeText returns n's text, white space collapsed, at most 300 bytes
// read.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if sb.Len() > 300 {
			return
		}
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return joinFields(sb.String())
}

// splitAuthors cuts a byline into its names: at ",", ";", "|", "&" and
// the word "and" of several languages, after any leading "By"/"Von"/…
// and any date or "Updated" part after the names.
func splitAuthors(s string) []string {
	s = joinFields(s)
	if len(s) > 200 || s == "" {
		return nil
	}
	if m := bylinePrefix.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '|' || r == '&' || r == '/' || r == '·' || r == '•'
	}) {
		for _, n := range authorAnd.Split(part, -1) {
			if n = strings.Trim(n, " .:-–—()[]\"'"); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// joinAuthors keeps the names of names that look like a person's or a
// desk's name (see nameLike) and are not the site's, at most maxAuthors,
// and joins them with ", "; "" when none is left.
func joinAuthors(names []string, site string) string {
	site = normalize(site)
	var kept []string
	for _, n := range names {
		if !nameLike(n) || site != "" && normalize(n) == site || slices.Contains(kept, n) {
			continue
		}
		kept = append(kept, n)
		if len(kept) == maxAuthors {
			break
		}
	}
	return strings.Join(kept, ", ")
}

// nameLike reports whether s can be a name: one to six words, letters
// in every word but no digits, no URL or address, and not all in one
// short lower-case word (a handle may be a name; "admin" is not).
func nameLike(s string) bool {
	if s == "" || len(s) > 80 || strings.Contains(s, "://") || strings.Contains(s, "@") || strings.Contains(s, "www.") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	switch strings.ToLower(s) {
	case "admin", "administrator", "staff", "editor", "editors", "user", "guest", "anonymous", "unknown",
		"phd", "ph.d", "md", "m.d", "dr", "prof", "mba", "msc", "bsc":
		return false
	}
	if len(words) == 1 {
		return true
	}
	// In a name of several words each opens with a capital but for
	// the particles of names ("von", "de", "van der"); "Posted on" or
	// "Leave a comment" is no name. A script without case passes.
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && (i == 0 || !nameParticles[w]) {
			return false
		}
	}
	return true
}

// nameParticles are the lower-case words inside names of the languages
// tidings reads.
var nameParticles = map[string]bool{
	"von": true, "van": true, "de": true, "der": true, "den": true, "da": true, "di": true, "del": true,
	"della": true, "des": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "do": true,
	"zu": true, "y": true, "bin": true, "ibn": true, "al": true, "ter": true, "ten": true, "af": true,
}

// ldAuthors returns the authors of the first article of a JSON-LD
// script, in the order it lists them, or nil. Objects are searched in
// document order: the top level, then @graph, then the values of each
// object by sorted key, so the answer never depends on map order.
func ldAuthors(src string, ld *ldCache) []string {
	v, ok := ld.decode(src)
	if !ok {
		return nil
	}
	var found []string
	seen := 0
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 16 || seen > 10000 {
			return false
		}
		seen++
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				if visit(x, depth+1) {
					return true
				}
			}
		case map[string]any:
			if articleType(t["@type"]) {
				if names := ldNames(t["author"], 0); len(names) > 0 {
					found = names
					return true
				}
			}
			if g, ok := t["@graph"]; ok && visit(g, depth+1) {
				return true
			}
			keys := make([]string, 0, len(t))
			for k := range t {
				if k != "@graph" && k != "author" {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				if visit(t[k], depth+1) {
					return true
				}
			}
		}
		return false
	}
	visit(v, 0)
	return found
}

// articleType reports whether a JSON-LD @type names an article, a
// posting or a report (schema.org's CreativeWork kinds that have a
// byline).
func articleType(v any) bool {
	switch t := v.(type) {
	case string:
		l := strings.ToLower(t)
		return strings.Contains(l, "article") || strings.Contains(l, "posting") || l == "report" || l == "webpage" || l == "review" || l == "recipe"
	case []any:
		for _, x := range t {
			if articleType(x) {
				return true
			}
		}
	}
	return false
}

// ldNames returns the names of a JSON-LD author value: a string, an
// object with a name (an Organization's only when it is the sole
// author), or a list of those, in order.
func ldNames(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch t := v.(type) {
	case string:
		return splitAuthors(t)
	case map[string]any:
		if typ, _ := t["@type"].(string); strings.EqualFold(typ, "Organization") && depth > 1 {
			return nil
		}
		switch n := t["name"].(type) {
		case string:
			return splitAuthors(n)
		case []any, map[string]any:
			return ldNames(n, depth+1)
		}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, ldNames(x, depth+1)...)
		}
		return out
	}
	return nil
}

// bylinePrefix is the word a byline opens with in the languages of the
// pages tidings reads: "By", "Von", "Par", "Por", "Door", "Di", "Av",
// "Autor:", "Author:", "Written by" …
var bylinePrefix = regexp.MustCompile(`^(?i:(?:(?:posted|written|story|words|text|published|reported)\s+by|(?:eingestellt|veröffentlicht|erstellt|geschrieben|verfasst|artikel|beiträge|zeige\s+alle\s+beiträge)\s+von|(?:publié|écrit|rédigé)\s+par|(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da|by|von|par|por|door|av|autor(?:in|ka)?|author|auteur|text|texte|interview)(?:\s+|\s*:\s*|$))`)

// authorAnd is "and" between two names in English, German, French,
// Spanish, Italian, Dutch, Portuguese and the Nordic languages.
var authorAnd = regexp.MustCompile(`\s+(?:and|und|et|y|e|en|og|och|ja|i)\s+`)

// commentBox reports whether n's class or id names comments: the
// names in a comment thread are its commenters', not the author's.
func commentBox(n *html.Node) bool {
	for _, k := range []string{"class", "id"} {
		if v := strings.ToLower(attr(n, k)); strings.Contains(v, "comment") || strings.Contains(v, "respond") || strings.Contains(v, "reply") {
			return true
		}
	}
	return false
}

// titleSeparators are the separators between a headline and the site's
// name in a page's <title> or og:title.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "}

// stripSiteName returns title without a site name after (or before) a
// separator: the site's own name (og:site_name) or its host's name
// ("battery-news.de" for "Battery-News.de"). A title left under two
// words is not cut.
func stripSiteName(title, site, host string) string {
	site, host = siteKey(site), siteKey(strings.TrimPrefix(strings.ToLower(host), "www."))
	same := func(seg string) bool {
		k := siteKey(seg)
		return k != "" && (k == site || k == host || host != "" && len(k) >= 4 && strings.HasPrefix(host, k))
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && same(title[i+len(sep):]) && weightWords(title[:i]) >= 2 {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && same(title[:i]) && weightWords(title[i+len(sep):]) >= 2 {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// siteKey folds a site's name or host to its letters and digits in lower
// case, a host's top-level domain dropped.
func siteKey(s string) string {
	if i := strings.LastIndex(s, "."); i > 0 && !strings.Contains(s, " ") {
		s = s[:i]
	}
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// ldBystanders returns the names of the JSON-LD Persons of a page that
// stand inside an Organization (a publisher's employee or founder) and
// are nowhere named as an author, creator or contributor: go-trafilatura
// takes any Person of the page for its author. ld holds the JSON-LD
// scripts already decoded (nil: none).
func ldBystanders(doc *html.Node, ld *ldCache) map[string]bool {
	others, authors := map[string]bool{}, map[string]bool{}
	var visit func(v any, key string, inOrg bool, depth int)
	visit = func(v any, key string, inOrg bool, depth int) {
		if depth > 16 || len(others)+len(authors) > 1000 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				visit(x, key, inOrg, depth+1)
			}
		case map[string]any:
			typ, _ := t["@type"].(string)
			if name, ok := t["name"].(string); ok {
				switch {
				case key == "author" || key == "creator" || key == "contributor":
					authors[normalize(name)] = true
				case inOrg && typ == "Person":
					others[normalize(name)] = true
				}
			}
			org := inOrg || strings.HasSuffix(typ, "Organization")
			for k, x := range t {
				visit(x, k, org, depth+1)
			}
		}
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxAuthorDepth {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil && len(n.FirstChild.Data) < maxLDBytes {
				if v, ok := ld.decode(n.FirstChild.Data); ok {
					visit(v, "", false, 0)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	for a := range authors {
		delete(others, a)
	}
	return others
}

// tidyAuthor drops from go-trafilatura's author (names joined by "; ")
// the JSON-LD bystanders, and puts the names left in the order of their
// first place in the page, so that the answer does not depend on the
// order go-trafilatura met them in.
func tidyAuthor(author, page string, bystanders map[string]bool) string {
	var names []string
	for _, n := range strings.Split(author, ";") {
		if n = strings.TrimSpace(n); n != "" && !bystanders[normalize(n)] && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	at := func(n string) int {
		if i := strings.Index(page, n); i >= 0 {
			return i
		}
		return len(page)
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if c := at(a) - at(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return strings.Join(names, "; ")
}

// ldCache holds the JSON-LD scripts of one page as decoded, so that the
// three readers of a page's JSON-LD (scanDates for its dates, pageAuthor
// and ldBystanders for its authors) decode each script once rather than
// three times. A script is known by its text: the readers walk the tree
// before and after go-trafilatura's extraction, and a text that changed
// between is decoded again. A nil *ldCache decodes every time.
type ldCache struct {
	scripts []ldScript
}

// ldScript is a JSON-LD script's text and the value it decodes to, ok
// false when it is not JSON.
type ldScript struct {
	src string
	v   any
	ok  bool
}

// maxCachedLD bounds the scripts an ldCache holds; a page with more
// decodes the others each time they are read.
const maxCachedLD = 64

// decode returns the value of the JSON text src and whether it is JSON.
// The value is shared by every reader: they must not change it.
func (c *ldCache) decode(src string) (any, bool) {
	if c != nil {
		for _, s := range c.scripts {
			if s.src == src {
				return s.v, s.ok
			}
		}
	}
	var v any
	ok := json.Unmarshal([]byte(src), &v) == nil
	if c != nil && len(c.scripts) < maxCachedLD {
		c.scripts = append(c.scripts, ldScript{src, v, ok})
	}
	return v, ok
}
