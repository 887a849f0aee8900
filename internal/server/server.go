package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/ingest"
	"tidings/internal/jobs"
	"tidings/store"
)

// Limits of what the server accepts.
const (
	// MaxBody is the largest request body, in bytes.
	MaxBody = 4 << 20
	// maxPage is the most stories one list request returns.
	maxPage = 100
	// MaxFeeds is the most feeds a server follows.
	MaxFeeds = 1000
	// MaxFeedItems is the most items taken from one poll of a feed.
	MaxFeedItems = 200
)

// Options configures a Server.
type Options struct {
	// Token guards the write endpoints (and, with Private, the reads).
	// It must not be empty.
	Token string
	// Private makes reads need the token too.
	Private bool
	// Words is each story brief's budget; 0 means 120.
	Words int
	// Logger receives one line per ingest error; nil discards.
	Logger *slog.Logger
	// Fetch bounds the fetching of pages and feeds; its zero value refuses
	// every non-public address.
	Fetch ingest.FetchOptions
	// PollEvery is how often Run polls the feeds; 0 means 15 minutes.
	PollEvery time.Duration
	// Cluster controls how articles are grouped into stories; the zero
	// value uses the defaults.
	Cluster cluster.Options
	// ReadRate is how many reads (GET of the API, the pages and the story
	// feeds) a second each client may make, in bursts of twice as many;
	// a client is a remote IP address, or an IPv6 /64. 0 means
	// DefaultReadRate; negative means no limit. A read over it is
	// answered 429 with Retry-After.
	ReadRate float64
	// WriteRate is the same for writes (POST and DELETE of the API); 0
	// means DefaultWriteRate.
	WriteRate float64
	// Queue, when set, shares the work with the other servers of the
	// store's PostgreSQL database (shared.go): New starts it and Close
	// closes it. nil keeps all the work in this process, as for SQLite.
	Queue *jobs.Queue

	// retireEvery is how many articles the placer places between two
	// retirements and snapshots (window.go); 0 means retireEvery. Tests
	// lower it.
	retireEvery int
}

// Server serves the API and the web pages over a store. Its handlers
// (api.go, feeds.go, web.go) clean what is posted; a placer (placer.go)
// stores it and mirrors the grouper's placements into the store; a
// worker (worker.go) re-summarizes the stories that changed.
type Server struct {
	st   store.Store
	opts Options
	p    *tidings.Pipeline // cleans posted articles

	placer  *placer
	commits *commits // group commits of posts, into placer
	handoff handoff  // a shared server's prepared articles, for its leader
	worker  *worker
	fetcher *ingest.Fetcher
	poke    chan struct{} // asks Run for a poll now

	draining context.Context // done once Drain is called
	drain    context.CancelFunc

	reads, writes *limiter // nil for no limit

	queue     *jobs.Queue   // nil: the work stays in this process
	ackWait   time.Duration // how long a shared post waits; tests lower it
	leadStats leadStats

	feedCap int // MaxFeeds; tests lower it
}

// New returns a server over st, after replaying its articles; a shared
// server (Options.Queue) replays them only when it comes to lead.
func New(ctx context.Context, st store.Store, opts Options) (*Server, error) {
	if opts.Token == "" {
		return nil, errors.New("server: no token")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	st = cacheStories(st, opts.Queue != nil)
	w := newWorker(st, opts.Words, opts.Logger)
	s := &Server{st: st, opts: opts, p: &tidings.Pipeline{},
		placer: newPlacer(st, opts.Cluster, w.touch), worker: w,
		fetcher: ingest.NewFetcher(opts.Fetch), poke: make(chan struct{}, 1)}
	s.placer.logger, s.placer.every, s.placer.stored = opts.Logger, opts.retireEvery, w.keep
	s.commits = &commits{run: s.placer.putAll}
	s.draining, s.drain = context.WithCancel(context.Background())
	s.feedCap = MaxFeeds
	s.reads, s.writes = newLimiter(opts.ReadRate, DefaultReadRate), newLimiter(opts.WriteRate, DefaultWriteRate)
	if s.queue, s.ackWait = opts.Queue, defaultAckWait; s.queue != nil {
		s.commits.run = s.storeAll
		if err := s.startShared(); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	if err := s.placer.start(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close stops a shared server's queue after its running jobs (for up to
// 10 s), saves the grouping state for a fast next start (placer.close)
// and stops the background summarizer after the story it is on.
func (s *Server) Close() {
	if s.queue != nil {
		s.queue.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.placer.close(ctx); err != nil {
		s.opts.Logger.Error("saving the grouping state", "err", err)
	}
	s.worker.close()
}

// Wait blocks until every touched story is summarized; on a shared
// server, until the queue has no unfinished job (for up to a minute).
func (s *Server) Wait() {
	if s.queue != nil {
		s.waitShared()
	}
	s.worker.wait()
}

// route is one pattern of the Handler's mux and what serves it.
type route struct {
	pattern string // a ServeMux pattern: "METHOD /path"
	h       http.HandlerFunc
}

// routes are the Handler's routes; openapi.json describes each.
func (s *Server) routes() []route {
	api := []route{
		{"POST /api/articles", s.write(s.postArticle)},
		{"POST /api/fetch", s.write(s.postFetch)},
		{"POST /api/feeds", s.write(s.postFeed)},
		{"GET /api/feeds", s.read(s.listFeeds)},
		{"DELETE /api/feeds/{id}", s.write(s.deleteFeed)},
		{"GET /api/articles/{id}", s.read(s.getArticle)},
		{"GET /api/stories", s.read(s.listStories)},
		{"GET /api/stories/{id}", s.read(s.getStory)},
		{"GET /api/openapi.json", s.read(serveOpenAPI)},
		{"GET /feed.atom", s.read(s.atomFeed)},
		{"GET /feed.json", s.read(s.jsonFeed)},
	}
	return append(api, s.webRoutes()...)
}

// Handler returns the server's routes: the API, the story feeds and the
// web pages. A path under /api/ that no route has is answered 404, and
// one that has routes for other methods 405 with Allow.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.HandleFunc(rt.pattern, rt.h)
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if allow := allowed(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			fail(w, http.StatusMethodNotAllowed, "%s %s: this endpoint takes %s", r.Method, r.URL.Path, strings.Join(allow, ", "))
			return
		}
		fail(w, http.StatusNotFound, "no such endpoint: %s %s", r.Method, r.URL.Path)
	})
	return s.cuttable(mux)
}

// allowed returns the methods that mux serves r's path with, other than
// by its catch-all "/api/".
func allowed(mux *http.ServeMux, r *http.Request) []string {
	var out []string
	for _, m := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"} {
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host, Header: http.Header{}}
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/api/" {
			out = append(out, m)
		}
	}
	return out
}

// authorized reports whether r carries the token ("Authorization: Bearer
// TOKEN"; the scheme's case does not matter, as RFC 9110 says).
func (s *Server) authorized(r *http.Request) bool {
	scheme, got, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	got = strings.TrimLeft(got, " ")
	return ok && strings.EqualFold(scheme, "Bearer") && subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

// write guards a write endpoint: it is rate-limited, needs the token, and
// its body is bounded by MaxBody.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if limited(s.writes, w, r, true) {
			return
		}
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", "Bearer")
			fail(w, http.StatusUnauthorized, "writing needs the token: send Authorization: Bearer <token>")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		h(w, r)
	}
}

// read guards a read endpoint: it is rate-limited, and on a private
// server it needs the token or the session cookie.
func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if limited(s.reads, w, r, true) {
			return
		}
		if s.opts.Private && !s.authorized(r) && !s.signedIn(r) {
			w.Header().Set("WWW-Authenticate", "Bearer")
			fail(w, http.StatusUnauthorized, "this server is private: send Authorization: Bearer <token>")
			return
		}
		h(w, r)
	}
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		fail(w, http.StatusBadRequest, "bad id %q: want a positive whole number", v)
		return 0, false
	}
	return id, true
}

func (s *Server) internal(w http.ResponseWriter, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	s.opts.Logger.Error("request failed", "err", err)
	fail(w, http.StatusInternalServerError, "internal error; the server log has the details")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func fail(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}
