package server

import (
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gazettePage is a page we wrote: no outlet or author posted with it, both
// named by the page's own metadata, and a subheading that asks a question.
const gazettePage = `<!DOCTYPE html>
<html><head><title>Ferry service to Dunmore resumes after storm</title>
<meta name="author" content="Ines Calloway">
<meta property="og:site_name" content="Ellery Gazette">
<meta property="article:published_time" content="2026-03-04">
</head><body><article>
<h1>Ferry service to Dunmore resumes after storm</h1>
<p>The ferry between Port Ellery and the island of Dunmore sailed again on Tuesday after four days in harbour, when a winter storm closed the crossing.</p>
<p>The operator said the first sailing carried 212 passengers and nine lorries of supplies for the island's shops and its school.</p>
<h2>Why did the ferry operator keep the crossing to Dunmore closed for four days?</h2>
<p>They said waves of six metres at the harbour mouth made it unsafe to leave, and the ramp at Dunmore needed repairs before any boat could land.</p>
</article></body></html>`

// TestFoundKeptAndShown posts a page without metadata and checks that
// what cleaning found in it, and where, is stored, reaches the story's
// JSON and is shown on its page, and that the subheading stays out of the
// brief.
func TestFoundKeptAndShown(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	var out struct {
		ID    int64 `json:"id"`
		Story int64 `json:"story"`
	}
	if code := call(t, "POST", ts.URL+"/api/articles", token, "text/html", gazettePage, &out); code != http.StatusCreated {
		t.Fatalf("POST: %d", code)
	}
	stored, err := st.Article(t.Context(), out.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Outlet != "Ellery Gazette" || stored.Author != "Ines Calloway" || !strings.Contains(stored.Cleaning, `"outlet":"html-meta"`) {
		t.Errorf("stored outlet %q, author %q, cleaning %s", stored.Outlet, stored.Author, stored.Cleaning)
	}
	var story struct {
		Sentences []struct{ Text string } `json:"sentences"`
		Sources   []struct {
			Outlet string            `json:"outlet"`
			Found  map[string]string `json:"found"`
		} `json:"sources"`
	}
	call(t, "GET", ts.URL+"/api/stories/"+strconv.FormatInt(out.Story, 10), "", "", "", &story)
	if len(story.Sources) != 1 || story.Sources[0].Outlet != "Ellery Gazette" || story.Sources[0].Found["outlet"] != "html-meta" ||
		story.Sources[0].Found["date"] != "htmldate" {
		b, _ := json.Marshal(story.Sources)
		t.Errorf("story sources %s", b)
	}
	if len(story.Sentences) == 0 {
		t.Fatal("empty brief: the test checks nothing")
	}
	for _, s := range story.Sentences {
		if strings.Contains(s.Text, "?") {
			t.Errorf("brief sentence holds the subheading: %q", s.Text)
		}
	}
	resp, err := http.Get(ts.URL + "/stories/" + strconv.FormatInt(out.Story, 10))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`title="Outlet from the page&#39;s metadata">Ellery Gazette</span>`, `by Ines Calloway`,
		`(outlet from the page&#39;s metadata; author from the page&#39;s metadata; date from the page&#39;s dates)`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("story page lacks %s", want)
		}
	}
}
