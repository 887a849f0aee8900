package vec_test

import (
	"fmt"

	"tidings/internal/vec"
)

// Terms get dense ids from a Vocab; count vectors weighted by IDF are
// compared by cosine.
func ExampleCosine() {
	voc := vec.NewVocab()
	ids := func(words ...string) []int32 {
		var out []int32
		for _, w := range words {
			out = append(out, voc.ID(w))
		}
		return out
	}
	a := vec.Counts(ids("bridge", "closed", "crack", "bridge"))
	b := vec.Counts(ids("bridge", "reopened"))
	c := vec.Counts(ids("ferry", "strike"))
	fmt.Printf("a·b %.3f, a·c %.3f\n", vec.Cosine(a, b), vec.Cosine(a, c))
	// Output:
	// a·b 0.577, a·c 0.000
}
