package vec

import (
	"math"
	"slices"
)

// Vocab maps terms to dense ids from 0 in first-seen order.
type Vocab struct {
	ids   map[string]int32
	terms []string
}

// NewVocab returns an empty vocabulary.
func NewVocab() *Vocab { return &Vocab{ids: make(map[string]int32)} }

// ID returns the id of term, adding it when new.
func (v *Vocab) ID(term string) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	id := int32(len(v.terms))
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

// Lookup returns the id of term and whether it is known.
func (v *Vocab) Lookup(term string) (int32, bool) {
	id, ok := v.ids[term]
	return id, ok
}

// Len returns the number of terms.
func (v *Vocab) Len() int { return len(v.terms) }

// Term returns the term of id.
func (v *Vocab) Term(id int32) string { return v.terms[id] }

// Entry is one weighted term of a vector.
type Entry struct {
	ID int32
	W  float64
}

// Vector is a sparse vector: entries sorted by ID, no ID twice.
type Vector []Entry

// Counts returns the term-count vector of ids (any order, repeats counted).
func Counts(ids []int32) Vector {
	s := slices.Clone(ids)
	slices.Sort(s)
	var v Vector
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		v = append(v, Entry{ID: s[i], W: float64(j - i)})
		i = j
	}
	return v
}

// Weighted returns a copy of v with each weight multiplied by w[id]. Ids
// beyond len(w) get weight 0 and are dropped.
func (v Vector) Weighted(w []float64) Vector {
	out := make(Vector, 0, len(v))
	for _, e := range v {
		if int(e.ID) < len(w) && w[e.ID] != 0 {
			out = append(out, Entry{ID: e.ID, W: e.W * w[e.ID]})
		}
	}
	return out
}

// Norm returns the Euclidean norm of v.
func (v Vector) Norm() float64 {
	s := 0.0
	for _, e := range v {
		s += e.W * e.W
	}
	return math.Sqrt(s)
}

// Dot returns the dot product of a and b.
func Dot(a, b Vector) float64 {
	dot, _ := Overlap(a, b)
	return dot
}

// Overlap returns the dot product of a and b and how many ids they both
// hold, in one pass.
func Overlap(a, b Vector) (dot float64, shared int) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			dot += a[i].W * b[j].W
			shared++
			i++
			j++
		}
	}
	return dot, shared
}

// Cosine returns the cosine similarity of a and b in [0, 1] for
// non-negative weights, and 0 when either is empty.
func Cosine(a, b Vector) float64 {
	return CosineNorms(a, b, a.Norm(), b.Norm())
}

// CosineNorms is [Cosine] for vectors whose norms na and nb are known:
// where one vector is compared with many, its norm is computed once.
func CosineNorms(a, b Vector, na, nb float64) float64 {
	return CosineDot(Dot(a, b), na, nb)
}

// CosineDot is [Cosine] from the dot product of two vectors and their
// norms.
func CosineDot(dot, na, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	return min(1, dot/(na*nb))
}

// Dense adds v into the dense slice d (len(d) must exceed every id).
func (v Vector) Dense(d []float64, scale float64) {
	for _, e := range v {
		d[e.ID] += e.W * scale
	}
}

// IDF returns smoothed inverse document frequencies: log((n+1)/(df+0.5)),
// where df[id] counts the documents (of n) holding the term.
func IDF(df []int, n int) []float64 {
	w := make([]float64, len(df))
	for id, d := range df {
		w[id] = math.Log(float64(n+1) / (float64(d) + 0.5))
	}
	return w
}

// Scaled returns a copy of v with every weight multiplied by f.
func (v Vector) Scaled(f float64) Vector {
	out := make(Vector, len(v))
	for i, e := range v {
		out[i] = Entry{ID: e.ID, W: e.W * f}
	}
	return out
}

// DotDense returns the dot product of v with the dense vector d, which
// must be longer than v's largest id.
func DotDense(v Vector, d []float64) float64 {
	s := 0.0
	for _, e := range v {
		s += e.W * d[e.ID]
	}
	return s
}

// Keep drops the terms whose keep entry is false (keep holds one entry per
// term) and renumbers the rest from 0 in their order, so that ids keep
// their order. It returns each old id's new id, or -1 for a dropped term.
func (v *Vocab) Keep(keep []bool) []int32 {
	renum := make([]int32, len(v.terms))
	n := 0
	for id := range v.terms {
		if keep[id] {
			n++
		}
	}
	ids := make(map[string]int32, n)
	terms := make([]string, 0, n)
	for id, t := range v.terms {
		renum[id] = -1
		if keep[id] {
			renum[id] = int32(len(terms))
			ids[t] = renum[id]
			terms = append(terms, t)
		}
	}
	v.ids, v.terms = ids, terms
	return renum
}
