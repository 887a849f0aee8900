package cluster

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// fights are two title fights of one champion: every report shares the
// champion's words, and each fight's reports share their own.
func fights() []Doc {
	champ := "klitschko heavyweight title defended champion belts "
	return []Doc{
		doc(champ+"rahman mannheim seventh arena referee", ""),
		doc(champ+"thompson bern sixth stade suisse knockout", ""),
		doc(champ+"rahman mannheim seventh left hook", ""),
		doc(champ+"thompson bern sixth stade suisse corner", ""),
		doc(champ+"rahman mannheim seventh referee stopped", ""),
		doc(champ+"thompson bern sixth suisse knockout stopped", ""),
		doc(champ+"rahman mannheim arena left stopped", ""),
		doc(champ+"thompson bern stade knockout corner", ""),
		doc(champ+"rahman seventh arena hook referee", ""),
		doc(champ+"thompson sixth suisse corner knockout", ""),
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want string
	}{
		{"two fights of one champion", fights(), "[[0 2 4 6 8] [1 3 5 7 9]]"},
		{"too few to split", fights()[:6], "[[0 1 2 3 4 5]]"},
		// Reports of the same days in two kinds of wording are one
		// event: time, not wording, tells two events of one kind apart.
		{"the two groups dated the same days", dated(fights(), func(int) string { return "2026-03-02" }), "[[0 1 2 3 4 5 6 7 8 9]]"},
		{"the two groups dated within the window", dated(fights(), func(i int) string { return fmt.Sprintf("2026-03-%02d", 2+i%2*5) }),
			"[[0 1 2 3 4 5 6 7 8 9]]"},
		// One group dated, the other not: time cannot confirm them one.
		{"one group dated, the other undated", dated(fights(), func(i int) string { return []string{"2026-03-02", ""}[i%2] }),
			"[[0 2 4 6 8] [1 3 5 7 9]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A low threshold puts every report in one story first.
			opts := Options{Threshold: 0.05}
			groupsBothWays(t, tc.docs, opts, tc.want)
		})
	}
}

// dated returns docs, each dated by day(i) (empty: undated).
func dated(docs []Doc, day func(i int) string) []Doc {
	for i := range docs {
		docs[i].Date = time.Time{}
		if d := day(i); d != "" {
			docs[i].Date, _ = time.Parse(time.DateOnly, d)
		}
	}
	return docs
}

func TestLinked(t *testing.T) {
	tests := []struct {
		name string
		m    int
		link []link
		want string
	}{
		{"no links", 3, nil, "[[0] [1] [2]]"},
		{"a chain", 3, []link{{0, 1, 0.5}, {1, 2, 0.5}}, "[[0 1 2]]"},
		{"two pairs", 4, []link{{0, 2, 0.5}, {1, 3, 0.5}}, "[[0 2] [1 3]]"},
		{"a weak bridge between two triangles", 6, []link{
			{0, 1, 0.6}, {0, 2, 0.6}, {1, 2, 0.6}, {3, 4, 0.6}, {3, 5, 0.6}, {4, 5, 0.6}, {2, 3, 0.1},
		}, "[[0 1 2] [3 4 5]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmt.Sprint(linked(tc.m, tc.link)); got != tc.want {
				t.Errorf("linked = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestReportedJoinsAcrossTheWindow(t *testing.T) {
	fire := "warehouse fire dairy palmer destroyed firefighters blaze "
	late := doc(fire+"insurance uninsured owners", "2026-06-20")
	tests := []struct {
		name     string
		reported string
		want     string
	}{
		{"it reports the fire's day", "2026-03-02", "[[0 1 2]]"},
		{"it reports another day", "2026-05-02", "[[0 1] [2]]"},
		{"it reports nothing", "", "[[0 1] [2]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := late
			if tc.reported != "" {
				r, _ := time.Parse(time.DateOnly, tc.reported)
				d.Reported = []time.Time{r}
			}
			docs := []Doc{doc(fire+"night", "2026-03-02"), doc(fire+"morning", "2026-03-03"), d}
			if got := fmt.Sprint(Batch(docs, Options{})); got != tc.want {
				t.Errorf("Batch = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestRecalledDayMerges: later reports of an event (an insurance row
// months after a fire) that form a story of their own merge with the
// event's story when one of them recalls the event's day. The
// incremental clusterer merges when it regroups the fire's story, as it
// grows to ten reports.
func TestRecalledDayMerges(t *testing.T) {
	fire := "warehouse fire dairy palmer destroyed firefighters blaze "
	row := fire + "insurance uninsured owners court claim "
	extra := []string{"night", "morning", "smoke", "crews", "hoses", "roof", "alarm", "chief", "cause", "damage"}
	all := "[[0 1 2 3 4 5 6 7 8 9 10 11 12]]"
	apart := "[[0 1 2 3 4 5 6 7 11 12] [8 9 10]]"
	tests := []struct {
		name     string
		reported string
		want     string
	}{
		{"a later report recalls the fire's day", "2026-03-02", all},
		{"it recalls another day", "2026-05-02", apart},
		{"it recalls nothing", "", apart},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []Doc
			for i := range 8 {
				docs = append(docs, doc(fire+extra[i], fmt.Sprintf("2026-03-%02d", 2+i%2)))
			}
			recalling := doc(row+"lawsuit", "2026-06-21")
			if tc.reported != "" {
				r, _ := time.Parse(time.DateOnly, tc.reported)
				recalling.Reported = []time.Time{r}
			}
			docs = append(docs, doc(row+"hearing", "2026-06-20"), recalling, doc(row+"judge", "2026-06-21"),
				doc(fire+extra[8], "2026-03-03"), doc(fire+extra[9], "2026-03-04"))
			groupsBothWays(t, docs, Options{}, tc.want)
		})
	}
}

// TestWindowGap: a story of a fire and of a report a year later that
// recalls the fire's day spans a year, but takes in only articles dated
// near one of its own: a report dated in between is of another event.
func TestWindowGap(t *testing.T) {
	fire := "warehouse fire dairy palmer destroyed firefighters blaze "
	later := doc(fire+"anniversary rebuilt", "2027-03-01")
	later.Reported = []time.Time{time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name, date, want string
	}{
		{"dated in the gap", "2026-09-01", "[[0 1 2] [3]]"},
		{"dated near the later report", "2027-03-03", "[[0 1 2 3]]"},
		{"dated near the fire", "2026-03-05", "[[0 1 2 3]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := []Doc{doc(fire+"night", "2026-03-02"), doc(fire+"morning", "2026-03-03"), later, doc(fire+"again", tc.date)}
			c := New(Options{})
			for _, d := range docs {
				c.Add(d)
			}
			if got := fmt.Sprint(c.Stories()); got != tc.want {
				t.Errorf("incremental = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestUndatedPartSplits: a story that took in the dated reports of one
// quake and the undated reports of another of the same kind (pages that
// give no dates), linked by the words they share so that the graph keeps
// them whole, splits its undated reports off: they are more like each
// other than like the dated ones. Undated reports of the dated quake
// itself, as like the dated reports as each other, stay.
func TestUndatedPartSplits(t *testing.T) {
	base := "quake magnitude indonesia killed injured tsunami rescuers buildings "
	extra := []string{"night", "morning", "villages", "roads", "hospital", "tents"}
	tests := []struct {
		name    string
		undated func(i int) string
		want    string
	}{
		{"the undated reports are of another quake", func(i int) string { return base + "papua manokwari " + extra[i] }, "[[0 1 2 3 4 5] [6 7 8 9 10]]"},
		{"they are of the dated quake", func(i int) string { return base + "aceh takengon " + extra[5-i] }, "[[0 1 2 3 4 5 6 7 8 9 10]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []Doc
			for i := range 6 {
				docs = append(docs, doc(base+"aceh takengon "+extra[i], fmt.Sprintf("2026-07-%02d", 2+i%3)))
			}
			for i := range 5 {
				docs = append(docs, doc(tc.undated(i), ""))
			}
			of := make([]int, len(docs))
			c := forced(docs, of)
			members := slices.Clone(c.stories[0].members)
			parts, _ := c.parts(members)
			var big [][]int
			for _, p := range parts {
				if len(p) >= splitMinPart {
					big = append(big, p)
				}
			}
			if n := len(c.keepConcurrent(members, big)); n > 1 {
				t.Fatalf("the graph splits the story into %d parts: the fixture does not test undatedPart", n)
			}
			c.split(0)
			if got := fmt.Sprint(c.Stories()); got != tc.want {
				t.Errorf("after the split test: %s, want %s", got, tc.want)
			}
		})
	}
}

// groupsBothWays checks that Batch and a Clusterer adding docs in order
// both group them as want (stories as fmt prints them).
func groupsBothWays(t *testing.T, docs []Doc, opts Options, want string) {
	t.Helper()
	if got := fmt.Sprint(Batch(docs, opts)); got != want {
		t.Errorf("Batch = %s, want %s", got, want)
	}
	c := New(opts)
	for _, d := range docs {
		c.Add(d)
	}
	if got := fmt.Sprint(c.Stories()); got != want {
		t.Errorf("incremental = %s, want %s", got, want)
	}
}
