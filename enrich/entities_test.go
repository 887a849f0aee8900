package enrich_test

import (
	"testing"
	"time"

	"tidings/enrich"
	"tidings/news"
)

// TestDatelinePlaces checks that the places of an article's dateline,
// which cleaning moves out of the text into Article.Dateline, are places
// of the story, cited by the article's first sentence.
func TestDatelinePlaces(t *testing.T) {
	t.Parallel()
	const text = "Rescue teams reached the crash site on Monday. Families waited for news."
	tests := []struct {
		name     string
		dateline string
		text     string
		want     []string // places
		absent   []string
	}{
		{"place and region", "MARDEN, Norland", text, []string{"Marden", "Norland"}, []string{"MARDEN"}},
		{"place and a day", "LIMA, Dec 1", text, []string{"Lima"}, []string{"Dec 1"}},
		{"also in the text", "KESSEL", "Troops left Kessel on Monday. Families waited for news.", []string{"Kessel"}, nil},
		{"no dateline", "", text, nil, []string{"Marden"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := article("a", "", tc.text, time.Time{})
			a.Dateline = tc.dateline
			got := map[string]news.Entity{}
			for _, e := range enrich.Entities([]news.Article{a}) {
				got[e.Name] = e
			}
			for _, n := range tc.want {
				e, ok := got[n]
				if !ok || e.Kind != news.Place {
					t.Errorf("%q: %+v, want a place (found %v)", n, e, got)
					continue
				}
				if c := e.First; a.Text[c.Start:c.End] != a.Sentences[0].Text {
					t.Errorf("%q first cited as %q, want the first sentence", n, a.Text[c.Start:c.End])
				}
			}
			for _, n := range tc.absent {
				if _, ok := got[n]; ok {
					t.Errorf("%q found, want it left out", n)
				}
			}
		})
	}
}
