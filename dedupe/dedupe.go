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
	opts Options
	sigs []Signature
	// The LSH buckets, as chains: heads holds, per band key, the latest
	// entry with that key, an entry being text*bands+band; next holds,
	// per entry, the one before it with the same key, or -1. A text
	// without words has no entries (their next is -1). Entries are
	// int32: an index holds up to 2^31/bands (67 million) texts, whose
	// signatures alone take 68 GB.
	heads map[uint64]int32
	next  []int32
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	return &Index{opts: opts, heads: map[uint64]int32{}}
}

// insert adds the entries of text id, whose band keys are keys.
func (x *Index) insert(id int, keys *[bands]uint64) {
	for b, k := range keys {
		e := int32(id*bands + b)
		prev, ok := x.heads[k]
		if !ok {
			prev = -1
		}
		x.next[e] = prev
		x.heads[k] = e
	}
}

// Len returns the number of texts added.
func (x *Index) Len() int { return len(x.sigs) }

// Add adds text as number x.Len() and returns the number of the earliest
// added text it duplicates, or -1. A text with no words duplicates
// nothing.
func (x *Index) Add(text string) int {
	sig, ok := Sign(text)
	return x.AddSigned(&sig, ok)
}

// AddSigned is Add of the text whose Sign is sig, ok: a caller that adds
// texts in one goroutine can sign them beforehand in others.
func (x *Index) AddSigned(sig *Signature, ok bool) int {
	id := len(x.sigs)
	x.sigs = append(x.sigs, *sig)
	for range bands {
		x.next = append(x.next, -1)
	}
	if !ok {
		return -1
	}
	best := -1
	var keys [bands]uint64
	for b := range bands {
		keys[b] = sig.band(b)
		e, ok := x.heads[keys[b]]
		for ; ok && e >= 0; e = x.next[e] {
			other := int(e) / bands
			if (best < 0 || other < best) && Similarity(sig, &x.sigs[other]) >= x.opts.threshold() {
				best = other
			}
		}
	}
	x.insert(id, &keys)
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
