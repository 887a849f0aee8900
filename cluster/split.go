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
// cosines of every pair, row-major, in an array that stays c's (the
// next call overwrites it).
func (c *Clusterer) parts(members []int) ([][]int, []float64) {
	m := len(members)
	sim := c.pairDots(members)
	// The graph: each member to its splitNeighbours nearest fellow
	// members (most similar first, ties to the earlier article), each
	// link once.
	near := make([]int32, m*splitNeighbours)
	nearN := make([]uint8, m)
	links := make([]link, 0, m*splitNeighbours)
	for i := range m {
		row := sim[i*m : i*m+m]
		top := near[i*splitNeighbours : i*splitNeighbours : (i+1)*splitNeighbours]
		for j, s := range row {
			if j == i || s < splitFloor {
				continue
			}
			if len(top) == splitNeighbours && s <= row[top[len(top)-1]] {
				continue // no better than the last kept, and later
			}
			if len(top) < splitNeighbours {
				top = append(top, 0)
			}
			// Insert j after the entries at least as similar.
			k := len(top) - 1
			for k > 0 && row[top[k-1]] < s {
				top[k] = top[k-1]
				k--
			}
			top[k] = int32(j)
		}
		nearN[i] = uint8(len(top))
		for _, j := range top {
			a, b := min(i, int(j)), max(i, int(j))
			if int(j) < i && slices.Contains(near[int(j)*splitNeighbours:int(j)*splitNeighbours+int(nearN[j])], int32(i)) {
				continue // j linked to i already
			}
			links = append(links, link{a: int32(a), b: int32(b), w: row[j]})
		}
	}
	return linked(m, links), sim
}

// link is an edge of the nearest-neighbour graph: nodes a < b and its
// weight.
type link struct {
	a, b int32
	w    float64
}

// linked groups the m nodes of a weighted graph (links, no pair twice)
// agglomeratively: it merges the two groups of the highest centroid
// cosine over the graph (the sum of the links between them over the root
// of the product of each group's own sum, every node linked to itself
// with weight 1) while that reaches splitLink; ties go to the lowest pair
// of group numbers, a group taking the number of its lowest node's first
// group. It returns the groups, each ascending, ordered by their first
// node.
func linked(m int, links []link) [][]int {
	self := make([]float64, m)
	dead := make([]bool, m)
	// The nodes of each group as a list from its lowest, which names it
	// (a group takes in only groups of higher numbers).
	next, tail := make([]int32, m), make([]int32, m)
	deg := make([]int32, m)
	for i := range m {
		self[i], next[i], tail[i] = 1, -1, int32(i)
	}
	for _, l := range links {
		deg[l.a]++
		deg[l.b]++
	}
	// group -> linked groups and the sums of their links, in one array
	// while they fit.
	out := make([][]edge, m)
	back := make([]edge, 2*len(links))
	off := int32(0)
	for i := range m {
		out[i] = back[off : off : off+deg[i]]
		off += deg[i]
	}
	for _, l := range links {
		out[l.a] = append(out[l.a], edge{l.b, l.w})
		out[l.b] = append(out[l.b], edge{l.a, l.w})
	}
	for {
		a, b, best := int32(-1), int32(-1), splitLink
		for g := range int32(m) {
			if dead[g] {
				continue
			}
			for _, e := range out[g] {
				h := e.to
				if h <= g {
					continue
				}
				s := e.w / math.Sqrt(self[g]*self[h])
				if s > best || (s == best && (g < a || (g == a && h < b))) {
					a, b, best = g, h, s
				}
			}
		}
		if a < 0 {
			break
		}
		// b joins a.
		ab, _ := edgeTo(out[a], b)
		self[a] += self[b] + 2*ab
		out[a] = dropEdge(out[a], b)
		for _, e := range out[b] {
			h := e.to
			if h == a {
				continue
			}
			out[a] = addEdge(out[a], h, e.w)
			out[h] = addEdge(dropEdge(out[h], b), a, e.w)
		}
		next[tail[a]], tail[a] = b, tail[b]
		dead[b], out[b] = true, nil
	}
	parts := make([][]int, 0, m)
	all := make([]int, 0, m)
	for g := range m {
		if dead[g] {
			continue
		}
		from := len(all)
		for k := int32(g); k >= 0; k = next[k] {
			all = append(all, int(k))
		}
		p := all[from:len(all):len(all)]
		slices.Sort(p)
		parts = append(parts, p)
	}
	return parts
}

// edge is a link of linked's graph of groups: the group at its other
// end and the sum of the links between the two.
type edge struct {
	to int32
	w  float64
}

// edgeTo returns the sum of the links of es to group h, and whether
// there is one.
func edgeTo(es []edge, h int32) (float64, bool) {
	for _, e := range es {
		if e.to == h {
			return e.w, true
		}
	}
	return 0, false
}

// addEdge adds w to the sum of es's link to group h, which it adds when
// there is none (its sum then w, as 0 + w).
func addEdge(es []edge, h int32, w float64) []edge {
	for i := range es {
		if es[i].to == h {
			es[i].w += w
			return es
		}
	}
	return append(es, edge{h, w})
}

// dropEdge removes the link of es to group h, if any; the order of the
// others may change.
func dropEdge(es []edge, h int32) []edge {
	for i := range es {
		if es[i].to == h {
			es[i] = es[len(es)-1]
			return es[:len(es)-1]
		}
	}
	return es
}

// newStory appends an empty story and returns its number.
func (c *Clusterer) newStory() int {
	c.stories = append(c.stories, &story{})
	c.scan = append(c.scan, scanEntry{})
	c.marks = append(c.marks, scanMark{mark: -1})
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
