package summarize

import (
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
}

// Concept weighting, chosen on the development sets (see README,
// "Summary quality"). A concept must appear in minSpread articles of a
// story of several articles; in a story of one or two articles, where
// every concept has the same spread, in minRepeats sentences instead.
// leadBonus is the weight added per article whose opening sentences
// (the first leadSentences) hold the concept.
var (
	minSpread     = 2
	minRepeats    = 2
	leadBonus     = 1.0
	leadSentences = 2
	queryBoost    = 1.0
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
			for k := 0; k+1 < len(s.Terms); k++ {
				b := bigram{s.Terms[k], s.Terms[k+1]}
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
		if len(arts) >= 3 {
			if st.articles < minSpread {
				return 0
			}
			w = float64(st.articles)
		} else {
			if st.sentences < minRepeats {
				return 0
			}
			w = float64(st.sentences)
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
	cs := &concepts{of: make([][]int32, len(cands))}
	ids := map[bigram]int32{}
	for i, c := range cands {
		terms := c.Sentence.Terms
		for k := 0; k+1 < len(terms); k++ {
			b := bigram{terms[k], terms[k+1]}
			id, ok := ids[b]
			if !ok {
				w := weightOf(b, stats[b])
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
