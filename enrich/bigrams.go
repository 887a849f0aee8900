package enrich

// bigrams is the set of the byte pairs of a text, hashed to 4,096 bits:
// a string with a pair not in the set does not occur in the text. It
// saves a search of the text for each of a story's people when most are
// not named in it (see lastNamed).
type bigrams [64]uint64

// bigramBit is the bit of the pair a, b.
func bigramBit(a, b byte) uint {
	return (uint(a)<<5 ^ uint(b)) & 4095
}

// fill adds the byte pairs of s.
func (g *bigrams) fill(s string) {
	for i := 0; i+1 < len(s); i++ {
		k := bigramBit(s[i], s[i+1])
		g[k>>6] |= 1 << (k & 63)
	}
}

// mayHold reports whether s may occur in the text: false when its first,
// middle or last byte pair is not in the set. Strings shorter than two
// bytes may always occur.
func (g *bigrams) mayHold(s string) bool {
	if len(s) < 2 {
		return true
	}
	for _, i := range [3]int{0, (len(s) - 2) / 2, len(s) - 2} {
		if k := bigramBit(s[i], s[i+1]); g[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}
