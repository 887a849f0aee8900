package clean

import (
	"strings"
	"sync"
)

// phraseSets finds which of several lists of phrases a text holds: the
// rules' phrase lists (siteNotices, legalPhrases, jobPhrases,
// promoPhrases) are matched against every block of a page, and most
// blocks hold none of their phrases. Each phrase's pair bits (see
// [grams]) are found once, so that a phrase the text cannot hold costs a
// few bit tests, and only the others are searched for.
type phraseSets struct {
	phrases []setPhrase
}

type setPhrase struct {
	text  string
	bit   uint8
	pairs []uint32 // the pair bit of each pair of adjacent bytes of text
}

// newPhraseSets indexes lists, list i with bit 1<<i (at most eight lists;
// every phrase at least two bytes long).
func newPhraseSets(lists ...[]string) *phraseSets {
	ps := &phraseSets{}
	for i, l := range lists {
		for _, p := range l {
			if len(p) < 2 {
				panic("clean: the phrase " + p + " is shorter than two bytes")
			}
			sp := setPhrase{text: p, bit: 1 << i}
			for k := 1; k < len(p); k++ {
				sp.pairs = append(sp.pairs, pairBit(p[k-1], p[k]))
			}
			ps.phrases = append(ps.phrases, sp)
		}
	}
	return ps
}

// match returns the bits of the lists that have a phrase in s: bit i is
// set when strings.Contains(s, p) for some phrase p of list i.
func (ps *phraseSets) match(s string) uint8 {
	var g grams
	g.fill(s)
	return ps.matchIn(s, &g)
}

// matchIn is match(s) with g the summary of s.
func (ps *phraseSets) matchIn(s string, g *grams) uint8 {
	var bits uint8
next:
	for _, p := range ps.phrases {
		if bits&p.bit != 0 {
			continue
		}
		for _, k := range p.pairs {
			if g.pairs[k>>6]&(1<<(k&63)) == 0 {
				continue next
			}
		}
		if strings.Contains(s, p.text) {
			bits |= p.bit
		}
	}
	return bits
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
