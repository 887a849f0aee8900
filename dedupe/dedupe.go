package dedupe

import "tidings/news"

// DefaultThreshold is the estimated Jaccard similarity of word 5-shingles
// from which two articles are copies of one text. Reprints with a changed
// headline, a few edited words and a trimmed last paragraph score 0.6 to
// 0.95; two outlets' own reports of one event score under 0.1.
const DefaultThreshold = 0.5

// Options controls duplicate detection. The zero value uses the defaults.
type Options struct {
	// Threshold is the least estimated Jaccard similarity of a duplicate
	// pair; 0 means DefaultThreshold.
	Threshold float64
}

func (o Options) threshold() float64 {
	if o.Threshold <= 0 {
		return DefaultThreshold
	}
	return o.Threshold
}

// Index finds, for each text added, the earlier text it copies.
type Index struct {
	opts    Options
	sigs    []Signature
	buckets map[uint64][]int
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	return &Index{opts: opts, buckets: map[uint64][]int{}}
}

// Len returns the number of texts added.
func (x *Index) Len() int { return len(x.sigs) }

// Add adds text as number x.Len() and returns the number of the earliest
// added text it duplicates, or -1. A text with no words duplicates
// nothing.
func (x *Index) Add(text string) int {
	sig, ok := Sign(text)
	id := len(x.sigs)
	x.sigs = append(x.sigs, sig)
	if !ok {
		return -1
	}
	best := -1
	var keys [bands]uint64
	for b := range bands {
		keys[b] = sig.band(b)
		for _, other := range x.buckets[keys[b]] {
			if (best < 0 || other < best) && Similarity(&sig, &x.sigs[other]) >= x.opts.threshold() {
				best = other
			}
		}
	}
	for _, k := range keys {
		x.buckets[k] = append(x.buckets[k], id)
	}
	return best
}

// Fold returns arts with every near-duplicate folded into the first
// article (in input order) whose text it copies: that article lists it in
// Copies. Articles keep their input order. A copy of a copy folds into
// the same first article. Articles need Text (run the clean stage first).
func Fold(arts []news.Article, opts Options) []news.Article {
	x := NewIndex(opts)
	root := make([]int, len(arts))
	var out []news.Article
	slot := make(map[int]int) // root article -> index in out
	for i := range arts {
		d := x.Add(arts[i].Text)
		if d < 0 {
			root[i] = i
			slot[i] = len(out)
			out = append(out, arts[i])
			continue
		}
		root[i] = root[d]
		c := &out[slot[root[i]]]
		a := &arts[i]
		c.Copies = append(c.Copies, news.Copy{ID: a.ID, Outlet: a.Outlet, URL: a.URL, Date: a.Date})
		c.Copies = append(c.Copies, a.Copies...)
	}
	return out
}
