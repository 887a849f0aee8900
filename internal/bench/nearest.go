package bench

import (
	"cmp"
	"math"
	"slices"

	"tidings/cluster"
	"tidings/internal/vec"
)

// idVectors returns the vectors of docs as [cluster.Batch] weighs them,
// with term ids in order of first appearance.
func idVectors(docs []cluster.Doc) []vec.Vector {
	vocab := vec.NewVocab()
	ws := cluster.Vectors(docs, cluster.Options{})
	vs := make([]vec.Vector, len(ws))
	for i, w := range ws {
		v := make(vec.Vector, len(w))
		for j, e := range w {
			v[j] = vec.Entry{ID: vocab.ID(e.Term), W: e.W}
		}
		vs[i] = v // in cluster.Vectors' order, not by id
	}
	return vs
}

// Nearest returns, for each of docs, the other article most similar to
// it under [cluster.Batch]'s weighting (the cosine of their vectors, ties
// to the earlier article), or -1 when it shares no term with any. It is a
// measure of the vectors rather than of the clustering: where an
// article's nearest neighbour belongs to another true story, no
// clustering over these vectors can be right about both. Its cost grows
// with the squared lengths of the terms' posting lists, so it is meant
// for evaluation piles, not for production.
func Nearest(docs []cluster.Doc) []int {
	type posting struct {
		doc int
		w   float64
	}
	vs := idVectors(docs)
	posts := map[int32][]posting{}
	for i, v := range vs {
		for _, e := range v {
			posts[e.ID] = append(posts[e.ID], posting{i, e.W})
		}
	}
	near := make([]int, len(docs))
	dot := make([]float64, len(docs))
	var touched []int
	for i, v := range vs {
		touched = touched[:0]
		for _, e := range v {
			for _, p := range posts[e.ID] {
				if p.doc == i {
					continue
				}
				if dot[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				dot[p.doc] += e.W * p.w
			}
		}
		best, bestDot := -1, 0.0
		for _, j := range touched {
			if dot[j] > bestDot || (dot[j] == bestDot && j < best) {
				best, bestDot = j, dot[j]
			}
			dot[j] = 0
		}
		near[i] = best
	}
	return near
}

// Reassign starts from groups (a partition of docs, as indices) and
// moves every article at once to the group whose centroid, under
// [cluster.Batch]'s weighting and without the article itself, is most
// similar to it; it returns the groups that result, ordered as Batch's.
// Given the true grouping it measures how far the vectors hold it: the
// articles it moves are nearer another true group than their own, so no
// centroid clustering of these vectors keeps them where they belong.
// Threshold and window do not apply. An article alone in its group stays
// unless another group shares a term with it.
func Reassign(docs []cluster.Doc, groups [][]int) [][]int {
	type centroid struct {
		sum   map[int32]float64 // sum of member vectors
		norm2 float64           // its squared norm
	}
	vs := idVectors(docs)
	of := make([]int, len(docs))
	cents := make([]*centroid, len(groups))
	for g, members := range groups {
		st := &centroid{sum: map[int32]float64{}}
		for _, i := range members {
			of[i] = g
			for _, e := range vs[i] {
				st.sum[e.ID] += e.W
			}
		}
		for _, w := range st.sum {
			st.norm2 += w * w
		}
		cents[g] = st
	}
	moved := make([][]int, len(groups))
	for i, v := range vs {
		best, bestSim := of[i], 0.0
		for g, st := range cents {
			dot, norm2 := 0.0, st.norm2
			for _, e := range v {
				dot += e.W * st.sum[e.ID]
			}
			if g == of[i] { // the centroid without v, a unit vector
				dot, norm2 = dot-1, norm2-2*dot+1
			}
			if norm2 <= 1e-12 || dot <= 0 {
				continue
			}
			if sim := dot / math.Sqrt(norm2); sim > bestSim || (sim == bestSim && g < best) {
				best, bestSim = g, sim
			}
		}
		moved[best] = append(moved[best], i)
	}
	var out [][]int
	for _, m := range moved {
		if len(m) > 0 {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}
