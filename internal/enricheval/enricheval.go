package enricheval

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"tidings"
	"tidings/ingest"
	"tidings/news"
)

// Score is a precision, recall and F1 with the counts behind them.
type Score struct {
	Matched   int // predictions that match (for recall: gold items found, see Found)
	Found     int // gold items found; equals Matched when matching is one-to-one
	Predicted int
	Gold      int
}

// P returns the precision, 0 when nothing was predicted.
func (s Score) P() float64 { return ratio(s.Matched, s.Predicted) }

// R returns the recall, 0 when there is no gold.
func (s Score) R() float64 { return ratio(s.Found, s.Gold) }

// F1 returns the harmonic mean of P and R, 0 when both are 0.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *Score) add(o Score) {
	s.Matched += o.Matched
	s.Found += o.Found
	s.Predicted += o.Predicted
	s.Gold += o.Gold
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report holds the figures of one run over the data set.
type Report struct {
	Quotes Score
	// Speakers counts the matched quotes whose gold speaker is named
	// (Gold) and those whose predicted speaker is right (Matched, Found).
	Speakers Score
	// SpeakerMisses are the matched quotes of Speakers whose predicted
	// speaker is wrong, in article order: an error dump.
	SpeakerMisses []SpeakerMiss
	// Entities is typed (name, kind); Names untyped; Kinds per kind
	// ("person", "organization", "place").
	Entities Score
	Names    Score
	Kinds    map[string]Score
	// Dates is by span; DocDates per document (sets of day values).
	Dates    Score
	DocDates Score
	// Articles counts the articles run per part.
	QuoteArticles, EntityArticles, DateArticles int

	noClean    bool
	quoteSplit string
}

// Parts of the data set, for Run.
const (
	PartQuotes   = "quotes"
	PartEntities = "entities"
	PartDates    = "dates"
)

// ErrNoData is returned (wrapped) when the data directory lacks a file a
// part needs.
var ErrNoData = errors.New("enricheval: data not found")

// Options controls Run. The zero value measures every part through the
// whole pipeline.
type Options struct {
	// Parts names the parts to measure (PartQuotes, PartEntities,
	// PartDates); empty means all three.
	Parts []string
	// NoClean skips the cleaning stage: each article's text is segmented
	// as the data set gives it, then enriched, which measures the enrich
	// stage alone (cleaning drops tables of results, bylines and other
	// lines that are not prose; the entity step reads back the dateline
	// and the rows of tables, see tidings.Prepare, but not the rest).
	NoClean bool
	// QuoteSplit is the PolNeAR split the quotes part reads: "dev" (the
	// default) or "train", for tuning without looking at dev.
	QuoteSplit string
}

// Run reads the enrich-dev data under dir and measures the parts opts
// names. Each article runs alone through p.
func Run(ctx context.Context, p *tidings.Pipeline, dir string, opts Options) (Report, error) {
	parts := opts.Parts
	if len(parts) == 0 {
		parts = []string{PartQuotes, PartEntities, PartDates}
	}
	r := Report{Kinds: map[string]Score{}, noClean: opts.NoClean, quoteSplit: cmp.Or(opts.QuoteSplit, "dev")}
	if r.quoteSplit != "dev" && r.quoteSplit != "train" {
		return r, fmt.Errorf("enricheval: unknown quote split %q (want dev or train)", r.quoteSplit)
	}
	for _, part := range parts {
		var err error
		switch part {
		case PartQuotes:
			err = r.runQuotes(ctx, p, dir)
		case PartEntities:
			err = r.runEntities(ctx, p, dir)
		case PartDates:
			err = r.runDates(ctx, p, dir)
		default:
			err = fmt.Errorf("enricheval: unknown part %q (want quotes, entities or dates)", part)
		}
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// source is one article as the data set gives it.
type source struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	line []byte
}

// readArticles reads a JSONL file of articles.
func readArticles(path string) ([]source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrNoData, path)
		}
		return nil, err
	}
	var out []source
	for line := range bytes.Lines(data) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var s source
		if err := json.Unmarshal(line, &s); err != nil {
			return nil, fmt.Errorf("enricheval: %s: %w", path, err)
		}
		s.line = bytes.Clone(line)
		out = append(out, s)
	}
	return out, nil
}

// readJSONL decodes every line of a JSONL file with fn.
func readJSONL(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%w: %s", ErrNoData, path)
		}
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("enricheval: %s: %w", path, err)
		}
	}
	return sc.Err()
}

// story runs one article alone through the pipeline, as `tidings
// stories` does on a one-line JSONL file, and returns its story (the
// zero Story when the article makes none). With r.noClean the article's
// text is segmented as given and enriched instead. A cancelled ctx is
// its error, before any work.
func (r *Report) story(ctx context.Context, p *tidings.Pipeline, s source) (news.Story, error) {
	if err := ctx.Err(); err != nil {
		return news.Story{}, err
	}
	arts, err := ingest.Parse(filepath.Join("enrich-dev", s.ID+".jsonl"), s.line)
	if err != nil {
		return news.Story{}, err
	}
	if r.noClean {
		if len(arts) != 1 {
			return news.Story{}, fmt.Errorf("enricheval: %s: %d articles in one line", s.ID, len(arts))
		}
		a := arts[0]
		a.Text = s.Text
		tidings.Segment(&a)
		return p.Story(ctx, "1", []news.Article{a}, tidings.Options{})
	}
	sts, err := p.Stories(ctx, arts, tidings.StoryOptions{})
	if len(sts) == 0 {
		if errors.Is(err, tidings.ErrNoArticles) {
			return news.Story{}, nil
		}
		return news.Story{}, err
	}
	return sts[0], nil
}
