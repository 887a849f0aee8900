package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/news"
)

func TestSplitClusters(t *testing.T) {
	five := news.Cluster{ID: "c", Refs: []news.Reference{{ID: "A", Text: "ref"}}}
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
		got := splitClusters([]news.Cluster{five}, tc.k)
		if len(got) != len(tc.ids) {
			t.Fatalf("k=%d: %d stories, want %d", tc.k, len(got), len(tc.ids))
		}
		next := 0
		for i, c := range got {
			if c.ID != tc.ids[i] || len(c.Articles) != tc.sizes[i] {
				t.Errorf("k=%d: story %d is %s of %d articles, want %s of %d", tc.k, i, c.ID, len(c.Articles), tc.ids[i], tc.sizes[i])
			}
			for _, a := range c.Articles {
				if a.ID != fmt.Sprint(next) {
					t.Errorf("k=%d: story %s holds article %s, want %d (in order)", tc.k, c.ID, a.ID, next)
				}
				next++
			}
			if len(c.Refs) != 1 || c.Refs[0].Text != "ref" {
				t.Errorf("k=%d: story %s lost its cluster's references", tc.k, c.ID)
			}
		}
	}
}

// TestEvalSplit scores stories of one article cut from a cluster of our
// own making.
func TestEvalSplit(t *testing.T) {
	t.Parallel()
	line := `{"dataset":"own","id":"ferry","docs":[` +
		`{"id":"a","text":"The island ferry resumed on Monday after a winter of repairs to the harbour wall. It will sail twice a day until September."},` +
		`{"id":"b","text":"Ferry sailings to the islands began again on Monday. The council spent two million on the harbour wall."},` +
		`{"id":"c","text":"The harbour wall, breached by storms in January, is mended and the ferry is back. Tickets sold out within an hour."}],` +
		`"refs":[{"id":"A","text":"The island ferry resumed on Monday after the harbour wall was repaired."}]}`
	path := filepath.Join(t.TempDir(), "own.jsonl")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "", "eval", "--data", path, "--algo", "ilp,lead", "--words", "20", "--split", "1", "-n", "2", "-a")
	if code != 0 {
		t.Fatalf("eval --split 1: exit %d: %s", code, stderr)
	}
	rows := 0
	for _, l := range strings.Split(stdout, "\n") {
		f := strings.Fields(l)
		if len(f) > 8 && (f[0] == "ilp" || f[0] == "lead") && f[1] == "ROUGE-2" {
			rows++
			if f[7] != "3" {
				t.Errorf("%s scored %s stories, want 3 (one per article):\n%s", f[0], f[7], stdout)
			}
		}
	}
	if rows != 2 {
		t.Errorf("want a ROUGE-2 row for ilp and lead:\n%s", stdout)
	}
	for _, bad := range []string{"0", "-1", "two"} {
		if _, stderr, code := runCLI(t, "", "eval", "--data", path, "--split", bad, "-n", "2"); code != 2 || !strings.Contains(stderr, "--split") {
			t.Errorf("--split %s: exit %d, stderr %q; want 2 and a message naming --split", bad, code, stderr)
		}
	}
}
