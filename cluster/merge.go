package cluster

import (
	"cmp"
	"math"
	"slices"

	"tidings/internal/vec"
)

// mergeFloor is the least cosine between two stories' centroids for the
// merge test to consider them; untimedMerge when one story has dated
// articles and the other none, so that time cannot confirm the merge
// (see untimedJoin).
const (
	mergeFloor   = 0.3
	untimedMerge = 0.6
)

// merge tests story s against the stories whose centroids are most like
// its own, most similar first, and takes into s each whose union with s
// the split test would keep whole: the largest group of the union's
// nearest-neighbour graph holds at least half of each. It returns the
// moves made.
func (c *Clusterer) merge(s int) []Move {
	st := c.stories[s]
	if len(st.members) == 0 {
		return nil
	}
	type cand struct {
		s   int
		sim float64
	}
	var cands []cand
	c.stamp++
	me := c.stamp
	for _, id := range c.centroidProbe(st) {
		for _, t32 := range c.posts[id] {
			t := int(t32)
			if t == s || c.mark[t] == me {
				continue
			}
			c.mark[t] = me
			ot := c.stories[t]
			if len(ot.members) == 0 || !c.spansMeet(st, ot) {
				continue
			}
			floor := mergeFloor
			if (st.dated == 0) != (ot.dated == 0) {
				floor = untimedMerge
			}
			if sim := c.centroidCosine(st, ot); sim >= floor {
				cands = append(cands, cand{t, sim})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		return cmp.Compare(a.s, b.s)
	})
	var moves []Move
	for _, cd := range cands {
		ot := c.stories[cd.s]
		if len(ot.members) == 0 || len(st.members)+len(ot.members) > splitMax || !c.whole(st.members, ot.members) {
			continue
		}
		for _, k := range slices.Clone(ot.members) {
			c.leave(k)
			c.of[k] = s
			c.join(s, k)
			moves = append(moves, Move{Article: k, From: cd.s, To: s})
		}
	}
	return moves
}

// whole reports whether the largest group of the nearest-neighbour graph
// of a and b together holds at least half of each.
func (c *Clusterer) whole(a, b []int) bool {
	members := append(slices.Clone(a), b...)
	slices.Sort(members)
	inA := map[int]bool{}
	for _, k := range a {
		inA[k] = true
	}
	parts, _ := c.parts(members)
	big := slices.MaxFunc(parts, func(x, y []int) int { return cmp.Compare(len(x), len(y)) })
	na := 0
	for _, i := range big {
		if inA[members[i]] {
			na++
		}
	}
	nb := len(big) - na
	return 2*na >= len(a) && 2*nb >= len(b)
}

// centroidProbe returns the ids of the probeTerms heaviest terms of st's
// centroid, heaviest first, ties by id.
func (c *Clusterer) centroidProbe(st *story) []int32 {
	top := make([]vec.Entry, 0, probeTerms+1)
	heavier := func(a, b vec.Entry) bool { return a.W > b.W || (a.W == b.W && a.ID < b.ID) }
	for i, id := range st.centroid.ids {
		e := vec.Entry{ID: id, W: st.centroid.ws[i]}
		if len(top) == probeTerms && !heavier(e, top[len(top)-1]) {
			continue
		}
		i := len(top)
		for i > 0 && heavier(e, top[i-1]) {
			i--
		}
		top = slices.Insert(top, i, e)
		if len(top) > probeTerms {
			top = top[:probeTerms]
		}
	}
	ids := make([]int32, len(top))
	for i, e := range top {
		ids[i] = e.ID
	}
	return ids
}

// centroidCosine returns the cosine of two stories' centroids.
func (c *Clusterer) centroidCosine(a, b *story) float64 {
	if a.norm2 <= 0 || b.norm2 <= 0 {
		return 0
	}
	return a.centroid.dotCentroid(&b.centroid) / math.Sqrt(a.norm2*b.norm2)
}

// spansMeet reports whether the dated articles of two stories lie within
// Options.Window of each other; a story without dates meets any.
func (c *Clusterer) spansMeet(a, b *story) bool {
	w := c.opts.window()
	if w < 0 || a.dated == 0 || b.dated == 0 {
		return true
	}
	return !b.last.Before(a.first.Add(-w)) && !b.first.After(a.last.Add(w))
}
