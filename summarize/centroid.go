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
	sum := make([]float64, sp.vocab.Len())
	for ai := range sp.vecs {
		for _, v := range sp.vecs[ai] {
			v.Dense(sum, 1)
		}
	}
	var cv vec.Vector
	for id, w := range sum {
		if w == 0 {
			continue
		}
		spread := float64(sp.df[id]) / float64(max(nArticles, 1))
		cv = append(cv, vec.Entry{ID: int32(id), W: w * (0.5 + spread)})
	}
	return cv
}

// scoreCentroid sets the Score of every candidate.
func scoreCentroid(sp *space, cands []Candidate, nArticles int) {
	cv := sp.centroid(nArticles)
	ncv := cv.Norm()
	for i := range cands {
		c := &cands[i]
		sim := sp.cosine(*c, cv, ncv)
		// Lead prior: news puts the key facts first.
		lead := 1 + 0.35*math.Exp(-4*c.Position)
		c.Score = sim * lead
	}
}
