package summarize

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"tidings/news"
	"tidings/segment"
)

// TestKeepBest checks that a cover over the cap keeps its items of most
// value, in their order.
func TestKeepBest(t *testing.T) {
	t.Parallel()
	p := &coverProblem{
		weight: []float64{1, 5, 3, 5},
		items:  [][]int32{{0}, {1}, {2}, {3}, {0, 2}},
		cost:   []int{1, 2, 3, 4, 5},
		bonus:  []float64{0, 0, 0, 0, 0.5},
	}
	index := []int{10, 11, 12, 13, 14}
	// Values 1, 5, 3, 5, 4.5: the best three are items 1, 3 (tied, in
	// order) and 4.
	got := p.keepBest(index, 3)
	if want := []int{11, 13, 14}; !slices.Equal(got, want) || !slices.Equal(p.cost, []int{2, 4, 5}) || p.bonus[2] != 0.5 {
		t.Errorf("keepBest(3) = %v, costs %v, bonus %v; want %v, [2 4 5], [0 0 0.5]", got, p.cost, p.bonus, want)
	}
	if got := p.keepBest(got, 3); len(got) != 3 {
		t.Errorf("keepBest at the cap changed the items: %v", got)
	}
}

// TestCoverBounded checks that a story of near-identical sentences, more
// than the cap, weighs at most maxCoverCandidates of them and their
// repeated pairs, and that its memory stays bounded (issue 18 row 2:
// 26,000 such sentences took 9 GB, for the ILP's pairs of each pair).
func TestCoverBounded(t *testing.T) {
	const n = maxCoverCandidates + 1500
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "The minister said on Monday that repairs to bridge %d would begin next week. ", i)
	}
	arts := []news.Article{{ID: "a", Text: b.String()}}
	segment.Article(&arts[0])
	cands := candidates(arts, true)
	if len(cands) != n {
		t.Fatalf("%d candidates, want %d", len(cands), n)
	}
	sp := newSpace(arts)
	cs := newConcepts(newWords(arts), arts, cands, nil)
	p, index := newCoverProblem(cands, cs, sp, Options{})
	pairs := 0
	for k := range p.items {
		pairs += len(p.conflictsOf(k))
	}
	pairs /= 2
	if len(index) != maxCoverCandidates || len(p.items) != len(index) || pairs > maxCoverCandidates*(maxCoverCandidates-1)/2 {
		t.Errorf("cover over %d candidates: %d items, %d pairs; want %d items, at most %d pairs",
			n, len(index), pairs, maxCoverCandidates, maxCoverCandidates*(maxCoverCandidates-1)/2)
	}
	// The whole summary: what it allocates stays far below what the pairs
	// of all n candidates would take (n² ints: 447 MB without the cap, 132 MB with it).
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, err := ILP(context.Background(), arts, Options{})
	runtime.ReadMemStats(&after)
	if err != nil || len(s.Sentences) == 0 {
		t.Fatalf("ILP = %d sentences, %v", len(s.Sentences), err)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 200 {
		t.Errorf("ILP over %d near-identical sentences allocated %d MB, want at most 200 (447 without the cap)", n, mb)
	}
}
