package tidings

import (
	"context"

	"tidings/clean"
	"tidings/cluster"
	"tidings/dedupe"
	"tidings/enrich"
	"tidings/news"
	"tidings/segment"
	"tidings/summarize"
)

// A stage contract is a one-method interface with a function adapter, as
// with [net/http.Handler] and [net/http.HandlerFunc]. [Pipeline] holds one
// field per stage; a nil field means the default named here.

// Cleaner extracts the body text and metadata of one raw article in place
// (Article.Raw to Article.Text, Title, Outlet, ...) and returns the blocks
// it dropped. It returns an error wrapping [clean.ErrNoContent] when the
// article has no text. The default is [clean.Article].
type Cleaner interface {
	Clean(a *news.Article) ([]clean.Drop, error)
}

// CleanerFunc adapts a function to the [Cleaner] interface.
type CleanerFunc func(a *news.Article) ([]clean.Drop, error)

// Clean calls f.
func (f CleanerFunc) Clean(a *news.Article) ([]clean.Drop, error) { return f(a) }

// Segmenter fills Article.Sentences of a cleaned article, each sentence
// with its [Start,End) byte offsets into Article.Text and its terms. The
// default is [segment.Article].
type Segmenter interface {
	Segment(a *news.Article)
}

// SegmenterFunc adapts a function to the [Segmenter] interface.
type SegmenterFunc func(a *news.Article)

// Segment calls f.
func (f SegmenterFunc) Segment(a *news.Article) { f(a) }

// Deduper folds the near-duplicates among prepared articles: it returns
// the articles it keeps, in input order, each recording the copies folded
// into it in Article.Copies. The default is [dedupe.Fold].
type Deduper interface {
	Dedupe(ctx context.Context, arts []news.Article, opts dedupe.Options) ([]news.Article, error)
}

// DeduperFunc adapts a function to the [Deduper] interface.
type DeduperFunc func(ctx context.Context, arts []news.Article, opts dedupe.Options) ([]news.Article, error)

// Dedupe calls f.
func (f DeduperFunc) Dedupe(ctx context.Context, arts []news.Article, opts dedupe.Options) ([]news.Article, error) {
	return f(ctx, arts, opts)
}

// Clusterer splits prepared, deduplicated articles into stories: each
// story is a list of indices into arts, each index in at most one story
// (an article in none is left out of the stories). The default is [cluster.Batch] over the [Doc] of each article.
type Clusterer interface {
	Cluster(ctx context.Context, arts []news.Article, opts cluster.Options) ([][]int, error)
}

// ClustererFunc adapts a function to the [Clusterer] interface.
type ClustererFunc func(ctx context.Context, arts []news.Article, opts cluster.Options) ([][]int, error)

// Cluster calls f.
func (f ClustererFunc) Cluster(ctx context.Context, arts []news.Article, opts cluster.Options) ([][]int, error) {
	return f(ctx, arts, opts)
}

// Summarizer turns the cleaned, segmented articles of one story into a
// cited summary. The default is the first of [Algorithms] (see
// [SummarizerByName]).
type Summarizer interface {
	Summarize(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error)
}

// SummarizerFunc adapts a function to the [Summarizer] interface.
type SummarizerFunc func(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error)

// Summarize calls f.
func (f SummarizerFunc) Summarize(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error) {
	return f(ctx, arts, opts)
}

// Enricher adds to a summarized story what its articles say beyond the
// summary (quotes, entities, timeline, support, conflicts), in place. The
// default is [enrich.Story].
type Enricher interface {
	Enrich(st *news.Story)
}

// EnricherFunc adapts a function to the [Enricher] interface.
type EnricherFunc func(st *news.Story)

// Enrich calls f.
func (f EnricherFunc) Enrich(st *news.Story) { f(st) }

// The defaults, each written once; the Pipeline's accessors below fall
// back to them.
var (
	defaultCleaner   Cleaner   = CleanerFunc(clean.Article)
	defaultSegmenter Segmenter = SegmenterFunc(segment.Article)
	defaultDeduper   Deduper   = DeduperFunc(func(_ context.Context, arts []news.Article, opts dedupe.Options) ([]news.Article, error) {
		return dedupe.Fold(arts, opts), nil
	})
	defaultClusterer Clusterer = ClustererFunc(func(_ context.Context, arts []news.Article, opts cluster.Options) ([][]int, error) {
		docs := make([]cluster.Doc, len(arts))
		for i := range arts {
			docs[i] = Doc(&arts[i])
		}
		return cluster.Batch(docs, opts), nil
	})
	defaultEnricher Enricher = EnricherFunc(enrich.Story)
)

func (p *Pipeline) cleaner() Cleaner {
	if p.Cleaner != nil {
		return p.Cleaner
	}
	return defaultCleaner
}

func (p *Pipeline) segmenter() Segmenter {
	if p.Segmenter != nil {
		return p.Segmenter
	}
	return defaultSegmenter
}

func (p *Pipeline) deduper() Deduper {
	if p.Deduper != nil {
		return p.Deduper
	}
	return defaultDeduper
}

func (p *Pipeline) clusterer() Clusterer {
	if p.Clusterer != nil {
		return p.Clusterer
	}
	return defaultClusterer
}

func (p *Pipeline) summarizer() Summarizer {
	if p.Summarizer != nil {
		return p.Summarizer
	}
	s, _ := SummarizerByName("") // the default name is always valid
	return s
}

func (p *Pipeline) enricher() Enricher {
	if p.Enricher != nil {
		return p.Enricher
	}
	return defaultEnricher
}
