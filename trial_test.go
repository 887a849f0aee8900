package tidings

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/cluster"
	"tidings/news"
)

// trial reads and prepares examples/trial, written for these tests: a
// baker shot dead in Velden (two reports, October 2025), a taxi driver
// shot in the same town three weeks later (two reports), and the trial
// of the baker's killer a year and a half later (three reports, two of
// which recall the day of the killing; the first says only "on
// Tuesday", its own day).
func trial(t *testing.T) []news.Article {
	t.Helper()
	return preparedDir(t, "examples/trial")
}

// TestTrialEventTime: the event time of each report is its own date, and
// the days it reports; a trial report that recalls the killing's day
// brings the trial's story together with the killing's, while the other
// shooting, dated between the two, stays a story of its own.
func TestTrialEventTime(t *testing.T) {
	arts := trial(t)
	wantDate := map[string]string{
		"velden-gazette-shooting": "2025-10-21 [2025-10-21]",
		"river-post-shooting":     "2025-10-22 [2025-10-21 2025-10-22]",
		"velden-gazette-taxi":     "2025-11-12 [2025-11-12]",
		"river-post-taxi":         "2025-11-13 [2025-11-12 2025-11-13]",
		"velden-gazette-trial":    "2027-03-16 [2027-03-16]",
		"river-post-trial":        "2027-03-17 [2027-03-17 2025-10-21]",
		"north-wire-trial":        "2027-03-17 [2025-10-21 2027-03-17]",
	}
	docs := make([]cluster.Doc, len(arts))
	for i := range arts {
		docs[i] = Doc(&arts[i])
		var rep []string
		for _, d := range docs[i].Reported {
			rep = append(rep, d.Format(time.DateOnly))
		}
		got := docs[i].Date.Format(time.DateOnly) + " [" + strings.Join(rep, " ") + "]"
		if want := wantDate[name(&arts[i])]; got != want {
			t.Errorf("%s: date and reported days %s, want %s", name(&arts[i]), got, want)
		}
	}
	together := []string{
		"north-wire-trial river-post-shooting river-post-trial velden-gazette-shooting velden-gazette-trial",
		"river-post-taxi velden-gazette-taxi",
	}
	_, groups := Group(arts, StoryOptions{})
	if got := storyNames(arts, groups); !slices.Equal(got, together) {
		t.Errorf("Group:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(together, "\n"))
	}
	// Without the recalled days, the trial is a story of its own: it is
	// what the trial reports say of the killing's day that joins them.
	for i := range docs {
		docs[i].Reported = nil
	}
	apart := []string{
		"north-wire-trial river-post-trial velden-gazette-trial",
		"river-post-shooting velden-gazette-shooting",
		"river-post-taxi velden-gazette-taxi",
	}
	if got := storyNames(arts, cluster.Batch(docs, cluster.Options{})); !slices.Equal(got, apart) {
		t.Errorf("Batch without reported days:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(apart, "\n"))
	}
	// Incremental, the reports arriving in date order, as they would on a
	// server, and the same in an order where the killing's reports come
	// between the trial's: a trial report that recalls the killing's day
	// brings the two stories together as it is placed. (When all the
	// trial's reports come before any of the killing's, the stories meet
	// only when a regrouping takes them in, once a story holds eight
	// articles.)
	byDate := make([]int, len(arts))
	for i := range byDate {
		byDate[i] = i
	}
	slices.SortStableFunc(byDate, func(a, b int) int { return arts[a].Date.Compare(arts[b].Date) })
	// The first trial report (no recalled day), the killing's, the rest.
	mixed := append([]int{byDate[4]}, byDate[:4]...)
	mixed = append(mixed, byDate[5:]...)
	orders := [][]int{byDate, mixed}
	for _, order := range orders {
		g := NewGrouper(StoryOptions{})
		story := make([]int, len(arts))
		for n, i := range order {
			_, s, moved := g.Add(&arts[i])
			story[n] = s
			for _, m := range moved {
				story[m.Article] = m.Story
			}
		}
		of := map[int][]int{}
		for n, s := range story {
			of[s] = append(of[s], order[n])
		}
		var stories [][]int
		for _, s := range of {
			stories = append(stories, s)
		}
		if got := storyNames(arts, stories); !slices.Equal(got, together) {
			t.Errorf("Grouper, order %v:\n%s\nwant:\n%s", order, strings.Join(got, "\n"), strings.Join(together, "\n"))
		}
	}
}
