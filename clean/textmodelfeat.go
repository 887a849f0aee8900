package clean

import (
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The copied-text model's features (see textmodel.go). Each block is
// read once, by blockStats: its words, characters, punctuation and word
// classes, and its content terms, interned for the page so that every
// measure of shared vocabulary compares small integers.

// textRules lists the rule names a feature marks, in feature order.
var textRules = []string{
	"", "source-line", "dateline-line", "byline", "symbols", "navigation", "caption-credit",
	"gallery-caption", "site-notice", "repeated-caption", "comments-marker", "legal-notice",
	"job-ad", "promotion", "see-also", "social", "read-more-list", "first-line", "repeated-block",
	"lone-word", "section-heading", "before-main", "after-main", "after-comments-marker",
	"link-list", "headline", "table-row",
}

// blockNames name the features of a block after its rule and kind, in
// the order textFeatures writes them.
var blockNames = []string{
	"in-article", "words", "prose", "ends-sentence", "ends-colon", "ends-question",
	"commas/word", "digits/char", "capitalised/word", "short-words/word", "mean-word-len",
	"link-marks", "person/word", "exclaims",
	"page-pos", "region-pos", "before-region", "after-region", "prose-words-before/region",
	"from-headline", "prev-words", "next-words", "prev-prose", "next-prose",
	"prev-in", "next-in", "short-run", "repeats", "cohesion", "lead-cohesion",
	"region-blocks", "region-words", "blocks",
	"names-author", "names-outlet", "you/word", "we/word",
	// Where the block stands from the page's densest prose block and the
	// run of prose around it (found without the rules' labels).
	"dense-dist", "run-dist", "run-prose/page", "run-words-dist", "run-pos", "prose-after/page",
	"words/run-median", "wide-run-dist", "wide-run-prose/page",
	// The blocks within windowSpan of it.
	"win-prose", "win-prose-blocks", "win-in", "win-short", "win-link-marks", "win-headed-prose",
	"prev2-words", "next2-words", "prev-headlike",
	// Its own sentences and words.
	"sentences", "function/word", "caps/word", "quotes/word", "i/word", "you-early",
	"ends-ellipsis", "starts-author", "leading-capitals", "ends-parenthesis",
	// The vocabulary it shares with the headline, the densest run and
	// the rest of the page.
	"title-cohesion", "run-cohesion", "page-cohesion",
}

// textRuleIndex is each of textRules' place.
var textRuleIndex = func() map[string]int {
	m := map[string]int{}
	for i, r := range textRules {
		m[r] = i
	}
	return m
}()

// textFeatureNames names the features textFeatures computes, in order
// (the trainer prints them; the trees index them).
var textFeatureNames = func() []string {
	names := []string{}
	for _, r := range textRules {
		names = append(names, "rule="+r)
	}
	for k := range kindNames {
		names = append(names, "kind="+Kind(k).String())
	}
	// What the lexicon says of the block's terms comes last.
	return append(append(names, blockNames...), lexNames...)
}()

// windowSpan is how many blocks either side the window features read.
const windowSpan = 3

// runGap is how many blocks without prose the run of prose around the
// densest block crosses.
const runGap = 3

// pageFeatures are the model's features of a page's blocks: rows, one
// flat slice of len(textFeatureNames) per block, and the blocks' terms
// (which the later stages read).
type pageFeatures struct {
	rows  []float64
	terms *pageTerms
}

// wideGap is how many blocks without prose the wide run crosses.
const wideGap = 12

// textFeatures computes the model's features for every block of blocks
// (labelled by the rules and the main region), those of the lexicon from
// lx (nil: none).
func textFeatures(blocks []Block, meta *Meta, lx *termLexicon) *pageFeatures {
	nf := len(textFeatureNames)
	n := len(blocks)
	out := make([]float64, n*nf)
	size := 0
	for _, b := range blocks {
		size += len(b.Text)
	}
	pt := newPageTerms(n, size)
	pf := &pageFeatures{rows: out, terms: pt}
	if n == 0 {
		return pf
	}
	prose := make([]int, n)
	stats := make([]textLineStats, n)
	// Repeated blocks: normalize's forms, hashed; only blocks whose hash
	// repeats are compared in full (see repeats).
	normHash := make([]uint64, n)
	hashes := make(map[uint64]int32, n)
	seed := maphash.MakeSeed()
	var nbuf []byte
	// The region: from the first to the last block in the article.
	rs, re, head := -1, -1, -1
	var buf []byte
	for i, b := range blocks {
		prose[i] = blocks[i].prose()
		stats[i], buf = blockStats(b.Text, pt, buf)
		nbuf = appendNormalize(nbuf[:0], b.Text)
		normHash[i] = maphash.Bytes(seed, nbuf)
		hashes[normHash[i]]++
		if b.Kind.InArticle() {
			if rs < 0 {
				rs = i
			}
			re = i
		}
		if b.Kind == Title && head < 0 {
			head = i
		}
	}
	if rs < 0 {
		rs, re = 0, n-1
	}
	repeats := repeatCounts(blocks, normHash, hashes)
	regionWords := 0
	for i := rs; i <= re; i++ {
		if blocks[i].Kind.InArticle() {
			regionWords += prose[i]
		}
	}
	// The densest prose block and the run of prose around it.
	dense := 0
	prosePre := make([]int, n+1)
	for i, w := range prose {
		prosePre[i+1] = prosePre[i] + w
		if w > prose[dense] {
			dense = i
		}
	}
	total := prosePre[n]
	ds, de := dense, dense
	for gap, j := 0, dense-1; j >= 0 && gap <= runGap; j-- {
		if gap++; prose[j] > 0 {
			ds, gap = j, 0
		}
	}
	for gap, j := 0, dense+1; j < n && gap <= runGap; j++ {
		if gap++; prose[j] > 0 {
			de, gap = j, 0
		}
	}
	runProse := prosePre[de+1] - prosePre[ds]
	// The same run across wideGap blocks without prose (a list inside
	// the article: ingredients, steps, a table).
	ws, we := ds, de
	for gap, j := 0, ds-1; j >= 0 && gap <= wideGap; j-- {
		if gap++; prose[j] > 0 {
			ws, gap = j, 0
		}
	}
	for gap, j := 0, de+1; j < n && gap <= wideGap; j++ {
		if gap++; prose[j] > 0 {
			we, gap = j, 0
		}
	}
	var runLens []int
	for j := ds; j <= de; j++ {
		if prose[j] > 0 {
			runLens = append(runLens, prose[j])
		}
	}
	runMedian := 1.0
	if len(runLens) > 0 {
		slices.Sort(runLens)
		runMedian = math.Max(1, float64(runLens[len(runLens)/2]))
	}

	// How many blocks hold each term: of the region's article blocks,
	// of the densest run's prose blocks, of the page; the terms of the
	// article's first 150 words and of the headline.
	inRegion := func(i int) bool { return i >= rs && i <= re && blocks[i].Kind.InArticle() }
	inRun := func(i int) bool { return i >= ds && i <= de && prose[i] > 0 }
	nt := int(pt.n)
	regionCount, runCount, pageCount := make([]int32, nt), make([]int32, nt), make([]int32, nt)
	last := make([]int32, nt)
	lead, headTerm := make([]bool, nt), make([]bool, nt)
	leadWords := 0
	for i := range blocks {
		reg, run := inRegion(i), inRun(i)
		for _, id := range pt.terms(i) {
			if last[id] == int32(i+1) {
				continue
			}
			last[id] = int32(i + 1)
			pageCount[id]++
			if reg {
				regionCount[id]++
				if leadWords < 150 {
					lead[id] = true
				}
			}
			if run {
				runCount[id]++
			}
			if i == head {
				headTerm[id] = true
			}
		}
		if reg {
			leadWords += stats[i].words
		}
	}

	// Prefix sums of the window counts.
	type counts struct{ prose, proseBlocks, in, short, links, headed int }
	pre := make([]counts, n+1)
	headlike := func(j int) bool {
		return j >= 0 && stats[j].words > 0 && stats[j].words <= 12 && prose[j] == 0 && !endsSentence(blocks[j].Text)
	}
	for i, b := range blocks {
		c := pre[i]
		c.prose += prose[i]
		c.proseBlocks += int(bool01(prose[i] > 0))
		c.in += int(bool01(b.Kind.InArticle()))
		c.short += int(bool01(stats[i].words <= 4))
		c.links += stats[i].linkMarks
		c.headed += int(bool01(prose[i] > 0 && headlike(i-1)))
		pre[i+1] = c
	}

	kinds := len(kindNames)
	author := nameKey(meta.Author)
	outlet := nameKey(meta.Outlet)
	proseBefore := 0
	for i, b := range blocks {
		f := out[i*nf : (i+1)*nf]
		if r, ok := textRuleIndex[b.Rule]; ok {
			f[r] = 1
		}
		if int(b.Kind) < kinds {
			f[len(textRules)+int(b.Kind)] = 1
		}
		f = f[len(textRules)+kinds:]
		s := &stats[i]
		region := i >= rs && i <= re
		words := math.Max(1, float64(s.words))
		f[0] = bool01(b.Kind.InArticle())
		f[1] = float64(b.words())
		f[2] = bool01(prose[i] > 0)
		f[3] = bool01(endsSentence(b.Text))
		f[4] = bool01(strings.HasSuffix(b.Text, ":"))
		f[5] = bool01(strings.HasSuffix(strings.TrimRight(b.Text, "\"'’”) "), "?"))
		f[6] = float64(s.commas) / words
		f[7] = float64(s.digits) / math.Max(1, float64(s.chars))
		f[8] = float64(s.capitalised) / words
		f[9] = float64(s.short) / words
		f[10] = float64(s.letters) / words
		f[11] = float64(s.linkMarks)
		f[12] = float64(s.person) / words
		f[13] = float64(s.exclaims)
		f[14] = float64(i) / float64(n)
		if region && re > rs {
			f[15] = float64(i-rs) / float64(re-rs)
		} else if i > re {
			f[15] = 1
		}
		f[16] = float64(min(max(rs-i, 0), 20))
		f[17] = float64(min(max(i-re, 0), 20))
		if regionWords > 0 {
			f[18] = float64(proseBefore) / float64(regionWords)
		}
		if region && b.Kind.InArticle() {
			proseBefore += prose[i]
		}
		if head >= 0 {
			f[19] = float64(max(-20, min(i-head, 60)))
		} else {
			f[19] = 99
		}
		if i > 0 {
			f[20], f[22], f[24] = float64(blocks[i-1].words()), bool01(prose[i-1] > 0), bool01(blocks[i-1].Kind.InArticle())
		}
		if i+1 < n {
			f[21], f[23], f[25] = float64(blocks[i+1].words()), bool01(prose[i+1] > 0), bool01(blocks[i+1].Kind.InArticle())
		}
		if prose[i] == 0 {
			run := 1
			for j := i - 1; j >= 0 && prose[j] == 0 && run < 20; j-- {
				run++
			}
			for j := i + 1; j < n && prose[j] == 0 && run < 20; j++ {
				run++
			}
			f[26] = float64(run)
		}
		f[27] = float64(repeats[i])
		f[30] = float64(re - rs + 1)
		f[31] = float64(regionWords)
		f[32] = float64(n)
		f[33] = bool01(author != "" && len(b.Text) <= 600 && containsFold(b.Text, author))
		f[34] = bool01(outlet != "" && len(b.Text) <= 600 && containsFold(b.Text, outlet))
		f[35] = float64(s.you) / words
		f[36] = float64(s.we) / words

		// The densest run.
		f[37] = float64(max(-40, min(i-dense, 40)))
		switch {
		case i < ds:
			f[38] = float64(max(-30, i-ds))
			f[40] = -float64(prosePre[ds] - prosePre[i+1])
			f[41] = -1
		case i > de:
			f[38] = float64(min(30, i-de))
			f[40] = float64(prosePre[i] - prosePre[de+1])
			f[41] = 2
		default:
			f[41] = float64(prosePre[i]-prosePre[ds]) / math.Max(1, float64(runProse))
		}
		if total > 0 {
			f[39] = float64(runProse) / float64(total)
			f[42] = float64(total-prosePre[i+1]) / float64(total)
		}
		f[43] = float64(s.words) / runMedian
		switch {
		case i < ws:
			f[44] = float64(max(-30, i-ws))
		case i > we:
			f[44] = float64(min(30, i-we))
		}
		if total > 0 {
			f[45] = float64(prosePre[we+1]-prosePre[ws]) / float64(total)
		}

		// The window.
		lo, hi := max(0, i-windowSpan), min(n, i+windowSpan+1)
		w, self := pre[hi], pre[i+1]
		w.prose -= pre[lo].prose + self.prose - pre[i].prose
		w.proseBlocks -= pre[lo].proseBlocks + self.proseBlocks - pre[i].proseBlocks
		w.in -= pre[lo].in + self.in - pre[i].in
		w.short -= pre[lo].short + self.short - pre[i].short
		w.links -= pre[lo].links + self.links - pre[i].links
		w.headed -= pre[lo].headed + self.headed - pre[i].headed
		f[46], f[47], f[48], f[49], f[50], f[51] = float64(w.prose), float64(w.proseBlocks), float64(w.in), float64(w.short), float64(w.links), float64(w.headed)
		if i >= 2 {
			f[52] = float64(stats[i-2].words)
		}
		if i+2 < n {
			f[53] = float64(stats[i+2].words)
		}
		f[54] = bool01(headlike(i - 1))

		// The block's own sentences and words.
		f[55] = float64(sentenceEnds(b.Text))
		f[56] = float64(s.function) / words
		f[57] = float64(s.caps) / words
		f[58] = float64(s.quotes) / words
		f[59] = float64(s.i) / words
		f[60] = bool01(s.youEarly)
		f[61] = bool01(endsEllipsis(b.Text))
		f[62] = bool01(author != "" && containsFold(b.Text[:wordsPrefix(b.Text, 4)], author))
		f[63] = float64(s.leadCaps)
		f[64] = bool01(endsParenthesis(b.Text))

		// Shared vocabulary. A block shares a term with a set of blocks
		// when another block of the set holds it.
		ownRegion, ownRun := int32(bool01(inRegion(i))), int32(bool01(inRun(i)))
		count, shared, sharedLead, sharedHead, sharedRun, sharedPage := 0, 0, 0, 0, 0, 0
		for _, id := range pt.terms(i) {
			count++
			shared += int(bool01(regionCount[id] > ownRegion))
			sharedLead += int(bool01(lead[id]))
			sharedHead += int(bool01(headTerm[id]))
			sharedRun += int(bool01(runCount[id] > ownRun))
			sharedPage += int(bool01(pageCount[id] > 1))
		}
		if count > 0 {
			c := float64(count)
			f[28], f[29] = float64(shared)/c, float64(sharedLead)/c
			f[66], f[67] = float64(sharedRun)/c, float64(sharedPage)/c
			f[65] = -1
			if head >= 0 && i != head {
				f[65] = float64(sharedHead) / c
			}
		} else {
			f[28], f[29], f[65], f[66], f[67] = -1, -1, -1, -1, -1
		}
	}
	lexFeatures(pt, lx, out, nf, nf-len(lexNames))
	return pf
}

// repeatCounts returns, for each block, how many other blocks have its
// normal form (normalize): those of a hash (normHash[i], hashes counting
// each) no other block has none; the others are compared in full.
func repeatCounts(blocks []Block, normHash []uint64, hashes map[uint64]int32) []int32 {
	out := make([]int32, len(blocks))
	var norms map[string]int32
	for i, h := range normHash {
		if hashes[h] > 1 {
			if norms == nil {
				norms = map[string]int32{}
			}
			norms[normalize(blocks[i].Text)]++
		}
	}
	for i, h := range normHash {
		if hashes[h] > 1 {
			out[i] = norms[normalize(blocks[i].Text)] - 1
		}
	}
	return out
}

// wordsPrefix returns the length of text's first k words and the spaces
// between them.
func wordsPrefix(text string, k int) int {
	in := false
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' {
			if in {
				if k--; k == 0 {
					return i
				}
			}
			in = false
		} else {
			in = true
		}
	}
	return len(text)
}

// endsParenthesis reports whether text ends with a short aside in
// brackets: a photo's credit or who stands where ("(Photo: Name)", "(l.)").
func endsParenthesis(text string) bool {
	t := strings.TrimRight(text, " .")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	return open >= 0 && wordCount(t[open:]) <= 6
}

// endsEllipsis reports whether text ends cut short: "...", "…", "[…]"
// (a teaser of a story told elsewhere).
func endsEllipsis(text string) bool {
	t := strings.TrimRight(text, " ])")
	return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

// hasStopByte reports whether one of the eight bytes of x is '.', '?' or
// '!': (v-ones)&^v&highBits is not 0 exactly when a byte of v is 0, and
// x^b*ones has a 0 byte where x holds b.
func hasStopByte(x uint64) bool {
	const ones = 0x0101010101010101
	zero := func(v uint64) uint64 { return (v - ones) &^ v & highBits }
	return zero(x^'.'*ones)|zero(x^'?'*ones)|zero(x^'!'*ones) != 0
}

// sentenceEnds counts the sentence ends in text: a '.', '?', '!' or '。'
// before a space or the text's end (closing quotes and brackets aside).
func sentenceEnds(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		// Eight bytes without a full stop, a question or an exclamation
		// mark are passed over at once.
		for i+8 <= len(text) && !hasStopByte(load64(text[i:])) {
			i += 8
		}
		if i == len(text) {
			break
		}
		switch text[i] {
		case '.', '?', '!':
			j := i + 1
			for j < len(text) && strings.IndexByte("\"')]", text[j]) >= 0 {
				j++
			}
			if j == len(text) || text[j] == ' ' {
				n++
			}
		}
	}
	return n + strings.Count(text, "。")
}

// pageTerms interns the content terms of a page's blocks (see
// contentTerms): block i's terms, in order and with repeats, are
// ids[at[i]:at[i+1]]. A term of up to 8 bytes is keyed by its bytes
// packed into a uint64 (no letter or digit has a zero byte, so the key
// is the term's), a longer one by its string.
type pageTerms struct {
	short map[uint64]int32
	long  map[string]int32
	n     int32 // distinct terms
	ids   []int32
	at    []int
}

// newPageTerms returns an empty pageTerms for about blocks blocks and
// bytes bytes of text.
func newPageTerms(blocks, bytes int) *pageTerms {
	return &pageTerms{short: make(map[uint64]int32, min(bytes/16, 1<<16)), at: make([]int, 1, blocks+1)}
}

func (pt *pageTerms) add(term []byte) {
	var id int32
	if len(term) <= 8 {
		var key uint64
		for i, b := range term {
			key |= uint64(b) << (8 * i)
		}
		var ok bool
		if id, ok = pt.short[key]; !ok {
			id = pt.n
			pt.n++
			if pt.short == nil {
				pt.short = map[uint64]int32{}
			}
			pt.short[key] = id
		}
	} else {
		var ok bool
		if id, ok = pt.long[string(term)]; !ok {
			id = pt.n
			pt.n++
			if pt.long == nil {
				pt.long = map[string]int32{}
			}
			pt.long[string(term)] = id
		}
	}
	pt.ids = append(pt.ids, id)
}

func (pt *pageTerms) terms(i int) []int32 { return pt.ids[pt.at[i]:pt.at[i+1]] }

func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendLowerRunes(buf, s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// appendLowerRunes is appendLower past its ASCII prefix.
func appendLowerRunes(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// textLineStats counts what textFeatures reads of a block's words.
type textLineStats struct {
	words, chars, letters, digits, commas int
	capitalised, short, person, linkMarks int
	you, we, function, caps, i            int
	quotes, exclaims, leadCaps            int
	youEarly                              bool
}

// nameKey is what names a person or an outlet in a block: the last word
// of name, of four letters or more, in lower case ("" if none).
func nameKey(name string) string {
	fs := strings.Fields(name)
	if len(fs) == 0 {
		return ""
	}
	last := strings.Trim(fs[len(fs)-1], ".,;:()'\"")
	if utf8.RuneCountInString(last) < 4 {
		return ""
	}
	return strings.ToLower(last)
}

// The classes of the words blockStats counts.
const (
	personWord = 1 << iota
	youWord
	weWord
	functionWord
	iWord
)

// wordClassLists holds, for the languages of the pages we read, the first-
// and second-person pronouns and determiners (a line speaking to the
// reader or in the site's voice: "we", "your", "nous", "Ihr",
// "nuestro"), those that address the reader and those that speak for the
// site, the first person singular, and the commonest articles,
// prepositions, conjunctions and auxiliaries (prose is full of them,
// menus, headlines and credits have few).
var wordClassLists = []struct {
	class uint8
	words string
}{
	{personWord, `i me my we us our you your ich mich mein meine wir uns unser unsere du dein ihr euch
		je moi mon ma mes nous notre nos vous votre vos tu ton yo mi nosotros nuestro nuestra usted su
		io noi nostro voi vostro eu nós nosso você wij ons onze jij jouw`},
	{youWord, `you your du dein euch vous votre vos tu usted você jij jouw voi vostro`},
	{weWord, `we us our wir uns unser unsere nous notre nos nosotros nuestro nuestra noi nostro nós
		nosso wij ons onze`},
	{iWord, `i me my ich mich mein meine je moi mon yo io eu ik mijn`},
	{functionWord, `the of and to in is that for it was on with as at by from
		he she they his her has have had be were are been this which but not or an a who will would
		der die das und ist nicht mit von den dem zu auf für sich ein eine im des auch es als bei nach wie
		le la les et des du un une est que qui dans pour pas sur au avec il elle ce se par
		el los las y del en por con una para al lo como
		di che non per della sono nel gli o os da do em não uma
		het een van dat op te niet voor zijn`},
}

// wordClasses maps classKey of each word of wordClassLists to its
// classes.
var wordClasses = func() map[uint64]uint8 {
	m := map[uint64]uint8{}
	for _, l := range wordClassLists {
		for _, w := range strings.Fields(l.words) {
			m[classKey(w)] |= l.class
		}
	}
	return m
}()

// classKey is the key of word w in wordClasses: w without the non-letters
// at its ends, in lower case, its UTF-8 bytes packed into a uint64 (no
// letter has a zero byte, so two words have one key only when they are
// the same); 0 when that is longer than 8 bytes, as no word of a class
// is (TestWordClassKeys).
func classKey(w string) uint64 {
	i, j := 0, len(w)
	for i < j {
		if c := w[i]; c < utf8.RuneSelf {
			if statClass[c]&statLetter != 0 {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	for i < j {
		if c := w[j-1]; c < utf8.RuneSelf {
			if statClass[c]&statLetter != 0 {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(w[i:j])
		if unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	var key uint64
	shift := 0
	for k := i; k < j; {
		c := w[k]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if shift == 64 {
				return 0
			}
			key |= uint64(c) << shift
			shift += 8
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[k:])
		k += n
		var enc [utf8.UTFMax]byte
		m := utf8.EncodeRune(enc[:], unicode.ToLower(r))
		for _, b := range enc[:m] {
			if shift == 64 {
				return 0
			}
			key |= uint64(b) << shift
			shift += 8
		}
	}
	return key
}

// The classes of an ASCII byte statClass holds.
const (
	statSpace = 1 << iota
	statLetter
	statDigit
	statLower
)

// statClass is what unicode says of each ASCII byte, for blockStats.
var statClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		if unicode.IsSpace(r) {
			t[r] |= statSpace
		}
		if unicode.IsLetter(r) {
			t[r] |= statLetter
		}
		if unicode.IsDigit(r) {
			t[r] |= statDigit
		}
		if unicode.IsLower(r) {
			t[r] |= statLower
		}
	}
	return t
}()

// isTermRune reports whether r belongs to a content term.
func isTermRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// blockStats reads text once: it counts what textFeatures reads of its
// words and adds its content terms to pt (the terms of the next block).
// buf is scratch space, returned for reuse.
func blockStats(text string, pt *pageTerms, buf []byte) (textLineStats, []byte) {
	return wordStats(text, pt, buf, true)
}

// wordStats is blockStats; with fast, a word of ASCII letters (most
// words) is counted at once, else rune by rune as every other word (the
// reference the fast way is tested against).
func wordStats(text string, pt *pageTerms, buf []byte, fast bool) (textLineStats, []byte) {
	var s textLineStats
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if statClass[r]&statSpace != 0 {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if statClass[c]&statSpace != 0 {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
		w := text[i:j]
		i = j
		s.words++
		letters, lower := 0, 0
		// A term is a run of letters and digits: termAt its start (-1
		// outside one), termRunes its runes so far.
		termAt, termRunes, han := -1, 0, false
		n, key, ascii := 0, uint64(0), false
		if fast {
			n, key, ascii = asciiLetters(w)
		}
		if ascii {
			// A word of ASCII letters (most words) is one term, counted
			// at once.
			s.chars += len(w)
			letters, lower, termAt, termRunes = len(w), n, 0, len(w)
		} else {
			for k, r := range w {
				s.chars++
				if r < utf8.RuneSelf {
					// The same counts as below, from a table.
					switch c := statClass[r]; {
					case c&(statLetter|statDigit) != 0:
						if termAt < 0 {
							termAt, termRunes, han = k, 0, false
						}
						termRunes++
						if c&statLetter != 0 {
							letters++
							lower += int(bool01(c&statLower != 0))
						} else {
							s.digits++
						}
						continue
					case termAt >= 0:
						buf = addTerm(pt, w[termAt:k], termRunes, han, buf)
						termAt = -1
					}
					switch r {
					case ',':
						s.commas++
					case '!':
						s.exclaims++
					case '"':
						s.quotes++
					case '@', '|', '#':
						s.linkMarks++
					}
					continue
				}
				if isTermRune(r) {
					if termAt < 0 {
						termAt, termRunes, han = k, 0, unicode.Is(unicode.Han, r)
					}
					termRunes++
				} else if termAt >= 0 {
					buf = addTerm(pt, w[termAt:k], termRunes, han, buf)
					termAt = -1
				}
				switch {
				case unicode.IsLetter(r):
					letters++
					lower += int(bool01(unicode.IsLower(r)))
				case unicode.IsDigit(r):
					s.digits++
				case r == ',':
					s.commas++
				case r == '!':
					s.exclaims++
				case r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
					s.quotes++
					s.linkMarks += int(bool01(r == '»'))
				case r == '@' || r == '|' || r == '›' || r == '©' || r == '#':
					s.linkMarks++
				}
			}
		}
		if termAt >= 0 {
			buf = addTerm(pt, w[termAt:], termRunes, han, buf)
		}
		s.letters += letters
		if unicode.IsUpper(r) {
			s.capitalised++
			if s.leadCaps == s.words-1 {
				s.leadCaps++
			}
		}
		if letters > 0 && letters <= 3 {
			s.short++
		}
		if len(w) >= 4 && (strings.Contains(w, "http") || strings.IndexByte(w, '.') >= 0 && (strings.Contains(w, "www.") || strings.Contains(w, ".com"))) {
			s.linkMarks++
		}
		if letters <= 8 {
			if !ascii {
				key = classKey(w)
			}
			c := wordClasses[key]
			s.person += int(bool01(c&personWord != 0))
			s.you += int(bool01(c&youWord != 0))
			s.we += int(bool01(c&weWord != 0))
			s.i += int(bool01(c&iWord != 0))
			s.function += int(bool01(c&functionWord != 0))
			s.youEarly = s.youEarly || c&youWord != 0 && s.words <= 5
		}
		if letters >= 2 && lower == 0 {
			s.caps++
		}
	}
	pt.at = append(pt.at, len(pt.ids))
	return s, buf
}

// asciiLetters reports whether w is all ASCII letters, how many of them
// are lower case and, when there are at most eight, classKey(w): their
// bytes in lower case.
func asciiLetters(w string) (lower int, key uint64, ok bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || statClass[c]&statLetter == 0 {
			return 0, 0, false
		}
		lower += int(statClass[c] >> 3 & 1) // statLower
		if i < 8 {
			key |= uint64(c|0x20) << (8 * i)
		}
	}
	return lower, key, true
}

// addTerm adds the terms of a run of letters and digits of runes runes
// (han: it starts with a Han character) to pt: each pair of its
// characters for Han, else its first four letters in lower case when it
// has four or more.
func addTerm(pt *pageTerms, run string, runes int, han bool, buf []byte) []byte {
	if han {
		for k := 0; k < len(run); {
			_, s1 := utf8.DecodeRuneInString(run[k:])
			if k+s1 >= len(run) {
				break
			}
			_, s2 := utf8.DecodeRuneInString(run[k+s1:])
			buf = appendLower(buf[:0], run[k:k+s1+s2])
			pt.add(buf)
			k += s1
		}
		return buf
	}
	if runes < 4 {
		return buf
	}
	end := 0
	for k := 0; k < 4; k++ {
		_, sz := utf8.DecodeRuneInString(run[end:])
		end += sz
	}
	buf = appendLower(buf[:0], run[:end])
	pt.add(buf)
	return buf
}
