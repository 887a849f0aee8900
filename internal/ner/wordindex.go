package ner

// wordKey is what the word indexes hold of a word: a hash (FNV-1a over
// its bytes, mixed so that its low bits, which pick the slot, spread) and
// its head, its first seven bytes (little-endian) and its length (at
// most 255) in the top byte. A word of at most seven bytes is its head:
// two such words are the same when their heads are.
func wordKey(w string) (h uint32, head uint64) {
	x := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		x = (x ^ uint32(c)) * fnvPrime
		if i < shortWord {
			head |= uint64(c) << (8 * i)
		}
	}
	return mix(x), head | uint64(min(len(w), 255))<<56
}

// shortWord is the length of the words their heads hold whole.
const shortWord = 7

// wordSlot is a word of a word index: its key and ref, a reference to
// its scores (0: an empty slot). In the model's index (Model.known), ref
// is 1 + the word's index in Model.vocab; in a Tagger's (Tagger.seen),
// it is that or, below 0, -1 - the word's index in Tagger.words.
type wordSlot struct {
	head uint64
	h    uint32
	ref  int32
}

// wordIndex is an open-addressing hash table of words (linear probing,
// by the low bits of the hash): slots only, each 16 bytes, a word longer
// than its head compared in the scores it refers to. Its size is a power
// of two, at least twice the words it holds.
type wordIndex struct {
	slots []wordSlot
	n     int // the words held
}

// newWordIndex returns an index with room for n words before it grows.
func newWordIndex(n int) wordIndex {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return wordIndex{slots: make([]wordSlot, size)}
}

// put adds the word of key h, head and ref, which it does not hold,
// growing the index when it would be more than half full.
func (x *wordIndex) put(h uint32, head uint64, ref int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots = make([]wordSlot, 2*max(len(old), 8))
		for _, s := range old {
			if s.ref != 0 {
				x.place(s)
			}
		}
	}
	x.place(wordSlot{head, h, ref})
	x.n++
}

// place stores s in the first empty slot from its own.
func (x *wordIndex) place(s wordSlot) {
	mask := uint32(len(x.slots) - 1)
	i := s.h & mask
	for x.slots[i].ref != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}

// reset empties x, keeping its slots (cleared only when it holds words:
// Model.Tag releases a Tagger whose index it never filled at every call).
func (x *wordIndex) reset() {
	if x.n > 0 {
		clear(x.slots)
		x.n = 0
	}
}

// vocabRef returns the ref of word w, of key h and head, in m.known: 1 +
// its index in m.vocab, or 0 when the vocabulary does not hold it.
func (m *Model) vocabRef(h uint32, head uint64, w string) int32 {
	slots := m.known.slots
	if len(slots) == 0 {
		return 0
	}
	mask := uint32(len(slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &slots[i]
		if s.ref == 0 {
			return 0
		}
		if s.h == h && s.head == head && (len(w) <= shortWord || m.vocab[s.ref-1].word == w) {
			return s.ref
		}
	}
}
