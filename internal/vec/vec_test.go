package vec

import (
	"math"
	"slices"
	"testing"
)

func TestCosine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a, b []int32
		want float64
	}{
		{"identical", []int32{1, 2, 2}, []int32{2, 1, 2}, 1},
		{"disjoint", []int32{1}, []int32{2}, 0},
		{"empty", nil, []int32{2}, 0},
		{"half", []int32{1, 2}, []int32{2, 3}, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Cosine(Counts(tc.a), Counts(tc.b)); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("Cosine(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestOverlap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b []int32
		want int
	}{
		{[]int32{1, 2, 2}, []int32{2, 1, 2}, 2},
		{[]int32{1}, []int32{2}, 0},
		{nil, []int32{2}, 0},
		{[]int32{1, 2, 5, 9}, []int32{2, 3, 9}, 2},
	}
	for _, tc := range tests {
		a, b := Counts(tc.a), Counts(tc.b)
		if dot, got := Overlap(a, b); got != tc.want || dot != Dot(b, a) {
			t.Errorf("Overlap(%v, %v) = %v, %d, want %v, %d", tc.a, tc.b, dot, got, Dot(b, a), tc.want)
		}
		if _, got := Overlap(b, a); got != tc.want {
			t.Errorf("Overlap(%v, %v) shares %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestVocab(t *testing.T) {
	t.Parallel()
	v := NewVocab()
	if a, b, a2 := v.ID("a"), v.ID("b"), v.ID("a"); a != 0 || b != 1 || a2 != 0 || v.Len() != 2 || v.Term(1) != "b" {
		t.Errorf("Vocab ids = %d %d %d len %d, want 0 1 0 len 2", a, b, a2, v.Len())
	}
	if _, ok := v.Lookup("c"); ok {
		t.Error(`Lookup("c") found an unknown term`)
	}
}

func TestVocabKeep(t *testing.T) {
	tests := []struct {
		name  string
		keep  []bool
		want  []string
		renum []int32
	}{
		{"all", []bool{true, true, true, true}, []string{"a", "b", "c", "d"}, []int32{0, 1, 2, 3}},
		{"none", []bool{false, false, false, false}, nil, []int32{-1, -1, -1, -1}},
		{"in order", []bool{false, true, false, true}, []string{"b", "d"}, []int32{-1, 0, -1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewVocab()
			for _, s := range []string{"a", "b", "c", "d"} {
				v.ID(s)
			}
			if got := v.Keep(tt.keep); !slices.Equal(got, tt.renum) {
				t.Errorf("Keep = %v, want %v", got, tt.renum)
			}
			var terms []string
			for id := range v.Len() {
				terms = append(terms, v.Term(int32(id)))
				if got, ok := v.Lookup(v.Term(int32(id))); !ok || got != int32(id) {
					t.Errorf("Lookup(%q) = %d, %v, want %d", v.Term(int32(id)), got, ok, id)
				}
			}
			if !slices.Equal(terms, tt.want) {
				t.Errorf("terms %v, want %v", terms, tt.want)
			}
			if _, ok := v.Lookup("c"); ok && !tt.keep[2] {
				t.Errorf("dropped term still found")
			}
			if id := v.ID("e"); id != int32(len(tt.want)) {
				t.Errorf("new term got id %d, want %d", id, len(tt.want))
			}
		})
	}
}
