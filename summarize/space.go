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
	vocab *vec.Vocab
	idf   []float64
	df    []int // articles holding each term
	// vecs[a][i] is the TF-IDF vector of sentence i of article a.
	vecs [][]vec.Vector
	// spans holds the vectors of candidates of several sentences, by
	// article, first sentence and span, once summed.
	spans map[[3]int]vec.Vector
}

func newSpace(arts []news.Article) *space {
	sp := &space{vocab: vec.NewVocab(), vecs: make([][]vec.Vector, len(arts))}
	var sentDF []int
	nSent := 0
	counts := make([][]vec.Vector, len(arts))
	for ai, a := range arts {
		counts[ai] = make([]vec.Vector, len(a.Sentences))
		seenInArticle := map[int32]bool{}
		for si, s := range a.Sentences {
			ids := make([]int32, len(s.Terms))
			for k, t := range s.Terms {
				ids[k] = sp.vocab.ID(t)
			}
			for len(sentDF) < sp.vocab.Len() {
				sentDF = append(sentDF, 0)
				sp.df = append(sp.df, 0)
			}
			c := vec.Counts(ids)
			counts[ai][si] = c
			for _, e := range c {
				sentDF[e.ID]++
				if !seenInArticle[e.ID] {
					seenInArticle[e.ID] = true
					sp.df[e.ID]++
				}
			}
			nSent++
		}
	}
	sp.idf = vec.IDF(sentDF, nSent)
	for ai := range arts {
		sp.vecs[ai] = make([]vec.Vector, len(counts[ai]))
		for si, c := range counts[ai] {
			sp.vecs[ai][si] = c.Weighted(sp.idf)
		}
	}
	return sp
}

// vector returns candidate c's TF-IDF vector: its sentence's, or the sum
// of its sentences' when it spans several (summed once, then kept).
func (sp *space) vector(c Candidate) vec.Vector {
	if c.Span <= 1 {
		return sp.vecs[c.Article][c.Sentence.Index]
	}
	key := [3]int{c.Article, c.Sentence.Index, c.Span}
	if v, ok := sp.spans[key]; ok {
		return v
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
		sp.spans = map[[3]int]vec.Vector{}
	}
	sp.spans[key] = v
	return v
}

// relevance returns the TF-IDF cosine of each candidate with the query
// terms, or nil when there is no query.
func (sp *space) relevance(cands []Candidate, query []string) []float64 {
	if len(query) == 0 {
		return nil
	}
	var ids []int32
	for _, t := range query {
		if id, ok := sp.vocab.Lookup(t); ok {
			ids = append(ids, id)
		}
	}
	q := vec.Counts(ids).Weighted(sp.idf)
	rel := make([]float64, len(cands))
	for i, c := range cands {
		rel[i] = vec.Cosine(q, sp.vector(c))
	}
	return rel
}
