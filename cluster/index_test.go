package cluster

import (
	"fmt"
	"strings"
	"testing"
)

// TestLookup checks that the term index finds what the vocabulary's map
// finds, for terms that fit a slot and longer ones, the empty term, and
// across the index's growth.
func TestLookup(t *testing.T) {
	c := New(Options{})
	known := []string{"", "a", "ferry", strings.Repeat("x", termInline), strings.Repeat("x", termInline+1),
		strings.Repeat("y", termInline+1), "ünïcödé"}
	for i := range 3000 {
		known = append(known, fmt.Sprintf("term%d", i))
	}
	unknown := []string{"b", "ferries", strings.Repeat("x", termInline-1), strings.Repeat("x", termInline+2),
		strings.Repeat("y", termInline), "term3000"}
	tests := []struct {
		name  string
		added int // terms of known in the vocabulary
	}{
		{"empty vocabulary", 0},
		{"one term", 1},
		{"short and long terms", 7},
		{"past two doublings", len(known)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range known[:tt.added] {
				c.vocab.ID(w)
			}
			for _, w := range append(known, unknown...) {
				id, ok := c.lookup(w)
				wid, wok := c.vocab.Lookup(w)
				if id != wid || ok != wok {
					t.Fatalf("lookup(%q) = %d, %v; the vocabulary says %d, %v", w, id, ok, wid, wok)
				}
			}
		})
	}
}
