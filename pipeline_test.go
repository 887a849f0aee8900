package tidings_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"testing"

	"tidings"
	"tidings/clean"
	"tidings/cluster"
	"tidings/dedupe"
	"tidings/ingest"
	"tidings/news"
	"tidings/segment"
	"tidings/summarize"
)

// readPile reads examples/pile: seven articles, three stories once the
// wire reprint is folded into its original.
func readPile(t *testing.T) []news.Article {
	t.Helper()
	data, err := os.ReadFile("examples/pile/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ingest.Parse("articles.jsonl", data)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestPipelineStages sets one stage field at a time and checks that
// Stories used it, and that a nil field means the default.
func TestPipelineStages(t *testing.T) {
	t.Parallel()
	var cleaned, segmented int
	tests := []struct {
		name  string
		p     tidings.Pipeline
		check func(t *testing.T, stories []news.Story)
	}{
		{
			name: "all defaults",
			check: func(t *testing.T, stories []news.Story) {
				if len(stories) != 3 {
					t.Errorf("%d stories, want 3", len(stories))
				}
				if copies(stories) != 1 {
					t.Errorf("%d copies folded, want 1", copies(stories))
				}
				if len(stories[0].Entities) == 0 {
					t.Error("default enricher found no entities")
				}
			},
		},
		{
			name: "Cleaner",
			p: tidings.Pipeline{Cleaner: tidings.CleanerFunc(func(a *news.Article) ([]clean.Drop, error) {
				cleaned++
				return clean.Article(a)
			})},
			check: func(t *testing.T, stories []news.Story) {
				if cleaned != 7 {
					t.Errorf("cleaner called %d times, want 7", cleaned)
				}
			},
		},
		{
			name: "Segmenter",
			p: tidings.Pipeline{Segmenter: tidings.SegmenterFunc(func(a *news.Article) {
				segmented++
				segment.Article(a)
			})},
			check: func(t *testing.T, stories []news.Story) {
				if segmented != 7 {
					t.Errorf("segmenter called %d times, want 7", segmented)
				}
			},
		},
		{
			name: "Deduper that folds nothing",
			p: tidings.Pipeline{Deduper: tidings.DeduperFunc(func(_ context.Context, arts []news.Article, _ dedupe.Options) ([]news.Article, error) {
				return arts, nil
			})},
			check: func(t *testing.T, stories []news.Story) {
				if n := copies(stories); n != 0 {
					t.Errorf("%d copies folded, want 0", n)
				}
				if n := articles(stories); n != 7 {
					t.Errorf("%d articles in stories, want 7", n)
				}
			},
		},
		{
			name: "Clusterer with a story per article",
			p: tidings.Pipeline{Clusterer: tidings.ClustererFunc(func(_ context.Context, arts []news.Article, _ cluster.Options) ([][]int, error) {
				out := make([][]int, len(arts))
				for i := range arts {
					out[i] = []int{i}
				}
				return out, nil
			})},
			check: func(t *testing.T, stories []news.Story) {
				if len(stories) != 6 {
					t.Errorf("%d stories, want 6 (7 articles, 1 copy)", len(stories))
				}
			},
		},
		{
			name: "Summarizer",
			p: tidings.Pipeline{Summarizer: tidings.SummarizerFunc(func(context.Context, []news.Article, summarize.Options) (news.Summary, error) {
				return news.Summary{}, nil
			})},
			check: func(t *testing.T, stories []news.Story) {
				for _, st := range stories {
					if len(st.Summary.Sentences) != 0 {
						t.Errorf("story %s has %d summary sentences, want the summarizer's 0", st.ID, len(st.Summary.Sentences))
					}
				}
			},
		},
		{
			name: "Enricher that adds nothing",
			p:    tidings.Pipeline{Enricher: tidings.EnricherFunc(func(*news.Story) {})},
			check: func(t *testing.T, stories []news.Story) {
				for _, st := range stories {
					if len(st.Entities)+len(st.Quotes)+len(st.Timeline) != 0 {
						t.Errorf("story %s was enriched", st.ID)
					}
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stories, err := tc.p.Stories(context.Background(), readPile(t), tidings.StoryOptions{Brief: tidings.Options{Words: 40}})
			if err != nil {
				t.Fatal(err)
			}
			if len(stories) == 0 {
				t.Fatal("no stories")
			}
			tc.check(t, stories)
		})
	}
}

func copies(stories []news.Story) int {
	n := 0
	for _, st := range stories {
		for _, a := range st.Articles {
			n += len(a.Copies)
		}
	}
	return n
}

func articles(stories []news.Story) int {
	n := 0
	for _, st := range stories {
		n += len(st.Articles)
	}
	return n
}

// TestPipelineStageErrors checks that a failing or misbehaving stage
// gives an error from Stories, not a panic.
func TestPipelineStageErrors(t *testing.T) {
	t.Parallel()
	errStage := errors.New("stage failed")
	tests := []struct {
		name    string
		p       tidings.Pipeline
		wantErr error // nil: any error
	}{
		{"Deduper fails", tidings.Pipeline{Deduper: tidings.DeduperFunc(func(context.Context, []news.Article, dedupe.Options) ([]news.Article, error) {
			return nil, errStage
		})}, errStage},
		{"Clusterer fails", tidings.Pipeline{Clusterer: tidings.ClustererFunc(func(context.Context, []news.Article, cluster.Options) ([][]int, error) {
			return nil, errStage
		})}, errStage},
		{"Clusterer index out of range", tidings.Pipeline{Clusterer: tidings.ClustererFunc(func(_ context.Context, arts []news.Article, _ cluster.Options) ([][]int, error) {
			return [][]int{{len(arts)}}, nil
		})}, nil},
		{"Clusterer index twice", tidings.Pipeline{Clusterer: tidings.ClustererFunc(func(context.Context, []news.Article, cluster.Options) ([][]int, error) {
			return [][]int{{0}, {0}}, nil
		})}, nil},
		{"Summarizer fails", tidings.Pipeline{Summarizer: tidings.SummarizerFunc(func(context.Context, []news.Article, summarize.Options) (news.Summary, error) {
			return news.Summary{}, errStage
		})}, errStage},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.p.Stories(context.Background(), readPile(t), tidings.StoryOptions{})
			if err == nil {
				t.Fatal("Stories returned no error")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("Stories error = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// TestPipelineLogger checks that Pipeline.Logger receives the blocks
// cleaning dropped, and that a nil Logger is fine.
func TestPipelineLogger(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := tidings.Pipeline{Logger: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if _, err := p.Brief(context.Background(), "", readExamples(t), tidings.Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "dropped block") {
		t.Errorf("logger got no dropped block from examples/bridge; log:\n%s", buf.String())
	}
	if _, err := (&tidings.Pipeline{}).Brief(context.Background(), "", readExamples(t), tidings.Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestSummarizerByName checks the closed switch: every listed name
// resolves, "" is the first, and an unknown name's error lists them all.
func TestSummarizerByName(t *testing.T) {
	t.Parallel()
	for _, name := range append([]string{""}, tidings.Algorithms...) {
		if _, err := tidings.SummarizerByName(name); err != nil {
			t.Errorf("SummarizerByName(%q) = %v", name, err)
		}
	}
	// A nil Summarizer is the first name's.
	first, _ := tidings.SummarizerByName(tidings.Algorithms[0])
	got, err := (&tidings.Pipeline{}).Brief(context.Background(), "", readExamples(t), tidings.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := (&tidings.Pipeline{Summarizer: first}).Brief(context.Background(), "", readExamples(t), tidings.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := tidings.SummaryText(got.Summary), tidings.SummaryText(want.Summary); a != b {
		t.Errorf("default summary:\n%s\nwant %s's:\n%s", a, tidings.Algorithms[0], b)
	}
	_, err = tidings.SummarizerByName("nope")
	if err == nil || !strings.Contains(err.Error(), strings.Join(tidings.Algorithms, ", ")) {
		t.Errorf("SummarizerByName(%q) = %v, want an error listing %v", "nope", err, tidings.Algorithms)
	}
}
