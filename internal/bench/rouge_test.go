package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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

// TestTable requires a Table scoring several systems in turn, with its
// kept references and draws, to give what Score gives each alone.
func TestTable(t *testing.T) {
	t.Parallel()
	clusters := []Cluster{
		{ID: "b", Refs: []Reference{{ID: "A", Text: "the ferry sails again"}, {ID: "B", Text: "ferries sail\nagain today"}}},
		{ID: "a", Refs: []Reference{{ID: "A", Text: "crews end the strike"}}},
		{ID: "c", Refs: []Reference{{ID: "A", Text: "the strike ends and the ferry sails"}}},
	}
	systems := []map[string]string{
		{"a": "crews end the strike\n", "b": "the ferry\n", "c": "ferry sails\n"},
		{"a": "the strike\n", "b": "ferries sail again\n"}, // c missing: another number of clusters
		{"a": "", "b": "again and again\n", "c": "the strike ends\n"},
	}
	o, err := eval.ParseArgs(strings.Fields("-n 2 -m -l 5 -2 1 -u -r 50"))
	if err != nil {
		t.Fatal(err)
	}
	res := &eval.Resources{Exceptions: map[string]string{"ferries": "ferry"}, StopWords: map[string]bool{}}
	table, err := NewTable(o, res)
	if err != nil {
		t.Fatal(err)
	}
	for i, peers := range systems {
		name := fmt.Sprint("sys", i)
		want, err := Score(name, clusters, peers, o, res)
		if err != nil {
			t.Fatal(err)
		}
		got, err := table.Score(name, clusters, peers)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("system %d: Table.Score = %+v, Score = %+v", i, got, want)
		}
	}
}

// TestLoadReferences requires the ids and references of LoadClusters,
// with no documents read.
func TestLoadReferences(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.jsonl")
	data := `{"id": "x", "docs": [{"id": "d1", "text": "Rain fell ."}], "refs": [{"id": "A", "text": "It rained."}]}

{"docs": [{"text": "Sun ."}], "refs": [{"id": "B", "text": "Sunny."}, {"id": "C", "text": "Sun."}]}
not json
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	want, wantBad, err := LoadClusters(path)
	if err != nil {
		t.Fatal(err)
	}
	got, gotBad, err := LoadReferences(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(gotBad) != len(wantBad) || len(gotBad) != 1 {
		t.Fatalf("LoadReferences: %d clusters, %d bad; LoadClusters %d, %d (want 1 bad)", len(got), len(gotBad), len(want), len(wantBad))
	}
	if gotBad[0].Error() != wantBad[0].Error() {
		t.Errorf("bad line: %v, LoadClusters says %v", gotBad[0], wantBad[0])
	}
	for i := range got {
		if got[i].ID != want[i].ID || !reflect.DeepEqual(got[i].Refs, want[i].Refs) || len(got[i].Articles) != 0 {
			t.Errorf("cluster %d: %s %v (%d articles), want %s %v and none", i, got[i].ID, got[i].Refs, len(got[i].Articles), want[i].ID, want[i].Refs)
		}
	}
}
