package bench

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/eval"
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
	s, err := ScoreStories(context.Background(), &tidings.Pipeline{}, files, cluster.Options{}, 3, nil)
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
	if len(s.Orders) != 3 {
		t.Fatalf("Orders = %+v, want 3", s.Orders)
	}
	for i, o := range s.Orders {
		if o.Seed != uint64(i+1) || o.Truth.F1 != 1 || o.Batch.F1 != 1 || o.Truth.Items != 6 {
			t.Errorf("order %d = %+v; want seed %d, 6 items, F1 1 against truth and batch", i, o, i+1)
		}
	}
	if _, _, f1, b := s.MedianOrder(); f1 != 1 || b != 1 {
		t.Errorf("MedianOrder F1 = %v, vs batch %v; want 1, 1", f1, b)
	}
}

func TestShuffled(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{1, 2, 3} {
		a, b := Shuffled(50, seed), Shuffled(50, seed)
		if !slices.Equal(a, b) {
			t.Errorf("seed %d: two orders differ", seed)
		}
		sorted := slices.Sorted(slices.Values(a))
		for i, x := range sorted {
			if x != i {
				t.Fatalf("seed %d: %v is not a permutation of 0..49", seed, a)
			}
		}
		if slices.IsSorted(a) {
			t.Errorf("seed %d: order %v is not shuffled", seed, a)
		}
	}
	if slices.Equal(Shuffled(50, 1), Shuffled(50, 2)) {
		t.Error("seeds 1 and 2 give the same order")
	}
}

func TestMedianOrder(t *testing.T) {
	t.Parallel()
	order := func(f1, batch float64) OrderScore {
		return OrderScore{Truth: eval.ClusterScores{Precision: f1, Recall: f1, F1: f1}, Batch: eval.ClusterScores{F1: batch}}
	}
	for _, tc := range []struct {
		name    string
		orders  []OrderScore
		f1, vsB float64
	}{
		{"none", nil, 0, 0},
		{"one", []OrderScore{order(0.8, 0.9)}, 0.8, 0.9},
		{"odd", []OrderScore{order(0.9, 0.5), order(0.7, 0.95), order(0.8, 0.6)}, 0.8, 0.6},
		{"even", []OrderScore{order(0.9, 0.5), order(0.7, 0.7), order(0.8, 0.6), order(0.6, 1)}, 0.75, 0.65},
	} {
		p, r, f1, b := StoryScore{Orders: tc.orders}.MedianOrder()
		if math.Abs(f1-tc.f1) > 1e-12 || math.Abs(p-tc.f1) > 1e-12 || math.Abs(r-tc.f1) > 1e-12 || math.Abs(b-tc.vsB) > 1e-12 {
			t.Errorf("%s: MedianOrder = %v %v %v %v, want P=R=F1 %v, vs batch %v", tc.name, p, r, f1, b, tc.f1, tc.vsB)
		}
	}
}

func TestMistakes(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, time.March, 3, 0, 0, 0, 0, time.UTC)
	p := func(id, truth string, story int) Placed { return Placed{ID: id, Truth: truth, Story: story, Date: day} }
	for _, tc := range []struct {
		name   string
		placed []Placed
		want   []string // each mistake as "story N: truth/size ..." or "truth T: story/size ..."
	}{
		{"perfect", []Placed{p("a1", "a", 0), p("a2", "a", 0), p("b1", "b", 1)}, nil},
		{"mixed", []Placed{p("a1", "a", 0), p("a2", "a", 0), p("b1", "b", 0), p("b2", "b", 1)},
			[]string{"story 0: a/2 b/1", "truth b: 0/1 1/1"}},
		{"split, largest part first", []Placed{p("a1", "a", 0), p("a2", "a", 1), p("a3", "a", 1)},
			[]string{"truth a: 1/2 0/1"}},
		{"two mixed stories in story order", []Placed{p("a1", "a", 1), p("b1", "b", 1), p("c1", "c", 0), p("d1", "d", 0), p("d2", "d", 0)},
			[]string{"story 0: d/2 c/1", "story 1: a/1 b/1"}},
	} {
		var got []string
		for _, m := range Mistakes(tc.placed) {
			var s string
			if m.Story >= 0 {
				s = fmt.Sprintf("story %d:", m.Story)
				for _, part := range m.Parts {
					s += fmt.Sprintf(" %s/%d", part.Truth, len(part.Articles))
				}
			} else {
				s = fmt.Sprintf("truth %s:", m.Truth)
				for _, part := range m.Parts {
					s += fmt.Sprintf(" %d/%d", part.Story, len(part.Articles))
				}
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Mistakes = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestHalfTopics(t *testing.T) {
	t.Parallel()
	files := []ClusterFile{
		{Path: "a", Clusters: []Cluster{{ID: "x-1_1"}, {ID: "x-1_2"}, {ID: "x-3_1"}}},
		{Path: "b", Clusters: []Cluster{{ID: "x-3_2"}, {ID: "solo"}, {ID: "x-5_1"}}},
	}
	ids := func(fs []ClusterFile) []string {
		var out []string
		for _, f := range fs {
			for _, c := range f.Clusters {
				out = append(out, f.Path+":"+c.ID)
			}
		}
		return out
	}
	if got, want := ids(HalfTopics(files, false)), []string{"a:x-1_1", "a:x-1_2", "b:solo"}; !slices.Equal(got, want) {
		t.Errorf("even half = %q, want %q", got, want)
	}
	if got, want := ids(HalfTopics(files, true)), []string{"a:x-3_1", "b:x-3_2", "b:x-5_1"}; !slices.Equal(got, want) {
		t.Errorf("odd half = %q, want %q", got, want)
	}
}
