package clean

import (
	"strings"
	"sync"
)

// phraseSets finds which of several lists of phrases a text holds, in one
// pass over the text instead of one strings.Contains per phrase: the
// rules' phrase lists (siteNotices, legalPhrases, jobPhrases,
// promoPhrases) are matched against every block of a page, and most
// blocks hold none of their phrases.
type phraseSets struct {
	// heads marks the first four bytes of some phrase: a bit per hash
	// of four bytes (see head).
	heads [1 << 16 / 64]uint64
	// byFirst lists, for each first byte, the phrases that begin with it
	// and the bit of the list each belongs to.
	byFirst [256][]setPhrase
}

type setPhrase struct {
	text string
	bit  uint8
}

// newPhraseSets indexes lists, list i with bit 1<<i (at most eight lists;
// every phrase at least four bytes long).
func newPhraseSets(lists ...[]string) *phraseSets {
	ps := &phraseSets{}
	for i, l := range lists {
		for _, p := range l {
			if len(p) < 4 {
				panic("clean: the phrase " + p + " is shorter than four bytes")
			}
			k := head(p)
			ps.heads[k/64] |= 1 << (k % 64)
			ps.byFirst[p[0]] = append(ps.byFirst[p[0]], setPhrase{p, 1 << i})
		}
	}
	return ps
}

// match returns the bits of the lists that have a phrase in s: bit i is
// set when strings.Contains(s, p) for some phrase p of list i.
func (ps *phraseSets) match(s string) uint8 {
	var bits uint8
	for i := 0; i+4 <= len(s); i++ {
		if k := head(s[i:]); ps.heads[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range ps.byFirst[s[i]] {
			if bits&p.bit == 0 && strings.HasPrefix(s[i:], p.text) {
				bits |= p.bit
			}
		}
	}
	return bits
}

// head hashes the first four bytes of s (len(s) >= 4) to 16 bits.
func head(s string) uint16 {
	x := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	return uint16((x * 0x9E3779B1) >> 16)
}

// The lists of rulePhrases, by bit.
const (
	siteNoticeBit = 1 << iota
	legalPhraseBit
	jobPhraseBit
	promoPhraseBit
)

// rulePhrases indexes the rules' phrase lists, compared with a block in
// lower case.
var rulePhrases = sync.OnceValue(func() *phraseSets {
	return newPhraseSets(siteNotices, legalPhrases, jobPhrases, promoPhrases)
})
