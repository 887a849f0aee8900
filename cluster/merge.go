package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"

	"tidings/internal/vec"
)

// mergeFloor is the least cosine between two stories' centroids for the
// merge test to consider them; untimedMerge when one story has dated
// articles and the other none, so that time cannot confirm the merge
// (see untimedJoin). A story mostly of dated articles (more than half of
// them) never takes in, nor joins, a story without
// dates: its time is known, and the undated story's articles formed a
// story of their own rather than join it one by one, which is what the
// reports of another event of the same kind do (ECB+ dates one event of
// each topic and not the other: in its topic 9 the two stories' centroids
// meet at 0.70).
// When dates are few in both (text stamps on a handful of a topic's
// articles), content decides at untimedMerge.
const (
	mergeFloor   = 0.3
	untimedMerge = 0.6
)

// merge tests story s against the stories whose centroids are most like
// its own and whose times meet its own (timesMeet), most similar first, and takes into s each whose union with s
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
	me := c.nextStamp()
	for _, id := range c.centroidProbe(st) {
		for _, t32 := range c.postings(id) {
			t := int(t32)
			if t == s || c.marks[t].mark == me {
				continue
			}
			c.marks[t].mark = me
			ot := c.stories[t]
			if len(ot.members) == 0 {
				continue
			}
			meet := c.timesMeet(st, ot)
			if !meet && !recallSpansMeet(st, ot, c.opts.window()) {
				continue
			}
			floor := mergeFloor
			if (st.dated == 0) != (ot.dated == 0) {
				if mostlyDated(st) || mostlyDated(ot) {
					continue
				}
				floor = untimedMerge
			}
			if sim := c.centroidCosine(st, ot); sim >= floor && (meet || c.recallTogether(st, ot)) {
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

// mostlyDated reports whether more than half of st's members are dated.
func mostlyDated(st *story) bool { return 2*st.dated > len(st.members) }

// whole reports whether the largest group of the nearest-neighbour graph
// of a and b together holds at least half of each, groups that time says
// are one event (keepConcurrent) counted as one, as the split test would.
func (c *Clusterer) whole(a, b []int) bool {
	members := append(slices.Clone(a), b...)
	slices.Sort(members)
	inA := map[int]bool{}
	for _, k := range a {
		inA[k] = true
	}
	parts, _ := c.parts(members)
	parts = c.keepConcurrent(members, parts)
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

// timesMeet reports whether the times of two stories allow them to be
// one event: their dated articles lie within Options.Window of each
// other (spansMeet), or an article of one reports a day that lies within
// the window of the other's: a later report of that event, which
// recalls its day ("killed on Oct. 21, 2011" in a report of the trial).
func (c *Clusterer) timesMeet(a, b *story) bool {
	return c.spansMeet(a, b) || c.recalls(a, b) || c.recalls(b, a)
}

// recallTogether reports whether an article of a reports a day within
// Options.Window of a day an article of b reports: two later reports of
// one event (a plea in January and a verdict in September, both
// recalling the day of the killing) whose own dates lie far apart.
func (c *Clusterer) recallTogether(a, b *story) bool {
	w := c.opts.window()
	if w < 0 {
		return true
	}
	if len(a.members) > len(b.members) {
		a, b = b, a
	}
	var days []time.Time
	for _, k := range b.members {
		for _, d := range c.reports[k] {
			if !d.IsZero() {
				days = append(days, d)
			}
		}
	}
	slices.SortFunc(days, time.Time.Compare)
	for _, k := range a.members {
		for _, d := range c.reports[k] {
			if d.IsZero() {
				continue
			}
			// The first of b's days not before d-w: within the window when
			// it is not after d+w.
			i, _ := slices.BinarySearchFunc(days, d.Add(-w), time.Time.Compare)
			if i < len(days) && !days[i].After(d.Add(w)) {
				return true
			}
		}
	}
	return false
}

// recallSpansMeet reports whether the spans of days a's and b's members
// report meet within w: whether recallTogether could hold.
func recallSpansMeet(a, b *story, w time.Duration) bool {
	if a.repFirst.IsZero() || b.repFirst.IsZero() {
		return false
	}
	if w < 0 {
		return true
	}
	return !a.repFirst.After(b.repLast.Add(w)) && !a.repLast.Before(b.repFirst.Add(-w))
}

// recalls reports whether an article of a reports a day within the
// window of b's dated articles.
func (c *Clusterer) recalls(a, b *story) bool {
	if b.dated == 0 {
		return false
	}
	for _, k := range a.members {
		if c.reportsOn(b, c.reports[k]) {
			return true
		}
	}
	return false
}

// spansMeet reports whether a dated article of one story lies within
// Options.Window of a dated article of the other; a story without dates
// meets any.
func (c *Clusterer) spansMeet(a, b *story) bool {
	w := c.opts.window()
	if w < 0 || a.dated == 0 || b.dated == 0 {
		return true
	}
	if b.last.Before(a.first.Add(-w)) || b.first.After(a.last.Add(w)) {
		return false
	}
	if a.last.Sub(a.first) <= 2*w && b.last.Sub(b.first) <= 2*w {
		return true // neither has a gap the other could fall into
	}
	// As inWindow: a dated article of one within the window of one of
	// the other's.
	if len(a.members) > len(b.members) {
		a, b = b, a
	}
	for _, k := range a.members {
		if d := c.dates[k]; !d.IsZero() && c.inWindow(b, d) {
			return true
		}
	}
	return false
}
