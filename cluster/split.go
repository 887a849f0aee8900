package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Bounds of the split test. A story's members are linked each to its
// splitNeighbours most similar fellow members (cosine at least
// splitFloor); the story splits along the parts this graph leaves
// unconnected when at least two of them hold splitMinPart articles.
// Stories larger than splitMax are not tested, which bounds the test's
// cost (it compares every pair of members).
const (
	splitNeighbours = 3
	splitFloor      = 0.05
	splitMinPart    = 4
	splitLink       = 0.04
	splitMax        = 1000
)

// split tests story s and, when its members fall apart into two or more
// parts of splitMinPart articles or more, keeps the part holding its
// earliest article and moves each other part to a new story. Smaller
// parts join the large part they are most similar to on average. When
// the graph keeps the story whole, its undated members may still be a
// part of their own (undatedPart). It returns the moves made, by article
// number, in order.
func (c *Clusterer) split(s int) []Move {
	st := c.stories[s]
	m := len(st.members)
	if m < 2*splitMinPart || m > splitMax {
		return nil
	}
	members := slices.Clone(st.members)
	slices.Sort(members)
	parts, sim := c.parts(members)
	var big, small [][]int // indices into members
	for _, p := range parts {
		if len(p) >= splitMinPart {
			big = append(big, p)
		} else {
			small = append(small, p)
		}
	}
	big = c.keepConcurrent(members, big)
	if len(big) < 2 {
		u := c.undatedPart(members, sim)
		if u == nil {
			return nil
		}
		var rest []int
		for i := range members {
			if !slices.Contains(u, i) {
				rest = append(rest, i)
			}
		}
		big, small = [][]int{u, rest}, nil
	}
	for _, p := range small {
		best, bestSim := 0, -1.0
		for b, q := range big {
			sum := 0.0
			for _, i := range p {
				for _, j := range q {
					sum += sim[i*m+j]
				}
			}
			if avg := sum / float64(len(q)); avg > bestSim {
				best, bestSim = b, avg
			}
		}
		big[best] = append(big[best], p...)
	}
	// The part with the earliest article keeps the story.
	for _, p := range big {
		slices.Sort(p)
	}
	slices.SortFunc(big, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	var moves []Move
	for _, p := range big[1:] {
		to := c.newStory()
		for _, i := range p {
			k := members[i]
			c.leave(k)
			c.of[k] = to
			c.join(to, k)
			moves = append(moves, Move{Article: k, From: s, To: to})
		}
	}
	c.respan(s)
	return moves
}

// undatedPart returns the undated members of a story (indices into
// members; sim holds the cosines of every pair, row-major) when they are
// a part of their own: at least splitMinPart of them beside at least
// splitMinPart dated ones, and on average more like each other than like
// the dated ones. Reports of one event that some pages leave undated are
// as like the dated reports as each other; the reports of another event
// of the same kind, from a source that gives no dates, are more like
// each other. Else it returns nil.
func (c *Clusterer) undatedPart(members []int, sim []float64) []int {
	m := len(members)
	var u, d []int
	for i, k := range members {
		if c.dates[k].IsZero() {
			u = append(u, i)
		} else {
			d = append(d, i)
		}
	}
	if len(u) < splitMinPart || len(d) < splitMinPart {
		return nil
	}
	// Sums over u of each member's mean cosine to the other undated
	// members and to the dated ones.
	own, other := 0.0, 0.0
	for _, i := range u {
		so, sd := 0.0, 0.0
		for _, j := range u {
			if j != i {
				so += sim[i*m+j]
			}
		}
		for _, j := range d {
			sd += sim[i*m+j]
		}
		own += so / float64(len(u)-1)
		other += sd / float64(len(d))
	}
	if own <= other {
		return nil
	}
	return u
}

// keepConcurrent joins back the parts (indices into members) that time
// says are one event: parts whose articles are mostly dated (half or
// more) and whose dated articles lie within Options.Window of each
// other. Two events of one kind are told apart by when they happened;
// reports of the same days that fall into two groups of wording (one
// outlet's copy and another's) are the same event. A part mostly
// undated is kept apart: time cannot confirm it.
func (c *Clusterer) keepConcurrent(members []int, parts [][]int) [][]int {
	spans := make([]*story, len(parts))
	for i, p := range parts {
		st := &story{} // its members for spansMeet, its span
		for _, j := range p {
			st.members = append(st.members, members[j])
			st.addDate(c.dates[members[j]])
		}
		if 2*st.dated >= len(p) {
			spans[i] = st
		}
	}
	for i := 0; i < len(parts); i++ {
		for j := i + 1; j < len(parts); j++ {
			if spans[i] == nil || spans[j] == nil || !c.spansMeet(spans[i], spans[j]) {
				continue
			}
			parts[i] = append(parts[i], parts[j]...)
			spans[i].members = append(spans[i].members, spans[j].members...)
			for _, d := range parts[j] {
				spans[i].addDate(c.dates[members[d]])
			}
			parts = slices.Delete(parts, j, j+1)
			spans = slices.Delete(spans, j, j+1)
			j = i // parts[i] has grown: test the others again
		}
	}
	return parts
}

// parts returns the connected parts of the nearest-neighbour graph of
// members (article numbers, ascending), each as indices into members in
// ascending order, the parts ordered by their first index; and the
// cosines of every pair, row-major.
func (c *Clusterer) parts(members []int) ([][]int, []float64) {
	m := len(members)
	sim := c.pairDots(members)
	// The graph: each member to its nearest fellow members.
	link := map[[2]int]float64{}
	near := make([]int, 0, m)
	for i := range m {
		near = near[:0]
		for j := range m {
			if j != i && sim[i*m+j] >= splitFloor {
				near = append(near, j)
			}
		}
		// Most similar first, ties to the earlier article.
		slices.SortFunc(near, func(a, b int) int {
			if c := cmp.Compare(sim[i*m+b], sim[i*m+a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, j := range near[:min(len(near), splitNeighbours)] {
			link[[2]int{min(i, j), max(i, j)}] = sim[i*m+j]
		}
	}
	return linked(m, link), sim
}

// linked groups the m nodes of a weighted graph agglomeratively: it
// merges the two groups of the highest centroid cosine over the graph
// (the sum of the links between them over the root of the product of
// each group's own sum, every node linked to itself with weight 1)
// while that reaches splitLink. It returns the groups, each ascending,
// ordered by their first node.
func linked(m int, link map[[2]int]float64) [][]int {
	group := make([][]int, m)
	self := make([]float64, m)
	out := make([]map[int]float64, m) // group -> linked group -> sum
	for i := range m {
		group[i] = []int{i}
		self[i] = 1
		out[i] = map[int]float64{}
	}
	for e, w := range link {
		out[e[0]][e[1]] += w
		out[e[1]][e[0]] += w
	}
	for {
		a, b, best := -1, -1, splitLink
		for g := range m {
			if group[g] == nil {
				continue
			}
			for h, w := range out[g] {
				if h <= g {
					continue
				}
				s := w / math.Sqrt(self[g]*self[h])
				if s > best || (s == best && (g < a || (g == a && h < b))) {
					a, b, best = g, h, s
				}
			}
		}
		if a < 0 {
			break
		}
		// b joins a.
		self[a] += self[b] + 2*out[a][b]
		delete(out[a], b)
		delete(out[b], a)
		for h, w := range out[b] {
			out[a][h] += w
			out[h][a] += w
			delete(out[h], b)
		}
		group[a] = append(group[a], group[b]...)
		group[b], out[b] = nil, nil
	}
	var parts [][]int
	for _, g := range group {
		if g != nil {
			slices.Sort(g)
			parts = append(parts, g)
		}
	}
	slices.SortFunc(parts, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return parts
}

// newStory appends an empty story and returns its number.
func (c *Clusterer) newStory() int {
	c.stories = append(c.stories, &story{})
	c.scan = append(c.scan, scanEntry{mark: -1})
	return len(c.stories) - 1
}

// respan recomputes the time span of story s from its members.
func (c *Clusterer) respan(s int) {
	st := c.stories[s]
	st.dated = 0
	for _, k := range st.members {
		st.addDate(c.dates[k])
	}
	c.sync(s)
}

// addDate widens st's time span to take in d, unless d is zero.
func (st *story) addDate(d time.Time) {
	if d.IsZero() {
		return
	}
	if st.dated == 0 || d.Before(st.first) {
		st.first = d
	}
	if st.dated == 0 || d.After(st.last) {
		st.last = d
	}
	st.dated++
}
