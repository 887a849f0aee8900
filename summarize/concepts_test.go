package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"tidings/news"
	"tidings/segment"
)

// TestConceptsMatchStrings checks the concepts that newConcepts counts by
// stem and bigram ids against their definition over strings: the same
// weights in the same order, the same concepts per candidate and the same
// priors, with and without a query, for stories of three, two and one
// article (the last with quotation and passage candidates) and for
// sentences that have Terms but no Stems.
func TestConceptsMatchStrings(t *testing.T) {
	one := []news.Article{{ID: "e", Text: "Dock workers at the port of Selby walked out on Tuesday over night-shift pay. " +
		"They halted loading at all four container terminals of the port. It will last three days, the union said. " +
		"\"We are ready. We will stay out as long as it takes,\" the union's leader said of the dock strike."}}
	segment.Article(&one[0])
	noStems := story()
	for ai := range noStems {
		for si := range noStems[ai].Sentences {
			noStems[ai].Sentences[si].Stems = nil
		}
	}
	tests := []struct {
		name string
		arts []news.Article
	}{
		{"three articles", story()},
		{"two articles", story()[:2]},
		{"one article", one},
		{"terms without stems", noStems},
	}
	reused := new(scratch)
	for _, tc := range tests {
		for _, query := range [][]string{nil, segment.Terms("ferry sailings to the islands"), {"unknown"}} {
			t.Run(tc.name+"/query="+strings.Join(query, "+"), func(t *testing.T) {
				cands := candidates(tc.arts, true)
				want := stringConcepts(tc.arts, cands, query)
				// Counted afresh, and in the memory of the stories before
				// (as the ILP's scratchPool reuses it).
				for _, got := range []*concepts{
					newConcepts(newWords(tc.arts), tc.arts, cands, query),
					newConceptsIn(reused.bigrams.reset(reused.words.fill(tc.arts)), tc.arts, cands, query),
				} {
					checkConcepts(t, query, got, want)
				}
			})
		}
	}
}

func checkConcepts(t *testing.T, query []string, got, want *concepts) {
	t.Helper()
	if !slices.Equal(got.weight, want.weight) {
		t.Errorf("query %q: weights %v, want %v", query, got.weight, want.weight)
	}
	if !slices.Equal(got.prior, want.prior) {
		t.Errorf("query %q: priors %v, want %v", query, got.prior, want.prior)
	}
	if len(got.of) != len(want.of) {
		t.Fatalf("query %q: concepts of %d candidates, want %d", query, len(got.of), len(want.of))
	}
	for i := range want.of {
		if !slices.Equal(got.of[i], want.of[i]) {
			t.Errorf("query %q: candidate %d has concepts %v, want %v", query, i, got.of[i], want.of[i])
		}
	}
	if len(want.weight) == 0 {
		t.Error("no concept weighs anything: the case tests nothing")
	}
}

// stringConcepts is newConcepts written over pairs of strings, as its
// doc comments define it.
func stringConcepts(arts []news.Article, cands []Candidate, query []string) *concepts {
	type bigram struct{ a, b string }
	bigramsOf := func(s news.Sentence) []bigram {
		var out []bigram
		if len(s.Stems) == 0 {
			for k := 0; k+1 < len(s.Terms); k++ {
				out = append(out, bigram{s.Terms[k], s.Terms[k+1]})
			}
			return out
		}
		content := map[string]bool{}
		for _, t := range s.Terms {
			content[t] = true
		}
		for k := 0; k+1 < len(s.Stems); k++ {
			if a, b := s.Stems[k], s.Stems[k+1]; content[a] || content[b] {
				out = append(out, bigram{a, b})
			}
		}
		return out
	}
	type stat struct{ articles, sentences, leads int }
	stats := map[bigram]*stat{}
	for _, a := range arts {
		inArticle, inLead := map[bigram]bool{}, map[bigram]bool{}
		for _, s := range a.Sentences {
			for _, b := range bigramsOf(s) {
				st := stats[b]
				if st == nil {
					st = &stat{}
					stats[b] = st
				}
				st.sentences++
				if !inArticle[b] {
					inArticle[b] = true
					st.articles++
				}
				if s.Index < leadSentences && !inLead[b] {
					inLead[b] = true
					st.leads++
				}
			}
		}
	}
	q := map[string]bool{}
	for _, t := range query {
		q[t] = true
	}
	cs := &concepts{of: make([][]int32, len(cands)), prior: make([]float64, len(cands))}
	ids := map[bigram]int32{}
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
		for _, b := range bigramsOf(c.Sentence) {
			id, ok := ids[b]
			if !ok {
				id = -1
				if st := stats[b]; st != nil && (len(arts) >= spreadFrom && st.articles >= minSpread || len(arts) < spreadFrom && st.sentences >= minRepeats) {
					w := float64(st.articles)
					if len(arts) < spreadFrom {
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
					id = int32(len(cs.weight))
					cs.weight = append(cs.weight, w)
				}
				ids[b] = id
			}
			if id >= 0 && !slices.Contains(cs.of[i], id) {
				cs.of[i] = append(cs.of[i], id)
			}
		}
	}
	return cs
}

// TestPairIndex checks the pair table against a map: the same place for
// a pair seen before, a new place for a new one, across its growth and
// after a reset that keeps its memory.
func TestPairIndex(t *testing.T) {
	var ix pairIndex
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ hint, pairs, ids int }{{0, 200, 20}, {1000, 5000, 300}, {10, 3000, 1 << 20}, {0, 50, 3}} {
		ix.reset(tc.hint)
		want := map[[2]int32]int32{}
		for range tc.pairs {
			a, b := int32(r.IntN(tc.ids)), int32(r.IntN(tc.ids))
			p, ok := want[[2]int32{a, b}]
			if !ok {
				p = int32(len(want))
				want[[2]int32{a, b}] = p
			}
			if got := ix.place(a, b, int32(len(want)-1)); got != p {
				t.Fatalf("place(%d, %d) = %d, want %d", a, b, got, p)
			}
		}
		if ix.n != len(want) {
			t.Errorf("the index holds %d pairs, want %d", ix.n, len(want))
		}
	}
}
