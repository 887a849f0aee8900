package tidings_test

import (
	"os"
	"testing"

	"tidings/ingest"
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
	for c, err := range ingest.Clusters("tac2009.jsonl", f) {
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
