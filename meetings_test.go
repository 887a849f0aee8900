package tidings

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/ingest"
	"tidings/news"
)

// meetings reads and prepares examples/meetings, written for these tests:
// the same two ministers meet in the same port three weeks apart (a
// joint patrol after a trawler seizure, then a herring licence deal),
// reported by several outlets; one report of the first meeting carries no
// date at all, the page on the second carries a sidebar of related
// stories about the first, and a storm in the same port on the day of
// the first meeting is a story of its own.
func meetings(t *testing.T) []news.Article {
	t.Helper()
	return preparedDir(t, "examples/meetings")
}

// preparedDir reads the articles of dir and prepares each as the
// pipeline does before grouping.
func preparedDir(t *testing.T, dir string) []news.Article {
	t.Helper()
	var arts []news.Article
	p := &Pipeline{}
	for a, err := range ingest.Paths(context.Background(), []string{dir}, ingest.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Prepare(&a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

func name(a *news.Article) string {
	return strings.TrimSuffix(filepath.Base(a.ID), filepath.Ext(a.ID))
}

// storyNames returns each story as its articles' file names, sorted, the
// stories sorted.
func storyNames(arts []news.Article, stories [][]int) []string {
	var out []string
	for _, s := range stories {
		var names []string
		for _, k := range s {
			names = append(names, name(&arts[k]))
		}
		slices.Sort(names)
		out = append(out, strings.Join(names, " "))
	}
	slices.Sort(out)
	return out
}

var wantMeetings = []string{
	"coastal-wire-licences harbour-post-licences northern-echo-licences",
	"coastal-wire-patrol harbour-post-patrol valley-news-patrol",
	"coastal-wire-storm",
}

func TestMeetingsDates(t *testing.T) {
	want := map[string]string{
		"harbour-post-patrol":    "2026-04-06",
		"coastal-wire-patrol":    "2026-04-06",
		"valley-news-patrol":     "",
		"harbour-post-licences":  "2026-04-27",
		"coastal-wire-licences":  "2026-04-27",
		"northern-echo-licences": "2026-04-28",
		"coastal-wire-storm":     "2026-04-06",
	}
	for _, a := range meetings(t) {
		got := ""
		if d := eventDate(&a); !d.IsZero() {
			got = d.Format(time.DateOnly)
		}
		if got != want[name(&a)] {
			t.Errorf("eventDate(%s) = %q, want %q", name(&a), got, want[name(&a)])
		}
		if strings.Contains(a.Text, "Related stories") || strings.Contains(a.Text, "Most read") {
			t.Errorf("%s: the sidebar reached the article text", name(&a))
		}
	}
}

func TestMeetingsMakeTwoStories(t *testing.T) {
	arts := meetings(t)
	_, groups := Group(arts, StoryOptions{})
	if got := storyNames(arts, groups); !slices.Equal(got, wantMeetings) {
		t.Errorf("Group:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantMeetings, "\n"))
	}
	// Incremental, in shuffled orders: the same stories.
	for seed := range uint64(6) {
		order := make([]int, len(arts))
		for i := range order {
			order[i] = i
		}
		rand.New(rand.NewPCG(seed, 3)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		g := NewGrouper(StoryOptions{})
		of := map[int][]int{}
		story := make([]int, len(arts))
		for n, i := range order {
			_, s, moved := g.Add(&arts[i])
			story[n] = s
			for _, m := range moved {
				story[m.Article] = m.Story
			}
		}
		for n, s := range story {
			of[s] = append(of[s], order[n])
		}
		var stories [][]int
		for _, s := range of {
			stories = append(stories, s)
		}
		if got := storyNames(arts, stories); !slices.Equal(got, wantMeetings) {
			t.Errorf("Grouper, order %v:\n%s\nwant:\n%s", order, strings.Join(got, "\n"), strings.Join(wantMeetings, "\n"))
		}
	}
}
