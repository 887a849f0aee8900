package enrich_test

import (
	"context"
	"strings"
	"testing"

	"tidings"
	"tidings/enrich"
	"tidings/internal/bench"
	"tidings/internal/cputime"
	"tidings/news"
)

// tacPath is the TAC 2009 clusters file of the evaluation data (see
// ../shared/data/README.md), relative to this package's directory.
const tacPath = "../../shared/data/tac2009.jsonl"

// tacStory returns a story of the articles of TAC 2009 clusters from
// first to last (1-based), cleaned, segmented and summarized at 120 words
// as the pipeline does before it enriches a story ([tidings.Pipeline.Story]
// with an enricher that does nothing). It skips when the data is absent.
func tacStory(b *testing.B, first, last int) news.Story {
	b.Helper()
	clusters, _, err := bench.LoadClusters(tacPath)
	if err != nil {
		b.Skipf("skipping: %v (the evaluation data in ../shared/data is not here)", err)
	}
	if len(clusters) < last {
		b.Fatalf("%s has %d clusters, want %d", tacPath, len(clusters), last)
	}
	p := &tidings.Pipeline{Enricher: tidings.EnricherFunc(func(*news.Story) {})}
	var arts []news.Article
	for _, c := range clusters[first-1 : last] {
		for _, a := range c.Articles {
			if _, err := p.Prepare(&a); err == nil {
				arts = append(arts, a)
			}
		}
	}
	st, err := p.Story(context.Background(), "bench", arts, tidings.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkStoryTAC enriches real stories: the second TAC 2009 cluster
// (10 articles, about 6,000 words: the size of the target), and
// clusters 2 to 5 as one story of 40 articles (articles=40) and as four
// stories of 10 enriched one after the other (articles=4x10). A linear
// enrichment takes as long for the one story of 40 as for the four of
// 10: the same words, the same sentences, four times the people. ns/word
// compares them; cpu-ns/op is the processor time the process used per
// op (Unix only), which other programs on a busy machine inflate less
// than the elapsed time.
func BenchmarkStoryTAC(b *testing.B) {
	for _, bc := range []struct {
		name     string
		clusters [][2]int // the stories of an op, by their first and last cluster
	}{
		{"articles=10", [][2]int{{2, 2}}},
		{"articles=40", [][2]int{{2, 5}}},
		{"articles=4x10", [][2]int{{2, 2}, {3, 3}, {4, 4}, {5, 5}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var stories []news.Story
			words := 0
			for _, c := range bc.clusters {
				st := tacStory(b, c[0], c[1])
				stories = append(stories, st)
				for _, a := range st.Articles {
					words += len(strings.Fields(a.Text))
				}
			}
			// Once before timing: the first call loads the tagger's model.
			enrich.Story(&news.Story{Brief: stories[0].Brief})
			b.ReportAllocs()
			cpu := cputime.Used()
			for b.Loop() {
				for _, src := range stories {
					st := news.Story{Brief: src.Brief}
					enrich.Story(&st)
				}
			}
			if cpu := cputime.Used() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
			b.ReportMetric(float64(words), "words")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
		})
	}
}

// BenchmarkSteps times each step of [enrich.Story] alone on the second
// TAC 2009 cluster (the 10 articles of BenchmarkStoryTAC); quotes and
// conflicts read the entities found once before.
func BenchmarkSteps(b *testing.B) {
	st := tacStory(b, 2, 2)
	arts := st.Articles
	ents := enrich.Entities(arts)
	for _, step := range []struct {
		name string
		run  func()
	}{
		{"entities", func() { enrich.Entities(arts) }},
		{"quotes", func() { enrich.Quotes(arts, ents) }},
		{"timeline", func() { enrich.Timeline(arts) }},
		{"support", func() { enrich.Support(arts, st.Summary) }},
		{"conflicts", func() { enrich.Conflicts(arts, ents) }},
	} {
		b.Run(step.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Used()
			for b.Loop() {
				step.run()
			}
			if cpu := cputime.Used() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
