package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"tidings"
	"tidings/news"
	"tidings/render"
	"tidings/store"
)

// cacheSize bounds the prepared articles the worker keeps.
const cacheSize = 5000

// worker re-summarizes stories in the background: touch queues a story,
// and one goroutine rebuilds each queued story's brief from its stored
// articles and stores it. A story touched many times while it waits is
// summarized once, so ingest never waits for summaries, and a read
// returns the last brief made.
type worker struct {
	st     store.Store
	p      *tidings.Pipeline
	words  int // each brief's budget; 0 means the pipeline's default
	logger *slog.Logger

	mu       sync.Mutex // guards dirty and busy
	dirty    map[int64]bool
	busy     bool
	idle     *sync.Cond // broadcast when nothing is dirty or busy
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
	w.mu.Lock()
	w.dirty[id] = true
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// wait blocks until every touched story is summarized.
func (w *worker) wait() {
	w.mu.Lock()
	for len(w.dirty) > 0 || w.busy {
		w.idle.Wait()
	}
	w.mu.Unlock()
}

// run re-summarizes touched stories, lowest id first, one at a time,
// until close.
func (w *worker) run() {
	defer close(w.finished)
	for {
		w.mu.Lock()
		var id int64
		for d := range w.dirty {
			if id == 0 || d < id {
				id = d
			}
		}
		if id != 0 {
			delete(w.dirty, id)
			w.busy = true
		} else {
			w.busy = false
			w.idle.Broadcast()
		}
		w.mu.Unlock()
		if id == 0 {
			select {
			case <-w.stop:
				return
			case <-w.wake:
			}
			continue
		}
		if err := w.summarize(context.Background(), id); err != nil {
			w.logger.Error("summarizing story", "story", id, "err", err)
		}
	}
}

// summarize rebuilds story id's brief from its articles and stores it.
// It is safe for concurrent use (a shared server's Brief jobs call it).
func (w *worker) summarize(ctx context.Context, id int64) error {
	stored, err := w.st.StoryArticles(ctx, id)
	if err != nil {
		return err
	}
	var arts []news.Article
	at := map[int64]int{}
	for _, a := range stored {
		if a.CopyOf != 0 {
			if i, ok := at[a.CopyOf]; ok {
				arts[i].Copies = append(arts[i].Copies, news.Copy{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, URL: a.URL, Date: a.Published})
				continue
			}
		}
		w.cacheMu.Lock()
		na, ok := w.cache[a.ID]
		w.cacheMu.Unlock()
		if !ok {
			na = segmented(a)
			w.cacheMu.Lock()
			if len(w.cache) >= cacheSize {
				clear(w.cache) // crude, but bounded; refills from hot stories
			}
			w.cache[a.ID] = na
			w.cacheMu.Unlock()
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

// storyTitle is the title of the story's earliest titled article.
func storyTitle(arts []news.Article) string {
	for _, a := range arts {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}
