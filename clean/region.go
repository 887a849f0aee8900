package clean

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The main region of a page is the run of blocks that holds the article:
// the run that maximises the words of its prose blocks minus a cost for
// every block of page furniture inside it (Finn, Kushmerick and Smyth's
// body text extraction, 2001, on blocks instead of tokens). A copied page
// keeps its menus before the article and its lists of links, comments and
// footer after it; those are short lines without final punctuation, so
// the article stands out as the densest run of prose whatever the
// language or site. Blocks outside the run are labelled as furniture, and
// the readers' comments after a comments marker never join it.

// Region costs, in words of prose.
const (
	// furnitureCost is what a block a rule labelled as furniture costs.
	furnitureCost = 3
	// shortCost is what a short block without final punctuation costs.
	shortCost = 2
	// rowWeight is what a short block with a figure and a word (a row of
	// a table) adds when the region is carried on from the run of prose
	// across a table before or after it: enough to cross a table's
	// headings ("American League"), less than a sentence. Inside the
	// run a row counts nothing (see mainRegion).
	rowWeight = 1
)

// proseWeight is a block's weight as article prose: its words when it
// reads like prose (a sentence of five words or more, or 25 words or more:
// longer than a headline), else 0.
func proseWeight(text string) int {
	w := weightWords(text)
	if w >= 25 || w >= 5 && (endsSentence(text) || strings.HasSuffix(text, ":")) {
		return w
	}
	return 0
}

// weightWords counts the words of text, a run of two Han, kana or Thai
// characters counting as one word (those scripts put no spaces between
// words).
func weightWords(text string) int {
	n, dense := 0, 0
	st := uint8(0) // 1 inside a word
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			// Eight ASCII bytes each a letter, a digit or white space:
			// a word starts at each letter or digit after white space
			// (the first after the state), counted at once.
			if x := load64(text[i:]); x&highBits == 0 {
				word, space := wordBytes(x), spaceBytes(x)
				if word|space == highBits {
					n += bits.OnesCount64(word & (space<<8 | uint64(1-st)<<7))
					st = uint8(word >> 63)
					i += 8
					continue
				}
				for _, c := range []byte(text[i : i+8]) {
					v := asciiWordStep[st<<7|c]
					n += int(v >> 1)
					st = v & 1
				}
				i += 8
				continue
			}
		}
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: what the cases below decide, from a table.
			v := asciiWordStep[st<<7|c]
			n += int(v >> 1)
			st = v & 1
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r >= 0x0E00 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r)):
			dense++
			st = 0
		case unicode.IsSpace(r):
			st = 0
		default:
			if st == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				n++
				st = 1
			}
		}
	}
	return n + dense/2
}

// highBits is the high bit of each of eight bytes.
const highBits = 0x8080808080808080

// load64 returns the first eight bytes of s, s[0] lowest (the compiler
// makes it one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// inRange returns, of eight ASCII bytes x, the high bit of each that is
// in [lo, hi]: (x|0x80)-lo has its high bit set exactly when x >= lo,
// and (hi|0x80)-x when x <= hi, with no borrow between bytes.
func inRange(x uint64, lo, hi byte) uint64 {
	const ones = 0x0101010101010101
	return ((x | highBits) - uint64(lo)*ones) & ((uint64(hi)*ones | highBits) - x) & highBits
}

// wordBytes marks the ASCII letters and digits of eight ASCII bytes x
// (their high bits), spaceBytes the white space (as asciiSpace).
func wordBytes(x uint64) uint64 {
	return inRange(x|0x2020202020202020, 'a', 'z') | inRange(x, '0', '9')
}

func spaceBytes(x uint64) uint64 { return inRange(x, '\t', '\r') | inRange(x, ' ', ' ') }

// asciiWordStep is weightWords' step on an ASCII byte c from state st
// (1 inside a word, else 0), at st<<7|c: the next state in bit 0, and
// in bit 1 whether a word starts (a letter or digit outside a word).
// White space ends a word; any other byte leaves the state as it was.
var asciiWordStep = func() (t [2 << 7]uint8) {
	for st := range uint8(2) {
		for c := range uint8(utf8.RuneSelf) {
			v := st
			switch {
			case asciiSpace[c]:
				v = 0
			case 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9':
				v = 1 | (1-st)<<1
			}
			t[st<<7|c] = v
		}
	}
	return t
}()

// mainRegion finds the main region of blocks and labels the article blocks
// outside it: before it as navigation, after it as promotion, and after a
// comments marker as comments. It returns the index of the article's
// headline, the headline-like block nearest before the region (past
// bylines, dates and captions), labelled the title, or -1. With tables
// (bare text, see bareText) the rows of a table before or after the run
// of prose join the region.
func mainRegion(blocks []Block, tables bool) int {
	if len(blocks) == 0 {
		return -1
	}
	score := make([]int, len(blocks))
	row := make([]bool, len(blocks))
	total := 0
	for i, b := range blocks {
		switch {
		case b.Kind == Body:
			switch w := blocks[i].prose(); {
			case w > 0:
				score[i] = w
			case tables && tableRow(b.Text):
				// A row of a table ("Samsung 10 Haitai 3", "May 13
				// Arrive in London") belongs to the article, though it
				// is no prose.
				score[i], row[i] = 0, true
			default:
				score[i] = -shortCost
			}
		case tables && b.Kind == Heading && tableRow(b.Text):
			score[i], row[i] = 0, true // a row of a table, as below
		case b.Kind == Heading:
			score[i] = -shortCost
		case b.Kind == Title || b.Kind == Byline || b.Kind == Dateline:
			score[i] = 0
		default:
			score[i] = -furnitureCost
		}
		total += max(score[i], 0)
	}
	// The article comes before its readers' comments: when a comments
	// marker follows a run of prose of minRegionWords or more, the region
	// is the best run before the first such marker, however long the
	// comments after it are.
	bestS, bestE := bestRun(blocks, score, len(blocks))
	for i := range blocks {
		if blocks[i].Kind != Comments {
			continue
		}
		if s, e := bestRun(blocks, score, i); e >= 0 && runScore(score, s, e) >= minRegionWords {
			bestS, bestE = s, e
		}
		break
	}
	if bestE < 0 {
		return -1
	}
	// Carry the region across a table that follows it or that comes
	// before it (a results table led by its caption); the headline is
	// still looked for before the prose.
	proseStart := bestS
	if tables {
		bestS = carryAcross(blocks, score, row, bestS, -1)
		bestE = carryAcross(blocks, score, row, bestE, 1)
	}
	comments := false
	for i := range blocks {
		b := &blocks[i]
		if b.Kind == Comments && i > bestE {
			comments = true
		}
		if !b.Kind.InArticle() || i >= bestS && i <= bestE {
			continue
		}
		switch {
		case i < bestS:
			b.Kind, b.Rule = Navigation, "before-main"
		case comments:
			b.Kind, b.Rule = Comments, "after-comments-marker"
		default:
			b.Kind, b.Rule = Promotion, "after-main"
		}
	}
	keepHeadings(blocks, tables)
	return headline(blocks, proseStart)
}

// minRegionWords is the prose weight a run before a comments marker needs
// to be taken as the article rather than the comments after it.
const minRegionWords = 40

// bestRun returns the maximum-sum run [s, e] of score among blocks[:end]
// (Kadane's algorithm), e -1 when no run scores above 0; a comments marker
// is a wall the run does not cross.
func bestRun(blocks []Block, score []int, end int) (int, int) {
	bestS, bestE, best := 0, -1, 0
	curS, cur := 0, 0
	for i := range blocks[:end] {
		if blocks[i].Kind == Comments {
			cur, curS = 0, i+1
			continue
		}
		if cur <= 0 {
			cur, curS = 0, i
		}
		cur += score[i]
		if cur > best {
			best, bestS, bestE = cur, curS, i
		}
	}
	return bestS, bestE
}

func runScore(score []int, s, e int) int {
	n := 0
	for _, v := range score[s : e+1] {
		n += v
	}
	return n
}

// carryAcross walks from the region's edge at (start or end) in
// direction dir (-1 or 1) and returns the new edge: the farthest row of
// a table reached while the rows' weight exceeds the cost of the blocks
// between them, stopping at a comments marker, at a cost over
// 2*furnitureCost, or after maxTableGap blocks that are no row.
func carryAcross(blocks []Block, score []int, row []bool, at, dir int) int {
	edge, cur, top, gap := at, 0, 0, 0
	for i := at + dir; i >= 0 && i < len(blocks) && blocks[i].Kind != Comments; i += dir {
		if row[i] {
			cur, gap = cur+rowWeight, 0
		} else if cur, gap = cur+score[i], gap+1; gap > maxTableGap {
			break
		}
		if cur > top {
			top, edge = cur, i
		}
		if cur < -furnitureCost*2 {
			break
		}
	}
	return edge
}

// maxTableGap is how many blocks that are no row may stand between two
// rows of a table carried into the region (a division's name and its
// column heads: "EASTERN DIVISION", "W L PCT GB").
const maxTableGap = 2

// maxHeadlineGap is how many blocks may lie between the headline and the
// region (bylines, dates, a caption, share buttons).
const maxHeadlineGap = 8

// headline finds the headline before the region starting at start: the
// nearest block of 3 to 30 words without final full stop (nor a comma or
// a colon, which introduce what follows), not a menu
// item of a run, sharing words with the article's lead. It labels it
// the title and returns its index, or -1.
func headline(blocks []Block, start int) int {
	var body map[string]bool
	candidate := func(b *Block) bool {
		w := weightWords(b.Text)
		if w < 3 || w > 30 || strings.HasSuffix(b.Text, ".") || strings.HasSuffix(b.Text, ",") || strings.HasSuffix(b.Text, ":") {
			return false
		}
		if body == nil {
			body = leadTerms(blocks[start:])
		}
		return coheres(b.Text, body)
	}
	for j := start - 1; j >= 0 && j >= start-maxHeadlineGap; j-- {
		b := &blocks[j]
		switch b.Kind {
		case Byline, Dateline, Debris, Caption, Social, Legal, Advertisement:
			continue
		case Comments:
			return -1
		}
		if !candidate(b) {
			continue
		}
		// A shorter candidate just before is the headline, and this
		// one its standfirst, part of the article.
		if k := standfirstOf(blocks, j, candidate); k >= 0 {
			b.Kind, b.Rule = Body, ""
			blocks[k].Kind, blocks[k].Rule = Title, "headline"
			return k
		}
		b.Kind, b.Rule = Title, "headline"
		return j
	}
	return -1
}

// standfirstOf returns the index of a headline before blocks[j] (past
// bylines, dates and captions, at most two blocks of them) when
// blocks[j] reads as its standfirst: longer than it, both candidates;
// else -1.
func standfirstOf(blocks []Block, j int, candidate func(*Block) bool) int {
	skipped := 0
	for k := j - 1; k >= 0 && skipped <= 2; k-- {
		b := &blocks[k]
		switch b.Kind {
		case Byline, Dateline, Debris, Caption:
			skipped++
			continue
		case Comments, Legal, Advertisement, Social:
			return -1
		}
		if weightWords(b.Text) < weightWords(blocks[j].Text) && candidate(b) {
			return k
		}
		return -1
	}
	return -1
}

// leadTerms returns the terms of the first body blocks of blocks (about
// 150 words): what a headline speaks of.
func leadTerms(blocks []Block) map[string]bool {
	terms := map[string]bool{}
	words := 0
	for _, b := range blocks {
		if b.Kind != Body {
			continue
		}
		for _, t := range contentTerms(b.Text) {
			terms[t] = true
		}
		if words += b.words(); words > 150 {
			break
		}
	}
	return terms
}

// coheres reports whether a third of the content terms of text (at least
// one) occur in terms: lexical cohesion with the article's lead.
func coheres(text string, terms map[string]bool) bool {
	ts := contentTerms(text)
	shared := 0
	for _, t := range ts {
		if terms[t] {
			shared++
		}
	}
	return shared > 0 && shared*3 >= len(ts)
}

// contentTerms returns the first four letters of the lower-cased words of
// text of four letters or more (a crude, language-free cut of function
// words and of endings), and each pair of Han characters.
func contentTerms(text string) []string {
	var out []string
	// One pass over text: each rune in lower case as strings.ToLower
	// makes it (an invalid byte is U+FFFD, no letter), a run of letters
	// and digits a field. A Han field keeps all its runes, another its
	// first four (the count goes on).
	var buf [64]rune
	run, n, han := buf[:0], 0, false
	flush := func() {
		switch {
		case han:
			for i := 0; i+1 < len(run); i++ {
				out = append(out, string(run[i:i+2]))
			}
		case n >= 4:
			// The first four letters stand for the word's stem
			// ("ferry", "ferries"), in any language.
			out = append(out, string(run[:4]))
		}
		run, n = run[:0], 0
	}
	for _, r := range text {
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if n > 0 {
				flush()
			}
			continue
		}
		if n == 0 {
			han = unicode.Is(unicode.Han, r)
		}
		if n++; han || n <= 4 {
			run = append(run, r)
		}
	}
	if n > 0 {
		flush()
	}
	return out
}

// keepHeadings relabels heading blocks that head no prose: a heading is
// followed by a body block (after metadata lines and captions), so a run
// of short lines inside the region is a list of links, not headings.
// With tables, a row of a table (see tableRow) stays.
func keepHeadings(blocks []Block, tables bool) {
	for i := range blocks {
		if blocks[i].Kind != Heading || tables && tableRow(blocks[i].Text) {
			continue // a row of a table is one of many ("Kessel Town 0 Marden Athletic 2")
		}
		next := -1
		for j := i + 1; j < len(blocks); j++ {
			if k := blocks[j].Kind; k == Body || k == Heading || k == Navigation || k == Promotion || k == Comments || k == Advertisement {
				next = j
				break
			}
		}
		if next < 0 || blocks[next].Kind != Body || blocks[next].prose() == 0 {
			blocks[i].Kind, blocks[i].Rule = Promotion, "link-list"
			if isQuestionLine(blocks[i].Text) {
				// A question that heads no prose is the text's own
				// sentence, or a call to the reader the other rules
				// judge.
				blocks[i].Kind, blocks[i].Rule = Body, ""
			}
		}
	}
}
