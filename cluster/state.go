package cluster

import (
	"errors"
	"fmt"
	"maps"
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
// The term statistics (document frequencies) are kept whole. Term lists
// drop the retired stories, so a term's list of latest stories may keep
// a few more live ones than it would have (it is cut back at twice
// postingCap).
func (c *Clusterer) Retire(before time.Time, undated int) []int {
	n := len(c.docs)
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
		for i, k := range kept {
			c.docs[i], c.probes[i], c.dates[i], c.reports[i], c.of[i] = c.docs[k], c.probes[k], c.dates[k], c.reports[k], c.of[k]
		}
		m := len(kept)
		// Copies, so that the arrays of the retired articles are freed.
		c.docs, c.probes, c.dates, c.reports, c.of = slices.Clone(c.docs[:m]), slices.Clone(c.probes[:m]),
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
			delete(c.posts, t)
		} else {
			c.posts[t] = live
		}
	}
	c.blocked = c.blocked[:0]
	c.checked = nil // article numbers changed: search each in full once
	return kept
}

// stateVersion is the version of the encoding AppendBinary writes.
const stateVersion = 1

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
	w.Uint(uint64(c.n))
	w.Uint(uint64(len(c.idf)))
	for _, f := range c.idf {
		w.Float(f)
	}
	w.Uint(uint64(len(c.docs)))
	for k, v := range c.docs {
		putEntries(&w, v)
		w.Uint(uint64(len(c.probes[k])))
		for _, t := range c.probes[k] {
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
	terms := slices.Sorted(maps.Keys(c.posts))
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
	if v := r.Uint(); r.Err() == nil && v != stateVersion {
		return fmt.Errorf("%w: version %d, want %d", errState, v, stateVersion)
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
	d.n = int(r.Uint())
	if n := r.Count(8); n > 0 {
		d.idf = make([]float64, n)
		for i := range d.idf {
			d.idf[i] = r.Float()
		}
	}
	nd := r.Count(5)
	d.docs = make([]vec.Vector, nd)
	d.probes = make([][]int32, nd)
	d.dates = make([]time.Time, nd)
	d.reports = make([][]time.Time, nd)
	d.of = make([]int, nd)
	for k := range nd {
		d.docs[k] = getEntries(r, nt)
		if p := r.Count(1); p > 0 {
			d.probes[k] = make([]int32, p)
			for i := range p {
				d.probes[k][i] = int32(r.Index(nt))
			}
		}
		d.dates[k] = r.Time()
		if n := r.Count(1); n > 0 {
			d.reports[k] = make([]time.Time, n)
			for i := range n {
				d.reports[k][i] = r.Time()
			}
		}
		d.of[k] = int(r.Uint())
	}
	ns := r.Count(1)
	d.stories = make([]*story, ns)
	d.scan = make([]scanEntry, ns)
	for s := range ns {
		d.scan[s].mark = -1
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
		d.posts[int32(term)] = p
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
