package server

import (
	"slices"
	"testing"

	"tidings/internal/jobs"
)

// heldPlacer returns a placer holding n articles, ids 10, 12, 14, ...,
// each placed in story 100 + its number mod 7.
func heldPlacer(n int) *placer {
	p := &placer{pending: map[int]bool{}}
	for i := range int64(n) {
		p.ids = append(p.ids, 10+2*i)
		p.at = append(p.at, 100+i%7)
		p.copyAt = append(p.copyAt, 0)
	}
	return p
}

// TestPlacedAfter checks what the leader tells of its placements: the
// articles after the given id whose placement the store has (not those
// pending, nor those without a story), in id order, and at most the last
// maxTellPlaced of them.
func TestPlacedAfter(t *testing.T) {
	p := heldPlacer(6)  // ids 10 to 20
	p.at[1] = 0         // id 12: not placed yet
	p.pending[2] = true // id 14: its placement not written
	p.copyAt[3] = 10    // id 16: a copy of 10
	tests := []struct {
		after int64
		want  []jobs.Placement
	}{
		{11, []jobs.Placement{{Article: 16, Story: 103, CopyOf: 10}, {Article: 18, Story: 104}, {Article: 20, Story: 105}}},
		{0, []jobs.Placement{{Article: 10, Story: 100}, {Article: 16, Story: 103, CopyOf: 10}, {Article: 18, Story: 104}, {Article: 20, Story: 105}}},
		{18, []jobs.Placement{{Article: 20, Story: 105}}},
		{20, nil},
	}
	for _, tc := range tests {
		if got := p.placedAfter(tc.after); !slices.Equal(got, tc.want) {
			t.Errorf("placedAfter(%d) = %v, want %v", tc.after, got, tc.want)
		}
	}
	// From the start of more than the bound: the latest only.
	p = heldPlacer(maxTellPlaced + 50)
	got := p.placedAfter(0)
	last := p.ids[len(p.ids)-1]
	if len(got) != maxTellPlaced || got[len(got)-1].Article != last || got[0].Article != p.ids[50] {
		t.Errorf("placedAfter(0) of %d: %d placements, %v to %v; want the last %d", len(p.ids), len(got), got[0], got[len(got)-1], maxTellPlaced)
	}
}
