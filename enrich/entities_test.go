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

// TestAsideNames checks that the names in an article's asides (blocks
// cleaning left out of the text, such as the rows of a results table)
// are names of the story, cited by the article's first sentence, that a
// credit in an aside names no one, and that an aside's words do not
// count as written in the text.
func TestAsideNames(t *testing.T) {
	t.Parallel()
	const text = "Anna Berg won the regional chess final on Sunday. The club will host the national championship next spring."
	tests := []struct {
		name   string
		asides []string
		want   []string // people
		absent []string
	}{
		{"rows of a table", []string{"2. Tomas Avery (Harlow) 7", "3. Mira Holm (Vellmouth) 6.5"},
			[]string{"Anna Berg", "Tomas Avery", "Mira Holm"}, nil},
		{"a credit", []string{"Reporting by Giles Ferrow; Editing by Petra Lund"}, []string{"Anna Berg"}, []string{"Giles Ferrow", "Petra Lund"}},
		{"no asides", nil, []string{"Anna Berg"}, []string{"Mira Holm"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := article("a", "", text, time.Time{})
			a.Asides = tc.asides
			got := map[string]news.Entity{}
			for _, e := range enrich.Entities([]news.Article{a}) {
				got[e.Name] = e
			}
			for _, n := range tc.want {
				e, ok := got[n]
				if !ok || e.Kind != news.Person {
					t.Errorf("%q: %+v, want a person (found %v)", n, e, got)
					continue
				}
				if c := e.First; c.ArticleID != "a" || a.Text[c.Start:c.End] != a.Sentences[0].Text {
					t.Errorf("%q first cited as %+v, want the first sentence", n, c)
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
