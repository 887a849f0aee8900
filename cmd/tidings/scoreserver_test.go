package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// twoStories is a clusters file of our own: two unrelated events, three
// reports each, and one empty document the server is never sent.
const twoStories = `{"id": "quake", "docs": [{"id": "q1", "headline": "Quake shakes Varn valley", "text": "An earthquake of magnitude 6.1 shook the Varn valley on Thursday night, damaging dozens of old stone houses in the town of Lesk."}, {"id": "q2", "text": "Dozens of stone houses in Lesk were damaged when a magnitude 6.1 earthquake struck the Varn valley late on Thursday."}, {"id": "q3", "text": "Rescue teams searched the damaged houses of Lesk on Friday after Thursday's earthquake in the Varn valley, magnitude 6.1."}, {"id": "q4", "text": "  "}]}
{"id": "orchestra", "docs": [{"id": "o1", "text": "The Harlow city orchestra named the violinist Petra Sand as its new conductor on Monday, the first woman to lead it."}, {"id": "o2", "text": "Petra Sand, a violinist, will conduct the Harlow city orchestra from next season, the orchestra said on Monday."}, {"id": "o3", "text": "On Monday the Harlow city orchestra chose Petra Sand as conductor; the violinist is the first woman in the post."}]}
`

// TestStoriesScoreServer scores the server's path on two easy stories:
// in text and in JSON, each of the three orders stores them as the true
// stories (F1 1 against the truth and against batch), and
// --server=false leaves the server's rows out.
func TestStoriesScoreServer(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "clusters.jsonl")
	if err := os.WriteFile(in, []byte(twoStories), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		rows      []string // text rows with a perfect server score
		noServer  bool
		jsonOrder int // server orders in the JSON; -1: text output
	}{
		{"text", []string{"--in", in}, []string{"server seed 1", "server seed 2", "server seed 3"}, false, -1},
		{"text_one_seed", []string{"--seeds", "1", "--in", in}, []string{"server seed 1"}, false, -1},
		{"text_no_server", []string{"--server=false", "--in", in}, nil, true, -1},
		{"json", []string{"--format", "json", "--in", in}, nil, false, 3},
		{"json_no_server", []string{"--format", "json", "--server=false", "--in", in}, nil, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, stderr, code := runCLI(t, "", append([]string{"stories", "--score"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, stderr)
			}
			if tc.jsonOrder >= 0 {
				checkScoreJSON(t, out, tc.jsonOrder)
				return
			}
			if !strings.Contains(out, "articles 6 with text (of 7), true clusters 2") {
				t.Errorf("output lacks the article counts:\n%s", out)
			}
			for _, row := range tc.rows {
				re := `(?m)^` + regexp.QuoteMeta(row) + ` +stories +2 +B-cubed P 1\.0000 R 1\.0000 F1 1\.0000 +ARI 1\.0000 +vs batch F1 1\.0000$`
				if !regexp.MustCompile(re).MatchString(out) {
					t.Errorf("row %q is not a perfect score:\n%s", row, out)
				}
			}
			median := regexp.MustCompile(`(?m)^server median/\d+ +B-cubed P 1\.0000 R 1\.0000 F1 1\.0000 +vs batch F1 1\.0000$`)
			if got := median.MatchString(out); got == tc.noServer {
				t.Errorf("server median row printed %v, want %v:\n%s", got, !tc.noServer, out)
			}
			if tc.noServer && strings.Contains(out, "server") {
				t.Errorf("--server=false prints server rows:\n%s", out)
			}
		})
	}
}

// checkScoreJSON checks the JSON of "stories --score" on twoStories:
// the counts, the batch row, and orders perfect server orders (seeds 1
// to orders) with their median, or no "server" key for none.
func checkScoreJSON(t *testing.T, out string, orders int) {
	t.Helper()
	var got scoreJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{`"with_text"`, `"rows"`, `"incremental"`, `"orders"`, `"median"`, `"batch_f1"`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks the key %s:\n%s", key, out)
		}
	}
	if got.Articles != 7 || got.WithText != 6 || len(got.Rows) == 0 || got.Rows[0].Name != "batch" || got.Rows[0].F1 != 1 {
		t.Errorf("articles %d, with text %d, rows %+v; want 7, 6 and a perfect batch row first", got.Articles, got.WithText, got.Rows)
	}
	if got.Incremental == nil || len(got.Incremental.Orders) != 3 {
		t.Errorf("incremental = %+v, want 3 orders", got.Incremental)
	}
	if orders == 0 {
		if got.Server != nil || strings.Contains(out, `"server"`) {
			t.Errorf("server = %+v, want none", got.Server)
		}
		return
	}
	if got.Server == nil || len(got.Server.Orders) != orders {
		t.Fatalf("server = %+v, want %d orders:\n%s", got.Server, orders, out)
	}
	for i, o := range got.Server.Orders {
		if o.Seed != uint64(i+1) || o.Stories != 2 || o.F1 != 1 || o.BatchF1 == nil || *o.BatchF1 != 1 {
			t.Errorf("server order %d = %+v, want seed %d, 2 stories, F1 1 and batch F1 1", i, o, i+1)
		}
	}
	if got.Server.Median.F1 != 1 || got.Server.Median.BatchF1 != 1 {
		t.Errorf("server median = %+v, want F1 1 and batch F1 1", got.Server.Median)
	}
}
