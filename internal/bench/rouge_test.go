package bench

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tidings/eval"
	"tidings/news"
)

func TestConventionFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dataset string
		want    Convention
	}{
		{"tac2009", Convention{100, "-n 4 -m -a -l 100 -x", false}},
		{"duc2006", Convention{250, "-n 2 -m -a -l 250 -x -2 4 -u", true}},
		{"multiling2011_en", Convention{250, "-n 2 -m -a -l 250 -x", false}},
		{"multinews", Convention{260, "-n 2 -m -a", false}},
		{"", Convention{100, "-n 2 -m -a", false}},
	}
	for _, tc := range tests {
		t.Run(tc.dataset, func(t *testing.T) {
			t.Parallel()
			if got := ConventionFor(tc.dataset); got != tc.want {
				t.Errorf("ConventionFor(%q) = %+v, want %+v", tc.dataset, got, tc.want)
			}
			if _, err := eval.ParseArgs(strings.Fields(tc.want.ROUGE)); err != nil {
				t.Errorf("ROUGE options %q: %v", tc.want.ROUGE, err)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	five := Cluster{ID: "c", Refs: []Reference{{ID: "A", Text: "ref"}}}
	for i := range 5 {
		five.Articles = append(five.Articles, news.Article{ID: fmt.Sprint(i)})
	}
	tests := []struct {
		k     int
		ids   []string
		sizes []int
	}{
		{1, []string{"c#1", "c#2", "c#3", "c#4", "c#5"}, []int{1, 1, 1, 1, 1}},
		{2, []string{"c#1", "c#2", "c#3"}, []int{2, 2, 1}},
		{5, []string{"c#1"}, []int{5}},
		{9, []string{"c#1"}, []int{5}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint("k=", tc.k), func(t *testing.T) {
			t.Parallel()
			got := Split([]Cluster{five}, tc.k)
			if len(got) != len(tc.ids) {
				t.Fatalf("Split(k=%d) gave %d stories, want %d", tc.k, len(got), len(tc.ids))
			}
			next := 0
			for i, c := range got {
				if c.ID != tc.ids[i] || len(c.Articles) != tc.sizes[i] {
					t.Errorf("story %d is %s of %d articles, want %s of %d", i, c.ID, len(c.Articles), tc.ids[i], tc.sizes[i])
				}
				for _, a := range c.Articles {
					if a.ID != fmt.Sprint(next) {
						t.Errorf("story %s holds article %s, want %d (in order)", c.ID, a.ID, next)
					}
					next++
				}
				if len(c.Refs) != 1 || c.Refs[0].Text != "ref" {
					t.Errorf("story %s lost its cluster's references", c.ID)
				}
			}
		})
	}
}

// TestScore scores hand-made peers: one identical to its reference (1),
// one sharing half its reference's words (R 0.5, P 1 for ROUGE-1), and a
// cluster without references, which is left out.
func TestScore(t *testing.T) {
	t.Parallel()
	clusters := []Cluster{
		{ID: "b", Refs: []Reference{{ID: "A", Text: "the ferry sails again"}}},
		{ID: "a", Refs: []Reference{{ID: "A", Text: "crews end the strike"}}},
		{ID: "none"},
	}
	peers := map[string]string{"a": "crews end the strike\n", "b": "the ferry\n", "none": "anything\n"}
	o, err := eval.ParseArgs([]string{"-n", "1"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Score("sys", clusters, peers, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := s.Get("ROUGE-1", "R")
	p, _ := s.Get("ROUGE-1", "P")
	if s.Clusters != 2 || r.Mean != 0.75 || p.Mean != 1 {
		t.Errorf("Score = %d clusters, ROUGE-1 R %v P %v; want 2, 0.75, 1", s.Clusters, r.Mean, p.Mean)
	}
	if _, err := Score("sys", clusters[2:], peers, o, nil); err == nil {
		t.Error("Score with no references: no error")
	}
}

func TestSummaryFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := news.Summary{Sentences: []news.SummarySentence{{Text: "Crews end\n the strike."}, {Text: "Ferries  sail."}}}
	text := SummaryLines(s)
	if text != "Crews end the strike.\nFerries sail.\n" {
		t.Errorf("SummaryLines = %q", text)
	}
	if err := WriteSummary(filepath.Join(dir, "ilp"), "D0601/A:1", text); err != nil {
		t.Fatal(err)
	}
	peers, missing := ReadSummaries(filepath.Join(dir, "ilp"), []Cluster{{ID: "D0601/A:1"}, {ID: "gone"}})
	if peers["D0601/A:1"] != text || len(missing) != 1 || !strings.Contains(missing[0].Error(), "cluster gone") {
		t.Errorf("ReadSummaries = %q, missing %v", peers, missing)
	}
	if got := FileName("D0601/A:1\\x"); got != "D0601_A_1_x" {
		t.Errorf("FileName = %q, want D0601_A_1_x", got)
	}
}
