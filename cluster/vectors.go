package cluster

import (
	"cmp"
	"slices"

	"tidings/internal/vec"
)

// Weight is one term of an article's vector: the term and its weight.
type Weight struct {
	Term string
	W    float64
}

// Vectors returns the vector of each of docs as [Batch] compares them:
// TF-IDF with term weights over the whole of docs, sublinear term
// frequency, name terms counted Options.NameWeight times, cut to the
// [TopTerms] heaviest terms and of unit length (empty for a Doc without
// terms). Each vector lists its terms heaviest first, ties by the order in
// which Batch meets the terms. Only Options.NameWeight applies.
func Vectors(docs []Doc, opts Options) [][]Weight {
	c, _ := weighed(docs, Options{NameWeight: opts.NameWeight})
	out := make([][]Weight, len(docs))
	for i, d := range docs {
		vs, _ := c.vector(d)
		v := slices.Clone(c.vecs.at(vs))
		slices.SortFunc(v, func(a, b vec.Entry) int {
			if c := cmp.Compare(b.W, a.W); c != 0 {
				return c
			}
			return cmp.Compare(a.ID, b.ID)
		})
		w := make([]Weight, len(v))
		for j, e := range v {
			w[j] = Weight{Term: c.vocab.Term(e.ID), W: e.W}
		}
		out[i] = w
	}
	return out
}
