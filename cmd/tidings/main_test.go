package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tidings"
	"tidings/internal/bench"
	"tidings/render"
)

// runCLI runs one command line and returns stdout, stderr and the exit
// status main would give.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	code := exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

func TestBriefBadInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("photo.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0})
	latin1 := write("latin1.txt", []byte("Caf\xe9 owners protest the new tax in the old town square."))
	noText := write("empty.html", []byte("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"))
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no 200 MB written
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(dir, "missing.txt")
	good := "../../examples/bridge"

	start := time.Now()
	stdout, stderr, code := runCLI(t, "", "brief", empty, binary, latin1, noText, huge, missing, good)
	if time.Since(start) > 20*time.Second {
		t.Errorf("brief took %v on bad inputs", time.Since(start))
	}
	if code != 1 {
		t.Errorf("exit status = %d, want 1 (some inputs failed)", code)
	}
	if !strings.Contains(stdout, "Sources:") || !strings.Contains(stdout, "Kestrel Bridge") {
		t.Errorf("good inputs were not summarized; stdout:\n%s", stdout)
	}
	for _, want := range []struct{ file, why string }{
		{empty, "empty input"},
		{binary, "binary data"},
		{latin1, "invalid UTF-8 at byte 3"},
		{noText, "no article text"},
		{huge, "input too large: 200.0 MiB"},
		{missing, "no such file or directory"},
	} {
		found := false
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, want.file) && strings.Contains(line, want.why) {
				found = true
			}
		}
		if !found {
			t.Errorf("stderr has no line naming %s with %q; stderr:\n%s", want.file, want.why, stderr)
		}
	}
}

func TestBriefUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no_paths", []string{"brief"}, "needs at least one PATH"},
		{"bad_format", []string{"brief", "--format", "xml", "x"}, "unknown format"},
		{"bad_algo", []string{"brief", "--algo", "magic", "x"}, "valid: ilp, centroid, lexrank"},
		{"bad_words", []string{"brief", "--words", "0", "x"}, "--words must be positive"},
		{"in_without_out", []string{"brief", "--in", "x.jsonl"}, "--in and --out go together"},
		{"unknown_command", []string{"summarise"}, "unknown command"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, stderr, code := runCLI(t, "", tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("tidings %v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
			}
		})
	}
}

func TestBriefJSONCitations(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runCLI(t, "", "brief", "--format", "json", "--words", "80", "../../examples/bridge")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var b render.JSONBrief
	if err := json.Unmarshal([]byte(stdout), &b); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if b.Words > 80 || len(b.Sentences) == 0 {
		t.Fatalf("brief has %d words in %d sentences, want 1..80 words", b.Words, len(b.Sentences))
	}
	texts := map[string]string{}
	for _, s := range b.Sources {
		texts[s.ID] = s.Text
	}
	for _, s := range b.Sentences {
		for _, c := range s.Citations {
			if got := texts[c.Article][c.Start:c.End]; got != c.Text {
				t.Errorf("citation %s[%d:%d] = %q, carries %q", c.Article, c.Start, c.End, got, c.Text)
			}
		}
		if s.Citations[0].Text != s.Text {
			t.Errorf("first citation %q is not the sentence %q", s.Citations[0].Text, s.Text)
		}
	}
}

func TestBriefStdinAndMultiNews(t *testing.T) {
	t.Parallel()
	in := "The ferry service resumed on Tuesday after a two-day strike by crews ended with a pay deal.\n|||||\nFerry crews ended their two-day strike on Tuesday after agreeing a pay deal, and services resumed."
	stdout, stderr, code := runCLI(t, in, "brief", "--format", "markdown", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(stdout, "### Sources") || !strings.Contains(stdout, "-#2") {
		t.Errorf("markdown brief of two articles from stdin missing sources:\n%s", stdout)
	}
}

func TestBriefClusters(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "clusters.jsonl")
	data := `{"id": "c1", "docs": [{"id": "d1", "headline": null, "text": "The museum reopened on Sunday after a two-year renovation costing 30 million euros.\n\nVisitors queued for an hour to see the restored ceiling."}, {"id": "d2", "headline": "Museum reopens", "text": "After two years of renovation work the museum reopened its doors on Sunday."}], "refs": [{"id": "r1", "text": "The museum reopened."}]}
not json
{"id": "c/2", "docs": [{"id": "e1", "text": "Council approves budget for new cycle lanes across the city centre, officials said on Monday."}]}
`
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	_, stderr, code := runCLI(t, "", "brief", "--in", in, "--out", out, "--words", "30")
	if code != 1 || !strings.Contains(stderr, "clusters.jsonl:2: bad JSON") {
		t.Errorf("exit %d, stderr %q; want 1 and the bad line named", code, stderr)
	}
	for _, name := range []string{"c1.txt", "c_2.txt"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || len(bytes.TrimSpace(b)) == 0 {
			t.Errorf("%s: %v, %q; want a summary", name, err, b)
		}
	}
}

// TestStoriesScore scores two well-separated clusters of our own: every
// row is perfect and the nearest-neighbour line counts all four articles.
func TestStoriesScore(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "clusters.jsonl")
	data := `{"id": "museum", "docs": [{"id": "m1", "text": "The city museum reopened on Sunday after a two-year renovation of its painted ceiling, costing 30 million euros."}, {"id": "m2", "text": "Visitors queued for an hour on Sunday as the city museum reopened with its painted ceiling restored after two years of renovation."}]}
{"id": "ferry", "docs": [{"id": "f1", "text": "Ferry crews on the Lannic islands ended a two-day strike over pay on Tuesday, and sailings resumed."}, {"id": "f2", "text": "Sailings to the Lannic islands resumed on Tuesday after ferry crews accepted a pay offer and called off their strike."}]}
`
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", "stories", "--score", "--in", in)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{
		"articles 4 with text (of 4), true clusters 2",
		"nearest article in the same true cluster: 4 of 4 (1.0000)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, row := range []string{"batch", "incremental", "incremental vs batch", "true, each moved once"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(row) + ` +stories +2 +B-cubed P 1\.0000 R 1\.0000 F1 1\.0000 +ARI 1\.0000$`).MatchString(out) {
			t.Errorf("row %q is not a perfect score:\n%s", row, out)
		}
	}
	// Each half keeps one of the two topics; a perfect grouping has no
	// mistakes to list.
	for _, half := range []string{"even", "odd"} {
		out, stderr, code := runCLI(t, "", "stories", "--score", "--seeds", "0", "--mistakes", "--half", half, "--in", in)
		if code != 0 {
			t.Fatalf("--half %s: exit %d, stderr %s", half, code, stderr)
		}
		if !strings.Contains(out, "articles 2 with text (of 2), true clusters 1") || strings.Contains(out, "mixes") || strings.Contains(out, "split over") {
			t.Errorf("--half %s --mistakes: want one true cluster of 2 articles and no mistakes:\n%s", half, out)
		}
	}
}

// TestBriefEveryAlgo briefs the example story with each summarizer, with
// and without a query, and checks that each prints a cited brief within
// the budget.
func TestBriefEveryAlgo(t *testing.T) {
	for _, algo := range tidings.Algorithms {
		for _, query := range []string{"", "How long will the repairs take?"} {
			t.Run(algo, func(t *testing.T) {
				stdout, stderr, code := runCLI(t, "", "brief", "--algo", algo, "--words", "60", "--query", query, "--format", "json", "../../examples/bridge")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				var b struct {
					Words     int `json:"words"`
					Sentences []struct {
						Citations []json.RawMessage `json:"citations"`
					} `json:"sentences"`
				}
				if err := json.Unmarshal([]byte(stdout), &b); err != nil {
					t.Fatalf("output is not JSON: %v\n%s", err, stdout)
				}
				if len(b.Sentences) == 0 || b.Words > 60 {
					t.Errorf("%d sentences, %d words (budget 60)", len(b.Sentences), b.Words)
				}
				for _, s := range b.Sentences {
					if len(s.Citations) == 0 {
						t.Errorf("a sentence without citations")
					}
				}
			})
		}
	}
}

func TestStoriesCommand(t *testing.T) {
	pile := filepath.Join("..", "..", "examples", "pile", "articles.jsonl")
	out, errOut, code := runCLI(t, "", "stories", "--format", "json", "--words", "50", pile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Stories []struct {
			Articles  []string `json:"articles"`
			Conflicts []struct {
				Kind string `json:"kind"`
			} `json:"conflicts"`
			Quotes []struct {
				Speaker string `json:"speaker"`
			} `json:"quotes"`
			Sources []struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			} `json:"sources"`
			Sentences []struct {
				Citations []struct {
					Article    string `json:"article"`
					Start, End int
					Text       string `json:"text"`
				} `json:"citations"`
			} `json:"sentences"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range got.Stories {
		ids = append(ids, strings.Join(s.Articles, ","))
		texts := map[string]string{}
		for _, src := range s.Sources {
			texts[src.ID] = src.Text
		}
		for _, sen := range s.Sentences {
			for _, c := range sen.Citations {
				if texts[c.Article][c.Start:c.End] != c.Text {
					t.Errorf("citation %s [%d,%d) does not match its text", c.Article, c.Start, c.End)
				}
			}
		}
	}
	want := "harbour-post-1,capital-times-1,valley-wire-1,northern-echo-1 harbour-post-2,capital-times-2 harbour-post-3"
	if strings.Join(ids, " ") != want {
		t.Errorf("stories by input id:\n%s\nwant:\n%s", strings.Join(ids, " "), want)
	}
	if len(got.Stories) > 0 && len(got.Stories[0].Conflicts) != 2 {
		t.Errorf("story 1 conflicts = %+v, want figures and characterization", got.Stories[0].Conflicts)
	}

	text, _, code := runCLI(t, "", "stories", pile)
	for _, s := range []string{"== Story 1: 4 articles from 4 outlets", "Where sources disagree:", "troops, figures: 3,000", "Quotes:", "— Anna Berg", "Timeline:", "People:"} {
		if code != 0 || !strings.Contains(text, s) {
			t.Errorf("text output lacks %q (exit %d)", s, code)
		}
	}

	for _, args := range [][]string{{"stories"}, {"stories", "--score", pile}, {"stories", "--words", "0", pile}, {"stories", "--format", "xml", pile}} {
		if _, _, code := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestBriefSeveralStories(t *testing.T) {
	pile := filepath.Join("..", "..", "examples", "pile", "articles.jsonl")
	out, errOut, code := runCLI(t, "", "brief", pile)
	if code != 0 || !strings.Contains(errOut, "holds 3 stories") || !strings.HasPrefix(out, "Brief (") {
		t.Errorf("brief: exit %d, stderr %q", code, errOut)
	}
	out, _, code = runCLI(t, "", "brief", "--all", pile)
	if code != 0 || strings.Count(out, "== Story ") != 3 {
		t.Errorf("brief --all: exit %d, %d stories", code, strings.Count(out, "== Story "))
	}
}

// TestWriteMistakes prints one mixed story and one split true cluster.
func TestWriteMistakes(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, time.March, 3, 0, 0, 0, 0, time.UTC)
	a := bench.Placed{ID: "a1", Truth: "dir/set.jsonl#a", Story: 0, Date: day, Reported: []time.Time{day.AddDate(0, 0, -2)}}
	b := bench.Placed{ID: "b1", Truth: "dir/set.jsonl#b", Story: 0, Copy: "a1"}
	var buf bytes.Buffer
	writeMistakes(&buf, []bench.Mistake{
		{Story: 0, Parts: []bench.Part{{Truth: a.Truth, Articles: []bench.Placed{a}}, {Truth: b.Truth, Articles: []bench.Placed{b}}}},
		{Story: -1, Truth: a.Truth, Parts: []bench.Part{{Story: 0, Articles: []bench.Placed{a}}, {Story: 2, Articles: []bench.Placed{a}}}},
	})
	want := `
story 0 mixes 2 true clusters:
  set.jsonl#a (1): a1 2026-03-03 [2026-03-01];
  set.jsonl#b (1): b1 undated (copy of a1);

true cluster set.jsonl#a is split over 2 stories:
  story 0 (1): a1 2026-03-03 [2026-03-01];
  story 2 (1): a1 2026-03-03 [2026-03-01];
`
	if got := buf.String(); got != want {
		t.Errorf("writeMistakes printed\n%s\nwant\n%s", got, want)
	}
}
