package summarize

import (
	"context"

	"tidings/news"
)

// MMR summarizes arts by maximal marginal relevance (Carbonell and
// Goldstein, 1998, "The use of MMR, diversity-based reranking for
// reordering documents and producing summaries"). A sentence's relevance
// is its TF-IDF cosine with the story's centroid plus, with a query, its
// cosine with the query; each step then takes the sentence that fits the
// budget and best trades relevance against similarity to the sentences
// already chosen. It returns ctx.Err() when ctx is done.
func MMR(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	cands := Candidates(arts)
	centroid := sp.centroid(len(arts))
	nc := centroid.Norm()
	rel := sp.relevance(cands, opts.Query)
	for i, c := range cands {
		c.Score = sp.cosine(c, centroid, nc)
		if rel != nil {
			c.Score += rel[i]
		}
		cands[i] = c
	}
	if err := ctx.Err(); err != nil {
		return news.Summary{}, err
	}
	return summary(arts, sp, mmrSelect(cands, sp, opts)), nil
}

// mmrSelect picks candidates under the word budget by maximal marginal
// relevance (Carbonell and Goldstein, 1998): at each step the candidate
// that fits and maximises
//
//	(1-Diversity) * Score/maxScore - Diversity * max cosine to the chosen
//
// skipping any sentence whose TF-IDF cosine with a chosen one exceeds the
// redundancy bound (the same fact in two wordings). It returns them in
// reading order: by relative position in their article (leads first), then
// by article order. Ties are broken by article and sentence order.
func mmrSelect(cands []Candidate, sp *space, opts Options) []Candidate {
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
		v, nv := sp.vectorNorm(c)
		for i := range cands {
			if used[i] {
				continue
			}
			if sameText(&cands[i], &c) {
				used[i] = true
				continue
			}
			maxSim[i] = max(maxSim[i], sp.cosine(cands[i], v, nv))
		}
		if budget-words < minWords {
			break
		}
	}
	return readingOrder(chosen)
}
