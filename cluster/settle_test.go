package cluster

import (
	"fmt"
	"testing"
)

// TestSettleMovesAnEarlyArticle builds a story of talks whose first
// article joined a ferry-strike story while the talks story did not yet
// exist; once the talks story has grown, the settling step moves it and
// Moves reports the move. Without settling it stays.
func TestSettleMovesAnEarlyArticle(t *testing.T) {
	docs := []Doc{
		doc("ferry strike crews pay lannic islands sailings", ""),
		doc("ferry strike crews pay lannic union", ""),
		doc("ferry strike geneva talks ministers", ""),
		doc("geneva talks ministers border ceasefire vell troops", ""),
		doc("geneva talks ministers border ceasefire vell prisoners", ""),
		doc("geneva talks ministers ceasefire vell troops kessel", ""),
		doc("geneva ministers border ceasefire vell kessel envoy", ""),
	}
	for _, tc := range []struct {
		settle int
		want   string
		moves  string
	}{
		{-1, "[[0 1 2] [3 4 5 6]]", "[]"},
		{3, "[[0 1] [2 3 4 5 6]]", "[{2 0 1}]"},
	} {
		t.Run(fmt.Sprint("settle ", tc.settle), func(t *testing.T) {
			c := New(Options{Settle: tc.settle, Threshold: 0.25})
			var moves []Move
			for _, d := range docs {
				c.Add(d)
				moves = append(moves, c.Moves()...)
			}
			if got := fmt.Sprint(c.Stories()); got != tc.want {
				t.Errorf("stories %s, want %s", got, tc.want)
			}
			if got := fmt.Sprint(moves); got != tc.moves {
				t.Errorf("moves %s, want %s", got, tc.moves)
			}
			if len(c.Moves()) != 0 {
				t.Error("Moves did not clear its list")
			}
		})
	}
}

// TestLateChanceForALoneArticle: a report of talks comes first, matches
// no story and stays alone through its first chance to move (the next
// article is about a ferry strike). The talks story forms later from two
// reports that each match it too little alone; the lone report's later
// chance, 4 x Settle articles after its own, takes it there.
func TestLateChanceForALoneArticle(t *testing.T) {
	docs := []Doc{
		doc("geneva talks ministers ceasefire vell envoy", ""),
		doc("ferry strike crews pay lannic islands sailings", ""),
		doc("geneva ministers ceasefire border troops kessel", ""),
		doc("talks vell envoy border troops kessel", ""),
		doc("ferry strike crews pay lannic union", ""),
		doc("ferry crews lannic sailings resumed", ""),
	}
	c := New(Options{Settle: 1, Threshold: 0.45})
	var moves []string
	for i, d := range docs {
		c.Add(d)
		for _, m := range c.Moves() {
			moves = append(moves, fmt.Sprintf("at %d: %v", i, m))
		}
	}
	if got, want := fmt.Sprint(c.Stories()), "[[0 2 3] [1 4 5]]"; got != want {
		t.Errorf("stories %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(moves), "[at 4: {0 0 2}]"; got != want {
		t.Errorf("moves %s, want %s", got, want)
	}
}
