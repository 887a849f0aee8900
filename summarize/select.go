package summarize

import (
	"cmp"
	"slices"

	"tidings/internal/vec"
	"tidings/news"
)

// Select picks candidates under the word budget by maximal marginal
// relevance (Carbonell and Goldstein, 1998): at each step the candidate
// that fits and maximises
//
//	(1-Diversity) * Score/maxScore - Diversity * max cosine to the chosen
//
// skipping any sentence whose TF-IDF cosine with a chosen one exceeds the
// redundancy bound (the same fact in two wordings). It returns them in
// reading order: by relative position in their article (leads first), then
// by article order. Ties are broken by article and sentence order.
func Select(cands []Candidate, sp *space, opts Options) []Candidate {
	budget := opts.words()
	lambda := opts.diversity()
	top := 0.0
	for _, c := range cands {
		top = max(top, c.Score)
	}
	if top == 0 {
		top = 1
	}
	words := 0
	used := make([]bool, len(cands))
	maxSim := make([]float64, len(cands))
	var chosen []Candidate
	for {
		best, bestVal := -1, 0.0
		for i, c := range cands {
			if used[i] || words+c.Sentence.Words > budget || maxSim[i] > opts.redundancy() {
				continue
			}
			val := (1-lambda)*c.Score/top - lambda*maxSim[i]
			if best < 0 || val > bestVal {
				best, bestVal = i, val
			}
		}
		if best < 0 {
			break
		}
		c := cands[best]
		used[best] = true
		chosen = append(chosen, c)
		words += c.Sentence.Words
		v := sp.vector(c)
		for i := range cands {
			if used[i] {
				continue
			}
			if duplicateText(cands[i], c) {
				used[i] = true
				continue
			}
			maxSim[i] = max(maxSim[i], vec.Cosine(v, sp.vector(cands[i])))
		}
		if budget-words < minWords {
			break
		}
	}
	return readingOrder(chosen)
}

// readingOrder sorts chosen sentences so the brief reads as a story: by
// relative position in their article (leads first), then by article
// order, then by sentence order.
func readingOrder(chosen []Candidate) []Candidate {
	slices.SortStableFunc(chosen, func(a, b Candidate) int {
		if c := cmp.Compare(a.Position, b.Position); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Article, b.Article); c != 0 {
			return c
		}
		return cmp.Compare(a.Sentence.Index, b.Sentence.Index)
	})
	return chosen
}

// duplicateText catches the same sentence in two articles even when it has
// no scoring terms.
func duplicateText(a, b Candidate) bool {
	return a.Sentence.Text == b.Sentence.Text
}

// summary turns the chosen candidates into a cited news.Summary.
func summary(arts []news.Article, sp *space, chosen []Candidate) news.Summary {
	var s news.Summary
	for _, c := range chosen {
		s.Sentences = append(s.Sentences, news.SummarySentence{
			Text:      c.Sentence.Text,
			Origin:    citation(c.Sentence),
			Citations: cite(arts, sp, c),
			Score:     c.Score,
		})
		s.Words += c.Sentence.Words
	}
	return s
}
