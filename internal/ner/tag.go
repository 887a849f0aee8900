package ner

import "math"

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

// newPairTable files the features of hashes (sorted), whose weights
// are weightsOf.
func newPairTable(hashes []uint32, weightsOf func(uint32) weights) pairTable {
	groups := map[uint32][]pairEntry{}
	var order []uint32
	for _, h := range hashes {
		g := h * fnvInverse
		key := g&^0xff | 1
		if groups[key] == nil {
			order = append(order, key)
		}
		groups[key] = append(groups[key], pairEntry{weightsOf(h), uint8(g)})
	}
	size := 1
	for size < 2*len(order) {
		size *= 2
	}
	pt := pairTable{slots: make([]pairSlot, size), mask: uint32(size - 1), entries: make([]pairEntry, 0, len(hashes))}
	for _, key := range order {
		i := mix(key) & pt.mask
		for pt.slots[i].key != 0 {
			i = (i + 1) & pt.mask
		}
		start := int32(len(pt.entries))
		pt.entries = append(pt.entries, groups[key]...)
		pt.slots[i] = pairSlot{key, start, int32(len(pt.entries))}
	}
	return pt
}

// group returns the entries of the group of base.
func (pt *pairTable) group(base hasher) []pairEntry {
	key := uint32(base)&^0xff | 1
	for i := mix(key) & pt.mask; ; i = (i + 1) & pt.mask {
		switch pt.slots[i].key {
		case key:
			return pt.entries[pt.slots[i].start:pt.slots[i].end]
		case 0:
			return nil
		}
	}
}

// tagState holds the buffers of one Tag call, kept for the next.
type tagState struct {
	s     sentence
	fs    []uint32 // the static features of every token
	ends  []int32  // where the features of each token end in fs
	bases []hasher // the pairBase of each token
	back  [][nLabels]int8
	sink  uint32
}

// Tag labels the words of one sentence (Viterbi decoding) and returns
// the index in Labels of each word's tag. lower reports whether a word (lower-cased) is
// written in lower case elsewhere in the document; nil means never.
func (m *Model) Tag(words []string, lower func(string) bool) []int {
	out := make([]int, len(words))
	if m == nil || len(m.index) == 0 || len(words) == 0 {
		return out
	}
	st, _ := m.scratch.Get().(*tagState)
	if st == nil {
		st = &tagState{}
	}
	m.decode(st, words, lower, out)
	st.s.words = nil // let the caller's words go
	clear(st.s.low)
	m.scratch.Put(st)
	return out
}

// unreached is the score of a label no path reaches (an I- tag first):
// far below any path's, and far enough above the least int64 that adding
// scores to it cannot overflow.
const unreached = math.MinInt64 / 4

// decode sets out to the best labels of words, as lattice.viterbi does
// over the scores (integers here, sums of the quantised weights, so the
// sums are exact as the float64 ones are): the highest scoring path, I-
// tags only after their own type, ties to the lower label before.
func (m *Model) decode(st *tagState, words []string, lower func(string) bool, out []int) {
	t := m.table
	s := &st.s
	s.prepare(words, m.gaz, lower)
	n := len(words)
	st.fs, st.ends, st.bases = st.fs[:0], resize(st.ends, n), resize(st.bases, n)
	for i := range n {
		st.fs = s.static(st.fs, i)
		st.ends[i] = int32(len(st.fs))
		st.bases[i] = s.pairBase(i)
	}
	// Read the first slot of each look-up ahead, with no branch on what
	// is read, so that the memory loads overlap rather than wait on each
	// other in the look-ups below.
	sink := uint32(0)
	for _, f := range st.fs {
		sink += t.slots[mix(f)&t.mask].key
	}
	for _, b := range st.bases {
		sink += t.pairs.slots[mix(uint32(b)&^0xff|1)&t.pairs.mask].key
	}
	st.sink = sink
	st.back = resize(st.back, n)
	back := st.back
	var prev, cur [nLabels]int64
	from := int32(0)
	for i := range n {
		// The scores of the labels from the features of the token alone.
		var static [nLabels]int32
		for _, f := range st.fs[from:st.ends[i]] {
			if w := t.find(f); w != nil {
				for l := range static {
					static[l] += int32(w[l])
				}
			}
		}
		from = st.ends[i]
		// The scores of each label after each label before.
		trans := t.moves
		x := uint8(st.bases[i])
		for _, e := range t.pairs.group(st.bases[i]) {
			p := int(e.low ^ x)
			switch {
			case p == 0xff:
				p = -1
			case p >= nLabels:
				continue
			}
			for l := range nLabels {
				trans[p+1][l] += int32(e.w[l])
			}
		}
		if i == 0 {
			for l := range nLabels {
				cur[l] = unreached
				if allowed(-1, l) { // O and B- tags
					cur[l] = int64(static[l]) + int64(trans[0][l])
				}
			}
			prev = cur
			continue
		}
		// An O or B- tag may follow any label; an I- tag follows the B- or
		// I- tag of its type, and the B- tag is always reached (from i 1 on
		// every label is), so an unreached label before is never the best
		// and need not be skipped.
		for l := 0; l < nLabels; l++ {
			best, arg := prev[0]+int64(trans[1][l]), 0
			if l%2 == 0 && l > 0 {
				best, arg = prev[l-1]+int64(trans[l][l]), l-1
				if v := prev[l] + int64(trans[l+1][l]); v > best {
					best, arg = v, l
				}
			} else {
				for p := 1; p < nLabels; p++ {
					if v := prev[p] + int64(trans[p+1][l]); v > best {
						best, arg = v, p
					}
				}
			}
			cur[l] = best + int64(static[l])
			back[i][l] = int8(arg)
		}
		prev = cur
	}
	last := 0
	for l := 1; l < nLabels; l++ {
		if prev[l] > prev[last] {
			last = l
		}
	}
	out[n-1] = last
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
}
