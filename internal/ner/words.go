package ner

import (
	"slices"
	"strings"
	"unicode"
)

// wordScores is what one word gives the scores of the tokens it is or
// stands next to, summed from the weights of the features that read only
// it (see sentence.static): a word's features are looked up once per
// Tagger, not once per token. The sums are of the quantised integer
// weights, so adding them in another order gives the same scores.
type wordScores struct {
	word, low string // as written, and lower-cased
	shape     string // see appendShape
	info      wordInfo
	// trans are the weights of the features pairing the word with the
	// label before (pairTable.group of its pairBase), which add to those
	// of the label before alone (table.moves) the scores of each label
	// after each label before at the word; table.noPairs when it has
	// none.
	trans *transRow
	// bigramPrev, bigramNext and shapeTri are the hashes of the features of
	// two or three tokens (fBigramPrev, fBigramNext, fShapeTri) as far as
	// this word, the first of them: the next words' strings complete them.
	bigramPrev, bigramNext, shapeTri hasher
	flags                            uint8 // sentence.flags of the word not first in its sentence
	letters                          uint8 // hasLetters, notAllUpper
	// own is the sum of the bias, of the word's own features (the word
	// lower-cased and as written, its shape, prefixes and suffixes) and of
	// its flags, not first in the sentence (contextTables.first gives the
	// difference first).
	own [nLabels]int32
	// prev1 is what the word gives the token after it (fPrev1, fShapePrev),
	// next1 the token before it (fNext1, fShapeNext); prev2 and next2 (one
	// feature each) the tokens two after and two before.
	prev1, next1 [nLabels]int32
	prev2, next2 weights
}

// What wordScores.letters holds of a word's letters: whether it has any,
// and whether one is not upper case (a sentence of capitals, letters all
// upper case, is a headline).
const (
	hasLetters = 1 << iota
	notAllUpper
)

// weightsOf returns *w, or none (zeros) for nil.
func weightsOf(w *weights) weights {
	if w == nil {
		return weights{}
	}
	return *w
}

// add adds w, when there is one, to dst.
func add(dst *[nLabels]int32, w *weights) {
	if w == nil {
		return
	}
	// Written out: the compiler does not unroll the loop, whose overhead
	// was most of the work.
	dst[0] += int32(w[0])
	dst[1] += int32(w[1])
	dst[2] += int32(w[2])
	dst[3] += int32(w[3])
	dst[4] += int32(w[4])
	dst[5] += int32(w[5])
	dst[6] += int32(w[6])
	dst[7] += int32(w[7])
	dst[8] += int32(w[8])
}

// gazIndex maps what sentence.gazAt returns (the marks 0 to 15, 0xff
// outside the sentence) to an index of the gazetteer tables.
func gazIndex(g int) int {
	if g > 0xf {
		return 0x10
	}
	return g
}

// contextTables are the weights of the features whose values are few,
// by value, filled by pack: the bias, the flags, the gazetteer marks of
// a token and its neighbours, a word seen in lower case.
type contextTables struct {
	bias  [nLabels]int32
	flags [64][nLabels]int32
	// gazPrev holds the weights of the marks of the token before and of
	// the token (fGazPrev) plus those of the token's marks alone (fGaz).
	gazPrev   [0x11][0x11][nLabels]int32 // marks of the token before, of the token
	gazNext   [0x11][0x11][nLabels]int32 // marks of the token, of the token after
	seenLower [2][nLabels]int32          // not first, first in the sentence
	// first is what being first in the sentence adds to a word's own
	// scores, by its flags (not first): the flags' weights first less
	// those not.
	first [32][nLabels]int32
	hist  [histKinds + 1][nLabels]int32 // by history.value
	// edge is what the edge of the sentence gives the tokens next to it,
	// as a word.
	edge wordScores
}

// fillContext fills t.ctx from the weights in t.
func (t *table) fillContext() {
	c := &t.ctx
	add(&c.bias, t.find(uint32(start(fBias))))
	for f := range c.flags {
		add(&c.flags[f], t.find(uint32(start(fFlags).num(f))))
	}
	for f := range c.first {
		for l := range nLabels {
			c.first[f][l] = c.flags[f|32][l] - c.flags[f][l]
		}
	}
	gazValue := func(i int) int {
		if i == 0x10 {
			return 0xff
		}
		return i
	}
	for a := range c.gazPrev {
		for b := range c.gazPrev[a] {
			add(&c.gazPrev[a][b], t.find(uint32(start(fGaz).num(gazValue(b)))))
			add(&c.gazPrev[a][b], t.find(uint32(start(fGazPrev).num(gazValue(a)).num(gazValue(b)))))
			add(&c.gazNext[a][b], t.find(uint32(start(fGazNext).num(gazValue(a)).num(gazValue(b)))))
		}
	}
	for k := 1; k < len(c.hist); k++ {
		add(&c.hist[k], t.find(uint32(start(fHist).num(k))))
	}
	for k := range c.seenLower {
		add(&c.seenLower[k], t.find(uint32(start(fLowerSeen).num(k))))
	}
	c.edge = wordScores{low: boundary, shape: boundary}
	t.context(&c.edge)
}

// context fills what w gives its neighbours and the hashes it starts,
// from w.low and w.shape.
func (t *table) context(w *wordScores) {
	add(&w.prev1, t.find(uint32(start(fPrev1).str(w.low))))
	add(&w.prev1, t.find(uint32(start(fShapePrev).str(w.shape))))
	add(&w.next1, t.find(uint32(start(fNext1).str(w.low))))
	add(&w.next1, t.find(uint32(start(fShapeNext).str(w.shape))))
	w.prev2 = weightsOf(t.find(uint32(start(fPrev2).str(w.low))))
	w.next2 = weightsOf(t.find(uint32(start(fNext2).str(w.low))))
	w.bigramPrev = start(fBigramPrev).str(w.low)
	w.bigramNext = start(fBigramNext).str(w.low)
	w.shapeTri = start(fShapeTri).str(w.shape)
}

// scoreWord returns the scores of word w, which it stores with its
// lower-cased form and shape in one new string (w is not kept).
func (tg *Tagger) scoreWord(w string) wordScores {
	ws, buf, sink := tg.m.scoreWord(w, tg.buf, &tg.rows)
	tg.buf = buf
	tg.st.sink += sink
	return ws
}

// scoreWord returns the scores of word w, as Tagger.scoreWord does (its
// trans, when not table.moves, from rows), with buf (its buffer, grown) and a sum of what it read ahead (to be kept
// somewhere, so that the reads stay).
func (m *Model) scoreWord(w string, buf []byte, rows *transRows) (wordScores, []byte, uint32) {
	t := m.table
	var ws wordScores
	buf = append(buf[:0], w...)
	ascii, hasUpper := asciiCase(w)
	switch {
	case ascii && !hasUpper:
		buf = append(buf, w...)
	case ascii:
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
	default:
		buf = append(buf, strings.ToLower(w)...)
	}
	lowEnd := len(buf)
	buf = appendShape(buf, w)
	str := string(buf)
	w = str[:len(w)]
	ws.word, ws.low, ws.shape = w, str[len(w):lowEnd], str[lowEnd:]
	lw := ws.low
	ws.info = m.gaz.words[lw]
	for _, r := range w {
		if unicode.IsLetter(r) {
			ws.letters |= hasLetters
			if !unicode.IsUpper(r) {
				ws.letters |= notAllUpper
			}
		}
	}
	ws.flags = uint8(wordFlags(w, lw, false))

	// The hashes of its features first, then their slots read ahead, with
	// no branch on what is read, so that the loads overlap (see decode).
	var hs [17]uint32
	k := 0
	put := func(h hasher) {
		hs[k] = uint32(h)
		k++
	}
	put(start(fWord).str(lw))
	put(start(fWordAsIs).str(w))
	put(start(fShape).str(ws.shape))
	affixes(w, lw, put)
	own := k
	put(start(fPrev1).str(lw))
	put(start(fShapePrev).str(ws.shape))
	put(start(fNext1).str(lw))
	put(start(fShapeNext).str(ws.shape))
	put(start(fPrev2).str(lw))
	put(start(fNext2).str(lw))
	base := start(fLabel1Word).str(lw)
	sink := t.pairs.slots[mix(uint32(base)&^0xff|1)&t.pairs.mask].key
	for _, h := range hs[:k] {
		sink += t.slots[t.ahead(mix(h))].key
	}
	o := t.ctx.bias
	for _, h := range hs[:own] {
		add(&o, t.find(h))
	}
	ws.own = o
	addSums(&ws.own, &t.ctx.flags[ws.flags])
	c := hs[own:k]
	add(&ws.prev1, t.find(c[0]))
	add(&ws.prev1, t.find(c[1]))
	add(&ws.next1, t.find(c[2]))
	add(&ws.next1, t.find(c[3]))
	ws.prev2 = weightsOf(t.find(c[4]))
	ws.next2 = weightsOf(t.find(c[5]))
	ws.bigramPrev = start(fBigramPrev).str(lw)
	ws.bigramNext = start(fBigramNext).str(lw)
	ws.shapeTri = start(fShapeTri).str(ws.shape)
	ws.trans = &t.noPairs
	x := uint8(base)
	from, to := t.pairs.group(base)
	for _, pe := range t.pairs.entries[from:to] {
		p := int(pe.low ^ x)
		switch {
		case p == 0xff:
			p = -1
		case p >= nLabels:
			continue
		}
		if ws.trans == &t.noPairs {
			ws.trans = rows.next()
			*ws.trans = transRow{}
		}
		ws.trans.set(p, &pe.w)
	}
	if ws.trans != &t.noPairs {
		ws.trans.bound(&t.moves)
	}
	return ws, buf, sink
}

// maxWords bounds the words a Tagger remembers: past it, it forgets them
// all and starts again.
const maxWords = 1 << 14

// A Tagger tags the sentences of one document or story with a model,
// remembering the scores of each word it has seen (its features' weights
// are looked up once), so that the words a text repeats cost little,
// and the kinds of name (or O) it labelled each capitalized word with, a
// feature of that word in the sentences after (the model is trained so,
// each document's sentences in order): a name tagged in a plain sentence
// helps tag it in a headline or at a sentence's start. Its labels are
// those of [Model.Tag] until a word comes back. It holds at most a few megabytes
// (a bounded number of words), and must not be used by several
// goroutines at once.
type Tagger struct {
	m  *Model
	st tagState
	// seen finds the words tg has seen, in the model's vocabulary or
	// scored (words): one look-up per token in a small table, the
	// vocabulary's only at a word's first token.
	seen  wordIndex
	words []wordScores
	buf   []byte
	// scratch holds the scores of the words of one sentence that neither
	// the model's vocabulary nor words holds, when the Tagger does not
	// remember them (Model.Tag).
	scratch []wordScores
	rows    transRows // the trans of words or scratch
	// hist is what the sentences tagged so far labelled their capitalized
	// words, a feature of those words in the sentences after.
	hist history
}

// NewTagger returns a Tagger that tags with m and knows no word yet,
// made anew or one a [Tagger.Release] gave back.
func (m *Model) NewTagger() *Tagger {
	if m == nil {
		return &Tagger{}
	}
	if tg, _ := m.scratch.Get().(*Tagger); tg != nil {
		return tg // reset by Release
	}
	// Room for the distinct words of a story of a few articles, so that
	// the tables rarely grow.
	const words = 1 << 10
	return &Tagger{m: m, seen: newWordIndex(2 * words), words: make([]wordScores, 0, words)}
}

// Release forgets every word and gives tg's memory back to its model for
// a later NewTagger. tg must not be used after.
func (tg *Tagger) Release() {
	if tg.m == nil {
		return
	}
	tg.reset()
	clear(tg.hist)
	tg.st.s.words = nil                 // let the caller's words go
	clear(tg.st.near[:cap(tg.st.near)]) // and old arrays of scores
	clear(tg.st.ws[:cap(tg.st.ws)])
	clear(tg.scratch[:cap(tg.scratch)])
	tg.scratch = tg.scratch[:0]
	tg.m.scratch.Put(tg)
}

// Tag labels the words of one sentence as [Model.Tag] does, with what
// tg labelled before (see Tagger), and records its labels.
func (tg *Tagger) Tag(words []string, lower func(string) bool) []int {
	return tg.AppendTags(make([]int, 0, len(words)), words, lower)
}

// AppendTags appends the labels of words, as Tag returns them, to dst
// and returns the extended slice: a caller tagging many sentences can
// reuse one.
func (tg *Tagger) AppendTags(dst []int, words []string, lower func(string) bool) []int {
	n := len(dst)
	dst = slices.Grow(dst, len(words))[:n+len(words)]
	out := dst[n:]
	clear(out)
	if tg.m == nil || len(tg.m.index) == 0 || len(words) == 0 {
		return dst
	}
	tg.m.decode(tg, words, lower, out, true)
	if tg.hist == nil {
		tg.hist = history{}
	}
	for i, e := range tg.st.ws {
		if capitalized(e.word, e.low) {
			tg.hist.add(e.low, out[i])
		}
	}
	if len(tg.hist) > maxWords {
		clear(tg.hist) // forget the history rather than hold too much
	}
	return dst
}

// reset forgets every word.
func (tg *Tagger) reset() {
	tg.rows.reset()
	tg.seen.reset()
	clear(tg.words) // let their strings go
	tg.words = tg.words[:0]
}

// lookup sets tg.st.ws to the scores of each of words: those of the
// model's vocabulary (scored when it was loaded), else those tg
// remembers, else scored now and, when memo is set, remembered.
func (tg *Tagger) lookup(words []string, memo bool) {
	st := &tg.st
	m := tg.m
	st.ws = resize(st.ws, len(words))
	st.at = resize(st.at, len(words))
	if memo && len(tg.words)+len(words) > maxWords {
		tg.reset()
	}
	tg.scratch = tg.scratch[:0]
	if !memo {
		tg.rows.reset()
		for i, w := range words {
			h, head := wordKey(w)
			ref := m.vocabRef(h, head, w)
			if ref == 0 {
				tg.scratch = append(tg.scratch, tg.scoreWord(w))
				ref = -int32(len(tg.scratch))
			}
			st.at[i] = ref
		}
		tg.resolve(tg.scratch)
		return
	}
	for i, w := range words {
		h, head := wordKey(w)
		slots := tg.seen.slots
		mask := uint32(len(slots) - 1)
		j := h & mask
		for {
			s := &slots[j]
			if s.ref == 0 {
				st.at[i] = tg.see(h, head, w)
				break
			}
			if s.h == h && s.head == head && (len(w) <= shortWord || tg.word(s.ref) == w) {
				st.at[i] = s.ref
				break
			}
			j = (j + 1) & mask
		}
	}
	tg.resolve(tg.words)
}

// see adds word w, of key h and head, which tg has not seen, to tg.seen
// and returns its ref: that of the model's vocabulary, else of its scores
// appended to tg.words.
func (tg *Tagger) see(h uint32, head uint64, w string) int32 {
	ref := tg.m.vocabRef(h, head, w)
	if ref == 0 {
		tg.words = append(tg.words, tg.scoreWord(w))
		ref = -int32(len(tg.words))
	}
	tg.seen.put(h, head, ref)
	return ref
}

// word returns the word of ref (see wordSlot), among tg.words for a ref
// below 0.
func (tg *Tagger) word(ref int32) string {
	if ref > 0 {
		return tg.m.vocab[ref-1].word
	}
	return tg.words[-1-ref].word
}

// resolve sets tg.st.ws from tg.st.at, the refs of the words, those below
// 0 into from (resolved at the end: words and scratch move as they grow).
func (tg *Tagger) resolve(from []wordScores) {
	st := &tg.st
	vocab := tg.m.vocab
	for i, ref := range st.at {
		if ref > 0 {
			st.ws[i] = &vocab[ref-1]
		} else {
			st.ws[i] = &from[-1-ref]
		}
	}
}
