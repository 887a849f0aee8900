package summarize

import (
	"math"
	"slices"

	"tidings/news"
)

// concepts are the bigram concepts of one story (Gillick and Favre, 2009,
// "A scalable global model for summarization"): pairs of adjacent scoring
// terms, each worth the number of articles that contain it. A summary's
// value is the total weight of the distinct concepts it covers, so a fact
// counts once however many chosen sentences repeat it.
type concepts struct {
	weight []float64 // by concept id
	// of[i] lists the distinct concepts, with positive weight, of
	// candidate i.
	of [][]int32
	// prior[i] is candidate i's own value, as a fraction of a typical
	// sentence's concept value: the lead prior plus query relevance.
	prior []float64
}

// Concept and prior settings, each chosen with `tidings eval` on the
// development sets and kept because it helped on more than one (see
// README, "Summary quality"):
//
//   - a concept counts in a story of spreadFrom or more articles when
//     minSpread articles hold it, and weighs the number of articles that
//     do; in a smaller story, where spread alone says little, when
//     minRepeats sentences hold it, and weighs that number plus
//     pairBonus if both articles of a two-article story hold it (a fact
//     both outlets report is worth more than one outlet's repeat);
//   - leadBonus is added per article whose first leadSentences hold it;
//   - with a query, a concept's weight grows by queryBoost times the share
//     of its two words that are query terms;
//   - a sentence's own value (its prior, in units of a typical sentence's
//     concept value) is positionPrior/N·exp(-positionDecay·index) for a
//     story of N articles, which matters most in small stories where
//     concepts are few, plus queryPrior times the share of its terms
//     that are query terms.
const (
	spreadFrom    = 3
	minSpread     = 2
	minRepeats    = 2
	pairBonus     = 3.0
	leadBonus     = 1.0
	leadSentences = 1
	queryBoost    = 1.0
	positionPrior = 6.0
	positionDecay = 0.3
	queryPrior    = 1.0
)

// newConcepts weighs the bigrams of arts, whose words w numbers, and
// lists those of each candidate.
func newConcepts(w *words, arts []news.Article, cands []Candidate, query []string) *concepts {
	return newConceptsIn(newBigramSet(w), arts, cands, query)
}

// newConceptsIn is [newConcepts] counting in bs, an empty set for the
// words of arts (see [bigramSet.reset]).
func newConceptsIn(bs *bigramSet, arts []news.Article, cands []Candidate, query []string) *concepts {
	w := bs.words
	// first[ai][si] is where the bigrams of sentence si of article ai
	// start in bs.of; they end where the next sentence's start.
	first := make([][]int, len(arts))
	for ai, a := range arts {
		first[ai] = make([]int, len(a.Sentences)+1)
		for si, s := range a.Sentences {
			first[ai][si] = len(bs.of)
			start := len(bs.of)
			stems, terms := w.sentence(ai, si)
			bs.add(stems, terms)
			for _, k := range bs.of[start:] {
				st := &bs.stats[k]
				st.sentences++
				if st.lastArticle != int32(ai) {
					st.lastArticle = int32(ai)
					st.articles++
				}
				if s.Index < leadSentences && st.leadArticle != int32(ai) {
					st.leadArticle = int32(ai)
					st.leads++
				}
			}
		}
		first[ai][len(a.Sentences)] = len(bs.of)
	}
	var isQuery []bool // by word id
	for _, t := range query {
		if id, ok := w.lookup(t); ok {
			if isQuery == nil {
				isQuery = make([]bool, w.nWords())
			}
			isQuery[id] = true
		}
	}
	q := map[string]bool{}
	for _, t := range query {
		q[t] = true
	}
	weightOf := func(st *bigramStat) float64 {
		var w float64
		if len(arts) >= spreadFrom {
			if st.articles < minSpread {
				return 0
			}
			w = float64(st.articles)
		} else {
			if st.sentences < minRepeats {
				return 0
			}
			w = float64(st.sentences) + pairBonus*float64(st.articles-1)
		}
		w += leadBonus * float64(st.leads)
		if len(q) > 0 {
			hits := 0
			if isQuery != nil && isQuery[st.a] {
				hits++
			}
			if isQuery != nil && isQuery[st.b] {
				hits++
			}
			w *= 1 + queryBoost*float64(hits)/2
		}
		return w
	}
	cs := &concepts{of: make([][]int32, len(cands)), prior: make([]float64, len(cands))}
	for i, c := range cands {
		cs.prior[i] = positionPrior / float64(len(arts)) * math.Exp(-positionDecay*float64(c.Sentence.Index))
		if len(q) > 0 {
			hits := 0
			for _, t := range c.Sentence.Terms {
				if q[t] {
					hits++
				}
			}
			cs.prior[i] += queryPrior * float64(hits) / float64(len(c.Sentence.Terms))
		}
	}
	nSeen := len(bs.stats) // bigrams of the sentences; a candidate's others weigh nothing
	// The candidates' lists share one array: flat[ends[i-1]:ends[i]] is
	// candidate i's. A candidate has at most as many concepts as its
	// sentence has bigrams, so the sentences' bigrams are room enough
	// but for the quotations.
	flat := make([]int32, 0, len(bs.of))
	ends := make([]int, len(cands))
	for i, c := range cands {
		var of []int32
		if ai, si := c.Article, c.Sentence.Index; c.Span <= 1 && ai < len(arts) && si < len(arts[ai].Sentences) &&
			arts[ai].Sentences[si].Start == c.Sentence.Start && arts[ai].Sentences[si].End == c.Sentence.End {
			of = bs.of[first[ai][si]:first[ai][si+1]]
		} else {
			// A quotation candidate spans sentences; the bigram across
			// their boundary is in no sentence and weighs nothing.
			start := len(bs.of)
			bs.addSentence(c.Sentence)
			of = bs.of[start:]
		}
		for _, k := range of {
			if int(k) >= nSeen {
				continue
			}
			st := &bs.stats[k]
			if st.concept == 0 {
				st.concept = -1
				if w := weightOf(st); w > 0 {
					cs.weight = append(cs.weight, w)
					st.concept = int32(len(cs.weight))
				}
			}
			if st.concept < 0 || st.candidate == int32(i)+1 {
				continue
			}
			st.candidate = int32(i) + 1
			flat = append(flat, st.concept-1)
		}
		ends[i] = len(flat)
	}
	from := 0
	for i, to := range ends {
		if to > from {
			cs.of[i] = flat[from:to:to]
		}
		from = to
	}
	return cs
}

// bigramSet numbers the concept bigrams of a story's sentences (see
// [bigramSet.add]) by the word ids of their stems (see [words]), so that
// each is counted by integer keys rather than pairs of strings.
type bigramSet struct {
	words *words
	index pairIndex // bigram (first word id, second) to its place in stats
	stats []bigramStat
	// of lists the bigrams (places in stats) of the sentences added, in
	// the order added.
	of []int32
	// ids, content and marked are buffers: the word ids of the stems of
	// a sentence added by its strings, which word ids are among the terms
	// of the sentence being added, and those ids.
	ids     []int32
	content []bool
	marked  []int32
}

// bigramStat counts where a bigram occurs; concept is its concept id
// plus one once weighed (-1 when it weighs nothing), candidate the last
// candidate (plus one) that listed it.
type bigramStat struct {
	a, b                       int32 // word ids
	articles, sentences, leads int32
	lastArticle, leadArticle   int32
	concept, candidate         int32
}

// newBigramSet returns a set for the sentences whose words w numbers
// (see [bigramSet.reset]).
func newBigramSet(w *words) *bigramSet { return new(bigramSet).reset(w) }

// reset empties bs, keeping its memory, for the sentences whose words w
// numbers, and returns bs. On the development sets a story has about
// three fifths as many distinct bigrams as stems.
func (bs *bigramSet) reset(w *words) *bigramSet {
	nStems := len(w.stems)
	bs.words = w
	bs.index.reset(nStems * 2 / 3)
	bs.stats = slices.Grow(bs.stats[:0], nStems*2/3)
	bs.of = slices.Grow(bs.of[:0], nStems)
	bs.content = slices.Grow(bs.content[:0], w.nWords())[:w.nWords()]
	clear(bs.content)
	bs.ids, bs.marked = bs.ids[:0], bs.marked[:0]
	return bs
}

func (bs *bigramSet) mark(id int32) {
	if !bs.content[id] {
		bs.content[id] = true
		bs.marked = append(bs.marked, id)
	}
}

func (bs *bigramSet) pair(a, b int32) {
	k := bs.index.place(a, b, int32(len(bs.stats)))
	if int(k) == len(bs.stats) {
		bs.stats = append(bs.stats, bigramStat{a: a, b: b, lastArticle: -1, leadArticle: -1})
	}
	bs.of = append(bs.of, k)
}

// add appends to bs.of the concept bigrams of a sentence whose stems have
// word ids stems and whose terms have term ids terms: adjacent stems of
// which at least one is a scoring term, so "the president" is a concept
// and "of the" is not. (Bigrams of scoring terms alone, skipping stop
// words, scored lower: ROUGE-2 recall 0.107 against 0.113 on tac2009,
// 0.091 against 0.103 on duc2006.) A sentence without Stems falls back to
// its Terms.
func (bs *bigramSet) add(stems, terms []int32) {
	w := bs.words
	if len(stems) == 0 {
		for k := 0; k+1 < len(terms); k++ {
			bs.pair(w.wordOf[terms[k]], w.wordOf[terms[k+1]])
		}
		return
	}
	// A stem is content when a term of the sentence is the same word.
	bs.marked = bs.marked[:0]
	for _, t := range terms {
		bs.mark(w.wordOf[t])
	}
	bs.contentPairs(stems)
}

// contentPairs appends to bs.of the bigrams of stems (word ids) that hold
// a stem marked as content, and clears the marks.
func (bs *bigramSet) contentPairs(stems []int32) {
	for k := 0; k+1 < len(stems); k++ {
		if a, b := stems[k], stems[k+1]; bs.content[a] || bs.content[b] {
			bs.pair(a, b)
		}
	}
	for _, id := range bs.marked {
		bs.content[id] = false
	}
}

// addSentence is [bigramSet.add] for a sentence given by its strings (a
// candidate of several sentences), numbering any word not yet numbered.
func (bs *bigramSet) addSentence(s news.Sentence) {
	w := bs.words
	bs.ids = bs.ids[:0]
	for _, st := range s.Stems {
		bs.ids = append(bs.ids, w.idOf(st))
	}
	var terms []int32
	for _, t := range s.Terms {
		terms = append(terms, w.idOf(t))
	}
	if n := w.nWords(); n > len(bs.content) {
		bs.content = append(bs.content, make([]bool, n-len(bs.content))...)
	}
	if len(s.Stems) == 0 {
		for k := 0; k+1 < len(terms); k++ {
			bs.pair(terms[k], terms[k+1])
		}
		return
	}
	bs.marked = bs.marked[:0]
	for _, id := range terms {
		bs.mark(id)
	}
	bs.contentPairs(bs.ids)
}

// pairIndex maps pairs of word ids to places: a hash table with open
// addressing over one array, which a story fills once and never deletes
// from, so it needs neither tombstones nor the general map's machinery.
type pairIndex struct {
	keys []uint64 // pair (a << 32 | b) plus one; 0 for an empty slot
	vals []int32
	n    int
}

// reset empties the index for about n pairs, keeping its memory.
func (ix *pairIndex) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if len(ix.keys) >= size {
		clear(ix.keys)
	} else {
		ix.keys, ix.vals = make([]uint64, size), make([]int32, size)
	}
	ix.n = 0
}

// place returns the place of pair (a, b), recording next as its place
// when the pair is new.
func (ix *pairIndex) place(a, b, next int32) int32 {
	if 2*(ix.n+1) > len(ix.keys) {
		ix.grow()
	}
	key := (uint64(uint32(a))<<32 | uint64(uint32(b))) + 1
	mask := uint64(len(ix.keys) - 1)
	for i := pairHash(key) & mask; ; i = (i + 1) & mask {
		switch ix.keys[i] {
		case key:
			return ix.vals[i]
		case 0:
			ix.keys[i], ix.vals[i] = key, next
			ix.n++
			return next
		}
	}
}

func (ix *pairIndex) grow() {
	keys, vals := ix.keys, ix.vals
	ix.keys, ix.vals = make([]uint64, max(16, 2*len(keys))), make([]int32, max(16, 2*len(keys)))
	mask := uint64(len(ix.keys) - 1)
	for j, key := range keys {
		if key == 0 {
			continue
		}
		i := pairHash(key) & mask
		for ix.keys[i] != 0 {
			i = (i + 1) & mask
		}
		ix.keys[i], ix.vals[i] = key, vals[j]
	}
}

// pairHash mixes a key's bits (Fibonacci hashing, then the high half
// folded in) so that the low bits, the table's index, depend on both
// word ids.
func pairHash(key uint64) uint64 {
	h := key * 0x9E3779B97F4A7C15
	return h ^ h>>32
}
