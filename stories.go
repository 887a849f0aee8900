package tidings

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"tidings/cluster"
	"tidings/dedupe"
	"tidings/news"
	"tidings/segment"
)

// StoryOptions controls how a pile becomes stories. The zero value uses
// every default.
type StoryOptions struct {
	// Brief controls each story's summary.
	Brief Options
	// Dedupe and Cluster control the near-duplicate and clustering stages.
	Dedupe  dedupe.Options
	Cluster cluster.Options
	// Progress, when set, is called as the work advances, with the stage
	// and how much of it is done: stage "cleaning" after each article is
	// cleaned and segmented (total: the articles), "grouping" before (0
	// of 1) and after (1 of 1) near-duplicates are folded and the rest
	// clustered, and "summarizing" after each story is briefed (total:
	// the stories).
	Progress func(stage string, done, total int)
}

// Group folds the near-duplicates of prepared articles (cleaned and
// segmented) and clusters the rest into stories with the default stages,
// as [Pipeline.Stories] does for a Pipeline whose Deduper and Clusterer
// are nil. It returns the kept articles, in input order, and each story's
// articles as indices into them, the largest story first (ties: the story
// whose first article comes first).
func Group(arts []news.Article, opts StoryOptions) ([]news.Article, [][]int) {
	// The default stages neither fail nor look at the context.
	kept, stories, _ := new(Pipeline).group(context.Background(), arts, opts)
	return kept, stories
}

// group is Group with the pipeline's Deduper and Clusterer. It returns an
// error when either fails or the clusterer returns an index out of range
// or twice.
func (p *Pipeline) group(ctx context.Context, arts []news.Article, opts StoryOptions) ([]news.Article, [][]int, error) {
	kept, err := p.deduper().Dedupe(ctx, arts, opts.Dedupe)
	if err != nil {
		return nil, nil, err
	}
	stories, err := p.clusterer().Cluster(ctx, kept, opts.Cluster)
	if err != nil {
		return nil, nil, err
	}
	seen := make([]bool, len(kept))
	for _, st := range stories {
		for _, k := range st {
			if k < 0 || k >= len(kept) || seen[k] {
				return nil, nil, fmt.Errorf("tidings: clusterer placed article %d (of %d) outside the articles or twice", k, len(kept))
			}
			seen[k] = true
		}
	}
	slices.SortStableFunc(stories, func(a, b []int) int { return len(b) - len(a) })
	return kept, stories, nil
}

// Doc returns what the cluster stage sees of a prepared article: the
// terms of its title and sentences, the terms of the names they mention,
// its date: the publication date, else the date stamped at the top of its
// text (see eventDate), and the days its text reports, resolved against
// that date (see reportedDates).
func Doc(a *news.Article) cluster.Doc {
	d := cluster.Doc{Date: eventDate(a), Terms: segment.Terms(a.Title), Names: segment.Names(a.Title)}
	d.Reported = reportedDates(a, d.Date)
	// The dateline names where the story happens; cleaning cut it from
	// the text.
	d.Terms = append(d.Terms, segment.Terms(a.Dateline)...)
	for _, s := range a.Sentences {
		d.Terms = append(d.Terms, s.Terms...)
		d.Names = append(d.Names, segment.Names(s.Text)...)
	}
	return d
}

// Stories prepares arts (raw, as ingest yields them), groups them into
// stories and briefs each one, the largest story first; story ids are
// "1", "2", ... in that order. Articles without text are left out and
// their errors joined into the returned error, as with Brief.
func (p *Pipeline) Stories(ctx context.Context, arts []news.Article, opts StoryOptions) ([]news.Story, error) {
	progress := opts.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	prepared, errs, err := p.prepareAll(ctx, arts, func(done int) { progress("cleaning", done, len(arts)) })
	if err != nil {
		return nil, err
	}
	if len(prepared) == 0 {
		errs = append(errs, ErrNoArticles)
		return nil, errors.Join(errs...)
	}
	progress("grouping", 0, 1)
	kept, groups, err := p.group(ctx, prepared, opts)
	if err != nil {
		return nil, err
	}
	progress("grouping", 1, 1)
	var out []news.Story
	for i, g := range groups {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		var members []news.Article
		for _, k := range g {
			members = append(members, kept[k])
		}
		st, err := p.Story(ctx, strconv.Itoa(i+1), members, opts.Brief)
		if err != nil {
			return out, err
		}
		out = append(out, st)
		progress("summarizing", i+1, len(groups))
	}
	return out, errors.Join(errs...)
}

// Story briefs and enriches one story of prepared articles, whose
// near-duplicates are already folded into Copies, with the pipeline's
// Summarizer and Enricher.
func (p *Pipeline) Story(ctx context.Context, id string, arts []news.Article, opts Options) (news.Story, error) {
	st := news.Story{Brief: news.Brief{ID: id, Articles: arts}}
	s, err := p.summarize(ctx, arts, opts)
	if err != nil {
		return st, err
	}
	st.Summary = s
	p.enricher().Enrich(&st)
	return st, nil
}
