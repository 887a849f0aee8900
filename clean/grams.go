package clean

import "strings"

// grams summarizes the bytes of one text for tests that can only say "no":
// a bit for each pair of adjacent bytes (hashed to gramBits), and the text
// itself for a single byte (hasByte). A text that holds a string holds its
// pairs, so when one of the string's bits is unset the text cannot hold
// it, and the search for it (strings.Contains) is skipped. The rules
// look for dozens of phrases and marks in every block, and most blocks
// hold none of them: one pass over the block fills grams, and most
// searches then end after a few bit tests.
type grams struct {
	text  string // the text summarized, which hasByte searches
	pairs [gramBits / 64]uint64
}

// gramBits is the number of pair bits (a power of two).
const gramBits = 1 << 12

// pairBit hashes the bytes a, b to a pair bit.
func pairBit(a, b byte) uint32 {
	return ((uint32(a)<<8 | uint32(b)) * 0x9E3779B1) >> (32 - 12)
}

// fill makes g the summary of s.
func (g *grams) fill(s string) {
	*g = grams{text: s}
	if s == "" {
		return
	}
	prev := s[0]
	for i := 1; i < len(s); i++ {
		c := s[i]
		k := pairBit(prev, c)
		g.pairs[k>>6] |= 1 << (k & 63)
		prev = c
	}
}

// hasByte reports whether the text holds byte c. (The rules ask about a
// few bytes of each block: searching the text for them, a vector at a
// time, costs less than a bit for each byte value set in fill.)
func (g *grams) hasByte(c byte) bool { return strings.IndexByte(g.text, c) >= 0 }

// hasAnyByte reports whether the text holds one of the bytes of set, an
// ASCII string: what strings.ContainsAny(text, set) reports.
func (g *grams) hasAnyByte(set string) bool {
	for i := 0; i < len(set); i++ {
		if g.hasByte(set[i]) {
			return true
		}
	}
	return false
}

// mayHold reports whether the text may hold sub: false when it cannot.
func (g *grams) mayHold(sub string) bool {
	if len(sub) == 1 {
		return g.hasByte(sub[0])
	}
	for i := 1; i < len(sub); i++ {
		if k := pairBit(sub[i-1], sub[i]); g.pairs[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// contains reports whether s, the text g summarizes, holds sub: what
// strings.Contains(s, sub) reports.
func (g *grams) contains(s, sub string) bool {
	return g.mayHold(sub) && strings.Contains(s, sub)
}
