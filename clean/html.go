package clean

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"tidings/news"
)

// HTML cleans an HTML page: Clean(raw, Options{HTML: true}).
func HTML(raw string) (Result, error) { return Clean(raw, Options{HTML: true}) }

// cleanHTML checks the page against opts.Limits, extracts its main content
// and metadata with go-trafilatura, cuts the content into blocks (the
// markup names headings and captions) and labels them with the text
// rules. The offsets of blocks and Map refer to Result.Source.
func cleanHTML(raw string, opts Options) (Result, error) {
	if err := opts.Limits.Check(raw); err != nil {
		return Result{}, err
	}
	if len(raw) > extractBudgetBytes/2 {
		small, elements := pruned(raw)
		if len(small) > extractBudgetBytes || elements > extractBudgetElements {
			return cleanRendered(raw, opts)
		}
		raw = small
	}
	// Tables stay in: on pages-dev they hold more article than furniture
	// (segment F 0.909 -> 0.916 for go-trafilatura alone). The extensive
	// date search (go-dateparser over the page's text) finds the date on
	// 632 of 728 pages against 601 for the fast one, at twice the time.
	topts := trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   false,
		EnableFallback:  true,
		Deduplicate:     false,
		HtmlDateMode:    trafilatura.Extensive,
	}
	if u, err := url.Parse(opts.URL); err == nil && u.Host != "" {
		topts.OriginalURL = u
	}
	ex, doc, dates, err := extract(raw, topts)
	if err != nil || ex == nil || strings.TrimSpace(ex.ContentText) == "" {
		return cleanRendered(raw, opts)
	}
	src, bs, hints := htmlBlocks(ex.ContentNode)
	var page []pageBlock
	if len(bs) == 0 {
		src = ex.ContentText
		bs, hints = blocks(src), nil
	} else if doc != nil {
		kept := make([]string, len(bs))
		for i, b := range bs {
			kept[i] = b.text
		}
		page = pageBlocks(doc, len(ex.ContentText)/3)
		lead := leadBlocks(page, kept, ex.Metadata.Title)
		src, bs, hints = prependBlocks(lead, src, bs, hints)
	}
	res := label(src, bs, hints, opts.Title)
	if page != nil && markFurniture(res.Blocks, page) {
		assemble(&res)
	}
	if headingsAfterProse(res.Blocks) {
		assemble(&res)
	}
	if doc != nil {
		var anchors map[string]bool
		linkTexts := func() map[string]bool {
			if anchors == nil {
				anchors = pageAnchors(doc)
			}
			return anchors
		}
		if restoreUnlinked(res.Blocks, linkTexts) {
			assemble(&res)
		}
	}
	res.Source = src
	md := ex.Metadata
	// The page's own metadata wins over what the text rules guessed.
	for _, f := range []struct {
		field string
		dst   *string
		val   string
	}{{"title", &res.Meta.Title, md.Title}, {"author", &res.Meta.Author, md.Author}, {"outlet", &res.Meta.Outlet, md.Sitename}} {
		if v := strings.TrimSpace(f.val); v != "" {
			*f.dst = v
			res.Meta.setSource(f.field, "html-meta")
		}
	}
	// go-trafilatura's author depends on map order (see pageAuthor):
	// the page's JSON-LD article author and author meta tags come first,
	// then go-trafilatura's, then a byline in the markup (pages-dev
	// author right on 300 -> 326 of 538 pages).
	if doc != nil {
		ta := strings.TrimSpace(md.Author)
		if ta != "" {
			ta = tidyAuthor(ta, raw, ldBystanders(doc, &dates.ld))
			if ta == "" {
				res.Meta.Author = ""
				delete(res.Meta.Sources, "author")
			} else {
				res.Meta.Author = ta
			}
		}
		// A handle ("maraellison") yields to the same name written out.
		if a, from := pageAuthor(doc, md.Sitename, &dates.ld); a != "" && (from != "byline" || ta == "") &&
			!(siteKey(a) == siteKey(ta) && len(strings.Fields(ta)) > len(strings.Fields(a))) {
			res.Meta.Author = a
			res.Meta.setSource("author", from)
		}
	}
	if h := pageHeadline(page, res.Meta.Title); h != "" {
		res.Meta.Title = h
		res.Meta.setSource("title", "h1")
	}
	// A title from the page's metadata often carries the site's name
	// (" | Site", " - Site"); the h1 never does (pages-dev title right
	// on 18 more pages, none fewer).
	if res.Meta.Sources["title"] == "html-meta" {
		host := ""
		if u, err := url.Parse(firstNonEmpty(opts.URL, md.URL)); err == nil {
			host = u.Hostname()
		}
		res.Meta.Title = stripSiteName(res.Meta.Title, md.Sitename, host)
	}
	// The headline opens go-trafilatura's content when the page's h1 is
	// inside the article; it is the title, not article text.
	if t := normalize(md.Title); t != "" {
		for i := range res.Blocks[:min(3, len(res.Blocks))] {
			b := &res.Blocks[i]
			if n := normalize(b.Text); b.Kind.InArticle() && (n == t || len(n) > 10 && strings.HasPrefix(t, n)) {
				b.Kind, b.Rule = Title, "page-title"
				assemble(&res)
				break
			}
		}
	}
	res.Meta.URL = md.URL
	if d, src := dates.choose(md.Date); !d.IsZero() {
		res.Meta.Date = d
		res.Meta.setSource("date", src)
	}
	if opts.URL == "" {
		opts.URL = md.URL
	}
	findMeta(&res, src, opts)
	if wordCount(res.Text) < minArticleWords {
		return res, ErrNoContent
	}
	return res, nil
}

// extract runs go-trafilatura on raw, and reads the date evidence of its
// markup (see scanDates) when clean parses it. A page that is valid UTF-8 is
// parsed here, normalised as go-trafilatura's reader would (NFC, soft
// hyphens removed), which spares its character-set detection: a quarter
// of the time of cleaning a 1,000-word page. Other pages go through its
// reader, which guesses their encoding.
func extract(raw string, topts trafilatura.Options) (*trafilatura.ExtractResult, *html.Node, pageDates, error) {
	if !utf8.ValidString(raw) {
		ex, err := trafilatura.Extract(strings.NewReader(raw), topts)
		return ex, nil, pageDates{}, err
	}
	if !isNFC(raw) {
		raw = norm.NFC.String(raw)
	}
	raw = strings.ReplaceAll(raw, "\u00ad", "")
	doc, err := html.Parse(strings.NewReader(raw))
	if err != nil {
		return nil, nil, pageDates{}, err
	}
	dates := scanDates(doc)
	ex, err := extractDocument(doc, topts)
	return ex, doc, dates, err
}

// isNFC is norm.NFC.IsNormalString(s), the ASCII text that opens most
// pages skipped a word at a time: nothing composes with the ASCII rune
// before it, so the text is normal when the rest from the last ASCII rune
// before the first other one is.
func isNFC(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if load64(s[i:])&highBits != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return true
	}
	return norm.NFC.IsNormalString(s[max(0, i-1):])
}

// restoreUnlinked gives back to the article the blocks the text rules
// took for a list of other stories (read-more-list, see-also) that the
// page does not link, and a short line ending in ":" that the text rules
// took for such a list's intro when an unlinked body block follows it: on
// a page, other stories are links, while "For the pastry:" or "Key
// points:" open the article's own list. It reports whether a block
// changed. anchors returns the collapsed texts of the page's links; it is
// called only when a block is such a list or intro, as most pages have
// none and reading the links costs a walk of the page and a string for
// each.
func restoreUnlinked(bs []Block, anchors func() map[string]bool) bool {
	changed := false
	for i := range bs {
		b := &bs[i]
		if b.Kind == Promotion && (b.Rule == "read-more-list" || b.Rule == "see-also") && !linked(b.Text, anchors()) {
			b.Kind, b.Rule = Body, "unlinked"
			changed = true
		}
	}
	for i := range bs[:max(0, len(bs)-1)] {
		b, next := &bs[i], bs[i+1]
		if b.Kind == Promotion && b.Rule == "promotion" && strings.HasSuffix(b.Text, ":") &&
			next.Kind == Body && !linked(next.Text, anchors()) && !linked(b.Text, anchors()) {
			b.Kind, b.Rule = Body, "unlinked-intro"
			changed = true
		}
	}
	return changed
}

// pageAnchors returns the collapsed texts of doc's links, the first
// maxAnchors distinct ones, outside script, style, noscript, template,
// svg and meta elements.
func pageAnchors(doc *html.Node) map[string]bool {
	anchors := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "meta":
				return
			case "a":
				if len(anchors) < maxAnchors {
					if t := textOf(n); t != "" {
						anchors[t] = true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return anchors
}

// linked reports whether a link's text makes up at least half of t.
func linked(t string, anchors map[string]bool) bool {
	t = joinFields(t)
	if anchors[t] {
		return true
	}
	for a := range anchors {
		if 2*len(a) >= len(t) && strings.Contains(t, a) {
			return true
		}
	}
	return false
}

// cleanRendered cleans a page too big for go-trafilatura as the text a
// reader would copy out of it (see copiedText); Result.Source holds that
// text.
func cleanRendered(raw string, opts Options) (Result, error) {
	src := copiedText(raw)
	opts.HTML = false
	res, err := Clean(src, opts)
	res.Source = src
	return res, err
}

// blockTags are the elements whose text forms a paragraph of its own.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "td": true, "dd": true, "dt": true,
	"figcaption": true, "div": true, "section": true, "article": true, "main": true,
	"ul": true, "ol": true, "table": true, "tr": true, "header": true, "footer": true,
	"head": true, "item": true, "list": true, "quote": true, "code": true, "row": true, "cell": true,
}

// tagHints are the kinds the markup gives a block: go-trafilatura renames
// headings to "head" and list items to "item".
var tagHints = map[string]Kind{
	"h1": Heading, "h2": Heading, "h3": Heading, "h4": Heading, "h5": Heading, "h6": Heading, "head": Heading,
	"figcaption": Caption,
}

// htmlBlocks renders n as paragraphs separated by a blank line, white space
// collapsed inside them, and returns the text, its blocks and the kind the
// markup suggests for each (-1 for none).
func htmlBlocks(n *html.Node) (string, []block, []int) {
	// cur collects the text of the current block, its buffer reused
	// from block to block (see blockText).
	var sb strings.Builder
	var cur []byte
	var bs []block
	var hints []int
	hint := -1
	flush := func() {
		t := blockText(cur)
		cur = cur[:0]
		if t == "" {
			hint = -1
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(t)
		bs = append(bs, newBlock(start, sb.Len(), t))
		hints = append(hints, hint)
		hint = -1
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur = append(cur, n.Data...)
			return
		case html.ElementNode:
			if n.Data == "br" || n.Data == "lb" {
				cur = append(cur, ' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
			if k, ok := tagHints[n.Data]; ok {
				hint = int(k)
			}
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
	return sb.String(), bs, hints
}

// blockText returns joinFields(string(b)): "" without a copy of b when b
// is only ASCII white space, as between most blocks.
func blockText(b []byte) string {
	for _, c := range b {
		if c >= utf8.RuneSelf || !asciiSpace[c] {
			return joinFields(string(b))
		}
	}
	return ""
}

func firstNonEmpty(a, b string) string {
	if a = strings.TrimSpace(a); a != "" {
		return a
	}
	return b
}

// Article cleans a.Raw into a.Text (as HTML when a.IsHTML) and fills the
// metadata fields of a that are still empty, a.Headings, and a.Found: where
// each field was found ([Meta.Sources] for what cleaning found, "input" for
// a field a already had). It returns the blocks left out of the text, and
// an error wrapping ErrNoContent when no article text is left (or
// ErrTooLarge for a page beyond the default limits).
func Article(a *news.Article) ([]Drop, error) { return article(a, nil) }

// article is Article with the pile's evidence when pile is not nil.
func article(a *news.Article, pile *Pile) ([]Drop, error) {
	res, err := ArticleResult(a, pile)
	return res.Dropped, err
}

// ArticleResult is [Article] with the pile's evidence when pile is not
// nil ([Pile.Article]), returning the whole [Result] (every block with its
// kind and offsets) for a caller that shows the blocks as well.
func ArticleResult(a *news.Article, pile *Pile) (Result, error) {
	res, err := Clean(a.Raw, Options{HTML: a.IsHTML, URL: a.URL, Title: a.Title, Pile: pile})
	if err != nil {
		return res, fmt.Errorf("%s: %w", a.ID, err)
	}
	a.Text = res.Text
	a.Headings = res.Headings
	m := res.Meta
	fill := func(dst, found *string, val, field string) {
		switch *dst = strings.TrimSpace(*dst); {
		case *dst != "":
			if *found == "" {
				*found = "input"
			}
		case val != "":
			*dst, *found = val, m.Sources[field]
		}
	}
	fill(&a.Title, &a.Found.Title, m.Title, "title")
	fill(&a.Outlet, &a.Found.Outlet, m.Outlet, "outlet")
	fill(&a.Author, &a.Found.Author, m.Author, "author")
	a.URL = firstNonEmpty(a.URL, m.URL)
	a.Dateline = firstNonEmpty(a.Dateline, m.Dateline)
	switch {
	case !a.Date.IsZero():
		if a.Found.Date == "" {
			a.Found.Date = "input"
		}
	case !m.Date.IsZero():
		a.Date, a.Found.Date = m.Date, m.Sources["date"]
	}
	return res, nil
}

// joinFields returns strings.Join(strings.Fields(s), " "): the words of
// s joined by single spaces. Text already so spaced comes back as it is,
// and other text is written once, without the slice of words.
func joinFields(s string) string {
	if singleSpaced(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	word := -1 // start of the word being read, -1 between words
	for i := 0; i < len(s); {
		c := s[i]
		size, space := 1, false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && word >= 0:
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(s[word:i])
			word = -1
		case !space && word < 0:
			word = i
		}
		i += size
	}
	if word >= 0 {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s[word:])
	}
	return sb.String()
}
