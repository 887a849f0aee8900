package clean

import (
	"math"
	"slices"
	"testing"
)

// TestBlockLabels checks the trainer's labels and weights of blocks
// under each -weight-mode on a page of four segments.
func TestBlockLabels(t *testing.T) {
	blocks := []Block{
		{Kind: Body, Text: "The council voted on Tuesday. It passed."}, // two with-segments
		{Kind: Body, Text: "Subscribe to our newsletter now"},          // one without
		{Kind: Body, Text: "Mixed block: the mayor spoke. Share this"}, // one of each
		{Kind: Caption, Text: "Photo: the council"},                    // not decided
		{Kind: Body, Text: "Nothing gold here at all, nothing"},        // no segment
		{Kind: Body, Rule: "after-main", Text: "It passed."},           // decided by the model, shares a segment
	}
	with := []string{"The council voted on Tuesday.", "It passed.", "the mayor spoke."}
	without := []string{"Subscribe to our newsletter", "Share this"}
	for _, tc := range []struct {
		mode          string
		pow           float64
		label, weight []float64
	}{
		{"", 1, []float64{1, 0, 0, 0, 0, 1}, []float64{2, 1, 0, 0, 0, 1}},
		{"", 0, []float64{1, 0, 0, 0, 0, 1}, []float64{1, 1, 0, 0, 0, 1}},
		{"plus1", 1, []float64{1, 0, 0, 0, 0, 1}, []float64{3, 2, 0, 0, 0, 2}},
		// "It passed." is held by blocks 0 and 5: half a segment each.
		{"share", 1, []float64{1, 0, 0, 0, 0, 1}, []float64{1.5, 1, 0, 0, 0, 0.5}},
		{"mixed", 1, []float64{1, 0, 0.5, 0, 0, 1}, []float64{2, 1, 2, 0, 0, 1}},
	} {
		label, weight := blockLabels(blocks, with, without, tc.mode, tc.pow)
		if !slices.Equal(label, tc.label) || !slices.Equal(weight, tc.weight) {
			t.Errorf("mode %q pow %v: labels %v weights %v, want %v %v", tc.mode, tc.pow, label, weight, tc.label, tc.weight)
		}
	}
}

// TestBoostBag checks that a bag of boosted models, and meanModel of
// its members, score the mean of the members' scores, each member
// trained alone with its seed.
func TestBoostBag(t *testing.T) {
	const nf, n = 3, 400
	page := trainPage{blocks: make([]Block, n), label: make([]float64, n), weight: make([]float64, n)}
	rows := make([]float64, n*nf)
	for i := range n {
		a, b, c := float64(i%17), float64(i%5), float64((i*7)%11)
		copy(rows[i*nf:], []float64{a, b, c})
		if a+2*b > 12+c/3 {
			page.label[i] = 1
		}
		page.weight[i] = 1 + float64(i%3)
	}
	o := boostOptions{trees: 20, depth: 3, minLeaf: 5, rate: 0.2, lambda: 1, bins: 8, subsample: 0.7, colsample: 0.7}
	train := func(seed uint64, bag int) *treeModel {
		oldSeed, oldBag := *boostSeed, *boostBag
		*boostSeed, *boostBag = seed, bag
		defer func() { *boostSeed, *boostBag = oldSeed, oldBag }()
		return trainBoost([]trainPage{page}, [][]float64{rows}, nf, o)
	}
	for _, tc := range []struct {
		seed uint64
		bag  int
	}{{1, 1}, {1, 3}, {5, 2}} {
		bagged := train(tc.seed, tc.bag)
		var members []*treeModel
		for j := range tc.bag {
			members = append(members, train(tc.seed+7919*uint64(j), 1))
		}
		if len(bagged.trees) != tc.bag*o.trees {
			t.Errorf("seed %d bag %d: %d trees, want %d", tc.seed, tc.bag, len(bagged.trees), tc.bag*o.trees)
		}
		for i := range n {
			f := rows[i*nf : (i+1)*nf]
			mean := 0.0
			for _, m := range members {
				mean += m.score(f) / float64(tc.bag)
			}
			if got := bagged.score(f); math.Abs(got-mean) > 1e-5 {
				t.Fatalf("seed %d bag %d block %d: score %v, members' mean %v", tc.seed, tc.bag, i, got, mean)
			}
			if got := meanModel(members).score(f); math.Abs(got-mean) > 1e-5 {
				t.Fatalf("seed %d bag %d block %d: meanModel scores %v, members' mean %v", tc.seed, tc.bag, i, got, mean)
			}
		}
	}
}
