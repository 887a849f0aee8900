package clean

import (
	"errors"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrNoContent is returned when a page or text holds no article text after
// cleaning.
var ErrNoContent = errors.New("clean: no article text")

// Meta is the metadata cleaning finds. Empty fields were not found.
type Meta struct {
	Title    string
	Outlet   string
	Author   string
	URL      string
	Dateline string
	Date     time.Time
	// Sources names where each field was found: "html-meta" (the page's
	// meta tags, JSON-LD and Open Graph, read by go-trafilatura),
	// "htmldate", "headline-date" (the date an HTML page shows beside its
	// h1), "json-ld", "time-element", "byline", "date-line", "dateline", "credit-line",
	// "copyright", "site-name", "url", "url-host", "source-line",
	// "headline", "h1" (the title as the page's h1 shows it, without the
	// site's name around it). A field not found has no entry.
	Sources map[string]string `json:",omitempty"`
}

// setSource records where field was found.
func (m *Meta) setSource(field, source string) {
	if m.Sources == nil {
		m.Sources = map[string]string{}
	}
	m.Sources[field] = source
}

// Piece maps Len bytes of cleaned text at offset Clean to the same bytes at
// offset Raw of the input.
type Piece struct {
	Clean, Raw, Len int
}

// Block is one block of a page (a paragraph, a line, a menu item) with
// what cleaning decided it is.
type Block struct {
	// Kind is what the block is.
	Kind Kind
	// Rule names the evidence that decided Kind ("" for a body block no
	// rule labelled).
	Rule string
	// Start and End are the byte offsets [Start, End) of Text in the
	// cleaned source: the input for text, go-trafilatura's text for HTML
	// (see [Result.Source]).
	Start, End int
	// Text is the block's text.
	Text string

	// nwords is wordCount(Text)+1 when label counted it, else 0.
	nwords int
	// nprose is proseWeight(Text)+1 once prose counted it, else 0: the
	// main region and the model's features both read it.
	nprose int
}

// prose returns proseWeight(b.Text), counted the first time.
func (b *Block) prose() int {
	if b.nprose == 0 {
		b.nprose = proseWeight(b.Text) + 1
	}
	return b.nprose - 1
}

// words returns wordCount(b.Text), counted once when label made b.
func (b Block) words() int {
	if b.nwords > 0 {
		return b.nwords - 1
	}
	return wordCount(b.Text)
}

// Drop is a block left out of the article text. It is a [Block]: Rule
// names the rule and Text holds the text.
type Drop = Block

// Result is the outcome of cleaning one article.
type Result struct {
	// Text is the article: its body and heading blocks in reading order,
	// joined by "\n\n".
	Text string
	// Map lists the kept pieces in order; Clean and Raw both increase.
	// Raw offsets point into the input for text, into Source for HTML.
	Map []Piece
	// Headings are the [start, end) byte offsets in Text of the blocks
	// of kind Heading, in order.
	Headings [][2]int
	// Meta is the metadata found in the page or the text's header lines.
	Meta Meta
	// Blocks lists every block of the page in order, labelled.
	Blocks []Block
	// Dropped lists the blocks left out of Text, in order.
	Dropped []Drop
	// Source is the text the blocks were cut from when it is not the
	// input: go-trafilatura's rendering of an HTML page as paragraphs.
	Source string
}

// RawOffset returns the input offset of the cleaned offset off, and false
// when off falls on a separator that cleaning inserted.
func (r *Result) RawOffset(off int) (int, bool) {
	i := sort.Search(len(r.Map), func(i int) bool { return r.Map[i].Clean+r.Map[i].Len > off })
	if i == len(r.Map) || off < r.Map[i].Clean {
		return 0, false
	}
	return r.Map[i].Raw + off - r.Map[i].Clean, true
}

// block is one paragraph (or line) of the input: raw[start:end].
type block struct {
	start, end int
	text       string
	words      int // white-space separated words of text, counted once
}

func newBlock(start, end int, text string) block {
	return block{start: start, end: end, text: text, words: wordCount(text)}
}

// blocks splits raw text into blocks: paragraphs separated by blank lines,
// and, inside a paragraph whose lines are each complete (final punctuation
// or a few words), each line on its own. A paragraph of wrapped prose stays
// one block.
func blocks(raw string) []block {
	var out []block
	for start := 0; start < len(raw); {
		end := strings.Index(raw[start:], "\n\n")
		next := 0
		if end < 0 {
			end, next = len(raw), len(raw)
		} else {
			end += start
			next = end + 2
		}
		out = appendParagraph(out, raw, start, end)
		start = next
	}
	return out
}

func appendParagraph(out []block, raw string, start, end int) []block {
	lines := lineSpans(raw, start, end)
	if len(lines) > 1 && !linesAreBlocks(raw, lines) {
		lines = [][2]int{{start, end}}
	}
	for _, l := range lines {
		s, e := trim(raw, l[0], l[1])
		// A gallery widget or a wire's sales notice run into the end of
		// a paragraph ("... star. Hide Caption 1 of 23 Photos: ...", "...
		// easy. ____ (To publish this article, it must be purchased")
		// becomes a block of its own, for dropGalleryCaption and
		// dropSiteNotice.
		var m []int
		if containsFold(raw[s:e], "caption") {
			m = galleryInside().FindStringIndex(raw[s:e])
		}
		if m == nil && strings.Contains(raw[s:e], "must be purchased") {
			m = salesInside().FindStringIndex(raw[s:e])
		}
		if m != nil && m[0] > 0 {
			if ps, pe := trim(raw, s, s+m[0]); ps < pe {
				out = append(out, newBlock(ps, pe, raw[ps:pe]))
			}
			s += m[0]
		}
		if s < e {
			out = append(out, newBlock(s, e, raw[s:e]))
		}
	}
	return out
}

// galleryInside finds the start of a gallery widget's captions inside a
// paragraph, salesInside the start of a wire's sales notice (with the
// rule of underscores that may come before it).
var (
	galleryInside = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(hide|show|expand) caption \d+ of \d+\b`) })

	salesInside = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:_{3,}\s*)?\(To publish this\b[^)]*\bmust be purchased`)
	})
)

func lineSpans(raw string, start, end int) [][2]int {
	var spans [][2]int
	for s := start; s < end; {
		e := strings.IndexByte(raw[s:end], '\n')
		if e < 0 {
			e = end
		} else {
			e += s
		}
		spans = append(spans, [2]int{s, e})
		s = e + 1
	}
	return spans
}

// linesAreBlocks reports whether every line of a paragraph stands alone:
// it ends a sentence or is short. Wrapped prose has long lines that end
// mid-sentence.
func linesAreBlocks(raw string, lines [][2]int) bool {
	for _, l := range lines {
		line := strings.TrimSpace(raw[l[0]:l[1]])
		if line == "" {
			continue
		}
		if !endsSentence(line) && wordsUpTo(line, 10) >= 10 {
			return false
		}
	}
	return true
}

func trim(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) && r != '\u200b' {
			break
		}
		end -= n
	}
	return start, end
}

// minArticleWords is the fewest words an article text may have; less is a
// page without an article (a menu, a bare title).
const minArticleWords = 5

// Options controls cleaning. The zero value cleans plain text.
type Options struct {
	// HTML says the input is an HTML page.
	HTML bool
	// URL is the page's address when known: a date in its path and its
	// host are evidence for the metadata.
	URL string
	// Limits bound the HTML a page may hold; the zero value means
	// [DefaultLimits].
	Limits Limits
	// Title is the article's headline when its input gives it (a JSONL
	// record's title, a feed item's): a first line of the text that is
	// not that headline is text, not a title to lift into Meta.Title.
	Title string
	// Pile, when not nil, is the pile of pages this one came with: a
	// block of copied text that recurs on its other pages and shares
	// little with the article is furniture (see [Pile]). The page need
	// not have been added to it.
	Pile *Pile
}

// Text cleans a plain-text article: Clean(raw, Options{}).
func Text(raw string) (Result, error) { return Clean(raw, Options{}) }

// Clean cleans one page, HTML or text as opts says. A short first line
// without final punctuation becomes Meta.Title; header lines ("Source: BBC
// News", "By Jane Doe", a date) become metadata; the blocks before and
// after the page's main region (menus, lists of links, comments) are
// labelled as such. It returns ErrNoContent when fewer than five words are
// left, and for HTML an error wrapping ErrTooLarge when the page exceeds
// opts.Limits.
func Clean(raw string, opts Options) (Result, error) {
	if opts.HTML {
		return cleanHTML(raw, opts)
	}
	return cleanText(raw, opts, textModel())
}

// cleanText cleans copied text: the rules, the main region and the
// metadata, then model's say on each block (none when model is nil).
func cleanText(raw string, opts Options, model *blockModel) (Result, error) {
	res := label(raw, blocks(raw), nil, opts.Title)
	// The date the rules took from the first byline or date line is
	// the fallback of textDate, which ranks every date by its place.
	ruled := res.Meta.Date
	res.Meta.Date = time.Time{}
	if textDate(&res, opts.URL); res.Meta.Date.IsZero() {
		res.Meta.Date = ruled
	}
	if res.Meta.Author == "" {
		textAuthor(&res)
	}
	findMeta(&res, raw, opts)
	relabelText(&res, model)
	relabelPile(&res, opts.Pile, raw)
	if wordsUpTo(res.Text, minArticleWords) < minArticleWords {
		return res, ErrNoContent
	}
	return res, nil
}

// label runs the rules on bs (cut from src), finds the main region and
// assembles the result. hints, when not nil, holds a kind suggested by
// the markup for each block (from HTML), -1 for none. title, when not
// "", is the headline the input gave: a first line is taken as the
// title only when it repeats it (see sameTitle).
func label(src string, bs []block, hints []int, title string) Result {
	st := &state{html: hints != nil, title: title}
	res := Result{Blocks: make([]Block, 0, len(bs))}
	var colonList []int // items of lists a bare colon line opened
	for i, b := range bs {
		st.index = i
		b, whole := st.trimDateline(b)
		bs[i] = b
		name, kind := "dateline", Dateline
		if !whole {
			name, kind = st.apply(b)
		}
		if hints != nil && hints[i] >= 0 && kind == Body {
			name, kind = "markup", Kind(hints[i])
		}
		res.Blocks = append(res.Blocks, Block{Kind: kind, Rule: name, Start: b.start, End: b.end, Text: b.text, nwords: b.words + 1})
		if name == "read-more-list" && !st.promoList {
			colonList = append(colonList, i)
		}
	}
	res.Meta = st.meta
	tables := hints == nil && bareText(res.Blocks)
	if tables {
		keepTableRows(res.Blocks, colonList)
	}
	if res.Meta.Title != "" {
		res.Meta.setSource("title", "first-line")
	}
	if hints == nil {
		if h := mainRegion(res.Blocks, tables); h >= 0 {
			res.Meta.Title = res.Blocks[h].Text
			res.Meta.setSource("title", "headline")
			for i := range res.Blocks[:h] {
				if b := &res.Blocks[i]; b.Kind == Title {
					b.Kind, b.Rule = Navigation, "before-main"
				}
			}
		}
	}
	assemble(&res)
	return res
}

// sameTitle reports whether a block repeats the headline the input gave
// (letters and digits compared case-folded; a site's name may follow
// either) or is another headline of it (a third of its words share the
// given one's stems, see coheres), or whether no headline was given.
func sameTitle(block, title string) bool {
	if title == "" {
		return true
	}
	fold := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	b, t := fold(block), fold(title)
	if b == "" || t == "" {
		return b == t
	}
	if strings.HasPrefix(b, t) || strings.HasPrefix(t, b) {
		return true
	}
	terms := map[string]bool{}
	for _, w := range contentTerms(title) {
		terms[w] = true
	}
	return coheres(block, terms)
}

// assemble builds Text, Map, Headings and Dropped from Blocks.
func assemble(res *Result) {
	var sb strings.Builder
	res.Map, res.Headings, res.Dropped = res.Map[:0], res.Headings[:0], res.Dropped[:0]
	// The text's length, so that it is written into one allocation.
	n, kept := 0, 0
	for _, b := range res.Blocks {
		if b.Kind.InArticle() {
			n += len(b.Text)
			kept++
		}
	}
	sb.Grow(n + 2*max(kept-1, 0))
	for _, b := range res.Blocks {
		if !b.Kind.InArticle() {
			res.Dropped = append(res.Dropped, b)
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		res.Map = append(res.Map, Piece{Clean: sb.Len(), Raw: b.Start, Len: len(b.Text)})
		if b.Kind == Heading {
			res.Headings = append(res.Headings, [2]int{sb.Len(), sb.Len() + len(b.Text)})
		}
		sb.WriteString(b.Text)
	}
	res.Text = sb.String()
}

// wordCount is len(strings.Fields(s)) without building the slice: the
// number of runs of non-space runes (unicode.IsSpace).
func wordCount(s string) int { return wordsUpTo(s, len(s)) }

// wordsUpTo is min(wordCount(s), most), reading s only until it has
// counted most words: enough to compare a text's words with a bound.
func wordsUpTo(s string, most int) int {
	if most <= 0 {
		return 0
	}
	n, in := 0, false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Eight ASCII bytes at once: a word starts at each byte that
			// is not white space after one that is (the first after the
			// state). Reaching most, the count is most whatever follows.
			if x := load64(s[i:]); x&highBits == 0 {
				space := spaceBytes(x)
				word := space ^ highBits
				var open uint64
				if !in {
					open = 1 << 7
				}
				if n += bits.OnesCount64(word & (space<<8 | open)); n >= most {
					return most
				}
				in = word>>63 != 0
				i += 8
				continue
			}
		}
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n == most {
				break
			}
		}
	}
	return n
}

// asciiSpace marks the ASCII runes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”)] ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
