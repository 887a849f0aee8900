package summarize

import (
	"context"
	"math"

	"tidings/news"
)

// TextRank summarizes arts by TextRank (Mihalcea and Tarau, 2004,
// "TextRank: bringing order into texts"): the weight of the edge between
// two sentences is the number of terms they share divided by the sum of
// the logarithms of their lengths, and a sentence scores by its weighted
// PageRank (damping 0.85). With a query, the walk jumps to sentences in
// proportion to their relevance. Selection is [greedy]. It returns
// ctx.Err() when ctx is done.
func TextRank(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	cands := Candidates(arts)
	n := len(cands)
	sets := make([]map[string]bool, n)
	for i, c := range cands {
		sets[i] = make(map[string]bool, len(c.Sentence.Terms))
		for _, t := range c.Sentence.Terms {
			sets[i][t] = true
		}
	}
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			shared := 0
			for t := range sets[i] {
				if sets[j][t] {
					shared++
				}
			}
			norm := math.Log(float64(len(sets[i]))) + math.Log(float64(len(sets[j])))
			if shared == 0 || norm <= 0 {
				continue
			}
			w[i][j] = float64(shared) / norm
			w[j][i] = w[i][j]
		}
	}
	if err := ctx.Err(); err != nil {
		return news.Summary{}, err
	}
	return rankAndSelect(arts, sp, cands, w, opts), nil
}
