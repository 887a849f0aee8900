package summarize

import (
	"context"
	"math"

	"tidings/internal/vec"
	"tidings/news"
)

// Centroid summarizes arts with centroid scoring (after Radev et al., 2004,
// "Centroid-based summarization of multiple documents"): a sentence scores
// by the cosine of its TF-IDF vector with the story's centroid, where a
// term's centroid weight grows with the number of articles that report it,
// times a lead-position prior, plus, with a query, its cosine with the
// query. Selection is MEAD's reranker, [greedy]; citations follow [Cite].
// It returns ctx.Err() when ctx is done.
func Centroid(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	cands := Candidates(arts)
	scoreCentroid(sp, cands, len(arts))
	if rel := sp.relevance(cands, opts.Query); rel != nil {
		for i := range cands {
			cands[i].Score += rel[i]
		}
	}
	if err := ctx.Err(); err != nil {
		return news.Summary{}, err
	}
	chosen := greedy(cands, sp, opts)
	return summary(arts, sp, chosen), nil
}

// centroid returns the story's centroid: the sum of its sentence vectors,
// each term weighted up by the share of articles that report it, since
// terms reported by several articles are the story's core.
func (sp *space) centroid(nArticles int) vec.Vector {
	var cv vec.Vector
	for id, w := range sp.denseCentroid(nArticles) {
		if w != 0 {
			cv = append(cv, vec.Entry{ID: int32(id), W: w})
		}
	}
	return cv
}

// denseCentroid returns [space.centroid] as a weight for every term id,
// 0 for the terms it does not hold.
func (sp *space) denseCentroid(nArticles int) []float64 {
	sum := make([]float64, sp.words.Len())
	for ai := range sp.vecs {
		for _, v := range sp.vecs[ai] {
			v.Dense(sum, 1)
		}
	}
	for id, w := range sum {
		if w == 0 {
			continue
		}
		spread := float64(sp.df[id]) / float64(max(nArticles, 1))
		sum[id] = w * (0.5 + spread)
	}
	return sum
}

// scoreCentroid sets the Score of every candidate.
func scoreCentroid(sp *space, cands []Candidate, nArticles int) {
	// The centroid holds most of the story's terms, a candidate few: its
	// cosine reads the centroid's weights by id. The products are summed
	// in the order of ids, as vec.Dot sums them (an id the centroid lacks
	// adds 0), so the cosines are the same.
	cv := sp.denseCentroid(nArticles)
	ncv := 0.0
	for _, w := range cv {
		if w != 0 {
			ncv += w * w
		}
	}
	ncv = math.Sqrt(ncv)
	for i := range cands {
		c := &cands[i]
		v, nv := sp.vectorNorm(*c)
		dot := 0.0
		for _, e := range v {
			dot += e.W * cv[e.ID]
		}
		sim := vec.CosineDot(dot, nv, ncv)
		// Lead prior: news puts the key facts first.
		lead := 1 + 0.35*math.Exp(-4*c.Position)
		c.Score = sim * lead
	}
}
