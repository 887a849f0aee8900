package server

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/internal/snap"
	"tidings/store"
)

// The placer's state is bounded by the active window: every
// retireEvery articles it drops the stories that can take no more
// articles (tidings.Grouper.Retire), then stores a snapshot of what it
// holds (store.Store.PutState, under stateName), as it does when the
// server closes. A start reads the snapshot and replays only the
// articles stored after it, at most retireEvery after a crash.
const (
	retireEvery = 2000
	// undatedKeep is how many of the latest articles a story without a
	// dated article needs one of to be kept: it has no dates to end its
	// window.
	undatedKeep = 20000
	stateName   = "placer"
)

// placerVersion is the version of the snapshot's encoding.
const placerVersion = 1

// errSnapshot is wrapped when the stored snapshot does not decode.
var errSnapshot = errors.New("server: bad placer snapshot")

// retiring reports whether the placer retires stories: not when the
// clustering window is unlimited, since any story may then take any
// article.
func (p *placer) retiring() bool { return p.opts.Window >= 0 }

// lateSlack is how late an article may come, after the latest article
// date seen, and still be placed as if no story were retired (at most
// the clustering window).
const lateSlack = 24 * time.Hour

// before is the date before which a dated story's latest article must
// lie to be retired: the clustering window and lateSlack before the
// latest article date seen. A story retired then could take no article
// dated lateSlack before that latest date, or later.
func (p *placer) before() time.Time {
	if p.latest.IsZero() {
		return time.Time{}
	}
	w := p.opts.Window
	if w == 0 {
		w = cluster.DefaultWindow
	}
	return p.latest.Add(-w - min(w, lateSlack))
}

// windowStart returns the id just below the oldest article the placer
// holds (the active window), or the highest it has seen when it holds
// none. The caller holds p.mu or is the placer's only user.
func (p *placer) windowStart() int64 {
	if len(p.ids) == 0 {
		return p.last
	}
	return p.ids[0] - 1
}

// note records what the window needs of stored article a, just added to
// the grouper: its publication date, not after the time it was stored
// (a date in the future does not move the window).
func (p *placer) note(a store.Article) {
	d := a.Published
	if !a.Added.IsZero() && d.After(a.Added) {
		d = a.Added
	}
	if d.After(p.latest) {
		p.latest = d
	}
	p.added++
}

// due reports whether the placer retires and saves now: once every
// retireEvery articles, counted over every article the store has had,
// so that a restarted placer retires at the same points as one that
// ran on.
func (p *placer) due() bool {
	return p.retiring() && p.added%int64(cmp.Or(p.every, retireEvery)) == 0
}

// checkpoint writes the pending placements, retires the stories that
// can take no more articles and saves a snapshot. k is the grouper
// number of an article among the latest; checkpoint returns its number
// after retiring.
func (p *placer) checkpoint(ctx context.Context, k int) (int, error) {
	if err := p.sync(ctx); err != nil {
		return k, err
	}
	kept := p.grouper.Retire(p.before(), undatedKeep)
	renum := -1
	for i, old := range kept {
		p.canon[i], p.ids[i], p.at[i], p.copyAt[i], p.want[i] = p.canon[old], p.ids[old], p.at[old], p.copyAt[old], p.want[old]
		if old == k {
			renum = i
		}
	}
	if renum < 0 {
		return k, errors.New("server: retiring dropped the latest article")
	}
	n := len(kept)
	p.canon, p.ids, p.at, p.copyAt, p.want = slices.Clone(p.canon[:n]), slices.Clone(p.ids[:n]), slices.Clone(p.at[:n]),
		slices.Clone(p.copyAt[:n]), slices.Clone(p.want[:n])
	live := map[int]bool{}
	for _, g := range p.want {
		live[g] = true
	}
	for g, id := range p.stories {
		if !live[g] {
			delete(p.stories, g)
			delete(p.mapped, id)
		}
	}
	if p.unsaved {
		return renum, nil
	}
	return renum, p.save(ctx)
}

// save stores a snapshot of the placer's state, when it changed since
// the last one.
func (p *placer) save(ctx context.Context) error {
	if p.saved == p.added {
		return nil
	}
	data, err := p.snapshot()
	if err != nil {
		return err
	}
	if err := p.st.PutState(ctx, stateName, data); err != nil {
		return err
	}
	p.saved = p.added
	return nil
}

// close saves a snapshot, for a fast next start.
func (p *placer) close(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.retiring() {
		return nil
	}
	if err := p.sync(ctx); err != nil {
		return err
	}
	return p.save(ctx)
}

// putOptions writes what of the options the grouping depends on: a
// snapshot made with others is not used.
func putOptions(w *snap.Writer, o cluster.Options) {
	w.Float(o.Threshold)
	w.Int(int64(o.Window))
	w.Float(o.NameWeight)
	w.Int(int64(o.Settle))
}

// snapshot encodes the placer's state.
func (p *placer) snapshot() ([]byte, error) {
	var w snap.Writer
	w.Uint(placerVersion)
	putOptions(&w, p.opts)
	w.Int(p.last)
	w.Int(p.added)
	w.Time(p.latest)
	w.Uint(uint64(len(p.ids)))
	for k, id := range p.ids {
		w.Int(id)
		w.Int(id - p.canon[k])
		w.Int(p.at[k])
		w.Int(p.copyAt[k])
		w.Uint(uint64(p.want[k]))
	}
	ks := slices.Sorted(maps.Keys(p.pending))
	w.Uint(uint64(len(ks)))
	for _, k := range ks {
		w.Uint(uint64(k))
	}
	gs := slices.Sorted(maps.Keys(p.stories))
	w.Uint(uint64(len(gs)))
	for _, g := range gs {
		w.Uint(uint64(g))
		w.Int(p.stories[g])
	}
	g, err := p.grouper.AppendBinary(nil)
	if err != nil {
		return nil, err
	}
	w.Bytes(g)
	return w.Buf, nil
}

// restore replaces the placer's state by snapshot data. It reports
// false, leaving the placer as it was, when data was made with other
// options; an error when it does not decode.
func (p *placer) restore(data []byte) (bool, error) {
	r := snap.NewReader(data)
	if v := r.Uint(); r.Err() == nil && v != placerVersion {
		return false, nil
	}
	var want, got snap.Writer
	putOptions(&want, p.opts)
	got.Float(r.Float())
	got.Int(r.Int())
	got.Float(r.Float())
	got.Int(r.Int())
	if r.Err() == nil && string(got.Buf) != string(want.Buf) {
		return false, nil
	}
	q := newPlacer(p.st, p.opts, p.touched)
	q.last, q.added, q.latest = r.Int(), r.Int(), r.Time()
	n := r.Count(5)
	for range n {
		id := r.Int()
		q.ids = append(q.ids, id)
		q.canon = append(q.canon, id-r.Int())
		q.at = append(q.at, r.Int())
		q.copyAt = append(q.copyAt, r.Int())
		q.want = append(q.want, int(r.Uint()))
	}
	for range r.Count(1) {
		q.pending[r.Index(n)] = true
	}
	for range r.Count(2) {
		g, id := int(r.Uint()), r.Int()
		q.stories[g] = id
		q.mapped[id] = true
	}
	gdata := r.Bytes()
	if err := r.Done(); err != nil {
		return false, fmt.Errorf("%w: %w", errSnapshot, err)
	}
	if err := q.grouper.UnmarshalBinary(gdata); err != nil {
		return false, fmt.Errorf("%w: %w", errSnapshot, err)
	}
	if q.grouper.Len() != n {
		return false, fmt.Errorf("%w: %d articles, the grouper holds %d", errSnapshot, n, q.grouper.Len())
	}
	q.saved = q.added
	p.grouper, p.canon, p.ids, p.at, p.copyAt, p.want = q.grouper, q.canon, q.ids, q.at, q.copyAt, q.want
	p.pending, p.stories, p.mapped = q.pending, q.stories, q.mapped
	p.last, p.added, p.latest, p.saved = q.last, q.added, q.latest, q.saved
	return true, nil
}

// load restores the stored snapshot, when there is one made with the
// placer's options. A snapshot that does not decode is left aside: the
// placer replays every article instead.
func (p *placer) load(ctx context.Context) error {
	if !p.retiring() {
		return nil
	}
	data, err := p.st.State(ctx, stateName)
	if errors.Is(err, store.ErrNotFound) || (err == nil && len(data) == 0) {
		return nil // none saved, or cleared
	}
	if err != nil {
		return err
	}
	if _, err := p.restore(data); err != nil {
		p.logf("ignoring the stored grouping state, replaying every article", "err", err)
	}
	return nil
}

// newGrouper returns the grouper of a placer with options opts.
func newGrouper(opts cluster.Options) *tidings.Grouper {
	return tidings.NewGrouper(tidings.StoryOptions{Cluster: opts})
}
