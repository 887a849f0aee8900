package cluster

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// forced returns a Clusterer holding docs with term weights over all of
// them, doc i placed in story of[i] (stories numbered from 0 in order of
// first use), as an arrival order may have left them.
func forced(docs []Doc, of []int) *Clusterer {
	c, _ := weighed(docs, Options{})
	for i, d := range docs {
		v, probe := c.vector(d)
		c.record(v, probe, d.Date, d.Reported)
		for of[i] >= len(c.stories) {
			c.newStory()
		}
		c.of = append(c.of, of[i])
		c.join(of[i], i)
	}
	return c
}

// TestUndatedStoryMerge: the reports of a rule change make a story whose
// articles are dated; the reports of its reversal months later, whose
// pages give no dates, make a story of their own. Their centroids are
// alike well over untimedMerge (the two share the words of the rule), yet
// a story mostly of dated articles does not take in a story without
// dates: its time is known, and time cannot confirm the merge. When the
// dated story's dates are few (one text stamp among four), content
// decides as before and the same stories merge.
func TestUndatedStoryMerge(t *testing.T) {
	rule := "endangered species rule consultation wildlife agencies scientists projects "
	words := []string{"dams", "mines", "roads", "logging", "review", "biologists"}
	var change, reversal []Doc
	for i := range 5 {
		change = append(change, doc(rule+"issued "+words[i], "2026-12-11"))
		reversal = append(reversal, doc(rule+"restored "+words[i+1], ""))
	}
	tests := []struct {
		name  string
		dated int // how many of the change's five reports carry their date; negative: of four
		merge bool
	}{
		{"the dated story is mostly dated", 5, false},
		{"three of five dated", 3, false},
		{"two of four dated", -2, true},
		{"one date among five", 1, true},
		{"two dates among five", 2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, of := slices.Clone(change), []int{0, 0, 0, 0, 0}
			dated := tc.dated
			if dated < 0 { // the change's story holds four reports
				docs, of, dated = docs[:4], of[:4], -dated
			}
			for i := dated; i < len(docs); i++ {
				docs[i].Date = time.Time{}
			}
			docs = append(docs, reversal...)
			c := forced(docs, append(of, 1, 1, 1, 1, 1))
			if sim := c.centroidCosine(c.stories[0], c.stories[1]); sim < untimedMerge {
				t.Fatalf("centroid cosine %.3f below untimedMerge: the fixture does not test the rule", sim)
			}
			moves := c.merge(0)
			if got := len(moves) > 0; got != tc.merge {
				t.Errorf("merged = %v (moves %v), want %v", got, moves, tc.merge)
			}
		})
	}
}

// TestRecalledTogetherMerges: the reports of a plea in January and of a
// verdict in September, months apart and neither dated near the other,
// are one event when both recall the day of the killing: Batch and a
// Clusterer fed them in order make one story (the Clusterer when it
// regroups the verdict's story, grown to eight reports). Recalling other
// days, or nothing, they stay two.
func TestRecalledTogetherMerges(t *testing.T) {
	base := "shooting woman fetus murder spiro county jail simpson flynn prosecutors "
	plea := base + "pleaded charges "
	verdict := base + "jury verdict "
	extra := []string{"monday", "tuesday", "lawyer", "judge", "family", "courtroom", "witness", "testimony", "evidence"}
	day := func(s string) []time.Time {
		if s == "" {
			return nil
		}
		d, _ := time.Parse(time.DateOnly, s)
		return []time.Time{d}
	}
	tests := []struct {
		name          string
		pleaRecalls   string
		verdictRecall string
		want          string
	}{
		{"both recall the killing's day", "2026-04-09", "2026-04-08", "[[0 1 2 3 4 5 6 7 8 9 10 11 12]]"},
		{"they recall days months apart", "2026-06-21", "2026-04-08", "[[0 1 2 3 4] [5 6 7 8 9 10 11 12]]"},
		{"the plea recalls nothing", "", "2026-04-08", "[[0 1 2 3 4] [5 6 7 8 9 10 11 12]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var docs []Doc
			for i := range 5 {
				d := doc(plea+extra[i], fmt.Sprintf("2027-01-%02d", 3+i%2))
				if i == 2 {
					d.Reported = day(tc.pleaRecalls)
				}
				docs = append(docs, d)
			}
			for i := range 8 {
				d := doc(verdict+extra[i], fmt.Sprintf("2027-09-%02d", 26+i%2))
				if i == 1 {
					d.Reported = day(tc.verdictRecall)
				}
				docs = append(docs, d)
			}
			groupsBothWays(t, docs, Options{}, tc.want)
		})
	}
}
