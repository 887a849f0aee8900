package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"

	"tidings/internal/vec"
	"tidings/news"
)

// regroupFloor is the least cosine between two stories' centroids for
// regroupAround to take the second in with the first.
const regroupFloor = 0.2

// regroupGrown regroups story s (regroupAround) once it holds
// 2*splitMinPart articles and then each time it has grown by a quarter
// since it was last regrouped, so that the cost per article stays
// bounded.
func (c *Clusterer) regroupGrown(s int) []Move {
	st := c.stories[s]
	m := len(st.members)
	if m < 2*splitMinPart {
		return nil // too small to split; settling moves its articles
	}
	if m >= st.tested+max(1, st.tested/4) {
		moves, _ := c.regroupAround(s)
		return moves
	}
	return nil
}

// regroupAround takes story s and the stories whose centroids are like
// its own (cosine regroupFloor or more, most similar first, up to
// splitMax articles in all), groups their articles afresh as Batch would
// (regroup), and moves the articles to match: each new group keeps the
// story that held most of its articles, unless an earlier group took
// it, else it starts a story. It returns the moves made and the number
// of articles regrouped.
//
// This is what makes the incremental answer depend little on the
// arrival order: whatever order the articles of a neighbourhood came
// in, they end up grouped as Batch groups them, in date order, settled,
// split and merged.
func (c *Clusterer) regroupAround(s int) ([]Move, int) {
	st := c.stories[s]
	if len(st.members) == 0 {
		return nil, 0
	}
	type cand struct {
		s   int
		sim float64
	}
	var cands []cand
	// The neighbours' cosines over the heaviest TopTerms terms of s's
	// centroid: a lower bound of the full cosine at a tenth of its cost
	// for a story of some size.
	top := c.centroidTop(st, TopTerms)
	me := c.nextStamp()
	c.marks[s].mark = me
	for _, e := range top[:min(len(top), probeTerms)] {
		id := e.ID
		for _, t32 := range c.postings(id) {
			t := int(t32)
			if c.marks[t].mark == me {
				continue
			}
			c.marks[t].mark = me
			if ot := c.stories[t]; len(ot.members) == 0 || c.apart(st, ot) {
				continue
			}
			if sim := c.partialCosine(top, st, c.stories[t]); sim >= regroupFloor {
				cands = append(cands, cand{t, sim})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if x := cmp.Compare(b.sim, a.sim); x != 0 {
			return x
		}
		return cmp.Compare(a.s, b.s)
	})
	near, total := []int{s}, len(st.members)
	for _, cd := range cands {
		if n := len(c.stories[cd.s].members); total+n <= splitMax {
			near = append(near, cd.s)
			total += n
		}
	}
	var members []int
	for _, t := range near {
		members = append(members, c.stories[t].members...)
	}
	var groups [][]int
	if len(near) > 1 || !c.staysWhole(members) {
		groups = c.regroup(members)
	}
	taken := map[int]bool{}
	var moves []Move
	for _, g := range groups {
		count := map[int]int{}
		for _, k := range g {
			count[c.of[k]]++
		}
		to, most := -1, 0
		for _, t := range near {
			if n := count[t]; n > most && !taken[t] {
				to, most = t, n
			}
		}
		if to < 0 {
			to = c.newStory()
		}
		taken[to] = true
		for _, k := range g {
			if from := c.of[k]; from != to {
				c.leave(k)
				c.of[k] = to
				c.join(to, k)
				moves = append(moves, Move{Article: k, From: from, To: to})
			}
		}
	}
	for _, t := range near {
		c.respan(t) // leave keeps a story's span
		if m := len(c.stories[t].members); m > 0 {
			c.stories[t].tested = m
		}
	}
	return moves, len(members)
}

// regroup groups members (article numbers) afresh as Batch does, with
// their stored vectors: placed in date order (undated last, ties by
// article number), settled, split and merged. It returns the groups as
// article numbers, each ascending, ordered by their first article.
func (c *Clusterer) regroup(members []int) [][]int {
	order := c.dateOrder(members)
	// The scratch space is c's, so that it is allocated once; so is the
	// array of term lists, which holds a nil list for each term again
	// afterwards.
	sub := &Clusterer{opts: c.opts, vecs: c.vecs, terms: c.terms, posts: c.subPosts, buf: c.buf, dense: c.dense, localOf: c.localOf, locBuf: c.locBuf,
		pairBuf: c.pairBuf, spreadBuf: c.spreadBuf}
	for _, k := range order {
		sub.placeVector(c.docVec[k], c.docProbe[k], c.dates[k], c.reports[k])
	}
	groups := sub.finish(order)
	for _, k := range order {
		for _, t := range c.probe(k) {
			sub.posts[t] = nil
		}
	}
	c.subPosts, c.buf, c.dense, c.pairBuf, c.spreadBuf = sub.posts, sub.buf, sub.dense, sub.pairBuf, sub.spreadBuf
	c.localOf, c.locBuf = sub.localOf, sub.locBuf
	return groups
}

// staysWhole reports whether regroup(members), members being all of one
// story's articles, would give them back as one group, by following the
// steps regroup takes as far as they decide it: placed in date order,
// each article after the first must join the story of those before it
// (a term list of the probe terms holds it, the time window or a reported
// day lets it in, the cosine beats the threshold, and untimedJoin when
// time cannot confirm). Then settling moves none (there is no other
// story), the split test must find fewer than two large parts that time
// does not join back (keepConcurrent), and merge
// has nothing to take in. When it reports false, regroup has to run.
// It computes the same centroid, cosines and split graph as regroup, in
// the same order, at a fraction of the cost of a fresh Clusterer.
func (c *Clusterer) staysWhole(members []int) bool {
	order := c.dateOrder(members)
	n := c.vocabLen()
	if len(c.probed) < n {
		c.probed = make([]bool, n+n/2)
		c.acc = make([]float64, n+n/2)
	}
	// The story's centroid over a dense array, its terms summed in the
	// order regroup's joins sum them; the probe terms met.
	seen, acc := c.probed, c.acc
	defer func() {
		for _, k := range order {
			for _, t := range c.probe(k) {
				seen[t] = false
			}
			for _, e := range c.vec(k) {
				acc[e.ID] = 0
			}
		}
	}()
	st := &story{} // its dates and norm
	for i, k := range order {
		v, d, rep := c.vec(k), c.dates[k], c.reports[k]
		if i > 0 {
			if !slices.ContainsFunc(c.probe(k), func(t int32) bool { return seen[t] }) {
				return false
			}
			if !c.inWindow(st, d) && !c.reportsOn(st, rep) {
				return false
			}
			sim := 0.0
			if st.norm2 > 0 {
				sim = vec.DotDense(v, acc) / math.Sqrt(st.norm2)
			}
			if untimed(d, st) && sim < untimedJoin || !(sim > c.opts.threshold()) {
				return false
			}
		}
		st.members = append(st.members, k)
		for _, e := range v {
			old := acc[e.ID]
			st.norm2 += 2*old*e.W + e.W*e.W
			acc[e.ID] = old + e.W
		}
		st.addDate(d)
		for _, t := range c.probe(k) {
			seen[t] = true
		}
	}
	if m := len(order); m < 2*splitMinPart || m > splitMax {
		return true
	}
	parts, sim := c.parts(order)
	var big [][]int
	for _, p := range parts {
		if len(p) >= splitMinPart {
			big = append(big, p)
		}
	}
	return len(c.keepConcurrent(order, big)) < 2 && c.undatedPart(order, sim) == nil
}

// vocabLen returns the number of term ids an article vector of c may
// hold.
func (c *Clusterer) vocabLen() int {
	if c.vocab == nil {
		return 0
	}
	return c.vocab.Len()
}

// dateOrder returns members in the order regroup places them: by date,
// undated last, ties by article number.
func (c *Clusterer) dateOrder(members []int) []int {
	order := slices.Clone(members)
	slices.SortFunc(order, func(a, b int) int {
		if x := news.CompareDates(c.dates[a], c.dates[b]); x != 0 {
			return x
		}
		return cmp.Compare(a, b)
	})
	return order
}

// centroidTop returns the n heaviest terms of st's centroid, heaviest
// first, ties by id.
func (c *Clusterer) centroidTop(st *story, n int) []vec.Entry {
	top := st.centroid.top(n, c.topBuf, &c.topW)
	c.topBuf = top[:0]
	return top
}

// partialCosine returns the cosine of the centroids of a and b counting
// only the terms top of a's centroid in the dot product.
func (c *Clusterer) partialCosine(top []vec.Entry, a, b *story) float64 {
	if a.norm2 <= 0 || b.norm2 <= 0 {
		return 0
	}
	dot := 0.0
	for _, e := range top {
		dot += e.W * b.centroid.at(e.ID)
	}
	return dot / math.Sqrt(a.norm2*b.norm2)
}

// apart reports whether no article of story a can join a group of
// articles of story b when they are grouped afresh together, nor the
// other way round, so that regrouping them together groups each as
// regrouping it alone would: both stories' articles are all dated, their
// spans lie more than Options.Window apart, neither reports a day
// within the other's window, and the days they report do not meet
// (see recallTogether). No join then crosses between them, nor a
// merge (spansMeet) or a settling move; undated articles or reported
// days could.
func (c *Clusterer) apart(a, b *story) bool {
	w := c.opts.window()
	if w < 0 || a.dated < len(a.members) || b.dated < len(b.members) || a.dated == 0 || b.dated == 0 {
		return false
	}
	if !b.first.After(a.last.Add(w)) && !b.last.Before(a.first.Add(-w)) {
		return false
	}
	return !reportsWithin(a, b, w) && !reportsWithin(b, a, w) && !recallSpansMeet(a, b, w)
}

// reportsWithin reports whether the span of days a's members report may
// meet the window of b's dated articles.
func reportsWithin(a, b *story, w time.Duration) bool {
	if a.repFirst.IsZero() {
		return false
	}
	return !a.repFirst.After(b.last.Add(w)) && !a.repLast.Before(b.first.Add(-w))
}

// widenReported widens st's span of reported days to take in rep.
func (st *story) widenReported(rep []time.Time) {
	for _, d := range rep {
		if d.IsZero() {
			continue
		}
		if st.repFirst.IsZero() || d.Before(st.repFirst) {
			st.repFirst = d
		}
		if st.repLast.IsZero() || d.After(st.repLast) {
			st.repLast = d
		}
	}
}
