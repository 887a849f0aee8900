package summarize

import (
	"context"
	"strings"
	"testing"

	"tidings/news"
	"tidings/segment"
)

// FuzzMethods feeds every method two articles of arbitrary text, and the
// first alone (a story of one article, where the ILP joins passages), and
// a query, and checks that none fails or panics, that each stays within
// the budget and that every origin points at its sentence (white space
// aside: a passage's paragraph break is written as one space).
func FuzzMethods(f *testing.F) {
	f.Add("The council closed the bridge on Friday. Repairs will take six weeks, officials said.", "Engineers found a crack in the bridge. The council closed it on Friday.", "bridge repairs", 20)
	f.Add("", "a", "", 1)
	f.Add("The ferry resumed on Monday after the winter.\n\nIt will sail twice a day. \"We are ready.\n\n\"We sail daily,\" she said.", "", "ferry", 40)
	f.Add("He said it. She said it. They said it.", "\"Quote without end. And more text here for the count.", "?", 5)
	f.Fuzz(func(t *testing.T, a, b, query string, words int) {
		words = 1 + int(uint(words)%300)
		arts := []news.Article{{ID: "a", Text: a}, {ID: "b", Text: b}}
		for i := range arts {
			segment.Article(&arts[i])
		}
		opts := Options{Words: words, Query: segment.Terms(query)}
		for _, story := range [][]news.Article{arts, arts[:1]} {
			for _, m := range methods {
				s, err := m.fn(context.Background(), story, opts)
				if err != nil {
					t.Fatalf("%s: %v", m.name, err)
				}
				if s.Words > words {
					t.Fatalf("%s: %d words over budget %d", m.name, s.Words, words)
				}
				for _, ss := range s.Sentences {
					art := findArticle(story, ss.Origin.ArticleID)
					if art == nil || strings.TrimSpace(ss.Text) == "" ||
						strings.Join(strings.Fields(art.Text[ss.Origin.Start:ss.Origin.End]), " ") != strings.Join(strings.Fields(ss.Text), " ") {
						t.Fatalf("%s: bad origin for %q", m.name, ss.Text)
					}
				}
			}
		}
	})
}
