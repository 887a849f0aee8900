package cluster

import (
	"cmp"
	"math"
	"slices"

	"tidings/internal/vec"
)

// centroid is the sum of a story's member vectors, kept as two parallel
// arrays: term ids ascending and their weights. A look-up is a binary
// search in a few kilobytes of contiguous ids, several times cheaper than
// a map's for the thousands of stories a candidate search scores, and an
// entry takes 12 bytes.
type centroid struct {
	ids []int32
	ws  []float64
}

// len returns the number of terms with an entry.
func (c *centroid) len() int { return len(c.ids) }

// at returns the weight of term id, 0 when it has none.
func (c *centroid) at(id int32) float64 {
	if i, ok := slices.BinarySearch(c.ids, id); ok {
		return c.ws[i]
	}
	return 0
}

// gallop returns where id is or would be in ids (ascending) and whether
// it is there, as slices.BinarySearch does, searching from the start in
// steps that double: the terms of an article come in id order, each
// mostly a few entries past the one before, so the search stays within
// a cache line or two rather than halving the whole of the array.
func gallop(ids []int32, id int32) (int, bool) {
	lo, step := 0, 1
	for lo+step < len(ids) && ids[lo+step] < id {
		lo += step
		step *= 2
	}
	hi := min(lo+step+1, len(ids))
	i, ok := slices.BinarySearch(ids[lo:hi], id)
	return lo + i, ok
}

// dot returns the dot product of v (ids ascending) with c, summed in v's
// order.
func (c *centroid) dot(v vec.Vector) float64 {
	ids := c.ids
	dot, j := 0.0, 0
	for _, e := range v {
		k, ok := gallop(ids[j:], e.ID)
		j += k
		if j == len(ids) {
			break
		}
		if ok {
			dot += e.W * c.ws[j]
		}
	}
	return dot
}

// scanFactor bounds where dotSpread scans a centroid rather than looking
// up each term of the vector in it: at most scanFactor entries of the
// centroid per entry of the vector.
const scanFactor = 24

// dotSpread returns what c.dot(v) returns, with the same products summed
// in the same (id) order, given v spread by spread into q: it scans c's
// ids in order and tests each in q's bit set (a bit per term id, a few
// kilobytes that stay in the nearest cache), reading v's weight of the
// few it holds, instead of searching c for each term of v: contiguous
// ids and no branch that mispredicts. A centroid far longer than v is
// searched as dot does.
func (c *centroid) dotSpread(v vec.Vector, q *spreadVec) float64 {
	if len(c.ids) > scanFactor*len(v) {
		return c.dot(v)
	}
	ws := c.ws[:len(c.ids)]
	bits, dense := q.bits, q.dense
	dot := 0.0
	for i, id := range c.ids {
		if int(id>>6) >= len(bits) {
			break // ids ascend: none of the rest is v's
		}
		if bits[id>>6]&(1<<(id&63)) != 0 {
			dot += dense[id] * ws[i]
		}
	}
	return dot
}

// spreadVec is an article vector spread over arrays by term id, for
// dotSpread: bits has the bit of each of its terms set, dense its weight.
// Both are all zero between searches.
type spreadVec struct {
	bits  []uint64
	dense []float64
}

// spread spreads v over c.spreadBuf, which it grows to cover v's ids,
// and returns it; unspread clears it again.
func (c *Clusterer) spread(v vec.Vector) *spreadVec {
	q := &c.spreadBuf
	if len(v) > 0 {
		if top := int(v[len(v)-1].ID); top >= len(q.dense) {
			n := max(1024, top+1, len(q.dense)+len(q.dense)/2)
			q.dense = append(q.dense, make([]float64, n-len(q.dense))...)
			q.bits = append(q.bits, make([]uint64, (n+63)/64-len(q.bits))...)
		}
	}
	for _, e := range v {
		q.dense[e.ID] = e.W
		q.bits[e.ID>>6] |= 1 << (e.ID & 63)
	}
	return q
}

// unspread clears what spread(v) wrote.
func (c *Clusterer) unspread(v vec.Vector) {
	q := &c.spreadBuf
	for _, e := range v {
		q.dense[e.ID] = 0
		q.bits[e.ID>>6] = 0
	}
}

// dotWithout returns the dot product of v (ids ascending) with c less
// v, and the squared norm of c less v given c's norm2, both as c.sub
// would leave them (when not emptied) and both summed in v's order; c
// does not change.
func (c *centroid) dotWithout(v vec.Vector, norm2 float64) (float64, float64) {
	dot, j := 0.0, 0
	for _, e := range v {
		k, ok := gallop(c.ids[j:], e.ID)
		j += k
		old := 0.0
		if ok {
			old = c.ws[j]
		}
		nw := old - e.W
		if math.Abs(nw) < 1e-12 {
			nw = 0
		}
		dot += e.W * nw
		norm2 += nw*nw - old*old
	}
	return dot, norm2
}

// dotCentroid returns the dot product of two centroids, summed in id
// order.
func (c *centroid) dotCentroid(o *centroid) float64 {
	a, b := c, o
	if a.len() > b.len() {
		a, b = b, a
	}
	dot, j := 0.0, 0
	for i, id := range a.ids {
		k, ok := gallop(b.ids[j:], id)
		j += k
		if j == len(b.ids) {
			break
		}
		if ok {
			dot += a.ws[i] * b.ws[j]
		}
	}
	return dot
}

// vector returns c's entries in id order (a copy).
func (c *centroid) vector() vec.Vector {
	v := make(vec.Vector, len(c.ids))
	for i, id := range c.ids {
		v[i] = vec.Entry{ID: id, W: c.ws[i]}
	}
	return v
}

// scratch holds the arrays a centroid update merges into before it
// copies them back, so that an update allocates nothing once the
// story's arrays are large enough.
type scratch struct {
	ids []int32
	ws  []float64
	pos []int32 // for add: where each new term goes, and its index in v
	at  []int32
}

// add adds v (ids ascending) to c and to *norm2 the change of c's
// squared norm, term by term in v's order: 2·old·w + w². It updates the
// weights c has in place, then merges the new terms in from the back, so
// that it allocates only when c's arrays must grow. Then it merges into
// buf's arrays instead and swaps them with c's, when they are large
// enough and no more than twice so (as update does); else it grows c's
// and keeps the larger of c's old arrays and buf's as buf: arrays pass
// from story to story rather than to the collector.
func (c *centroid) add(v vec.Vector, norm2 *float64, buf *scratch) {
	added, j := 0, 0
	pos, at := buf.pos[:0], buf.at[:0]
	for x, e := range v {
		k, ok := gallop(c.ids[j:], e.ID)
		j += k
		old := 0.0
		if ok {
			old = c.ws[j]
			c.ws[j] = old + e.W
			j++
		} else {
			added++
			pos, at = append(pos, int32(j)), append(at, int32(x))
		}
		*norm2 += 2*old*e.W + e.W*e.W
	}
	buf.pos, buf.at = pos, at
	if added == 0 {
		return
	}
	n := len(c.ids)
	if need := n + added; cap(c.ids) < need || cap(c.ws) < need {
		if fits(buf.ids, need) && fits(buf.ws, need) {
			ids, ws := buf.ids[:need], buf.ws[:need]
			i, w := 0, 0
			for _, e := range v {
				// The entries before e's term, in one copy, then e's
				// when new (an old one is copied with the next run).
				k, ok := gallop(c.ids[i:], e.ID)
				copy(ids[w:], c.ids[i:i+k])
				copy(ws[w:], c.ws[i:i+k])
				i, w = i+k, w+k
				if !ok {
					ids[w], ws[w] = e.ID, e.W
					w++
				}
			}
			copy(ids[w:], c.ids[i:])
			copy(ws[w:], c.ws[i:])
			c.ids, c.ws, buf.ids, buf.ws = ids, ws, c.ids[:0], c.ws[:0]
			return
		}
		// An array Grow is about to replace (it copies c's).
		if cap(c.ids) < need && cap(c.ids) > cap(buf.ids) {
			buf.ids = c.ids[:0]
		}
		if cap(c.ws) < need && cap(c.ws) > cap(buf.ws) {
			buf.ws = c.ws[:0]
		}
	}
	c.ids = slices.Grow(c.ids, added)[:n+added]
	c.ws = slices.Grow(c.ws, added)[:n+added]
	i, w := n, n+added // c.ids[:i] still to place, c.ids[w:] placed
	for q := len(pos) - 1; q >= 0; q-- {
		// The old terms above the new term's place, in one copy, then
		// the new term.
		p, e := int(pos[q]), v[at[q]]
		run := i - p
		copy(c.ids[w-run:w], c.ids[p:i])
		copy(c.ws[w-run:w], c.ws[p:i])
		i, w = p, w-run-1
		c.ids[w], c.ws[w] = e.ID, e.W
	}
}

// fits reports whether an array of capacity cap(a) may hold need entries
// of a centroid: enough of them, and no more than twice as many.
func fits[E any](a []E, need int) bool { return cap(a) >= need && cap(a) <= 2*need }

// sub takes v (ids ascending) out of c and adds to *norm2 the change of
// c's squared norm, term by term in v's order. A weight that falls within
// 1e-12 of zero, or every weight when empty is set, loses its entry.
func (c *centroid) sub(v vec.Vector, empty bool, norm2 *float64, buf *scratch) {
	c.update(v, buf, func(old, w float64) (float64, bool) {
		nw := old - w
		keep := !empty && math.Abs(nw) >= 1e-12
		if !keep {
			nw = 0
		}
		*norm2 += nw*nw - old*old
		return nw, keep
	})
}

// update merges v (ids ascending) into c: each term of v gets the weight
// f returns from its old one (0 when it had none) and its weight in v,
// and keeps an entry when f says so. f is called in v's order.
func (c *centroid) update(v vec.Vector, buf *scratch, f func(old, w float64) (float64, bool)) {
	if len(v) == 0 {
		return
	}
	ids, ws := buf.ids[:0], buf.ws[:0]
	i := 0
	for _, e := range v {
		// The entries before e's term, in one copy.
		k, found := gallop(c.ids[i:], e.ID)
		ids, ws = append(ids, c.ids[i:i+k]...), append(ws, c.ws[i:i+k]...)
		i += k
		old := 0.0
		if found {
			old = c.ws[i]
			i++
		}
		if nw, keep := f(old, e.W); keep {
			ids, ws = append(ids, e.ID), append(ws, nw)
		}
	}
	ids, ws = append(ids, c.ids[i:]...), append(ws, c.ws[i:]...)
	if cap(ids) <= 2*len(ids) {
		// The merged arrays become c's and c's the scratch: no copy,
		// and no allocation while the scratch is large enough. A
		// scratch more than twice too large is not handed to a small
		// story, so that an array holds at most twice its entries.
		c.ids, c.ws, buf.ids, buf.ws = ids, ws, c.ids[:0], c.ws[:0]
		return
	}
	c.ids, c.ws = append(c.ids[:0], ids...), append(c.ws[:0], ws...)
	buf.ids, buf.ws = ids, ws
}

// heavier orders centroid entries heaviest first, ties by id.
// It is cmp.Compare of the weights (reversed), then of the ids, with the
// weights' common cases first.
func heavier(a, b vec.Entry) int {
	if a.W != b.W {
		switch {
		case a.W > b.W:
			return -1
		case a.W < b.W:
			return 1
		}
		return cmp.Compare(b.W, a.W) // a NaN
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

// top returns the n heaviest entries of c, heaviest first, ties by id,
// in buf's array (or a larger one). It finds the weight of the n-th
// heaviest over a copy of the weights alone (in *wbuf's array), then
// takes the entries above it and, of those of that weight, the ones of
// the lowest ids: the same n entries as selecting over the entries, at
// a fraction of the cost.
func (c *centroid) top(n int, buf []vec.Entry, wbuf *[]float64) []vec.Entry {
	all := buf[:0]
	if n <= 0 {
		return all
	}
	if n < len(c.ids) {
		ws := append((*wbuf)[:0], c.ws...)
		*wbuf = ws
		if !slices.ContainsFunc(ws, math.IsNaN) {
			w := kthLargest(ws, n-1)
			ties := n
			for _, x := range c.ws {
				if x > w {
					ties--
				}
			}
			for i, x := range c.ws {
				if x > w || x == w && ties > 0 {
					if x == w {
						ties--
					}
					all = append(all, vec.Entry{ID: c.ids[i], W: x})
				}
			}
			slices.SortFunc(all, heavier)
			return all
		}
	}
	for i, id := range c.ids {
		all = append(all, vec.Entry{ID: id, W: c.ws[i]})
	}
	if n < len(all) {
		selectFirst(all, n)
		all = all[:n]
	}
	slices.SortFunc(all, heavier)
	return all
}

// kthLargest returns the weight at index k of ws (0 <= k < len(ws), no
// NaN) sorted heaviest first, reordering ws: Hoare's selection with the
// middle entry as pivot, as selectFirst.
func kthLargest(ws []float64, k int) float64 {
	lo, hi := 0, len(ws)-1
	for lo < hi {
		p := ws[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for ws[i] > p {
				i++
			}
			for ws[j] < p {
				j--
			}
			if i <= j {
				ws[i], ws[j] = ws[j], ws[i]
				i++
				j--
			}
		}
		// ws[lo..j] are at least p, ws[i..hi] at most p, and those
		// between equal it.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return ws[k]
		}
	}
	return ws[k]
}

// selectFirst reorders v so that its first n entries (0 < n < len(v))
// are the n heaviest (by heavier), in no particular order: Hoare's
// selection with the middle entry as pivot.
func selectFirst(v []vec.Entry, n int) {
	lo, hi := 0, len(v)-1
	for lo < hi {
		p := v[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for heavier(v[i], p) < 0 {
				i++
			}
			for heavier(v[j], p) > 0 {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		// v[lo..j] precede or equal p, v[i..hi] follow or equal it.
		switch {
		case n-1 <= j:
			hi = j
		case n-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// pairDots returns the dot products of the vectors of every pair of
// members (article numbers), row-major, 0 on the diagonal: each as
// vec.Dot sums it, over the shared terms in id order, with one vector
// spread over a dense array of term weights so that a product costs one
// look-up rather than a merge (a product with a term the other lacks
// adds 0, which leaves the sum as it is). Its arrays (4 bytes per term
// id, 12 per term of the members) are kept for the next call, and so is the array of products when it holds at
// most keepPairs of them: it is c's, and the next call overwrites it.
func (c *Clusterer) pairDots(members []int) []float64 {
	m := len(members)
	var sim []float64
	if cap(c.pairBuf) >= m*m {
		sim = c.pairBuf[:m*m]
		for i := range m {
			sim[i*m+i] = 0 // the rest is written below
		}
	} else {
		sim = make([]float64, m*m)
		if m*m <= keepPairs {
			c.pairBuf = sim
		}
	}
	// The terms of the members numbered from 0 as first met (local[id]
	// is one more than term id's number, 0 between calls), each member's
	// terms by their numbers in loc, so that the dense array is as long
	// as the members hold terms, not as the vocabulary: a few kilobytes
	// that stay in the nearest cache.
	local, loc, n := c.localOf, c.locBuf[:0], int32(0)
	for _, k := range members {
		for _, e := range c.vec(k) {
			for int(e.ID) >= len(local) {
				local = append(local, make([]int32, max(1024, len(local)/2))...)
			}
			if local[e.ID] == 0 {
				n++
				local[e.ID] = n
			}
			loc = append(loc, local[e.ID]-1)
		}
	}
	for _, k := range members {
		for _, e := range c.vec(k) {
			local[e.ID] = 0
		}
	}
	if int(n) > len(c.dense) {
		c.dense = make([]float64, n)
	}
	dense := c.dense
	from := 0 // of member i's terms in loc
	for i := range m {
		vi := c.vec(members[i])
		li := loc[from : from+len(vi)]
		for t, e := range vi {
			dense[li[t]] = e.W
		}
		at := from + len(vi)
		for j := i + 1; j < m; j++ {
			vj := c.vec(members[j])
			lj := loc[at : at+len(vj)]
			at += len(vj)
			d := 0.0
			for t, e := range vj {
				d += e.W * dense[lj[t]]
			}
			sim[i*m+j], sim[j*m+i] = d, d
		}
		for _, l := range li {
			dense[l] = 0
		}
		from += len(vi)
	}
	c.localOf, c.locBuf = local, loc
	return sim
}

// keepPairs is the most products pairDots keeps an array for, between
// calls: those of 256 articles, 512 KB.
const keepPairs = 256 * 256
