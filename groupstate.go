package tidings

import (
	"errors"
	"fmt"
	"time"

	"tidings/internal/snap"
)

// errGrouperState is wrapped by the errors of Grouper.UnmarshalBinary.
var errGrouperState = errors.New("tidings: bad grouper state")

// Retire drops the stories that can take no more articles, as
// cluster.Clusterer.Retire decides (before and undated are its), with
// their articles and those articles' copies, and renumbers the articles
// it keeps: it returns their old numbers, increasing, so that article
// kept[i] is now article i; Add numbers the next article len(kept).
// Story numbers do not change. A later article that copies a dropped one
// is no longer found to (dedupe.Index.Keep).
func (g *Grouper) Retire(before time.Time, undated int) (kept []int) {
	ckept := g.cluster.Retire(before, undated)
	keep := make([]bool, len(g.story))
	for _, c := range ckept {
		r := g.doc[c]
		keep[r] = true
		for _, k := range g.copies[r] {
			keep[k] = true
		}
	}
	renum := make([]int, len(g.story))
	for k, ok := range keep {
		renum[k] = -1
		if ok {
			renum[k] = len(kept)
			kept = append(kept, k)
		}
	}
	story, root := make([]int, len(kept)), make([]int, len(kept))
	for i, k := range kept {
		story[i], root[i] = g.story[k], renum[g.root[k]]
	}
	g.story, g.root = story, root
	g.rebuild()
	g.index.Keep(kept)
	return kept
}

// rebuild derives copies and doc from root: the articles that copy
// another, and those that do not, in order.
func (g *Grouper) rebuild() {
	g.copies = make([][]int, len(g.root))
	g.doc = g.doc[:0:0]
	for k, r := range g.root {
		if r == k {
			g.doc = append(g.doc, k)
		} else {
			g.copies[r] = append(g.copies[r], k)
		}
	}
}

// Len returns the number of articles the Grouper holds: those added,
// less those Retire dropped.
func (g *Grouper) Len() int { return len(g.story) }

// grouperVersion is the version of the encoding AppendBinary writes.
const grouperVersion = 1

// AppendBinary appends g's state to b, for [Grouper.UnmarshalBinary] to
// restore: each article's story and the article it copies, the dedupe
// index's signatures and the clusterer's state
// (cluster.Clusterer.AppendBinary).
func (g *Grouper) AppendBinary(b []byte) ([]byte, error) {
	w := snap.Writer{Buf: b}
	w.Uint(grouperVersion)
	w.Uint(uint64(len(g.story)))
	for k, s := range g.story {
		w.Uint(uint64(s))
		w.Uint(uint64(k - g.root[k]))
	}
	x, err := g.index.AppendBinary(nil)
	if err != nil {
		return nil, err
	}
	w.Bytes(x)
	c, err := g.cluster.AppendBinary(nil)
	if err != nil {
		return nil, err
	}
	w.Bytes(c)
	return w.Buf, nil
}

// UnmarshalBinary replaces g's state by the one AppendBinary wrote; g
// keeps the options it was made with, which should be those of the
// Grouper that wrote it. Data that does not decode to a consistent state
// is an error.
func (g *Grouper) UnmarshalBinary(data []byte) error {
	r := snap.NewReader(data)
	if v := r.Uint(); r.Err() == nil && v != grouperVersion {
		return fmt.Errorf("%w: version %d, want %d", errGrouperState, v, grouperVersion)
	}
	n := r.Count(2)
	story, root := make([]int, n), make([]int, n)
	roots := 0
	for k := range n {
		story[k] = int(r.Uint())
		back := r.Uint()
		if back > uint64(k) {
			return fmt.Errorf("%w: article %d copies a later one", errGrouperState, k)
		}
		root[k] = k - int(back)
		if rk := root[k]; rk != k && (root[rk] != rk || story[rk] != story[k]) {
			return fmt.Errorf("%w: article %d copies a copy or another story", errGrouperState, k)
		}
		if root[k] == k {
			roots++
		}
	}
	x, c := r.Bytes(), r.Bytes()
	if err := r.Done(); err != nil {
		return fmt.Errorf("%w: %w", errGrouperState, err)
	}
	if err := g.index.UnmarshalBinary(x); err != nil {
		return err
	}
	if err := g.cluster.UnmarshalBinary(c); err != nil {
		return err
	}
	if g.index.Len() != n || g.cluster.Len() != roots {
		return fmt.Errorf("%w: %d articles, %d signatures, %d clustered of %d", errGrouperState, n, g.index.Len(), g.cluster.Len(), roots)
	}
	g.story, g.root = story, root
	g.rebuild()
	return nil
}
