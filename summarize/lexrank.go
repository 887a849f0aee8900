package summarize

import (
	"context"

	"tidings/news"
)

// lexThreshold is the cosine above which two sentences are linked in the
// LexRank graph: the 0.1 of Erkan and Radev's experiments.
const lexThreshold = 0.1

// LexRank summarizes arts by lexical centrality (Erkan and Radev, 2004,
// "LexRank: graph-based lexical centrality as salience in text
// summarization"): candidates are linked when their TF-IDF cosine passes
// lexThreshold, and a sentence scores by its PageRank in that graph
// (damping 0.85). With a query, the random walk jumps to sentences in
// proportion to their relevance (topic-sensitive LexRank). Selection is
// [greedy]. It returns ctx.Err() when ctx is done.
func LexRank(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	cands := Candidates(arts)
	sim := cosines(cands, sp)
	for i := range sim {
		for j, s := range sim[i] {
			if s >= lexThreshold {
				sim[i][j] = 1
			} else {
				sim[i][j] = 0
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return news.Summary{}, err
	}
	return rankAndSelect(arts, sp, cands, sim, opts), nil
}
