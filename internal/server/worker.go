package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"tidings"
	"tidings/news"
	"tidings/render"
	"tidings/store"
)

// cacheSize bounds the prepared articles the worker keeps.
const cacheSize = 5000

// When the worker summarizes: a round takes every story touched so far,
// once spreadQuiet passes without a touch (a burst of posts is over), or
// once briefQuiet passes without one and briefRest times what the last
// round took has passed since it ended (a post or a few, not a burst);
// while touches go on, briefGather after the round's first touch and no
// sooner than briefRest times what the last round took after it ended.
// So briefs take at most about an eighth of a core from a long burst of
// posts, even on a busy machine whose posts come with gaps, and a story
// that takes many articles meanwhile is summarized once for all of them.
// (A round re-briefs every story touched and costs about what the
// stories hold in all, so what the briefs of a burst cost a post is
// their share of a core over the posts' rate, and more on a busy
// machine, whose posts come slower.)
// While the posts are quiet (or wait asks for a round) a round
// summarizes on every core, one story per core at a time: nothing else
// wants them then, and the briefs are current the sooner; during a
// burst, one story at a time. Quiet, for that, is spreadQuiet without a
// touch too.
const (
	briefQuiet  = 50 * time.Millisecond
	briefGather = time.Second
	briefRest   = 7
	spreadQuiet = 250 * time.Millisecond
)

// worker re-summarizes stories in the background: touch queues a story,
// and one goroutine rebuilds the queued stories' briefs from their
// stored articles and stores them, in rounds (see briefGather). A story
// touched many times while it waits is summarized once, so ingest never
// waits for summaries, and a read returns the last brief made.
type worker struct {
	st     store.Store
	p      *tidings.Pipeline
	words  int // each brief's budget; 0 means the pipeline's default
	logger *slog.Logger

	mu    sync.Mutex // guards the fields up to idle
	dirty map[int64]bool
	busy  bool
	// first and last are the first and the latest touch since the last
	// round began (first is zero for none); ended is when the last round
	// ended and took how long; flush asks for a round now (wait).
	first, last, ended time.Time
	took               time.Duration
	flush              bool
	idle               *sync.Cond // broadcast when nothing is dirty or busy

	wake     chan struct{}
	stop     chan struct{}
	finished chan struct{}
	cacheMu  sync.Mutex             // guards cache: a shared server's brief jobs run at once
	cache    map[int64]news.Article // prepared articles
}

// newWorker starts a worker over st; stop it with close.
func newWorker(st store.Store, words int, logger *slog.Logger) *worker {
	w := &worker{st: st, p: &tidings.Pipeline{}, words: words, logger: logger,
		dirty: map[int64]bool{}, wake: make(chan struct{}, 1), stop: make(chan struct{}), finished: make(chan struct{}),
		cache: map[int64]news.Article{}}
	w.idle = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// close stops the worker after the story it is on. It may be called more
// than once.
func (w *worker) close() {
	select {
	case <-w.stop:
	default:
		close(w.stop)
	}
	<-w.finished
}

// touch marks story id for re-summarizing.
func (w *worker) touch(id int64) {
	now := time.Now()
	w.mu.Lock()
	w.dirty[id] = true
	if w.first.IsZero() {
		w.first = now
	}
	w.last = now
	w.mu.Unlock()
	w.poke()
}

// poke wakes the worker's goroutine.
func (w *worker) poke() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// wait blocks until every touched story is summarized, asking for a
// round now rather than after the gathering.
func (w *worker) wait() {
	w.mu.Lock()
	if len(w.dirty) > 0 {
		w.flush = true
		w.poke()
	}
	for len(w.dirty) > 0 || w.busy {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

// due returns how long before the next round may begin, 0 for now (see
// briefGather). The caller holds w.mu and has dirty stories.
func (w *worker) due(now time.Time) time.Duration {
	if w.flush {
		return 0
	}
	over := w.last.Add(spreadQuiet) // a burst is over
	rested := w.ended.Add(briefRest * w.took)
	quiet := w.last.Add(briefQuiet)
	if rested.After(quiet) {
		quiet = rested // a gap in a burst: the rest holds
	}
	at := w.first.Add(briefGather)
	if rested.After(at) {
		at = rested
	}
	next := min(over.Sub(now), quiet.Sub(now), at.Sub(now))
	return max(next, 0)
}

// run re-summarizes touched stories in rounds, lowest id first, until
// close; what is left then is dropped, so that no wait blocks for ever.
func (w *worker) run() {
	defer close(w.finished)
	defer func() {
		w.mu.Lock()
		clear(w.dirty)
		w.busy = false
		w.idle.Broadcast()
		w.mu.Unlock()
	}()
	for {
		w.mu.Lock()
		var wait time.Duration
		var ids []int64
		now := time.Now()
		switch {
		case len(w.dirty) == 0:
			w.busy, w.flush = false, false
			w.idle.Broadcast()
			wait = -1
		default:
			if wait = w.due(now); wait == 0 {
				ids = slices.Sorted(maps.Keys(w.dirty))
				clear(w.dirty)
				w.busy, w.first = true, time.Time{}
			}
		}
		w.mu.Unlock()
		if ids == nil {
			var later <-chan time.Time
			if wait > 0 {
				later = time.After(wait)
			}
			select {
			case <-w.stop:
				return
			case <-w.wake:
			case <-later:
			}
			continue
		}
		if !w.round(ids) {
			return
		}
		end := time.Now()
		w.mu.Lock()
		w.ended, w.took = end, end.Sub(now)
		w.mu.Unlock()
	}
}

// round summarizes the stories ids, lowest first: one at a time while
// posts go on, and one per core at a time while they are quiet (a story
// touched less than spreadQuiet ago ends the extra goroutines). It
// returns false when close stopped it.
func (w *worker) round(ids []int64) bool {
	next := make(chan int64)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(next)
	run := func(extra bool) {
		for id := range next {
			// The brief reads the story as it is from now on, so it
			// covers the touches made so far (the placer touches a
			// story once its placements are written): the story
			// waits for the next round only if touched again.
			w.mu.Lock()
			delete(w.dirty, id)
			w.mu.Unlock()
			if err := w.summarize(context.Background(), id); err != nil {
				w.logger.Error("summarizing story", "story", id, "err", err)
			}
			if extra && !w.quiet() {
				return // posts again: the cores are theirs
			}
		}
	}
	wg.Go(func() { run(false) })
	var extra atomic.Int32
	for _, id := range ids {
		if int(extra.Load()) < runtime.GOMAXPROCS(0)-1 && w.quiet() {
			extra.Add(1)
			wg.Go(func() {
				defer extra.Add(-1)
				run(true)
			})
		}
		select {
		case <-w.stop:
			return false
		case next <- id:
		}
	}
	return true
}

// quiet reports whether spreadQuiet has passed since the last touch, or
// wait asked for a round.
func (w *worker) quiet() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flush || time.Since(w.last) >= spreadQuiet
}

// summarize rebuilds story id's brief from its articles and stores it.
// It is safe for concurrent use (a shared server's Brief jobs call it).
func (w *worker) summarize(ctx context.Context, id int64) error {
	stored, held, err := w.storyArticles(ctx, id)
	if err != nil {
		return err
	}
	var arts []news.Article
	at := map[int64]int{}
	for k, a := range stored {
		if a.CopyOf != 0 {
			if i, ok := at[a.CopyOf]; ok {
				arts[i].Copies = append(arts[i].Copies, news.Copy{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, URL: a.URL, Date: a.Published})
				continue
			}
		}
		var na news.Article
		if held[k] != nil {
			na = *held[k]
		} else {
			na = segmented(a)
			w.cacheNews(a.ID, na)
		}
		na.Copies = nil
		at[a.ID] = len(arts)
		arts = append(arts, na)
	}
	rec := store.Story{ID: id, Articles: len(stored), Updated: time.Now().UTC()}
	if len(arts) > 0 {
		st, err := w.p.Story(ctx, strconv.FormatInt(id, 10), arts, tidings.Options{Words: w.words})
		if err != nil {
			return err
		}
		rec.Title = storyTitle(arts)
		rec.Summary = tidings.SummaryText(st.Summary)
		body := render.StoryJSON(&st)
		if rec.Body, err = json.Marshal(body); err != nil {
			return err
		}
	} else {
		rec.Body = []byte("{}")
	}
	return w.st.PutStory(ctx, &rec)
}

// storyHeads is what the worker asks of a store beside store.Store to
// read a story without the texts it holds prepared (store/sql.go).
type storyHeads interface {
	StoryHeads(ctx context.Context, id int64) ([]store.Article, error)
}

// maxTextReads is the most articles of a story whose texts the worker
// reads one by one; with more not held prepared, it reads the story's
// articles whole.
const maxTextReads = 8

// storyArticles returns the articles of story id as
// store.Store.StoryArticles does, and held[i], the prepared form of
// stored[i] that the worker holds, or nil. An article held may come
// without its texts: the worker reads the story's heads (storyHeads),
// when the store can, then the texts of the articles it does not hold.
func (w *worker) storyArticles(ctx context.Context, id int64) (stored []store.Article, held []*news.Article, err error) {
	hs, heads := w.st.(storyHeads)
	if heads {
		stored, err = hs.StoryHeads(ctx, id)
	} else {
		stored, err = w.st.StoryArticles(ctx, id)
	}
	if err != nil {
		return nil, nil, err
	}
	held = make([]*news.Article, len(stored))
	var missing []int
	w.cacheMu.Lock()
	for i, a := range stored {
		if na, ok := w.cache[a.ID]; ok {
			held[i] = &na
		} else {
			missing = append(missing, i)
		}
	}
	w.cacheMu.Unlock()
	switch {
	case !heads || len(missing) == 0:
	case len(missing) > maxTextReads:
		whole, err := w.st.StoryArticles(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		// The story as it is now: what is held of it stays held.
		byID := make(map[int64]*news.Article, len(stored))
		for i, a := range stored {
			byID[a.ID] = held[i]
		}
		held = make([]*news.Article, len(whole))
		for i, a := range whole {
			held[i] = byID[a.ID]
		}
		stored = whole
	default:
		for _, i := range missing {
			a, err := w.st.Article(ctx, stored[i].ID)
			if err != nil {
				return nil, nil, err
			}
			stored[i] = a
		}
	}
	return stored, held, nil
}

// cacheNews keeps na, the prepared form of stored article id, without
// its Raw input (a page may be 100 KB; the briefs read Text only).
func (w *worker) cacheNews(id int64, na news.Article) {
	na.Raw = ""
	w.cacheMu.Lock()
	defer w.cacheMu.Unlock()
	if len(w.cache) >= cacheSize {
		clear(w.cache) // crude, but bounded; refills from hot stories
	}
	w.cache[id] = na
}

// keep caches what segmented(a) would return of article a, just stored,
// from prepared, its form cleaned and segmented before it was stored
// (nil, or another text, is left out): so a story's next brief does not
// segment its new articles again. The cached article is a's fields as
// the store gives them, with prepared's sentences, copied and named
// with a's id; prepared is not changed.
func (w *worker) keep(a *store.Article, prepared *news.Article) {
	if prepared == nil || prepared.Text != a.Text {
		return
	}
	na := toNews(*a)
	na.Text = a.Text
	id := strconv.FormatInt(a.ID, 10)
	na.Sentences = slices.Clone(prepared.Sentences)
	for i := range na.Sentences {
		na.Sentences[i].ArticleID = id
	}
	w.cacheNews(a.ID, na)
}

// storyTitle is the title of the story's earliest titled article.
func storyTitle(arts []news.Article) string {
	for _, a := range arts {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}
