package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"tidings/internal/vec"
)

// TestGallop compares gallop with slices.BinarySearch on sorted arrays
// of many lengths, for ids below, between, on and above their entries.
func TestGallop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 70 {
		set := map[int32]bool{}
		for len(set) < n {
			set[int32(r.IntN(4*n+1))] = true
		}
		ids := make([]int32, 0, n)
		for id := range set {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for id := int32(-1); id <= int32(4*n+2); id++ {
			gi, gok := gallop(ids, id)
			bi, bok := slices.BinarySearch(ids, id)
			if gi != bi || gok != bok {
				t.Fatalf("gallop(%v, %d) = %d, %v; want %d, %v", ids, id, gi, gok, bi, bok)
			}
		}
	}
}

// TestCentroid adds and takes out random vectors and compares the
// centroid, its squared norm and its dot products with what a map of
// weights updated term by term gives, the way stories kept them before.
func TestCentroid(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	randVec := func() vec.Vector {
		var v vec.Vector
		for id := range int32(300) {
			if r.IntN(6) == 0 {
				v = append(v, vec.Entry{ID: id, W: r.Float64()})
			}
		}
		return v
	}
	var c centroid
	var buf scratch
	want := map[int32]float64{}
	norm2, wantNorm2 := 0.0, 0.0
	var in []vec.Vector
	for step := range 400 {
		if len(in) > 0 && r.IntN(3) == 0 {
			i := r.IntN(len(in))
			v := in[i]
			in = slices.Delete(in, i, i+1)
			empty := len(in) == 0
			c.sub(v, empty, &norm2, &buf)
			for _, e := range v {
				old := want[e.ID]
				nw := old - e.W
				if empty || math.Abs(nw) < 1e-12 {
					nw = 0
					delete(want, e.ID)
				} else {
					want[e.ID] = nw
				}
				wantNorm2 += nw*nw - old*old
			}
		} else {
			v := randVec()
			in = append(in, v)
			c.add(v, &norm2, &buf)
			for _, e := range v {
				old := want[e.ID]
				want[e.ID] = old + e.W
				wantNorm2 += 2*old*e.W + e.W*e.W
			}
		}
		if c.len() != len(want) || norm2 != wantNorm2 {
			t.Fatalf("step %d: %d terms, norm2 %v; want %d, %v", step, c.len(), norm2, len(want), wantNorm2)
		}
		for i, id := range c.ids {
			if i > 0 && id <= c.ids[i-1] || c.ws[i] != want[id] || c.at(id) != want[id] {
				t.Fatalf("step %d: term %d weight %v, want %v (ids ascending)", step, id, c.ws[i], want[id])
			}
		}
		q := randVec()
		dot := 0.0
		for _, e := range q {
			dot += e.W * want[e.ID]
		}
		if got := c.dot(q); got != dot {
			t.Fatalf("step %d: dot %v, want %v", step, got, dot)
		}
	}
}

// TestTop checks that top takes the n heaviest entries, ties by id, as a
// full sort does, with many ties and none, for every n.
func TestTop(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tests := []struct {
		name   string
		levels int // distinct weights, 0: any
	}{
		{"distinct weights", 0},
		{"many ties", 3},
		{"all tied", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c centroid
			for id := range int32(200) {
				if r.IntN(2) == 0 {
					continue
				}
				w := r.Float64()
				if tt.levels > 0 {
					w = float64(r.IntN(tt.levels))
				}
				c.ids, c.ws = append(c.ids, id), append(c.ws, w)
			}
			want := c.vector()
			slices.SortFunc(want, heavier)
			var wbuf []float64
			for n := range len(want) + 2 {
				got := c.top(n, nil, &wbuf)
				if w := want[:min(n, len(want))]; !slices.Equal(got, w) {
					t.Fatalf("top(%d) = %v, want %v", n, got, w)
				}
			}
		})
	}
}
