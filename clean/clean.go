package clean

import (
	"errors"
	"regexp"
	"sort"
	"strings"
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
}

// Piece maps Len bytes of cleaned text at offset Clean to the same bytes at
// offset Raw of the input.
type Piece struct {
	Clean, Raw, Len int
}

// Drop is one block removed by cleaning.
type Drop struct {
	// Rule is the name of the rule that dropped the block.
	Rule string
	// Text is the dropped text.
	Text string
}

// Result is the outcome of cleaning one article.
type Result struct {
	// Text is the article body: kept blocks joined by "\n\n".
	Text string
	// Map lists the kept pieces in order; Clean and Raw both increase.
	Map []Piece
	// Meta is the metadata found in the page or the text's header lines.
	Meta Meta
	// Dropped lists the dropped blocks in input order.
	Dropped []Drop
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
			m = galleryInside.FindStringIndex(raw[s:e])
		}
		if m == nil && strings.Contains(raw[s:e], "must be purchased") {
			m = salesInside.FindStringIndex(raw[s:e])
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
	galleryInside = regexp.MustCompile(`(?i)\b(hide|show|expand) caption \d+ of \d+\b`)
	salesInside   = regexp.MustCompile(`(?:_{3,}\s*)?\(To publish this\b[^)]*\bmust be purchased`)
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
		if !endsSentence(line) && wordCount(line) >= 10 {
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

// Text cleans a plain-text article. A short first line without final
// punctuation becomes Meta.Title; header lines ("Source: BBC News", "By
// Jane Doe", a date) become metadata. It returns ErrNoContent when fewer
// than five words are left.
func Text(raw string) (Result, error) {
	st := &state{}
	bs := blocks(raw)
	var res Result
	var kept []block
	for i, b := range bs {
		st.index = i
		b = st.trimDateline(b)
		if name := st.apply(b); name != "" {
			res.Dropped = append(res.Dropped, Drop{Rule: name, Text: b.text})
			continue
		}
		kept = append(kept, b)
	}
	res.Meta = st.meta
	var sb strings.Builder
	for i, b := range kept {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		res.Map = append(res.Map, Piece{Clean: sb.Len(), Raw: b.start, Len: len(b.text)})
		sb.WriteString(b.text)
	}
	res.Text = sb.String()
	if wordCount(res.Text) < minArticleWords {
		return res, ErrNoContent
	}
	return res, nil
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”)] ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
