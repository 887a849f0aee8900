package bench

import (
	"context"
	"fmt"
	"testing"

	"tidings"
	"tidings/cluster"
	"tidings/news"
)

// TestScoreStories groups two stories of our own making, three articles
// each, and scores them against their true clusters.
func TestScoreStories(t *testing.T) {
	t.Parallel()
	ferry := []string{
		"Ferry crews on the Lannic islands ended their two-day strike on Tuesday after the union accepted a pay offer from the ferry company.",
		"The Lannic ferry strike is over: crews voted on Tuesday to accept the company's pay offer, and sailings to the islands resumed.",
		"Sailings between the mainland and the Lannic islands resumed on Tuesday when striking ferry crews accepted a new pay deal.",
	}
	volcano := []string{
		"Ash from the Kessel volcano closed the airport at Ostrava on Monday, grounding more than two hundred flights.",
		"Flights at Ostrava airport were grounded on Monday as a cloud of volcanic ash from Kessel drifted over the region.",
		"The Kessel volcano erupted again on Monday, and its ash cloud forced Ostrava airport to cancel flights for the day.",
	}
	mk := func(id string, texts []string) Cluster {
		c := Cluster{ID: id}
		for i, s := range texts {
			c.Articles = append(c.Articles, news.Article{ID: fmt.Sprintf("%s-%d", id, i+1), Raw: s})
		}
		return c
	}
	files := []ClusterFile{{Path: "a.jsonl", Clusters: []Cluster{mk("ferry", ferry)}}, {Path: "b.jsonl", Clusters: []Cluster{mk("volcano", volcano)}}}
	s, err := ScoreStories(context.Background(), &tidings.Pipeline{}, files, cluster.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 6 || s.WithText != 6 || s.TrueClusters != 2 || s.Nearest != s.NearestOf || s.NearestOf != 6-s.Folded {
		t.Errorf("ScoreStories = %+v; want 6 articles with text, 2 true clusters, every nearest article in its own cluster", s)
	}
	if len(s.ByFile) != 2 || s.ByFile[0].Path != "a.jsonl" || s.ByFile[0].Share() != 1 || s.ByFile[1].Share() != 1 {
		t.Errorf("ByFile = %+v, want a.jsonl then b.jsonl, each 1", s.ByFile)
	}
	want := []string{"batch", "incremental", "incremental vs batch", "true, each moved once"}
	if len(s.Rows) != len(want) {
		t.Fatalf("Rows = %+v, want %v", s.Rows, want)
	}
	for i, r := range s.Rows {
		if r.Name != want[i] || r.F1 != 1 || r.Predicted != 2 {
			t.Errorf("row %d = %s: %d stories, F1 %v; want %s: 2 stories, F1 1", i, r.Name, r.Predicted, r.F1, want[i])
		}
	}
}
