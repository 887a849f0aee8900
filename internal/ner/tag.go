package ner

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// pairTable finds at once the features that pair a word with each label
// before it (pair, for the labels -1 to nLabels-1), one look-up instead
// of nLabels+1.
//
// pair(base, p) is (base ^ p&0xff) * fnvPrime, mod 2^32; multiplying by
// the inverse of fnvPrime gives base ^ p&0xff back, whose bits but the
// low eight are those of base whatever p. So every feature of the model
// is filed under the high 24 bits of its hash times the inverse (its
// group), with the low eight bits; the features of group base&^0xff whose
// low bits, xor the low bits of base, are p&0xff for a label p are
// exactly the pair features of base. Other features of the group (other
// templates, other words) give no label and are skipped.
type pairTable struct {
	slots   []pairSlot // by mix(group), linear probing; key 0: empty
	mask    uint32
	entries []pairEntry // by group
}

// pairEntry is a feature of a group: the low eight bits of its hash
// times the inverse, and its weights.
type pairEntry struct {
	w   weights
	low uint8
}

// pairSlot is a group (its key, group|1, never 0) and its entries
// [start, end).
type pairSlot struct {
	key        uint32
	start, end int32
}

// fnvInverse is the inverse of fnvPrime modulo 2^32.
var fnvInverse = func() uint32 {
	x := uint32(fnvPrime) // right to 3 bits; each step doubles them
	for range 4 {
		x *= 2 - fnvPrime*x
	}
	return x
}()

// newPairTable files feats (in hash order).
func newPairTable(feats []feature) pairTable {
	type keyed struct {
		g, key uint32 // the hash times the inverse; its group
		e      pairEntry
	}
	es := make([]keyed, len(feats))
	groups := 0
	for i, f := range feats {
		g := f.h * fnvInverse
		es[i] = keyed{g, g&^0xff | 1, pairEntry{f.w, uint8(g)}}
	}
	// By g (one per hash), so by group: the same table for the same feats.
	slices.SortFunc(es, func(a, b keyed) int { return cmp.Compare(a.g, b.g) })
	for i := range es {
		if i == 0 || es[i].key != es[i-1].key {
			groups++
		}
	}
	size := 1
	for size < 2*groups {
		size *= 2
	}
	pt := pairTable{slots: make([]pairSlot, size), mask: uint32(size - 1), entries: make([]pairEntry, len(es))}
	for i := range es {
		pt.entries[i] = es[i].e
	}
	for from := 0; from < len(es); {
		to := from + 1
		for to < len(es) && es[to].key == es[from].key {
			to++
		}
		key := es[from].key
		i := mix(key) & pt.mask
		for pt.slots[i].key != 0 {
			i = (i + 1) & pt.mask
		}
		pt.slots[i] = pairSlot{key, int32(from), int32(to)}
		from = to
	}
	return pt
}

// group returns where the entries of the group of base are in
// pt.entries: [start, end).
func (pt *pairTable) group(base hasher) (start, end int32) {
	key := uint32(base)&^0xff | 1
	for i := mix(key) & pt.mask; ; i = (i + 1) & pt.mask {
		switch pt.slots[i].key {
		case key:
			return pt.slots[i].start, pt.slots[i].end
		case 0:
			return 0, 0
		}
	}
}

// tagState holds the buffers of one Tag call, kept for the next.
type tagState struct {
	s  sentence      // its low, info, gaz and join, for the gazetteer marks
	ws []*wordScores // the scores of each token
	at []int32       // where lookup finds them in Tagger.words or scratch
	// fs holds, per token, the hashes of its features of several words:
	// fShapeTri, fBigramPrev, fBigramNext.
	fs   []uint32
	back [][nLabels]int8
	// near and gz are the words and gazetteer marks (gazIndex) of the
	// tokens, two and one edge entries before and after.
	near []*wordScores
	gz   []uint8
	sink uint32
}

// Tag labels the words of one sentence (Viterbi decoding) and returns
// the index in Labels of each word's tag. lower reports whether a word (lower-cased) is
// written in lower case elsewhere in the document; nil means never.
// Tag knows nothing of the sentences around: a [Tagger] tags the
// sentences of a text in order, faster, reading also what it labelled
// the text's capitalized words before.
func (m *Model) Tag(words []string, lower func(string) bool) []int {
	out := make([]int, len(words))
	if m == nil || len(m.index) == 0 || len(words) == 0 {
		return out
	}
	tg := m.NewTagger()
	m.decode(tg, words, lower, out, false)
	tg.Release()
	return out
}

// unreached is the score of a label no path reaches (an I- tag first):
// far below any path's, and far enough above the least int64 that adding
// scores to it cannot overflow.
const unreached = math.MinInt64 / 4

// addSums adds the sums src to dst.
func addSums(dst, src *[nLabels]int32) {
	// Written out, as add is.
	dst[0] += src[0]
	dst[1] += src[1]
	dst[2] += src[2]
	dst[3] += src[3]
	dst[4] += src[4]
	dst[5] += src[5]
	dst[6] += src[6]
	dst[7] += src[7]
	dst[8] += src[8]
}

// decode sets out to the best labels of words, as lattice.viterbi does
// over the scores (integers here, sums of the quantised weights, so the
// sums are exact as the float64 ones are): the highest scoring path, I-
// tags only after their own type, ties to the lower label before. The
// scores of a token are those of sentence.static and transition, summed
// from the words' scores (tg remembers them) and, for the features of
// several words, one look-up each.
func (m *Model) decode(tg *Tagger, words []string, lower func(string) bool, out []int, memo bool) {
	t := m.table
	st := &tg.st
	tg.lookup(words, memo)
	n := len(words)
	s := &st.s
	s.low, s.info, s.gaz = resize(s.low, n), resize(s.info, n), resize(s.gaz, n)
	letters := uint8(0)
	// Each word's scores and transition weights are read below, a line of
	// memory at a time; read a little of each line here, with no branch
	// on what is read, so that the first reads of a sentence's words
	// overlap rather than wait on each other.
	var ahead int32
	for i, e := range st.ws {
		s.low[i], s.info[i] = e.low, e.info
		letters |= e.letters
		d := e.trans
		ahead += e.own[0] + e.next1[0] + int32(e.next2[nLabels-1]) +
			int32(d.ob[0][0]) + int32(d.ob[nLabels/2][0]) + int32(d.lo[nLabels])
	}
	st.sink += uint32(ahead)
	caps := letters == hasLetters // every letter upper case
	s.marks(m.gaz)
	edge := &t.ctx.edge
	word := func(i int) *wordScores {
		if i < 0 || i >= n {
			return edge
		}
		return st.ws[i]
	}
	st.fs = resize(st.fs, 3*n)
	for i := range n {
		e, prev, next := word(i), word(i-1), word(i+1)
		st.fs[3*i] = uint32(prev.shapeTri.str(e.shape).str(next.shape))
		st.fs[3*i+1] = uint32(prev.bigramPrev.str(e.low))
		st.fs[3*i+2] = uint32(e.bigramNext.str(next.low))
	}
	// Read the first slot of each look-up ahead, with no branch on what
	// is read, so that the memory loads overlap rather than wait on each
	// other in the look-ups below.
	sink := uint32(0)
	for _, f := range st.fs {
		sink += t.slots[t.ahead(mix(f))].key
	}
	st.sink += sink
	st.back = resize(st.back, n)
	back := st.back
	// The words and gazetteer marks of the tokens from two before the
	// first to two after the last (the edge beyond), so that the loop
	// below reads its neighbours without a test.
	st.near = resize(st.near, n+4)
	near := st.near
	near[0], near[1], near[n+2], near[n+3] = edge, edge, edge, edge
	for i := range n {
		near[i+2] = st.ws[i]
	}
	st.gz = resize(st.gz, n+2)
	gz := st.gz
	gz[0], gz[n+1] = 0x10, 0x10
	for i := range n {
		gz[i+1] = uint8(gazIndex(int(s.gaz[i])))
	}
	mv := &t.moves
	var prev, cur [nLabels]int64
	top := 0 // the best label of prev
	for i := range n {
		e := near[i+2]
		// The scores of the labels from the features of the token alone.
		static := e.own
		if i == 0 {
			addSums(&static, &t.ctx.first[e.flags])
		}
		g := gz[i+1]
		addSums(&static, &t.ctx.gazPrev[gz[i]][g])
		addSums(&static, &t.ctx.gazNext[g][gz[i+2]])
		addSums(&static, &near[i+1].prev1)
		addSums(&static, &near[i+3].next1)
		add(&static, &near[i].prev2)
		add(&static, &near[i+4].next2)
		fs := st.fs[3*i : 3*i+3]
		add(&static, t.find(fs[0]))
		add(&static, t.find(fs[1]))
		add(&static, t.find(fs[2]))
		if caps {
			add(&static, t.find(uint32(start(fCaps).str(e.low))))
		}
		if e.word != e.low && (e.info.lower || lower != nil && lower(e.low)) {
			addSums(&static, &t.ctx.seenLower[boolInt(i == 0)])
		}
		if memo && len(tg.hist) > 0 && capitalized(e.word, e.low) {
			addSums(&static, &t.ctx.hist[tg.hist.value(e.low)])
		}
		// The scores of each label after each label before: the weights
		// of the label before alone (mv) plus those pairing it with the
		// word (d).
		d := e.trans
		if i == 0 {
			for l := range nLabels {
				cur[l] = unreached
			}
			for k, l := range obLabels { // O and B- tags
				cur[l] = int64(static[l]) + int64(mv.ob[0][k]) + int64(d.ob[0][k])
			}
			prev, top = cur, best(&cur)
			continue
		}
		// An O or B- tag (labels 0, 1, 3, 5, 7) may follow any label; an
		// I- tag follows the B- or I- tag of its type, and the B- tag is
		// always reached (from i 1 on every label is), so an unreached
		// label before is never the best and need not be skipped. Labels
		// before are tried in order, a tie kept by the lower; the labels
		// are written out (nLabels is 9), as the compiler unrolls no loop.
		// A label before p whose best (prev[p] + the row's hi) is below
		// what the best label before (top) gives every O and B- tag at
		// least (prev[top] + its lo) loses to it for each of them,
		// strictly, and is passed over: most are, once a few tokens set
		// the labels' scores apart.
		floor := prev[top] + int64(mv.lo[top+1]) + int64(d.lo[top+1])
		row, drow, v := &mv.ob[1], &d.ob[1], prev[0]
		b0 := v + int64(row[0]) + int64(drow[0])
		b1 := v + int64(row[1]) + int64(drow[1])
		b3 := v + int64(row[2]) + int64(drow[2])
		b5 := v + int64(row[3]) + int64(drow[3])
		b7 := v + int64(row[4]) + int64(drow[4])
		var a0, a1, a3, a5, a7 int8
		// The labels before not passed over, as bits (label 0 is counted
		// above); written out so that the tests need no branch.
		hi, dhi := &mv.hi, &d.hi
		live := boolBit(prev[1]+int64(hi[2])+int64(dhi[2]) >= floor)<<1 |
			boolBit(prev[2]+int64(hi[3])+int64(dhi[3]) >= floor)<<2 |
			boolBit(prev[3]+int64(hi[4])+int64(dhi[4]) >= floor)<<3 |
			boolBit(prev[4]+int64(hi[5])+int64(dhi[5]) >= floor)<<4 |
			boolBit(prev[5]+int64(hi[6])+int64(dhi[6]) >= floor)<<5 |
			boolBit(prev[6]+int64(hi[7])+int64(dhi[7]) >= floor)<<6 |
			boolBit(prev[7]+int64(hi[8])+int64(dhi[8]) >= floor)<<7 |
			boolBit(prev[8]+int64(hi[9])+int64(dhi[9]) >= floor)<<8
		for ; live != 0; live &= live - 1 {
			p := bits.TrailingZeros32(live) // in order: a tie keeps the lower
			v := prev[p]
			row, drow := &mv.ob[p+1], &d.ob[p+1]
			if x := v + int64(row[0]) + int64(drow[0]); x > b0 {
				b0, a0 = x, int8(p)
			}
			if x := v + int64(row[1]) + int64(drow[1]); x > b1 {
				b1, a1 = x, int8(p)
			}
			if x := v + int64(row[2]) + int64(drow[2]); x > b3 {
				b3, a3 = x, int8(p)
			}
			if x := v + int64(row[3]) + int64(drow[3]); x > b5 {
				b5, a5 = x, int8(p)
			}
			if x := v + int64(row[4]) + int64(drow[4]); x > b7 {
				b7, a7 = x, int8(p)
			}
		}
		bk := &back[i]
		cur[0], bk[0] = b0+int64(static[0]), a0
		cur[1], bk[1] = b1+int64(static[1]), a1
		cur[3], bk[3] = b3+int64(static[3]), a3
		cur[5], bk[5] = b5+int64(static[5]), a5
		cur[7], bk[7] = b7+int64(static[7]), a7
		// The I- tags: after the B- (l-1) or the I- tag (l) of their type.
		cur[2], bk[2] = inside(&prev, mv, d, &static, 2)
		cur[4], bk[4] = inside(&prev, mv, d, &static, 4)
		cur[6], bk[6] = inside(&prev, mv, d, &static, 6)
		cur[8], bk[8] = inside(&prev, mv, d, &static, 8)
		prev, top = cur, best(&cur)
	}
	out[n-1] = top // the first of the best
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
}

// inside returns the score of I- tag l at a token and its best label
// before: the B- tag of its type (l-1) or l itself, a tie to the B- tag.
func inside(prev *[nLabels]int64, mv *moveRow, d *transRow, static *[nLabels]int32, l int) (int64, int8) {
	best, arg := prev[l-1]+int64(mv.in[l-2])+int64(d.in[l-2]), int8(l-1)
	if v := prev[l] + int64(mv.in[l-1]) + int64(d.in[l-1]); v > best {
		best, arg = v, int8(l)
	}
	return best + int64(static[l]), arg
}

// boolBit is 1 for true, 0 for false.
func boolBit(b bool) uint32 {
	var x uint32
	if b {
		x = 1
	}
	return x
}

// best returns the label of the highest score (the first of the
// highest), written out.
func best(sc *[nLabels]int64) int {
	top, v := 0, sc[0]
	if sc[1] > v {
		top, v = 1, sc[1]
	}
	if sc[2] > v {
		top, v = 2, sc[2]
	}
	if sc[3] > v {
		top, v = 3, sc[3]
	}
	if sc[4] > v {
		top, v = 4, sc[4]
	}
	if sc[5] > v {
		top, v = 5, sc[5]
	}
	if sc[6] > v {
		top, v = 6, sc[6]
	}
	if sc[7] > v {
		top, v = 7, sc[7]
	}
	if sc[8] > v {
		top = 8
	}
	return top
}

// The adds written out above hold for nLabels 9: a build with other
// labels fails here.
var (
	_ [nLabels - 9]struct{}
	_ [9 - nLabels]struct{}
)
