package server

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"tidings/clean"
	"tidings/ingest"
	"tidings/internal/jobs"
	"tidings/news"
	"tidings/store"
)

// A server with Options.Queue shares its work with the other servers of
// its PostgreSQL database: a posted article is cleaned and stored by the
// server it was posted to (in group commits, under the queue's order
// lock), a post of a page to fetch is a Prepare job that any server runs
// (fetch, clean, store), and so is each feed item; feed polls and briefs
// are jobs too, and the one server that leads (jobs.Queue elects it)
// places the stored articles into stories with a placer of its own, made
// anew for each term of leadership. The post's handler waits for the
// article's placement (after its job, for a fetch), so a client's answer
// still names the story. A posted article needs no job: its post is
// answered only once it is stored, and one whose server died before
// answering is posted again (the same article is one article), so a job
// would only add River's statements (insert, fetch, completion, the
// telling of its end) to each post.

// leadStats measure the leader's placing after its first replay: the
// work that one process does for all, which bounds the rate of the whole
// (TestFirehose reads them).
type leadStats struct {
	busy     atomic.Int64 // nanoseconds placing and telling
	articles atomic.Int64 // articles placed (ids advanced)
}

// defaultAckWait is how long a post waits for its job and its placement.
const defaultAckWait = 30 * time.Second

// placements is what the shared server asks of its store beside
// store.Store (store/jobs.go).
type placements interface {
	Placement(ctx context.Context, id int64) (story, copyOf int64, err error)
	StaleStories(ctx context.Context, limit int) ([]int64, error)
	StaleStoriesAfter(ctx context.Context, after int64) ([]int64, error)
}

// startShared starts the queue with the server's handlers.
func (s *Server) startShared() error {
	if _, ok := s.st.(placements); !ok {
		return errNotShared
	}
	h := jobs.Handlers{Prepare: s.runPrepare, Poll: s.runPoll, Brief: s.worker.summarize, Lead: s.lead}
	if c, ok := s.st.(*cachedStore); ok {
		h.Briefed = c.forget
	}
	return s.queue.Start(h)
}

// submitAndAnswer answers a post of a page to fetch on a shared server
// (POST /api/fetch): it queues job, waits
// for it and for the article's placement, and answers as ingestAndAnswer
// does; 202 Accepted (the article is stored, its story not yet known)
// when no leader placed it within the wait.
func (s *Server) submitAndAnswer(w http.ResponseWriter, r *http.Request, job jobs.Prepare, source string) {
	ctx, cancel := context.WithTimeout(r.Context(), s.ackWait)
	defer cancel()
	res, err := s.queue.Prepare(ctx, job)
	switch {
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil:
		w.Header().Set("Retry-After", "5")
		fail(w, http.StatusServiceUnavailable, "the article was queued but not stored within %v; posting it again is safe", s.ackWait)
		return
	case err != nil:
		s.internal(w, err)
		return
	case res.Code != 0:
		msg := res.Error
		if res.Code == http.StatusUnprocessableEntity && source != "" {
			msg = source + ": " + msg
		}
		fail(w, res.Code, "%s", msg)
		return
	}
	out := posted{ID: res.ID, Created: res.Created}
	out.Story, out.CopyOf, err = s.waitPlaced(ctx, res.ID)
	code := http.StatusOK
	if out.Created {
		code = http.StatusCreated
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil:
		code = http.StatusAccepted
	case err != nil:
		s.internal(w, err)
		return
	}
	writeJSON(w, code, out)
}

// waitPlaced waits until article id has a story (jobs.Queue.AwaitPlaced),
// or ctx ends.
func (s *Server) waitPlaced(ctx context.Context, id int64) (story, copyOf int64, err error) {
	pl := s.st.(placements)
	err = s.queue.AwaitPlaced(ctx, id, func(ctx context.Context) (bool, error) {
		if told, ok := s.queue.ToldPlacement(id); ok {
			story, copyOf = told.Story, told.CopyOf
			return true, nil
		}
		var err error
		story, copyOf, err = pl.Placement(ctx, id)
		return story != 0, err
	})
	return story, copyOf, err
}

// runPrepare is the Prepare job: fetch (when asked), clean and store one
// article. Refusals that trying again cannot change are its result; a
// failure of the store is its error, and River tries it again. It is
// idempotent: the article's key finds the one stored before.
func (s *Server) runPrepare(ctx context.Context, j jobs.Prepare) (jobs.Result, error) {
	a := store.Article{URL: j.URL, Outlet: j.Outlet, Title: j.Title, Author: j.Author, Published: j.Published, Raw: j.Raw, IsHTML: j.IsHTML}
	if j.Fetch {
		na, err := s.fetcher.Article(ctx, j.URL)
		switch {
		case err == nil:
			a.URL, a.Raw, a.IsHTML = na.URL, na.Raw, na.IsHTML
		case j.Fallback != "":
			s.opts.Logger.Info("feed item page not fetched; using the item's content", "url", j.URL, "err", err)
			a.Raw, a.IsHTML = j.Fallback, strings.Contains(j.Fallback, "<")
		case errors.Is(err, ingest.ErrForbiddenAddress) || errors.Is(err, ingest.ErrBadURL):
			return jobs.Result{Code: http.StatusBadRequest, Error: err.Error()}, nil
		default:
			return jobs.Result{Code: http.StatusBadGateway, Error: err.Error()}, nil
		}
	}
	out, err := s.ingest(ctx, a)
	switch {
	case errors.Is(err, clean.ErrTooLarge):
		return jobs.Result{Code: http.StatusRequestEntityTooLarge, Error: strings.TrimPrefix(err.Error(), "clean: ")}, nil
	case errors.Is(err, errNoText):
		return jobs.Result{Code: http.StatusUnprocessableEntity, Error: err.Error()}, nil
	case err != nil:
		return jobs.Result{}, err
	}
	return jobs.Result{ID: out.ID, Created: out.Created}, nil
}

// storeAll stores the prepared articles arts of a group commit on a
// shared server, in id order (jobs.Queue.InOrder), in one statement,
// and hands the new ones, prepared, to this process's leader (when it
// leads); the end of their jobs wakes the leader to place them. placeErr
// is always nil: placing is the leader's.
func (s *Server) storeAll(ctx context.Context, arts []*store.Article, prepared []*news.Article) (created []bool, placeErr, err error) {
	err = s.queue.InOrder(ctx, func() error {
		var err error
		created, err = s.st.AddArticles(ctx, arts)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	leading := s.queue.Leading()
	for i, c := range created {
		if !c {
			continue
		}
		// This server may run the brief job of the article's story.
		s.worker.keep(arts[i], prepared[i])
		if na := sameArticle(arts[i], prepared[i]); leading && na != nil {
			s.handoff.put(arts[i].ID, na)
		}
	}
	return created, nil, nil
}

// runPoll is the Poll job: poll feed id, queueing its new items.
func (s *Server) runPoll(ctx context.Context, id int64) error {
	feeds, err := s.st.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		if f.ID == id {
			s.pollAndRecord(ctx, f)
			return nil
		}
	}
	return nil // the feed was deleted since
}

// runShared asks for every feed to be polled every Options.PollEvery, and
// soon after a feed is added; the queue keeps one poll of each feed in a
// period however many servers ask.
func (s *Server) runShared(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		feeds, err := s.st.Feeds(ctx)
		if err == nil {
			ids := make([]int64, len(feeds))
			for i, f := range feeds {
				ids[i] = f.ID
			}
			err = s.queue.PollFeeds(ctx, ids, every)
		}
		if err != nil && ctx.Err() == nil {
			s.opts.Logger.Error("queueing feed polls", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.poke:
		}
	}
}

// briefDelay is how long the leader gathers the stories that change
// before it asks for their briefs: a story that takes ten articles in
// that time is summarized once, not ten times. A round of briefs is
// asked only once the last is done, and no sooner than briefRest times
// what the last took after it ended (as the worker does), so that during
// a long burst briefs take at most about an eighth of the servers' brief
// workers; the burst is over once leadQuiet passes without a placement,
// and then the rest is not waited for. briefPoll is how often the leader
// looks whether a round is done.
const (
	briefDelay = time.Second
	briefPoll  = 100 * time.Millisecond
	leadQuiet  = 250 * time.Millisecond
)

// lead is the leader's work: on each wake, place the articles stored
// since the last (the first wake replays all) and tell the waiting posts;
// briefDelay after a story first changes, ask for the briefs of the
// stories that changed (see briefDelay). A story whose brief job was
// already running may have been read before the change: it is asked for
// again at the next round, until its job was queued after the change.
func (s *Server) lead(ctx context.Context, wake <-chan struct{}) {
	dirty := map[int64]bool{}
	var placed int64 // the highest article id told placed
	p := newPlacer(s.st, s.opts.Cluster, func(id int64) { dirty[id] = true })
	p.handed = s.handoff.take
	checked := false // for stale stories
	var (
		brief <-chan time.Time // when to ask for the briefs of dirty
		asked time.Time        // when the round not known done was asked; zero for none
		rest  time.Time        // during a burst, no round before then
		moved time.Time        // when articles were last placed
	)
	for {
		began, from := time.Now(), p.last
		err := p.start(ctx)
		if err != nil && ctx.Err() == nil {
			s.opts.Logger.Error("placing articles", "err", err)
		}
		if err == nil && !checked {
			// Stories that a leader which died between placing and
			// asking left without their brief: those of the active
			// window, which the placer now holds.
			checked = true
			if stale, err := s.st.(placements).StaleStoriesAfter(ctx, p.windowStart()); err == nil {
				for _, id := range stale {
					dirty[id] = true
				}
			} else if ctx.Err() == nil {
				s.opts.Logger.Error("listing stale stories", "err", err)
			}
		}
		if p.last > placed {
			told := p.placedAfter(placed)
			placed, moved = p.last, time.Now()
			if err := s.queue.Placed(ctx, placed, told); err != nil && ctx.Err() == nil {
				s.opts.Logger.Warn("telling of placements", "err", err) // waiters poll too
			}
		}
		if from > 0 { // not the first replay: the work of the moment
			s.leadStats.busy.Add(int64(time.Since(began)))
			s.leadStats.articles.Add(p.last - from)
		}
		if len(dirty) > 0 && brief == nil {
			brief = time.After(max(briefDelay, time.Until(rest)))
		}
		select {
		case <-ctx.Done():
			// The grouping state, for a fast start of the next leader.
			cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := p.close(cctx); err != nil {
				s.opts.Logger.Error("saving the grouping state", "err", err)
			}
			cancel()
			return
		case <-wake:
		case <-brief:
			brief = nil
			now := time.Now()
			if !asked.IsZero() {
				n, err := s.queue.BriefsUnfinished(ctx, 1)
				if err == nil && n > 0 {
					brief = time.After(briefPoll) // the last round is not done
					continue
				}
				rest, asked = now.Add(briefRest*now.Sub(asked)), time.Time{}
			}
			if now.Before(rest) && now.Sub(moved) < leadQuiet { // resting, in a burst
				brief = time.After(min(rest.Sub(now), moved.Add(leadQuiet).Sub(now)))
				continue
			}
			ids := make([]int64, 0, len(dirty))
			for id := range dirty {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			running, err := s.queue.Briefs(ctx, ids)
			if err != nil {
				if ctx.Err() == nil {
					s.opts.Logger.Error("queueing briefs", "err", err)
				}
				continue // all of them again at the next round
			}
			asked = time.Now()
			clear(dirty)
			for _, id := range running {
				dirty[id] = true
			}
		}
	}
}

// waitShared blocks until the queue has no unfinished job and no story's
// brief counts another number of articles than it holds (the leader
// gathers changes for briefDelay before it queues briefs), twice in a row
// 50 ms apart, or a minute has passed.
func (s *Server) waitShared() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	quiet := 0
	for quiet < 2 && ctx.Err() == nil {
		n, err := s.queue.Unfinished(ctx, 1)
		var stale []int64
		if err == nil {
			stale, err = s.st.(placements).StaleStories(ctx, 1)
		}
		if err == nil && n == 0 && len(stale) == 0 {
			quiet++
		} else {
			quiet = 0
		}
		select {
		case <-ctx.Done():
		case <-time.After(50 * time.Millisecond):
		}
	}
}
