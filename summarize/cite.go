package summarize

import (
	"context"

	"tidings/internal/vec"
	"tidings/news"
)

// supportBound is the smallest TF-IDF cosine at which a sentence of another
// article counts as reporting the same fact. Chosen by reading pairs of
// wire and newspaper sentences: above it, the pairs share the claim.
const supportBound = 0.45

// Cite returns the citations of sentence si of article ai: the sentence
// itself first, then, for every other article in order, its most similar
// sentence when that one reports the same fact.
func Cite(ctx context.Context, arts []news.Article, ai, si int) ([]news.Citation, error) {
	if ai < 0 || ai >= len(arts) || si < 0 || si >= len(arts[ai].Sentences) {
		return nil, nil
	}
	sp := newSpace(arts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return cite(arts, sp, Candidate{Article: ai, Sentence: arts[ai].Sentences[si]}), nil
}

func cite(arts []news.Article, sp *space, c Candidate) []news.Citation {
	out := []news.Citation{citation(c.Sentence)}
	v, nv := sp.vectorNorm(c)
	for ai := range arts {
		if ai == c.Article {
			continue
		}
		best, bestSim := -1, supportBound
		for si, w := range sp.vecs[ai] {
			if sim := vec.CosineNorms(v, w, nv, sp.norms[ai][si]); sim >= bestSim && (best < 0 || sim > bestSim) {
				best, bestSim = si, sim
			}
		}
		if best >= 0 {
			out = append(out, citation(arts[ai].Sentences[best]))
		}
	}
	return out
}

func citation(s news.Sentence) news.Citation {
	return news.Citation{ArticleID: s.ArticleID, Start: s.Start, End: s.End}
}
