package summarize

import (
	"math"

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

type bigram struct{ a, b string }

// newConcepts weighs the bigrams of arts and lists those of each
// candidate.
func newConcepts(arts []news.Article, cands []Candidate, query []string) *concepts {
	type stat struct {
		articles, sentences, leads int
		lastArticle                int
		leadArticle                int
	}
	stats := map[bigram]*stat{}
	for ai, a := range arts {
		for _, s := range a.Sentences {
			for _, b := range bigrams(s) {
				st := stats[b]
				if st == nil {
					st = &stat{lastArticle: -1, leadArticle: -1}
					stats[b] = st
				}
				st.sentences++
				if st.lastArticle != ai {
					st.lastArticle = ai
					st.articles++
				}
				if s.Index < leadSentences && st.leadArticle != ai {
					st.leadArticle = ai
					st.leads++
				}
			}
		}
	}
	q := map[string]bool{}
	for _, t := range query {
		q[t] = true
	}
	weightOf := func(b bigram, st *stat) float64 {
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
			if q[b.a] {
				hits++
			}
			if q[b.b] {
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
	ids := map[bigram]int32{}
	for i, c := range cands {
		for _, b := range bigrams(c.Sentence) {
			id, ok := ids[b]
			if !ok {
				// A quotation candidate spans sentences; the bigram across
				// their boundary is in no sentence and weighs nothing.
				w := 0.0
				if st := stats[b]; st != nil {
					w = weightOf(b, st)
				}
				if w <= 0 {
					ids[b] = -1
					continue
				}
				id = int32(len(cs.weight))
				ids[b] = id
				cs.weight = append(cs.weight, w)
			}
			if id < 0 || containsID(cs.of[i], id) {
				continue
			}
			cs.of[i] = append(cs.of[i], id)
		}
	}
	return cs
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// bigrams returns the concept bigrams of s: adjacent stems of which at
// least one is a scoring term, so "the president" is a concept and "of
// the" is not. (Bigrams of scoring terms alone, skipping stop words,
// scored lower: ROUGE-2 recall 0.107 against 0.113 on tac2009, 0.091
// against 0.103 on duc2006.) A sentence without Stems falls back to its
// Terms.
func bigrams(s news.Sentence) []bigram {
	var out []bigram
	if len(s.Stems) == 0 {
		for k := 0; k+1 < len(s.Terms); k++ {
			out = append(out, bigram{s.Terms[k], s.Terms[k+1]})
		}
		return out
	}
	content := make(map[string]bool, len(s.Terms))
	for _, t := range s.Terms {
		content[t] = true
	}
	for k := 0; k+1 < len(s.Stems); k++ {
		a, b := s.Stems[k], s.Stems[k+1]
		if content[a] || content[b] {
			out = append(out, bigram{a, b})
		}
	}
	return out
}
