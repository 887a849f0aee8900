package cluster

import (
	"slices"
	"testing"
)

// TestArena: arrays of any length up to firstChunk keep their contents
// as more are added (across chunks), and appending to one copies it.
func TestArena(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int
	}{
		{"empty arrays", []int{0, 0, 3, 0}},
		{"fills the first chunk exactly", []int{firstChunk / 2, firstChunk / 2, 1}},
		{"one past the first chunk", []int{firstChunk - 1, 2, 5}},
		{"many short ones across chunks", slices.Repeat([]int{100, 12, 37}, 3000)},
		{"the longest", []int{firstChunk, firstChunk, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a arena[int32]
			var spans []span
			next := int32(1)
			for _, n := range tc.sizes {
				v, s := a.alloc(n)
				if len(v) != n || cap(v) != n {
					t.Fatalf("alloc(%d) = array of len %d cap %d", n, len(v), cap(v))
				}
				for i := range v {
					v[i] = next
					next++
				}
				spans = append(spans, s)
			}
			next = 1
			for i, s := range spans {
				v := a.at(s)
				if len(v) != tc.sizes[i] || cap(v) != len(v) {
					t.Fatalf("at(span %d) = len %d cap %d, want %d", i, len(v), cap(v), tc.sizes[i])
				}
				for _, x := range v {
					if x != next {
						t.Fatalf("at(span %d) holds %d, want %d", i, x, next)
					}
					next++
				}
			}
			for _, ch := range a.chunks {
				if cap(ch) > chunkLen {
					t.Errorf("a chunk of capacity %d, over %d", cap(ch), chunkLen)
				}
			}
			if len(spans) > 1 {
				v := append(a.at(spans[0]), -1)
				if w := a.at(spans[1]); len(w) > 0 && w[0] == -1 {
					t.Error("appending to an array wrote into the next")
				}
				_ = v
			}
		})
	}
}
