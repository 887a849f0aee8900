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
// plus a lead-position prior. Selection and citations follow [Select] and
// [Cite]. It returns ctx.Err() when ctx is done.
func Centroid(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	cands := Candidates(arts)
	scoreCentroid(sp, cands, len(arts))
	if err := ctx.Err(); err != nil {
		return news.Summary{}, err
	}
	chosen := Select(cands, sp, opts)
	return summary(arts, sp, chosen), nil
}

// scoreCentroid sets the Score of every candidate.
func scoreCentroid(sp *space, cands []Candidate, nArticles int) {
	centroid := make([]float64, sp.vocab.Len())
	for ai := range sp.vecs {
		for _, v := range sp.vecs[ai] {
			v.Dense(centroid, 1)
		}
	}
	// Terms reported by several articles are the story's core.
	var cv vec.Vector
	for id, w := range centroid {
		if w == 0 {
			continue
		}
		spread := float64(sp.df[id]) / float64(max(nArticles, 1))
		cv = append(cv, vec.Entry{ID: int32(id), W: w * (0.5 + spread)})
	}
	for i := range cands {
		c := &cands[i]
		sim := vec.Cosine(sp.vector(*c), cv)
		// Lead prior: news puts the key facts first.
		lead := 1 + 0.35*math.Exp(-4*c.Position)
		c.Score = sim * lead
	}
}
