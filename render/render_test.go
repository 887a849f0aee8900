package render_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"tidings/news"
	"tidings/render"
)

func brief(id, outlet, text string) news.Brief {
	c := news.Citation{ArticleID: outlet, Start: 0, End: len(text)}
	return news.Brief{
		ID:       id,
		Articles: []news.Article{{ID: outlet, Outlet: outlet, Text: text}},
		Summary:  news.Summary{Words: len(strings.Fields(text)), Sentences: []news.SummarySentence{{Text: text, Origin: c, Citations: []news.Citation{c}}}},
	}
}

var (
	anchorRe = regexp.MustCompile(`<a id="([^"]+)"></a>`)
	linkRe   = regexp.MustCompile(`\]\(#([^)]+)\)`)
)

// TestMarkdownAnchors checks that every source marker links to an anchor
// of its own brief and that no two briefs of one document share an
// anchor.
func TestMarkdownAnchors(t *testing.T) {
	tests := []struct {
		name    string
		stories []news.Story
		anchors []string
	}{
		{"one brief without id", []news.Story{{Brief: brief("", "wire", "Floods closed the coast road on Monday.")}},
			[]string{"source-1"}},
		{"two stories", []news.Story{
			{Brief: brief("1", "wire", "Floods closed the coast road on Monday.")},
			{Brief: brief("2", "post", "The ferry strike ended on Tuesday.")},
		}, []string{"brief-1-source-1", "brief-2-source-1"}},
		{"an id with other characters", []news.Story{{Brief: brief("D0601A/x y", "wire", "Floods closed the coast road.")}},
			[]string{"brief-D0601A-x-y-source-1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var sb strings.Builder
			if err := render.Stories(&sb, tc.stories, render.FormatMarkdown); err != nil {
				t.Fatal(err)
			}
			out := sb.String()
			var got []string
			seen := map[string]bool{}
			for _, m := range anchorRe.FindAllStringSubmatch(out, -1) {
				if seen[m[1]] {
					t.Errorf("anchor %q twice", m[1])
				}
				seen[m[1]] = true
				got = append(got, m[1])
			}
			if strings.Join(got, " ") != strings.Join(tc.anchors, " ") {
				t.Errorf("anchors %v, want %v", got, tc.anchors)
			}
			for _, m := range linkRe.FindAllStringSubmatch(out, -1) {
				if !seen[m[1]] {
					t.Errorf("link to #%s, which no anchor has", m[1])
				}
			}
		})
	}
}

// TestJSONStopped checks that a brief's JSON says when its summary was
// cut short by the summarizer's time limit, and says nothing otherwise.
func TestJSONStopped(t *testing.T) {
	for _, stopped := range []bool{false, true} {
		b := brief("s", "Harbour Post", "The ferry resumed on Monday.")
		b.Summary.Stopped = stopped
		out, err := json.Marshal(render.ToJSON(&b))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(out), `"stopped":true`); got != stopped {
			t.Errorf("Stopped %v: JSON %s", stopped, out)
		}
		if !stopped && strings.Contains(string(out), `"stopped"`) {
			t.Errorf("a summary proven best carries a stopped field: %s", out)
		}
	}
}
