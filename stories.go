package tidings

import (
	"context"
	"errors"
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
	// Progress, when set, is called after each story is briefed with the
	// number done and the number of stories.
	Progress func(done, total int)
}

// Group folds the near-duplicates of prepared articles (cleaned and
// segmented) and clusters the rest into stories. It returns the kept
// articles, in input order, and each story's articles as indices into
// them, the largest story first (ties: the story whose first article
// comes first).
func Group(arts []news.Article, opts StoryOptions) ([]news.Article, [][]int) {
	kept := dedupe.Fold(arts, opts.Dedupe)
	docs := make([]cluster.Doc, len(kept))
	for i := range kept {
		docs[i] = Doc(&kept[i])
	}
	stories := cluster.Batch(docs, opts.Cluster)
	slices.SortStableFunc(stories, func(a, b []int) int { return len(b) - len(a) })
	return kept, stories
}

// Doc returns what the cluster stage sees of a prepared article: the
// terms of its title and sentences, the terms of the names they mention,
// and its date: the publication date, else the date stamped at the top of
// its text (see eventDate).
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
	prepared, errs, err := p.prepareAll(ctx, arts)
	if err != nil {
		return nil, err
	}
	if len(prepared) == 0 {
		errs = append(errs, ErrNoArticles)
		return nil, errors.Join(errs...)
	}
	kept, groups := Group(prepared, opts)
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
		if opts.Progress != nil {
			opts.Progress(i+1, len(groups))
		}
	}
	return out, errors.Join(errs...)
}
