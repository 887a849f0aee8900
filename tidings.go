package tidings

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"unicode"

	"tidings/clean"
	"tidings/news"
	"tidings/segment"
	"tidings/summarize"
)

// ErrNoArticles is returned by Pipeline.Brief when no input article has
// usable text.
var ErrNoArticles = errors.New("tidings: no article with text to summarize")

// Algorithms lists the summarizer names that [SummarizerByName] accepts,
// the default first.
var Algorithms = []string{"ilp", "centroid", "lexrank", "textrank", "mmr", "submodular", "lead"}

// SummarizerByName returns the summarizer called name ("" means the
// default, Algorithms[0]), or an error listing the valid names.
func SummarizerByName(name string) (Summarizer, error) {
	if name == "" {
		name = Algorithms[0]
	}
	switch name {
	case "centroid":
		return SummarizerFunc(summarize.Centroid), nil
	case "lexrank":
		return SummarizerFunc(summarize.LexRank), nil
	case "textrank":
		return SummarizerFunc(summarize.TextRank), nil
	case "mmr":
		return SummarizerFunc(summarize.MMR), nil
	case "submodular":
		return SummarizerFunc(summarize.Submodular), nil
	case "ilp":
		return SummarizerFunc(summarize.ILP), nil
	case "lead":
		return SummarizerFunc(summarize.Lead), nil
	}
	return nil, fmt.Errorf("tidings: unknown summarizer %q (valid: %s)", name, strings.Join(Algorithms, ", "))
}

// Pipeline runs the stages: one field per stage, where nil means the
// stage's default (see each interface), and a logger. The zero value uses
// every default. A Pipeline is not modified by its methods and may be used
// by several goroutines at once when its stages may.
type Pipeline struct {
	// Cleaner extracts each raw article's text and metadata; nil means
	// clean.Article.
	Cleaner Cleaner
	// Segmenter splits each cleaned text into sentences; nil means
	// segment.Article.
	Segmenter Segmenter
	// Deduper folds near-duplicate articles (Stories only); nil means
	// dedupe.Fold.
	Deduper Deduper
	// Clusterer groups articles into stories (Stories only); nil means
	// cluster.Batch.
	Clusterer Clusterer
	// Summarizer picks the summary sentences; nil means the default of
	// SummarizerByName.
	Summarizer Summarizer
	// Enricher adds quotes, entities, timeline, support and conflicts to
	// each story (Stories and Story only); nil means enrich.Story.
	Enricher Enricher
	// Logger receives a debug record for each block cleaning dropped;
	// nil discards them.
	Logger *slog.Logger
}

// Options controls a brief. The zero value gives a 120-word brief.
type Options struct {
	// Words is the summary's word budget; 0 means 120.
	Words int
	// Query is a question or topic that steers the summary towards it;
	// empty means a generic summary.
	Query string
}

// Prepare cleans and segments a in place with the pipeline's Cleaner and
// Segmenter, fills its outlet from its file name when nothing else named
// it (a.Found.Outlet is then "file-name"), and returns the blocks cleaning dropped. It returns the cleaner's
// error (the default's wraps [clean.ErrNoContent]) when the article has
// no text.
func (p *Pipeline) Prepare(a *news.Article) ([]clean.Drop, error) {
	return p.prepare(a, p.cleaner())
}

// prepare is Prepare with the cleaner c.
func (p *Pipeline) prepare(a *news.Article, c Cleaner) ([]clean.Drop, error) {
	drops, err := c.Clean(a)
	if err != nil {
		return drops, err
	}
	a.Asides = asides(a.Raw, a.IsHTML, drops)
	if a.Outlet == "" && a.Path != "" {
		a.Outlet, a.Found.Outlet = outletFromPath(a.Path), "file-name"
	}
	p.segmenter().Segment(a)
	if p.Logger != nil {
		for _, d := range drops {
			p.Logger.Debug("dropped block", "article", a.ID, "rule", d.Rule, "text", d.Text)
		}
	}
	return drops, nil
}

// Segment fills the sentences of a whose Text is already clean (an
// article prepared before and stored) with the default segmenter: what
// Prepare does after cleaning, for a Pipeline whose Segmenter is nil.
func Segment(a *news.Article) {
	defaultSegmenter.Segment(a)
}

// Brief prepares arts (raw, as ingest yields them) and summarizes the
// articles that have text. Articles without text are left out and their
// errors joined into the returned error; the brief is still returned as
// long as one article has text, else the error wraps ErrNoArticles.
func (p *Pipeline) Brief(ctx context.Context, id string, arts []news.Article, opts Options) (news.Brief, error) {
	b := news.Brief{ID: id}
	var errs []error
	var err error
	if b.Articles, errs, err = p.prepareAll(ctx, arts, nil); err != nil {
		return b, err
	}
	if len(b.Articles) == 0 {
		errs = append(errs, ErrNoArticles)
		return b, errors.Join(errs...)
	}
	s, err := p.summarize(ctx, b.Articles, opts)
	if err != nil {
		return b, err
	}
	b.Summary = s
	return b, errors.Join(errs...)
}

// summarize runs the pipeline's summarizer over prepared arts.
func (p *Pipeline) summarize(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	return p.summarizer().Summarize(ctx, arts, summarize.Options{Words: opts.Words, Query: segment.Terms(opts.Query)})
}

// prepareAll prepares copies of arts and returns those with text, and the
// errors of those without; err is the context's error if it ended. done,
// when not nil, is called after each article with the number done. With
// the default cleaner, arts are cleaned as one pile (see [clean.Pile]):
// a block of copied text that recurs on other pages and shares little
// with its own article is furniture.
func (p *Pipeline) prepareAll(ctx context.Context, arts []news.Article, done func(int)) (prepared []news.Article, errs []error, err error) {
	c := p.cleaner()
	if p.Cleaner == nil && len(arts) > 1 {
		c = CleanerFunc(PileOf(arts).Article)
	}
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		_, err := p.prepare(&a, c)
		if done != nil {
			done(i + 1)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		prepared = append(prepared, a)
	}
	return prepared, errs, nil
}

// PileOf returns the pile of arts' raw texts (see [clean.Pile]): the
// evidence the default cleaner reads when arts are prepared together.
func PileOf(arts []news.Article) *clean.Pile {
	lines := 0
	for _, a := range arts {
		if !a.IsHTML {
			lines += strings.Count(a.Raw, "\n") + 1
		}
	}
	pile := clean.NewPile(lines)
	for _, a := range arts {
		pile.Add(a.Raw, clean.Options{HTML: a.IsHTML})
	}
	return pile
}

// SummaryText returns a summary's sentences joined by spaces.
func SummaryText(s news.Summary) string {
	parts := make([]string, len(s.Sentences))
	for i, x := range s.Sentences {
		parts[i] = x.Text
	}
	return strings.Join(parts, " ")
}

// outletFromPath turns "examples/harbor/coastal-courier.html" into
// "Coastal Courier".
func outletFromPath(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
