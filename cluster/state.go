package cluster

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"tidings/internal/snap"
	"tidings/internal/vec"
)

// deadStory stands for every story that holds no article: retired, or
// emptied by moves. No article joins a story without articles (best and
// merge skip them), so it is never written.
var deadStory = &story{}

// Reach returns how many of the latest articles an Add may still move
// (settling, late chances, the pass over the latest articles, and twice
// that so that the pass's schedule is kept): [Clusterer.Retire] keeps
// every story holding one of them.
func (c *Clusterer) Reach() int {
	late := max(c.opts.settle(), 0)
	for range lateChances {
		late *= lateFactor
	}
	return max(2*passWindow, late)
}

// Retire drops the stories that can take no more articles, with their
// articles, and renumbers the articles it keeps: a story none of whose
// articles is among the latest Reach (see [Clusterer.Reach]) and whose
// latest dated article lies before before, or, for a story without a
// dated article, none of whose articles is among the latest undated
// (at least Reach). It returns the old numbers of the articles kept in
// increasing order: article kept[i] is now article i. Story numbers do
// not change; a retired story is empty, as [Clusterer.Stories] leaves
// out. Zero before retires no dated story.
//
// Placements of later articles stay those of a Clusterer that kept
// everything, except that a later article can no longer join a retired
// story: an undated article, a dated one before before plus the window,
// or one reporting a day (Doc.Reported) in a retired story's window.
// The vocabulary keeps the terms in use, or at most compactRatio times
// as many (see compact): the document frequency of a term no held article
// counted is forgotten once it is dropped. Term lists
// drop the retired stories, so a term's list of latest stories may keep
// a few more live ones than it would have (it is cut back at twice
// postingCap).
func (c *Clusterer) Retire(before time.Time, undated int) []int {
	n := c.Len()
	recent := n - c.Reach()
	undatedFrom := n - max(undated, c.Reach())
	dead := make([]bool, len(c.stories))
	for s, st := range c.stories {
		if len(st.members) == 0 {
			dead[s] = true
			continue
		}
		latest := slices.Max(st.members)
		switch {
		case latest >= recent:
		case st.dated == 0:
			dead[s] = latest < undatedFrom
		default:
			dead[s] = st.last.Before(before)
		}
	}
	renum := make([]int, n)
	kept := make([]int, 0, n)
	for k := range n {
		renum[k] = -1
		if !dead[c.of[k]] {
			renum[k] = len(kept)
			kept = append(kept, k)
		}
	}
	if len(kept) < n {
		// New arenas and copies, so that the arrays of the retired
		// articles are freed.
		vecs, terms := &arena[vec.Entry]{}, &arena[int32]{}
		for i, k := range kept {
			c.docVec[i], c.docProbe[i] = vecs.add(c.vec(k)), terms.add(c.probe(k))
			c.dates[i], c.reports[i], c.of[i] = c.dates[k], c.reports[k], c.of[k]
		}
		m := len(kept)
		c.vecs, c.terms = vecs, terms
		c.docVec, c.docProbe, c.dates, c.reports, c.of = slices.Clone(c.docVec[:m]), slices.Clone(c.docProbe[:m]),
			slices.Clone(c.dates[:m]), slices.Clone(c.reports[:m]), slices.Clone(c.of[:m])
		c.passAt -= n - m
		var moves []Move
		for _, mv := range c.moves {
			if r := renum[mv.Article]; r >= 0 {
				moves = append(moves, Move{Article: r, From: mv.From, To: mv.To})
			}
		}
		c.moves = moves
	}
	for s, st := range c.stories {
		if dead[s] {
			c.stories[s] = deadStory
			c.sync(s)
			continue
		}
		for i, k := range st.members {
			st.members[i] = renum[k]
		}
	}
	for t, p := range c.posts {
		live := p[:0]
		for _, s := range p {
			if !dead[s] {
				live = append(live, s)
			}
		}
		if len(live) == 0 {
			live = nil
		}
		c.posts[t] = live
	}
	c.blocked = c.blocked[:0]
	c.checked = nil // article numbers changed: search each in full once
	if len(kept) < n {
		for t, k := range c.lastDoc {
			if k >= 0 {
				c.lastDoc[t] = int32(renum[k])
			}
		}
		if c.idf == nil && !c.keepVocab {
			c.compact()
		}
	}
	return kept
}

// compactRatio is how many times the terms in use the vocabulary may hold
// before Retire compacts it.
const compactRatio = 2

// compact drops from the vocabulary, when it holds more than compactRatio
// times the terms in use, every term that no article held, centroid, term
// list or probe uses and that no held article counted, with its document
// frequency (a term that comes back counts as new), and renumbers the
// others in their order: ids keep their order, so every sum and tie
// taken in id order is as before, and so are the placements of articles
// whose terms all stayed. Without it the vocabulary grows with history
// until MaxVocab, after which new terms are left out of new articles.
func (c *Clusterer) compact() {
	nt := c.vocab.Len()
	used := make([]bool, nt)
	for t, k := range c.lastDoc {
		used[t] = k >= 0
	}
	for k := range c.Len() {
		for _, e := range c.vec(k) {
			used[e.ID] = true
		}
		for _, t := range c.probe(k) {
			used[t] = true
		}
	}
	for _, st := range c.stories {
		for _, t := range st.centroid.ids {
			used[t] = true
		}
	}
	for t, p := range c.posts {
		used[t] = used[t] || p != nil
	}
	inUse := 0
	for _, u := range used {
		if u {
			inUse++
		}
	}
	if nt <= compactRatio*inUse {
		return
	}
	renum := c.vocab.Keep(used)
	for k := range c.Len() {
		v, p := c.vec(k), c.probe(k)
		for i := range v {
			v[i].ID = renum[v[i].ID]
		}
		for i := range p {
			p[i] = renum[p[i]]
		}
	}
	for _, st := range c.stories {
		for i, t := range st.centroid.ids {
			st.centroid.ids[i] = renum[t]
		}
	}
	posts := make([][]int32, inUse)
	for t, p := range c.posts {
		if p != nil {
			posts[renum[t]] = p
		}
	}
	c.posts = posts
	df := make([]int, 0, inUse)
	last := make([]int32, 0, inUse)
	for t, r := range renum {
		if r >= 0 {
			if t < len(c.df) {
				df = append(df, c.df[t])
			} else {
				df = append(df, 0)
			}
			if t < len(c.lastDoc) {
				last = append(last, c.lastDoc[t])
			} else {
				last = append(last, -1)
			}
		}
	}
	c.df, c.lastDoc = df, last
	// The index and the arrays by term id are built again as needed
	// (all but the index are zero between calls).
	c.index = termIndex{}
	c.tf.slot, c.spreadBuf, c.localOf, c.probed, c.acc, c.subPosts = nil, spreadVec{}, nil, nil, nil, nil
}

// stateVersion is the version of the encoding AppendBinary writes:
// version 2 adds, after the document frequencies, the article that last
// counted each term (see compact). UnmarshalBinary reads version 1 as if
// the latest article had counted every term.
const stateVersion = 2

// errState is wrapped by the errors of UnmarshalBinary.
var errState = errors.New("cluster: bad state")

// AppendBinary appends c's state (everything but its Options) to b, for
// [Clusterer.UnmarshalBinary] to restore: the term statistics, each
// article's vector, date and story, each story's centroid and span, and
// the term lists. Its size is proportional to the articles c holds (see
// [Clusterer.Retire]) plus its vocabulary.
func (c *Clusterer) AppendBinary(b []byte) ([]byte, error) {
	w := snap.Writer{Buf: b}
	w.Uint(stateVersion)
	w.Uint(uint64(c.vocab.Len()))
	for id := range c.vocab.Len() {
		w.String(c.vocab.Term(int32(id)))
	}
	w.Uint(uint64(len(c.df)))
	for _, f := range c.df {
		w.Uint(uint64(f))
	}
	w.Uint(uint64(len(c.lastDoc)))
	for _, k := range c.lastDoc {
		w.Uint(uint64(k + 1))
	}
	w.Uint(uint64(c.n))
	w.Uint(uint64(len(c.idf)))
	for _, f := range c.idf {
		w.Float(f)
	}
	w.Uint(uint64(c.Len()))
	for k := range c.Len() {
		putEntries(&w, c.vec(k))
		w.Uint(uint64(len(c.probe(k))))
		for _, t := range c.probe(k) {
			w.Uint(uint64(t))
		}
		w.Time(c.dates[k])
		w.Uint(uint64(len(c.reports[k])))
		for _, d := range c.reports[k] {
			w.Time(d)
		}
		w.Uint(uint64(c.of[k]))
	}
	w.Uint(uint64(len(c.stories)))
	for _, st := range c.stories {
		w.Uint(uint64(len(st.members)))
		if len(st.members) == 0 {
			continue
		}
		for _, k := range st.members {
			w.Uint(uint64(k))
		}
		putEntries(&w, st.centroid.vector())
		w.Float(st.norm2)
		w.Time(st.first)
		w.Time(st.last)
		w.Uint(uint64(st.dated))
		w.Uint(uint64(st.tested))
	}
	var terms []int32 // with a list, in order
	for t, p := range c.posts {
		if p != nil {
			terms = append(terms, int32(t))
		}
	}
	w.Uint(uint64(len(terms)))
	prev := int32(0)
	for _, t := range terms {
		w.Uint(uint64(t - prev))
		prev = t
		p := c.posts[t]
		w.Uint(uint64(len(p)))
		for _, s := range p {
			w.Uint(uint64(s))
		}
	}
	w.Int(int64(c.passAt))
	w.Uint(uint64(len(c.moves)))
	for _, m := range c.moves {
		w.Uint(uint64(m.Article))
		w.Uint(uint64(m.From))
		w.Uint(uint64(m.To))
	}
	return w.Buf, nil
}

// putEntries appends v (ids ascending) as deltas of ids and exact weights.
func putEntries(w *snap.Writer, v vec.Vector) {
	w.Uint(uint64(len(v)))
	prev := int32(0)
	for _, e := range v {
		w.Uint(uint64(e.ID - prev))
		prev = e.ID
		w.Float(e.W)
	}
}

// getEntries reads what putEntries wrote; ids must rise and lie below
// terms.
func getEntries(r *snap.Reader, terms int) vec.Vector {
	n := r.Count(9)
	v := make(vec.Vector, n)
	id := uint64(0)
	for i := range v {
		d := r.Uint()
		if d >= uint64(terms) || id+d >= uint64(terms) || (i > 0 && d == 0) {
			r.Index(0) // records the error
			return nil
		}
		id += d
		v[i] = vec.Entry{ID: int32(id), W: r.Float()}
	}
	return v
}

// UnmarshalBinary replaces c's state by the one [Clusterer.AppendBinary]
// wrote; c keeps its Options. Data that does not decode to a consistent
// state is an error, and c is left unchanged.
func (c *Clusterer) UnmarshalBinary(data []byte) error {
	r := snap.NewReader(data)
	version := r.Uint()
	if r.Err() == nil && (version < 1 || version > stateVersion) {
		return fmt.Errorf("%w: version %d, want 1 to %d", errState, version, stateVersion)
	}
	d := New(c.opts)
	nt := r.Count(1)
	for range nt {
		d.vocab.ID(r.String())
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%w: %w", errState, err)
	}
	if d.vocab.Len() != nt {
		return fmt.Errorf("%w: a term twice", errState)
	}
	d.df = make([]int, r.Count(1))
	if len(d.df) > nt {
		return fmt.Errorf("%w: more frequencies than terms", errState)
	}
	for i := range d.df {
		d.df[i] = int(r.Uint())
	}
	var last []uint64 // each one more than the article, checked below
	if version >= 2 {
		last = make([]uint64, r.Count(1))
		if len(last) > nt {
			return fmt.Errorf("%w: more last articles than terms", errState)
		}
		for i := range last {
			last[i] = r.Uint()
		}
	}
	d.n = int(r.Uint())
	if n := r.Count(8); n > 0 {
		d.idf = make([]float64, n)
		for i := range d.idf {
			d.idf[i] = r.Float()
		}
	}
	nd := r.Count(5)
	d.docVec = make([]span, nd)
	d.docProbe = make([]span, nd)
	d.dates = make([]time.Time, nd)
	d.reports = make([][]time.Time, nd)
	d.of = make([]int, nd)
	for k := range nd {
		v := getEntries(r, nt)
		if len(v) > TopTerms {
			return fmt.Errorf("%w: article %d has %d terms, over %d", errState, k, len(v), TopTerms)
		}
		d.docVec[k] = d.vecs.add(v)
		p := r.Count(1)
		if p > probeTerms {
			return fmt.Errorf("%w: article %d has %d probe terms, over %d", errState, k, p, probeTerms)
		}
		probe, ps := d.terms.alloc(p)
		for i := range p {
			probe[i] = int32(r.Index(nt))
		}
		d.docProbe[k] = ps
		d.dates[k] = r.Time()
		if n := r.Count(1); n > 0 {
			d.reports[k] = make([]time.Time, n)
			for i := range n {
				d.reports[k][i] = r.Time()
			}
		}
		d.of[k] = int(r.Uint())
	}
	d.lastDoc = make([]int32, len(d.df))
	for i := range d.lastDoc {
		d.lastDoc[i] = int32(nd) - 1
	}
	if version >= 2 {
		d.lastDoc = make([]int32, len(last))
		for i, k := range last {
			if k > uint64(nd) {
				return fmt.Errorf("%w: term %d counted by an unknown article", errState, i)
			}
			d.lastDoc[i] = int32(k) - 1
		}
	}
	ns := r.Count(1)
	d.stories = make([]*story, ns)
	d.scan = make([]scanEntry, ns)
	d.marks = make([]scanMark, ns)
	for s := range ns {
		d.marks[s].mark = -1
		m := r.Count(1)
		if m == 0 {
			d.stories[s] = deadStory
			continue
		}
		st := &story{members: make([]int, m)}
		for i := range m {
			st.members[i] = r.Index(nd)
		}
		cen := getEntries(r, nt)
		st.centroid.ids = make([]int32, len(cen))
		st.centroid.ws = make([]float64, len(cen))
		for i, e := range cen {
			st.centroid.ids[i], st.centroid.ws[i] = e.ID, e.W
		}
		st.norm2 = r.Float()
		st.first, st.last = r.Time(), r.Time()
		st.dated, st.tested = int(r.Uint()), int(r.Uint())
		for _, k := range st.members {
			st.widenReported(d.reports[k])
		}
		d.stories[s] = st
		d.sync(s)
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%w: %w", errState, err)
	}
	// Each article in exactly one story, its own.
	seen := make([]bool, nd)
	for s, st := range d.stories {
		for _, k := range st.members {
			if d.of[k] != s || seen[k] {
				return fmt.Errorf("%w: article %d in a story not its own", errState, k)
			}
			seen[k] = true
		}
	}
	if i := slices.Index(seen, false); i >= 0 {
		return fmt.Errorf("%w: article %d in no story", errState, i)
	}
	np := r.Count(2)
	term := uint64(0)
	for range np {
		term += r.Uint()
		if term >= uint64(nt) {
			return fmt.Errorf("%w: term list of an unknown term", errState)
		}
		p := make([]int32, r.Count(1))
		for i := range p {
			p[i] = int32(r.Index(ns))
		}
		if d.posts == nil {
			d.posts = make([][]int32, nt)
		}
		d.posts[term] = p
	}
	d.passAt = int(r.Int())
	nm := r.Count(3)
	for range nm {
		d.moves = append(d.moves, Move{Article: r.Index(nd), From: r.Index(ns), To: r.Index(ns)})
	}
	if err := r.Done(); err != nil {
		return fmt.Errorf("%w: %w", errState, err)
	}
	*c = *d
	return nil
}
