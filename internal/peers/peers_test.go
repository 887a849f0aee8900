package peers_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	textrank "github.com/DavidBelicza/TextRank/v2"
	"github.com/JesusIslam/tldr"

	"tidings"
	"tidings/internal/bench"
	"tidings/internal/cputime"
	"tidings/internal/peers"
	"tidings/news"
)

// sharedData is where the evaluation sets live, seen from this folder.
const sharedData = "../../../shared/data"

// cluster returns the second cluster of TAC 2009 (10 articles, 6,151
// words), the cluster of tidings' BenchmarkBrief.
func cluster(tb testing.TB) []news.Article {
	tb.Helper()
	f, err := os.Open(sharedData + "/tac2009.jsonl")
	if err != nil {
		tb.Skipf("skipping: %v (the evaluation data in %s is not here)", err, sharedData)
	}
	defer f.Close()
	n := 0
	for c, err := range bench.ReadClusters("tac2009.jsonl", f) {
		if err != nil {
			tb.Fatal(err)
		}
		if n++; n == 2 {
			return c.Articles
		}
	}
	tb.Fatal("tac2009.jsonl has fewer than 2 clusters")
	return nil
}

// The three summarizers, each taking the cluster and returning its
// sentences.
type summarizer struct {
	name string
	run  func(arts []news.Article, text string) ([]string, error)
}

var summarizers = []summarizer{
	{"tidings", func(arts []news.Article, _ string) ([]string, error) {
		p := &tidings.Pipeline{}
		b, err := p.Brief(context.Background(), "", arts, tidings.Options{Words: 120})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, s := range b.Summary.Sentences {
			out = append(out, s.Text)
		}
		return out, nil
	}},
	{"tldr", func(_ []news.Article, text string) ([]string, error) {
		return tldr.New().Summarize(text, 5)
	}},
	{"textrank", func(_ []news.Article, text string) ([]string, error) {
		tr := textrank.NewTextRank()
		tr.Populate(text, textrank.NewDefaultLanguage(), textrank.NewDefaultRule())
		tr.Ranking(textrank.NewDefaultAlgorithm())
		var out []string
		for _, s := range textrank.FindSentencesByRelationWeight(tr, 5) {
			out = append(out, s.Value)
		}
		return out, nil
	}},
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name string
		raws []string
		want string
	}{
		{"none", nil, ""},
		{"one", []string{" a. \n"}, "a."},
		{"two", []string{"a.", "b."}, "a.\n\nb."},
		{"empty between", []string{"a.", "  ", "b."}, "a.\n\n\n\nb."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var arts []news.Article
			for _, r := range tc.raws {
				arts = append(arts, news.Article{Raw: r})
			}
			if got := peers.Text(arts); got != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPeersSummarize checks that each summarizer the benchmarks time
// returns sentences of the cluster (so a ratio compares real work).
func TestPeersSummarize(t *testing.T) {
	arts := cluster(t)
	text := peers.Text(arts)
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	flat := squash(text)
	for _, s := range summarizers {
		t.Run(s.name, func(t *testing.T) {
			if s.name == "tldr" && testing.Short() {
				t.Skip("tldr takes about a second on this cluster")
			}
			got, err := s.run(arts, text)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 {
				t.Fatal("no sentences")
			}
			for _, g := range got {
				// tidings detokenizes and cleans: compare its first words.
				probe := squash(g)
				if s.name == "tidings" {
					probe = strings.Join(strings.Fields(probe)[:min(3, len(strings.Fields(probe)))], " ")
				}
				if probe == "" || !strings.Contains(flat, probe) {
					t.Errorf("sentence not from the cluster: %q", g)
				}
			}
		})
	}
}

// BenchmarkPeers times each summarizer alone.
func BenchmarkPeers(b *testing.B) {
	arts := cluster(b)
	text := peers.Text(arts)
	for _, s := range summarizers {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.run(arts, text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRatio runs, in each round, one brief and one call of each
// peer, and reports the median of each peer's processor time over the
// brief's (higher: tidings is that many times faster), and the median
// brief in ms. Rounds alternate the summarizers, so a change in the
// machine's speed during the run moves all of them alike.
func BenchmarkRatio(b *testing.B) {
	arts := cluster(b)
	text := peers.Text(arts)
	if cputime.Used() == 0 {
		b.Skip("skipping: processor time cannot be read here")
	}
	// A brief is a few ms, near the clock's resolution: time a batch.
	const briefs = 20
	ratios := make(map[string][]float64)
	var ours []float64
	for b.Loop() {
		var base float64
		for _, s := range summarizers {
			reps := 1
			if s.name == "tidings" {
				reps = briefs
			}
			// The peers' garbage (tldr allocates ~77 MB a call) is
			// collected before, not during, the next one's timing.
			runtime.GC()
			start := cputime.Used()
			for range reps {
				if _, err := s.run(arts, text); err != nil {
					b.Fatal(err)
				}
			}
			took := float64(cputime.Used()-start) / float64(reps)
			if s.name == "tidings" {
				base = took
				ours = append(ours, took/float64(time.Millisecond))
				continue
			}
			ratios[s.name] = append(ratios[s.name], took/base)
		}
	}
	b.ReportMetric(median(ours), "brief-ms")
	for name, r := range ratios {
		b.ReportMetric(median(r), name+"/tidings")
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
