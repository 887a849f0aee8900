package summarize

import (
	"cmp"
	"slices"
	"tidings/internal/vec"
	"tidings/news"
)

// space is the TF-IDF term space of one story: every sentence of every
// article as a weighted vector. Inverse document frequencies are taken over
// sentences, so terms that every sentence repeats weigh little.
type space struct {
	words *words
	idf   []float64
	df    []int // articles holding each term
	// vecs[a][i] is the TF-IDF vector of sentence i of article a, and
	// norms[a][i] its norm.
	vecs  [][]vec.Vector
	norms [][]float64
	// spans holds the vectors of candidates of several sentences, by
	// article, first sentence and span, once summed, with their norms.
	spans map[[3]int]spanVector
	buf   spaceBuf
}

type spanVector struct {
	v    vec.Vector
	norm float64
}

func newSpace(arts []news.Article) *space { return new(space).fill(arts, newWords(arts)) }

// spaceBuf is the memory a space is built in (and, for the vectors and
// norms, kept in), reused when the space is (see [scratch]).
type spaceBuf struct {
	ids                       []int32
	counts, weighted          vec.Vector
	ends, sentDF, lastArticle []int
	norms                     []float64
	vecs                      []vec.Vector
	dense                     []float64 // see [space.dense]
}

// grown returns s[:n] with every element zero, reusing s's array when it
// is large enough.
func grown[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// fill builds in sp, reusing its memory, the space of arts, whose words w
// numbers, and returns sp.
func (sp *space) fill(arts []news.Article, w *words) *space {
	sp.words = w
	sp.vecs = grown(sp.vecs, len(arts))
	sp.norms = grown(sp.norms, len(arts))
	if sp.spans != nil {
		clear(sp.spans)
	}
	b := &sp.buf
	nSent, nTerms := 0, len(w.terms)
	for _, a := range arts {
		nSent += len(a.Sentences)
	}
	// The count vectors of all sentences (as vec.Counts makes them), one
	// after another, and where each sentence's ends.
	counts := slices.Grow(b.counts[:0], nTerms)
	ends := slices.Grow(b.ends[:0], nSent)
	sentDF := grown(b.sentDF, w.Len())
	sp.df = grown(sp.df, w.Len())
	lastArticle := grown(b.lastArticle, w.Len()) // the last article (plus one) counted in df
	ids := b.ids                                 // one sentence's term ids, sorted
	for ai, a := range arts {
		for si := range a.Sentences {
			_, terms := w.sentence(ai, si)
			ids = append(ids[:0], terms...)
			slices.Sort(ids)
			for i := 0; i < len(ids); {
				id, j := ids[i], i+1
				for j < len(ids) && ids[j] == id {
					j++
				}
				counts = append(counts, vec.Entry{ID: id, W: float64(j - i)})
				sentDF[id]++
				if lastArticle[id] != ai+1 {
					lastArticle[id] = ai + 1
					sp.df[id]++
				}
				i = j
			}
			ends = append(ends, len(counts))
		}
	}
	sp.idf = vec.IDF(sentDF, nSent)
	// The weighted vectors share one array too, each capped at its
	// length, and so do the norms and each article's list of vectors.
	weighted := slices.Grow(b.weighted[:0], len(counts))
	norms := grown(b.norms, nSent)
	vecs := grown(b.vecs, nSent)
	from, n := 0, 0
	for ai, a := range arts {
		sp.vecs[ai] = vecs[n : n+len(a.Sentences) : n+len(a.Sentences)]
		sp.norms[ai] = norms[n : n+len(a.Sentences) : n+len(a.Sentences)]
		for si := range a.Sentences {
			start := len(weighted)
			for _, e := range counts[from:ends[n]] {
				if w := sp.idf[e.ID]; w != 0 {
					weighted = append(weighted, vec.Entry{ID: e.ID, W: e.W * w})
				}
			}
			v := weighted[start:len(weighted):len(weighted)]
			sp.vecs[ai][si] = v
			sp.norms[ai][si] = v.Norm()
			from = ends[n]
			n++
		}
	}
	*b = spaceBuf{ids: ids, counts: counts, weighted: weighted, ends: ends, sentDF: sentDF, lastArticle: lastArticle, norms: norms, vecs: vecs, dense: b.dense}
	return sp
}

// dense returns a slice of a zero weight for every term id, kept with
// the space: its user must leave it all zero again.
func (sp *space) dense() []float64 {
	if n := sp.words.Len(); len(sp.buf.dense) != n {
		sp.buf.dense = grown(sp.buf.dense, n)
	}
	return sp.buf.dense
}

// vector returns candidate c's TF-IDF vector: its sentence's, or the sum
// of its sentences' when it spans several (summed once, then kept).
func (sp *space) vector(c Candidate) vec.Vector {
	v, _ := sp.vectorNorm(c)
	return v
}

// vectorNorm returns candidate c's vector (see [space.vector]) and its
// norm.
func (sp *space) vectorNorm(c Candidate) (vec.Vector, float64) {
	if c.Span <= 1 {
		return sp.vecs[c.Article][c.Sentence.Index], sp.norms[c.Article][c.Sentence.Index]
	}
	key := [3]int{c.Article, c.Sentence.Index, c.Span}
	if sv, ok := sp.spans[key]; ok {
		return sv.v, sv.norm
	}
	sum := map[int32]float64{}
	for i := c.Sentence.Index; i < c.Sentence.Index+c.Span; i++ {
		for _, e := range sp.vecs[c.Article][i] {
			sum[e.ID] += e.W
		}
	}
	v := make(vec.Vector, 0, len(sum))
	for id, w := range sum {
		v = append(v, vec.Entry{ID: id, W: w})
	}
	slices.SortFunc(v, func(a, b vec.Entry) int { return cmp.Compare(a.ID, b.ID) })
	if sp.spans == nil {
		sp.spans = map[[3]int]spanVector{}
	}
	sp.spans[key] = spanVector{v, v.Norm()}
	return v, sp.spans[key].norm
}

// cosine returns the TF-IDF cosine of candidate c with v, whose norm is
// nv.
func (sp *space) cosine(c Candidate, v vec.Vector, nv float64) float64 {
	w, nw := sp.vectorNorm(c)
	return vec.CosineNorms(w, v, nw, nv)
}

// relevance returns the TF-IDF cosine of each candidate with the query
// terms, or nil when there is no query.
func (sp *space) relevance(cands []Candidate, query []string) []float64 {
	if len(query) == 0 {
		return nil
	}
	var ids []int32
	for _, t := range query {
		if id, ok := sp.words.Lookup(t); ok {
			ids = append(ids, id)
		}
	}
	q := vec.Counts(ids).Weighted(sp.idf)
	nq := q.Norm()
	rel := make([]float64, len(cands))
	for i, c := range cands {
		rel[i] = sp.cosine(c, q, nq)
	}
	return rel
}
