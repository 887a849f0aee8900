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

// Summarizer turns the cleaned, segmented articles of one story into a
// cited summary.
type Summarizer interface {
	Summarize(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error)
}

// SummarizerFunc adapts a function to the Summarizer interface.
type SummarizerFunc func(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error)

// Summarize calls f.
func (f SummarizerFunc) Summarize(ctx context.Context, arts []news.Article, opts summarize.Options) (news.Summary, error) {
	return f(ctx, arts, opts)
}

// Algorithms lists the summarizer names that [SummarizerByName] accepts,
// the default first.
var Algorithms = []string{"ilp", "centroid", "lexrank", "textrank", "mmr", "submodular", "lead"}

// SummarizerByName returns the summarizer called name ("" means the
// default), or an error listing the valid names.
func SummarizerByName(name string) (Summarizer, error) {
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
	case "", "ilp":
		return SummarizerFunc(summarize.ILP), nil
	case "lead":
		return SummarizerFunc(summarize.Lead), nil
	}
	return nil, fmt.Errorf("tidings: unknown summarizer %q (valid: %s)", name, strings.Join(Algorithms, ", "))
}

// Pipeline runs the stages. The zero value uses every default.
type Pipeline struct {
	// Summarizer picks the summary sentences; nil means summarize.ILP.
	Summarizer Summarizer
	// Logger receives debug records of dropped blocks; nil discards them.
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

// Prepare cleans and segments a in place, fills its outlet from its file
// name when nothing else named it, and returns the blocks cleaning
// dropped. It returns an error (wrapping clean.ErrNoContent) when the
// article has no text.
func (p *Pipeline) Prepare(a *news.Article) ([]clean.Drop, error) {
	drops, err := clean.Article(a)
	if err != nil {
		return drops, err
	}
	if a.Outlet == "" && a.Path != "" {
		a.Outlet = outletFromPath(a.Path)
	}
	segment.Article(a)
	if p.Logger != nil {
		for _, d := range drops {
			p.Logger.Debug("dropped block", "article", a.ID, "rule", d.Rule, "text", d.Text)
		}
	}
	return drops, nil
}

// Segment fills the sentences of a whose Text is already clean (an
// article prepared before and stored): Prepare without the cleaning.
func Segment(a *news.Article) {
	segment.Article(a)
}

// Brief prepares arts (raw, as ingest yields them) and summarizes the
// articles that have text. Articles without text are left out and their
// errors joined into the returned error; the brief is still returned as
// long as one article has text, else the error wraps ErrNoArticles.
func (p *Pipeline) Brief(ctx context.Context, id string, arts []news.Article, opts Options) (news.Brief, error) {
	b := news.Brief{ID: id}
	var errs []error
	var err error
	if b.Articles, errs, err = p.prepareAll(ctx, arts); err != nil {
		return b, err
	}
	if len(b.Articles) == 0 {
		errs = append(errs, ErrNoArticles)
		return b, errors.Join(errs...)
	}
	sum := p.Summarizer
	if sum == nil {
		sum = SummarizerFunc(summarize.ILP)
	}
	s, err := sum.Summarize(ctx, b.Articles, summarize.Options{Words: opts.Words, Query: segment.Terms(opts.Query)})
	if err != nil {
		return b, err
	}
	b.Summary = s
	return b, errors.Join(errs...)
}

// prepareAll prepares copies of arts and returns those with text, and the
// errors of those without; err is the context's error if it ended.
func (p *Pipeline) prepareAll(ctx context.Context, arts []news.Article) (prepared []news.Article, errs []error, err error) {
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if _, err := p.Prepare(&a); err != nil {
			errs = append(errs, err)
			continue
		}
		prepared = append(prepared, a)
	}
	return prepared, errs, nil
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
