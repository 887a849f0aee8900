package summarize

import (
	"context"

	"tidings/news"
)

// Lead is the first-sentences baseline: the sentences of the first article
// in order, then those of the next, while they fit the word budget,
// subheadings left out. No
// sentence is cut; a sentence that does not fit is skipped. Citations are
// found as for every summarizer (see [Cite]).
func Lead(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sp := newSpace(arts)
	budget := opts.words()
	words := 0
	var chosen []Candidate
	for ai, a := range arts {
		for _, s := range a.Sentences {
			if words+s.Words > budget || len(s.Terms) == 0 || s.Heading {
				continue
			}
			chosen = append(chosen, Candidate{Article: ai, Sentence: s})
			words += s.Words
		}
		if err := ctx.Err(); err != nil {
			return news.Summary{}, err
		}
	}
	return summary(arts, sp, chosen), nil
}
