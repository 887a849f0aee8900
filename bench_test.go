package tidings_test

import (
	"context"
	"os"
	"testing"

	"tidings"
	"tidings/internal/bench"
	"tidings/news"
)

// sharedData is where the evaluation sets live (see ../shared/data/README.md).
const sharedData = "../shared/data"

// benchCluster returns the second cluster of TAC 2009 (10 articles, 6,151
// words): the "10-article cluster of about 6,000 words". The
// benchmark is skipped when the data set is absent.
func benchCluster(b *testing.B) []news.Article {
	b.Helper()
	f, err := os.Open(sharedData + "/tac2009.jsonl")
	if err != nil {
		b.Skipf("skipping: %v (the evaluation data in %s is not here)", err, sharedData)
	}
	defer f.Close()
	n := 0
	for c, err := range bench.ReadClusters("tac2009.jsonl", f) {
		if err != nil {
			b.Fatal(err)
		}
		if n++; n == 2 {
			return c.Articles
		}
	}
	b.Fatal("tac2009.jsonl has fewer than 2 clusters")
	return nil
}

// BenchmarkLargeStory briefs the first 600 articles of duc2006 as one
// story at 250 words: a story of hundreds of articles, as a server that
// has run for weeks may hold.
func BenchmarkLargeStory(b *testing.B) {
	f, err := os.Open(sharedData + "/duc2006.jsonl")
	if err != nil {
		b.Skipf("skipping: %v (the evaluation data in %s is not here)", err, sharedData)
	}
	defer f.Close()
	var arts []news.Article
	for c, err := range bench.ReadClusters("duc2006.jsonl", f) {
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, c.Articles...)
		if len(arts) >= 600 {
			break
		}
	}
	arts = arts[:min(len(arts), 600)]
	p := &tidings.Pipeline{}
	for b.Loop() {
		// Three of the articles have no text after cleaning: their errors
		// come back beside the brief.
		if br, err := p.Brief(context.Background(), "", arts, tidings.Options{Words: 250}); len(br.Summary.Sentences) == 0 {
			b.Fatal(err)
		}
	}
}
