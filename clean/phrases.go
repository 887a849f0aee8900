package clean

import (
	"slices"
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
	// first holds the first of each phrase's pairs (phrases[i].pairs[0]),
	// tested for every phrase in one tight loop: most phrases go there.
	first []uint32
}

type setPhrase struct {
	text string
	bit  uint8
	// pairs holds the pair bit of each pair of adjacent bytes of text,
	// the rarest in prose first (see pairCommonness).
	pairs []uint32
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
			// The pairs rarest in prose first: most phrases are ruled
			// out by their first test (their common pairs, " t" or
			// "th", are in most blocks).
			order := make([]int, len(p)-1)
			for k := range order {
				order[k] = k + 1
			}
			slices.SortStableFunc(order, func(a, b int) int {
				return pairCommonness(p[a-1], p[a]) - pairCommonness(p[b-1], p[b])
			})
			for _, k := range order {
				sp.pairs = append(sp.pairs, pairBit(p[k-1], p[k]))
			}
			ps.phrases = append(ps.phrases, sp)
			ps.first = append(ps.first, sp.pairs[0])
		}
	}
	return ps
}

// proseBytes are the bytes of English prose in lower case, the most
// frequent first (the space, then the letters in their usual order of
// frequency).
const proseBytes = " etaoinshrdlcumwfgypbvkjxqz"

// pairCommonness ranks how often prose holds the bytes a, b side by side,
// higher for more often: the sum of each byte's rank from the end of
// proseBytes, 0 for a byte not in it. Only the order of a phrase's tests
// (see newPhraseSets) rests on it, never a match.
func pairCommonness(a, b byte) int {
	rank := func(c byte) int {
		if k := strings.IndexByte(proseBytes, c); k >= 0 {
			return len(proseBytes) - k
		}
		return 0
	}
	return rank(a) + rank(b)
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
	for i, k := range ps.first {
		if g.pairs[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		p := &ps.phrases[i]
		if bits&p.bit != 0 {
			continue
		}
		for _, k := range p.pairs[1:] {
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
