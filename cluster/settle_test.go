package cluster

import (
	"fmt"
	"slices"
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

// TestPassMovesALoneArticle: a report of talks comes first and matches
// no story; the talks story forms from the next reports, which each match
// it too little alone (as in TestLateChanceForALoneArticle). With its
// first chance to move 100 articles on, it is the pass Add makes once 64
// articles are in that takes it there.
func TestPassMovesALoneArticle(t *testing.T) {
	c := New(Options{Settle: 100, Threshold: 0.45})
	var moves []Move
	for i := range passFirst {
		var d Doc
		switch i {
		case 0:
			d = doc("geneva talks ministers ceasefire vell envoy", "")
		case 1:
			d = doc("ferry strike crews pay lannic islands sailings", "")
		case 2:
			d = doc("geneva ministers ceasefire border troops kessel", "")
		case 3:
			d = doc("talks vell envoy border troops kessel", "")
		default:
			d = doc(fmt.Sprintf("filler%d notice%d item%d", i, i, i), "")
		}
		c.Add(d)
		moves = append(moves, c.Moves()...)
		if i == passFirst-2 && c.of[0] == c.of[2] {
			t.Fatalf("article 0 joined the talks story before the pass; moves %v", moves)
		}
	}
	if c.of[0] != c.of[2] || c.of[3] != c.of[2] {
		t.Errorf("stories of 0, 2, 3: %d %d %d; want one", c.of[0], c.of[2], c.of[3])
	}
	if !slices.Contains(moves, Move{Article: 0, From: 0, To: c.of[2]}) {
		t.Errorf("moves %v do not take article 0 to story %d", moves, c.of[2])
	}
}
