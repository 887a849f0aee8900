package server

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/internal/jobs"
	"tidings/news"
	"tidings/store"
)

// placer mirrors the grouper into the store: it runs every stored article
// through one tidings.Grouper, in id order, and writes the placements the
// grouper makes (the article's story, the article it copies) and the moves
// its settling step makes to earlier articles. Stories are found again by
// their grouper number (store.Story.Seq). Each story whose articles change
// is handed to touched, which queues it for re-summarizing.
//
// A placer is safe for concurrent use: add serializes the additions of
// this process, and the store's lock those of processes sharing a
// PostgreSQL database.
type placer struct {
	st      store.Store
	opts    cluster.Options
	touched func(story int64)
	logger  *slog.Logger // nil: discard
	every   int          // articles between retirements; 0: retireEvery
	// unsaved, set by the build of TestRestartScale, makes the
	// retirements save no snapshot: only close saves one.
	unsaved bool
	// handed, when set, returns the prepared form of a stored article
	// that this process stored and kept (handoff), or nil.
	handed func(id int64) *news.Article
	// stored, when set, is told of each article that putAll stored
	// anew, with its prepared form (the worker keeps it for the briefs).
	stored func(a *store.Article, prepared *news.Article)

	mu      sync.Mutex // serializes additions and guards the state below
	grouper *tidings.Grouper
	canon   []int64        // grouper number -> id of the article it copies, or its own
	ids     []int64        // grouper number -> article id
	at      []int64        // grouper number -> the story id stored for the article
	copyAt  []int64        // grouper number -> the copied article id stored for it
	want    []int          // grouper number -> the grouper's story number for it now
	pending map[int]bool   // grouper numbers whose placement the store may lack
	stories map[int]int64  // grouper story number -> story id
	mapped  map[int64]bool // story ids in stories
	last    int64          // the highest article id replayed or added
	// Of the window (window.go): the latest article date seen, how many
	// articles the grouper has had in all, and how many of them the last
	// snapshot saved holds.
	latest       time.Time
	added, saved int64
	// started is set by the first start; restored and replayed count
	// its articles: those the snapshot held, those replayed from the
	// store.
	started            bool
	restored, replayed int
	// behind is set when an article stored by putAll was left out of
	// the grouper (an add failed): the next putAll replays it.
	behind bool
}

// newPlacer returns a placer over st that groups with opts and reports
// changed stories to touched. It has seen no article: call start.
func newPlacer(st store.Store, opts cluster.Options, touched func(story int64)) *placer {
	return &placer{st: st, opts: opts, touched: touched, grouper: newGrouper(opts),
		pending: map[int]bool{}, stories: map[int]int64{}, mapped: map[int64]bool{}}
}

// start brings the grouping state up to date with the store. The first
// start restores the stored snapshot of the active window (window.go),
// when there is one, replays the articles stored after it (every stored
// article without one) and saves a snapshot; a later start (a shared
// server's leader calls it on each wake) replays only what was stored
// since.
func (p *placer) start(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	first := !p.started
	if first {
		if err := p.load(ctx); err != nil {
			return err
		}
		p.restored = len(p.ids)
	}
	before := p.added
	if err := p.replay(ctx); err != nil {
		return err
	}
	if !first {
		return nil
	}
	p.started = true
	p.replayed = int(p.added - before)
	if p.logger != nil {
		p.logger.Info("grouping state", "restored", p.restored, "replayed", p.replayed, "held", len(p.ids))
	}
	if !p.retiring() {
		return nil
	}
	return p.save(ctx)
}

// logf logs an error of the placer's own.
func (p *placer) logf(msg string, args ...any) {
	if p.logger != nil {
		p.logger.Error(msg, args...)
	}
}

// putAll adds arts to the store at once (store.Store.AddArticles; each
// once: the same key twice is one article) and places the new ones in
// stories, in id order, writing their placements at once too. prepared[i] is arts[i],
// cleaned and segmented. created[i] tells whether arts[i] was new; each
// article's ID, Story and CopyOf are set from the store and the
// placements.
//
// Once the store has arts, they are acknowledged: a failed placement is
// returned as placeErr, not err, and replay places what it left at the
// next call or start.
func (p *placer) putAll(ctx context.Context, arts []*store.Article, prepared []*news.Article) (created []bool, placeErr, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// Processes sharing a PostgreSQL database take turns, and each first
	// replays what the others added, so that all place articles alike.
	// A store that only this process uses has nothing to replay after
	// the start.
	unlock, err := p.st.Lock(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	if ex, ok := p.st.(exclusive); !ok || !ex.Exclusive() || !p.started || p.behind {
		if err := p.replay(ctx); err != nil {
			return nil, nil, err
		}
		p.behind = false
	}
	created, err = p.st.AddArticles(ctx, arts)
	if err != nil {
		return nil, nil, err
	}
	var fresh []int // indices of the new articles, in id order
	for i, c := range created {
		if c {
			fresh = append(fresh, i)
		}
	}
	slices.SortFunc(fresh, func(i, j int) int { return cmp.Compare(arts[i].ID, arts[j].ID) })
	if p.stored != nil {
		for _, i := range fresh {
			p.stored(arts[i], prepared[i])
		}
	}
	keys := groupKeys(len(fresh), func(k int) *tidings.GroupKey {
		i := fresh[k]
		return p.key(arts[i], sameArticle(arts[i], prepared[i]))
	})
	for k, i := range fresh {
		if _, placeErr = p.add(ctx, *arts[i], keys[k]); placeErr != nil {
			p.behind = true // the next call replays what this one left
			break
		}
	}
	if placeErr == nil {
		placeErr = p.sync(ctx)
	}
	// Each article's placement after the whole batch: a later one may
	// have moved an earlier one.
	for _, a := range arts {
		if k, ok := slices.BinarySearch(p.ids, a.ID); ok && p.at[k] != 0 {
			a.Story, a.CopyOf = p.at[k], p.copyAt[k]
		}
	}
	return created, placeErr, nil
}

// maxTellPlaced bounds the placements the leader tells at once: the
// latest, which the posts waiting are for (a first replay may place the
// whole store); a waiter not told asks the store.
const maxTellPlaced = 256

// placedAfter returns the placements of the articles held after id
// whose placement the store has, in id order, the last maxTellPlaced of
// them: what the leader tells the posts waiting for them
// (jobs.Queue.Placed).
func (p *placer) placedAfter(id int64) []jobs.Placement {
	p.mu.Lock()
	defer p.mu.Unlock()
	k, _ := slices.BinarySearch(p.ids, id+1)
	k = max(k, len(p.ids)-maxTellPlaced)
	var out []jobs.Placement
	for ; k < len(p.ids); k++ {
		if p.at[k] != 0 && !p.pending[k] {
			out = append(out, jobs.Placement{Article: p.ids[k], Story: p.at[k], CopyOf: p.copyAt[k]})
		}
	}
	return out
}

// put is putAll of one article.
func (p *placer) put(ctx context.Context, a *store.Article, prepared *news.Article) (created bool, placeErr, err error) {
	c, placeErr, err := p.putAll(ctx, []*store.Article{a}, []*news.Article{prepared})
	if err != nil {
		return false, nil, err
	}
	return c[0], placeErr, nil
}

// replay adds the stored articles the grouper has not seen, in id order.
// An article stored but not yet placed (the process died in between) is
// placed now and its story re-summarized.
func (p *placer) replay(ctx context.Context) error {
	const pageSize = 500
	for {
		page, err := p.st.Articles(ctx, p.last, pageSize)
		if err != nil {
			return err
		}
		keys := groupKeys(len(page), func(i int) *tidings.GroupKey { return p.key(&page[i], nil) })
		for i, a := range page {
			if _, err := p.add(ctx, a, keys[i]); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			break // the last page: no need to ask for an empty one
		}
	}
	return p.sync(ctx)
}

// key returns the group key of stored article a (tidings.NewGroupKey)
// from prepared, its prepared form, or when that is nil the form handed
// over (handed), or else a's stored text segmented. It is safe for
// concurrent use (groupKeys).
func (p *placer) key(a *store.Article, prepared *news.Article) *tidings.GroupKey {
	if prepared == nil && p.handed != nil {
		prepared = sameArticle(a, p.handed(a.ID))
	}
	if prepared == nil {
		na := segmented(*a)
		prepared = &na
	}
	return tidings.NewGroupKey(prepared)
}

// minKeysEach is the fewest keys worth a goroutine of groupKeys.
const minKeysEach = 4

// groupKeys returns key(i) for i from 0 to n-1, made on every core: the
// grouper adds the articles one at a time, under the placer's lock, but
// most of what adding one costs (segmenting a stored text, signing it,
// its event doc) is its key, which needs no grouper.
func groupKeys(n int, key func(i int) *tidings.GroupKey) []*tidings.GroupKey {
	keys := make([]*tidings.GroupKey, n)
	workers := min(runtime.GOMAXPROCS(0), n/minKeysEach)
	if workers <= 1 {
		for i := range keys {
			keys[i] = key(i)
		}
		return keys
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				keys[i] = key(i)
			}
		})
	}
	wg.Wait()
	return keys
}

// add runs stored article a, whose group key is key (placer.key), through
// the grouper, without writing placements: it records what the store
// says of a and what the grouper now says, and marks a and the articles
// it made move as pending. It returns a's grouper number.
func (p *placer) add(ctx context.Context, a store.Article, key *tidings.GroupKey) (int, error) {
	n, group, moved := p.grouper.AddKeyed(key)
	var copyOf int64
	if n >= 0 {
		copyOf = p.canon[n] // a copy of a copy copies the first
	}
	k := len(p.ids)
	p.canon = append(p.canon, cmp.Or(copyOf, a.ID))
	p.ids = append(p.ids, a.ID)
	p.at = append(p.at, a.Story)
	p.copyAt = append(p.copyAt, a.CopyOf)
	p.want = append(p.want, group)
	p.last = a.ID
	// The story's id now, while a can tell it for a database whose
	// stories have no Seq yet.
	if _, err := p.storyID(ctx, group, a); err != nil {
		return 0, err
	}
	p.pending[k] = true
	for _, m := range moved {
		p.want[m.Article] = m.Story
		p.pending[m.Article] = true
	}
	p.note(a)
	if p.due() {
		return p.checkpoint(ctx, k)
	}
	return k, nil
}

// sync writes the placements of the pending articles that the store
// does not have yet, at once (store.Store.PlaceArticles), and marks their
// old and new stories for re-summarizing. What a failed write leaves
// pending is tried again at the next sync.
func (p *placer) sync(ctx context.Context) error {
	ks := slices.Sorted(maps.Keys(p.pending))
	var places []store.Placement
	var write []int // the grouper numbers of places
	for _, k := range ks {
		to, err := p.storyID(ctx, p.want[k], store.Article{})
		if err != nil {
			return err
		}
		var copyOf int64
		if c := p.canon[k]; c != p.ids[k] {
			copyOf = c
		}
		if p.at[k] != to || p.copyAt[k] != copyOf {
			places = append(places, store.Placement{Article: p.ids[k], Story: to, CopyOf: copyOf})
			write = append(write, k)
		}
	}
	if err := p.st.PlaceArticles(ctx, places); err != nil {
		return err
	}
	for i, k := range write {
		to := places[i].Story
		if from := p.at[k]; from != 0 && from != to {
			p.touched(from)
		}
		p.at[k], p.copyAt[k] = to, places[i].CopyOf
		p.touched(to)
	}
	clear(p.pending)
	return nil
}

// storyID returns the id of the story with grouper number group, creating
// it when the store has none: the story whose Seq is group+1, else (a
// database from before stories had one) the story that a, when it was
// placed before, was stored in, unless another group has that story.
func (p *placer) storyID(ctx context.Context, group int, a store.Article) (int64, error) {
	if id, ok := p.stories[group]; ok {
		return id, nil
	}
	seq := int64(group) + 1
	id, err := p.st.StoryBySeq(ctx, seq)
	switch {
	case err == nil:
	case !errors.Is(err, store.ErrNotFound):
		return 0, err
	case a.Story != 0 && !p.mapped[a.Story]:
		id = a.Story
		if err := p.st.SetStorySeq(ctx, id, seq); err != nil {
			return 0, err
		}
	default:
		st := store.Story{Title: a.Title, Body: []byte("{}"), Seq: seq}
		if err := p.st.PutStory(ctx, &st); err != nil {
			return 0, err
		}
		id = st.ID
	}
	p.stories[group] = id
	p.mapped[id] = true
	return id, nil
}
