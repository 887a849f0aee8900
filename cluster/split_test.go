package cluster

import (
	"fmt"
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A low threshold puts every report in one story first.
			opts := Options{Threshold: 0.05}
			if got := fmt.Sprint(Batch(tc.docs, opts)); got != tc.want {
				t.Errorf("Batch = %s, want %s", got, tc.want)
			}
			c := New(opts)
			for _, d := range tc.docs {
				c.Add(d)
			}
			if got := fmt.Sprint(c.Stories()); got != tc.want {
				t.Errorf("incremental = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestLinked(t *testing.T) {
	tests := []struct {
		name string
		m    int
		link map[[2]int]float64
		want string
	}{
		{"no links", 3, nil, "[[0] [1] [2]]"},
		{"a chain", 3, map[[2]int]float64{{0, 1}: 0.5, {1, 2}: 0.5}, "[[0 1 2]]"},
		{"two pairs", 4, map[[2]int]float64{{0, 2}: 0.5, {1, 3}: 0.5}, "[[0 2] [1 3]]"},
		{"a weak bridge between two triangles", 6, map[[2]int]float64{
			{0, 1}: 0.6, {0, 2}: 0.6, {1, 2}: 0.6, {3, 4}: 0.6, {3, 5}: 0.6, {4, 5}: 0.6, {2, 3}: 0.1,
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
