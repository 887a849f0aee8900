package summarize

import (
	"math"

	"tidings/news"
)

// cosines returns the TF-IDF cosine similarity of every pair of
// candidates, with zeros on the diagonal.
func cosines(cands []Candidate, sp *space) [][]float64 {
	n := len(cands)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := range n {
		vi, ni := sp.vectorNorm(cands[i])
		for j := i + 1; j < n; j++ {
			s := sp.cosine(cands[j], vi, ni)
			sim[i][j], sim[j][i] = s, s
		}
	}
	return sim
}

// pagerank returns the stationary distribution of the random walk that
// follows an edge of w (row i holds the weights of i's edges; rows are
// normalized here) with probability damping and jumps to a node drawn
// from jump (nil means uniform) otherwise. A node without edges jumps.
// It iterates until the scores move by less than 1e-8 or 200 rounds.
func pagerank(w [][]float64, jump []float64, damping float64) []float64 {
	n := len(w)
	if n == 0 {
		return nil
	}
	if jump == nil {
		jump = make([]float64, n)
		for i := range jump {
			jump[i] = 1 / float64(n)
		}
	}
	out := make([]float64, n)
	for i := range w {
		for _, x := range w[i] {
			out[i] += x
		}
	}
	p := append([]float64(nil), jump...)
	next := make([]float64, n)
	for range 200 {
		dangling := 0.0
		for i := range n {
			if out[i] == 0 {
				dangling += p[i]
			}
		}
		for j := range n {
			next[j] = (1-damping)*jump[j] + damping*dangling*jump[j]
		}
		for i := range n {
			if out[i] == 0 || p[i] == 0 {
				continue
			}
			f := damping * p[i] / out[i]
			for j, x := range w[i] {
				if x != 0 {
					next[j] += f * x
				}
			}
		}
		delta := 0.0
		for i := range n {
			delta += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if delta < 1e-8 {
			break
		}
	}
	return p
}

// rankAndSelect scores the candidates by their PageRank in the graph w
// (damping 0.85, jumps biased by the query when there is one) and
// summarizes with [greedy]: the common end of [LexRank] and [TextRank].
func rankAndSelect(arts []news.Article, sp *space, cands []Candidate, w [][]float64, opts Options) news.Summary {
	scores := pagerank(w, queryJump(cands, sp, opts.Query), 0.85)
	for i := range cands {
		cands[i].Score = scores[i]
	}
	return summary(arts, sp, greedy(cands, sp, opts))
}

// queryJump returns the jump distribution of a query-biased walk
// (Otterbacher et al., 2005, "Using random walks for question-focused
// sentence retrieval"): proportional to each candidate's relevance to the
// query, with a floor so that no node is unreachable. Nil without query.
func queryJump(cands []Candidate, sp *space, query []string) []float64 {
	rel := sp.relevance(cands, query)
	if rel == nil {
		return nil
	}
	jump := make([]float64, len(cands))
	total := 0.0
	for i, r := range rel {
		jump[i] = r + 0.05
		total += jump[i]
	}
	for i := range jump {
		jump[i] /= total
	}
	return jump
}
