package tidings

import (
	"context"
	"strings"

	"tidings/cluster"
	"tidings/dedupe"
	"tidings/enrich"
	"tidings/news"
	"tidings/segment"
	"tidings/summarize"
)

// Grouper places prepared articles into stories one at a time, the
// incremental form of [Group]: a near-duplicate of an earlier article
// joins that article's story as its copy; any other article joins the
// story whose content and dates it matches, or starts one. Its placements
// are final: it does not use the clusterer's settling moves
// (cluster.Options.Settle), which would move articles a caller has
// already recorded.
type Grouper struct {
	index   *dedupe.Index
	cluster *cluster.Clusterer
	story   []int // per article added: its story number
}

// NewGrouper returns an empty Grouper.
func NewGrouper(opts StoryOptions) *Grouper {
	copts := opts.Cluster
	copts.Settle = -1
	return &Grouper{index: dedupe.NewIndex(opts.Dedupe), cluster: cluster.New(copts)}
}

// Add places a, the next article (numbered from 0 in the order added), and
// returns the number of the earlier article it copies (-1 for none) and
// its story number (from 0, in order of creation).
func (g *Grouper) Add(a *news.Article) (copyOf, story int) {
	copyOf = g.index.Add(a.Text)
	if copyOf >= 0 {
		story = g.story[copyOf]
		g.story = append(g.story, story)
		return copyOf, story
	}
	story = g.cluster.Add(Doc(a))
	g.story = append(g.story, story)
	return -1, story
}

// Story briefs and enriches one story of prepared articles, whose
// near-duplicates are already folded into Copies.
func (p *Pipeline) Story(ctx context.Context, id string, arts []news.Article, opts Options) (news.Story, error) {
	sum := p.Summarizer
	if sum == nil {
		sum = SummarizerFunc(summarize.ILP)
	}
	st := news.Story{Brief: news.Brief{ID: id, Articles: arts}}
	s, err := sum.Summarize(ctx, arts, summarize.Options{Words: opts.Words, Query: segment.Terms(opts.Query)})
	if err != nil {
		return st, err
	}
	st.Summary = s
	enrich.Story(&st)
	return st, nil
}

// SummaryText returns a summary's sentences joined by spaces.
func SummaryText(s news.Summary) string {
	parts := make([]string, len(s.Sentences))
	for i, x := range s.Sentences {
		parts[i] = x.Text
	}
	return strings.Join(parts, " ")
}
