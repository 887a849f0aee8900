package enrich

// wordSet is a set of words, the strings themselves held (not copied):
// an open-addressing table by an FNV-1a hash of the bytes, which for the
// words of a story (thousands added, most of them again and again) costs
// a few times less than a map[string]bool, whose every insertion runs
// the map's general code.
type wordSet struct {
	slots []wordSlot // by hash, linear probing; an empty word: empty
	mask  uint32
	n     int
}

type wordSlot struct {
	w string
	h uint32
}

// newWordSet returns an empty set with room for about hint words
// before it grows.
func newWordSet(hint int) *wordSet {
	size := 16
	for size < 2*hint {
		size *= 2
	}
	return &wordSet{slots: make([]wordSlot, size), mask: uint32(size - 1)}
}

// wordHash is the FNV-1a hash of w's bytes.
func wordHash[S string | []byte](w S) uint32 {
	h := fnvOffset
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnvPrime
	}
	return h
}

// The 32-bit FNV-1a offset basis and prime.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

// add adds w, unless it is empty.
func (s *wordSet) add(w string) {
	if w == "" {
		return
	}
	s.addHashed(w, wordHash(w))
}

// addHashed adds w, not empty, whose wordHash is h.
func (s *wordSet) addHashed(w string, h uint32) {
	i := h & s.mask
	for {
		sl := &s.slots[i]
		if sl.w == "" {
			break
		}
		if sl.h == h && sl.w == w {
			return
		}
		i = (i + 1) & s.mask
	}
	s.slots[i] = wordSlot{w, h}
	s.n++
	if 2*s.n > len(s.slots) {
		s.grow()
	}
}

// grow doubles the table.
func (s *wordSet) grow() {
	old := s.slots
	s.slots = make([]wordSlot, 2*len(old))
	s.mask = uint32(len(s.slots) - 1)
	for _, sl := range old {
		if sl.w == "" {
			continue
		}
		i := sl.h & s.mask
		for s.slots[i].w != "" {
			i = (i + 1) & s.mask
		}
		s.slots[i] = sl
	}
}

// has reports whether w is in s.
func (s *wordSet) has(w string) bool { return holds(s, w) }

// hasBytes reports whether s holds the word of the bytes w, without
// making a string of them.
func (s *wordSet) hasBytes(w []byte) bool { return holds(s, w) }

// holds reports whether s holds the word of w's bytes; for a []byte the
// comparison makes no string (TestWordSetNoAlloc).
func holds[S string | []byte](s *wordSet, w S) bool {
	if s == nil || len(w) == 0 {
		return false
	}
	h := wordHash(w)
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		sl := &s.slots[i]
		if sl.w == "" {
			return false
		}
		if sl.h == h && sl.w == string(w) {
			return true
		}
	}
}
