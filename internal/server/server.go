package server

import (
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/ingest"
	"tidings/news"
	"tidings/render"
	"tidings/store"
)

// cacheSize bounds the prepared articles the summarizer keeps.
const cacheSize = 5000

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
}

// Server serves the API.
type Server struct {
	st   store.Store
	opts Options
	p    *tidings.Pipeline

	fetcher *ingest.Fetcher
	poke    chan struct{} // asks Run for a poll now

	work     sync.Mutex // guards dirty and busy
	dirty    map[int64]bool
	busy     bool
	wake     chan struct{}
	idle     *sync.Cond
	stop     chan struct{}
	finished chan struct{}
	cache    map[int64]news.Article // prepared articles, for the summarizer only

	mu      sync.Mutex // serializes ingest and guards the state below
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
}

// New returns a server over st, after replaying its articles.
func New(ctx context.Context, st store.Store, opts Options) (*Server, error) {
	if opts.Token == "" {
		return nil, errors.New("server: no token")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, opts: opts, p: &tidings.Pipeline{}, grouper: tidings.NewGrouper(tidings.StoryOptions{Cluster: opts.Cluster}), stories: map[int]int64{}, mapped: map[int64]bool{}, pending: map[int]bool{},
		fetcher: ingest.NewFetcher(opts.Fetch), poke: make(chan struct{}, 1),
		dirty: map[int64]bool{}, wake: make(chan struct{}, 1), stop: make(chan struct{}), finished: make(chan struct{}),
		cache: map[int64]news.Article{}}
	s.idle = sync.NewCond(&s.work)
	go s.summarizer()
	if err := s.replay(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close stops the background summarizer after the story it is on.
func (s *Server) Close() {
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	<-s.finished
}

// touch marks story id for re-summarizing.
func (s *Server) touch(id int64) {
	s.work.Lock()
	s.dirty[id] = true
	s.work.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Wait blocks until every touched story is summarized.
func (s *Server) Wait() {
	s.work.Lock()
	for len(s.dirty) > 0 || s.busy {
		s.idle.Wait()
	}
	s.work.Unlock()
}

// summarizer re-summarizes touched stories, one at a time, until Close.
// A story touched many times while it waits is summarized once: ingest
// never waits for summaries, and a GET returns the last one made.
func (s *Server) summarizer() {
	defer close(s.finished)
	for {
		s.work.Lock()
		var id int64
		for d := range s.dirty {
			if id == 0 || d < id {
				id = d
			}
		}
		if id != 0 {
			delete(s.dirty, id)
			s.busy = true
		} else {
			s.busy = false
			s.idle.Broadcast()
		}
		s.work.Unlock()
		if id == 0 {
			select {
			case <-s.stop:
				return
			case <-s.wake:
			}
			continue
		}
		if err := s.summarize(context.Background(), id); err != nil {
			s.opts.Logger.Error("summarizing story", "story", id, "err", err)
		}
	}
}

// replay adds the stored articles the grouper has not seen, in id order.
// An article stored but not yet placed (the process died in between) is
// placed now and its story re-summarized.
func (s *Server) replay(ctx context.Context) error {
	for {
		page, err := s.st.Articles(ctx, s.last, 500)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			break
		}
		for _, a := range page {
			if _, err := s.add(ctx, a, nil); err != nil {
				return err
			}
		}
	}
	return s.sync(ctx)
}

// place runs stored article a through the grouper and records its story;
// a new placement marks the story for re-summarizing. Earlier articles
// the grouper moves to another story as a result are moved in the store
// too, and both their stories marked. It returns the story id and the id
// of the article a copies (0 for none).
//
// prepared is a, cleaned and segmented, when the caller has it; nil means
// prepare it here.
func (s *Server) place(ctx context.Context, a store.Article, prepared *news.Article) (story, copyOf int64, err error) {
	n, err := s.add(ctx, a, prepared)
	if err != nil {
		return 0, 0, err
	}
	if err := s.sync(ctx); err != nil {
		return 0, 0, err
	}
	return s.at[n], s.copyAt[n], nil
}

// add runs stored article a through the grouper, without writing
// placements: it records what the store says of a and what the grouper
// now says, and marks a and the articles it made move as pending. It
// returns a's grouper number.
func (s *Server) add(ctx context.Context, a store.Article, prepared *news.Article) (int, error) {
	if prepared == nil {
		na := segmented(a)
		prepared = &na
	}
	n, group, moved := s.grouper.Add(prepared)
	var copyOf int64
	if n >= 0 {
		copyOf = s.canon[n] // a copy of a copy copies the first
	}
	k := len(s.ids)
	s.canon = append(s.canon, cmp.Or(copyOf, a.ID))
	s.ids = append(s.ids, a.ID)
	s.at = append(s.at, a.Story)
	s.copyAt = append(s.copyAt, a.CopyOf)
	s.want = append(s.want, group)
	s.last = a.ID
	// The story's id now, while a can tell it for a database whose
	// stories have no Seq yet.
	if _, err := s.storyID(ctx, group, a); err != nil {
		return 0, err
	}
	s.pending[k] = true
	for _, m := range moved {
		s.want[m.Article] = m.Story
		s.pending[m.Article] = true
	}
	return k, nil
}

// sync writes the placements of the pending articles that the store
// does not have yet, and marks their old and new stories for
// re-summarizing. What a failed write leaves pending is tried again at
// the next sync.
func (s *Server) sync(ctx context.Context) error {
	ks := make([]int, 0, len(s.pending))
	for k := range s.pending {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		to, err := s.storyID(ctx, s.want[k], store.Article{})
		if err != nil {
			return err
		}
		var copyOf int64
		if c := s.canon[k]; c != s.ids[k] {
			copyOf = c
		}
		if s.at[k] != to || s.copyAt[k] != copyOf {
			if err := s.st.PlaceArticle(ctx, s.ids[k], to, copyOf); err != nil {
				return err
			}
			if from := s.at[k]; from != 0 && from != to {
				s.touch(from)
			}
			s.at[k], s.copyAt[k] = to, copyOf
			s.touch(to)
		}
		delete(s.pending, k)
	}
	return nil
}

// storyID returns the id of the story with grouper number group, creating
// it when the store has none: the story whose Seq is group+1, else (a
// database from before stories had one) the story that a, when it was
// placed before, was stored in, unless another group has that story.
func (s *Server) storyID(ctx context.Context, group int, a store.Article) (int64, error) {
	if id, ok := s.stories[group]; ok {
		return id, nil
	}
	seq := int64(group) + 1
	id, err := s.st.StoryBySeq(ctx, seq)
	switch {
	case err == nil:
	case !errors.Is(err, store.ErrNotFound):
		return 0, err
	case a.Story != 0 && !s.mapped[a.Story]:
		id = a.Story
		if err := s.st.SetStorySeq(ctx, id, seq); err != nil {
			return 0, err
		}
	default:
		st := store.Story{Title: a.Title, Body: []byte("{}"), Seq: seq}
		if err := s.st.PutStory(ctx, &st); err != nil {
			return 0, err
		}
		id = st.ID
	}
	s.stories[group] = id
	s.mapped[id] = true
	return id, nil
}

// summarize rebuilds story id's brief from its articles and stores it.
func (s *Server) summarize(ctx context.Context, id int64) error {
	stored, err := s.st.StoryArticles(ctx, id)
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
		na, ok := s.cache[a.ID]
		if !ok {
			na = segmented(a)
			if len(s.cache) >= cacheSize {
				clear(s.cache) // crude, but bounded; refills from hot stories
			}
			s.cache[a.ID] = na
		}
		na.Copies = nil
		at[a.ID] = len(arts)
		arts = append(arts, na)
	}
	rec := store.Story{ID: id, Articles: len(stored), Updated: time.Now().UTC()}
	if len(arts) > 0 {
		st, err := s.p.Story(ctx, strconv.FormatInt(id, 10), arts, tidings.Options{Words: s.opts.Words})
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
	return s.st.PutStory(ctx, &rec)
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

// toNews turns a stored article into a raw pipeline article whose ID is
// the store id.
func toNews(a store.Article) news.Article {
	return news.Article{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, Title: a.Title, Author: a.Author, URL: a.URL,
		Date: a.Published, Raw: a.Raw, IsHTML: a.IsHTML}
}

// segmented returns stored article a as a prepared pipeline article: its
// stored clean text, segmented (cleaning ran when it was stored).
func segmented(a store.Article) news.Article {
	na := toNews(a)
	na.Text = a.Text
	tidings.Segment(&na)
	return na
}

// Handler returns the API's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/articles", s.write(s.postArticle))
	mux.HandleFunc("POST /api/fetch", s.write(s.postFetch))
	mux.HandleFunc("POST /api/feeds", s.write(s.postFeed))
	mux.HandleFunc("GET /api/feeds", s.read(s.listFeeds))
	mux.HandleFunc("GET /api/articles/{id}", s.read(s.getArticle))
	mux.HandleFunc("GET /api/stories", s.read(s.listStories))
	mux.HandleFunc("GET /api/stories/{id}", s.read(s.getStory))
	s.webRoutes(mux)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no such endpoint: %s %s", r.Method, r.URL.Path)
	})
	return mux
}

// authorized reports whether r carries the token ("Authorization: Bearer
// TOKEN").
func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", "Bearer")
			fail(w, http.StatusUnauthorized, "writing needs the token: send Authorization: Bearer <token>")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		h(w, r)
	}
}

func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.opts.Private && !s.authorized(r) && !s.signedIn(r) {
			w.Header().Set("WWW-Authenticate", "Bearer")
			fail(w, http.StatusUnauthorized, "this server is private: send Authorization: Bearer <token>")
			return
		}
		h(w, r)
	}
}

// articleIn is the JSON form of a posted article.
type articleIn struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Published string `json:"published"`
}

// posted is the answer to a post.
type posted struct {
	ID      int64 `json:"id"`
	Story   int64 `json:"story"`
	Created bool  `json:"created"`
	CopyOf  int64 `json:"copy_of,omitempty"`
}

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body over %d bytes", MaxBody)
			return
		}
		fail(w, http.StatusBadRequest, "reading the body: %v", err)
		return
	}
	in, err := decodeArticle(r.Header.Get("Content-Type"), body)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	a := store.Article{URL: in.URL, Outlet: in.Outlet, Title: in.Title, Author: in.Author, Raw: in.Text}
	if in.HTML != "" {
		a.Raw, a.IsHTML = in.HTML, true
	}
	if in.Published != "" {
		t, err := ingest.ParseDate(in.Published)
		if err != nil {
			fail(w, http.StatusBadRequest, "bad \"published\" %q: want RFC 3339 or YYYY-MM-DD", in.Published)
			return
		}
		a.Published = t
	}
	s.ingestAndAnswer(w, r, a, "")
}

// ingestAndAnswer ingests a and answers the post: 201 for a new article,
// 200 for one already stored, 422 when cleaning leaves no text (the
// message prefixed with source, when given).
func (s *Server) ingestAndAnswer(w http.ResponseWriter, r *http.Request, a store.Article, source string) {
	out, err := s.ingest(r.Context(), a)
	switch {
	case errors.Is(err, errNoText):
		if source != "" {
			err = fmt.Errorf("%s: %w", source, err)
		}
		fail(w, http.StatusUnprocessableEntity, "%v", err)
		return
	case err != nil:
		s.internal(w, err)
		return
	}
	code := http.StatusOK
	if out.Created {
		code = http.StatusCreated
	}
	writeJSON(w, code, out)
}

// errNoText marks an article that cleaning left without text.
var errNoText = errors.New("no article text")

// ingest cleans a, stores it (once: the same key twice is one article),
// places it in a story and re-summarizes that story.
func (s *Server) ingest(ctx context.Context, a store.Article) (posted, error) {
	// Clean first: an article without text is refused before it is stored.
	na := toNews(a)
	if _, err := s.p.Prepare(&na); err != nil {
		return posted{}, fmt.Errorf("%w: %v", errNoText, err)
	}
	if a.Title == "" {
		a.Title = na.Title
	}
	if a.Published.IsZero() {
		a.Published = na.Date
	}
	a.Text = na.Text
	a.Key = articleKey(a.URL, a.Outlet, na.Text)

	s.mu.Lock()
	defer s.mu.Unlock()
	// Processes sharing a PostgreSQL database take turns, and each first
	// replays what the others added, so that all place articles alike.
	unlock, err := s.st.Lock(ctx)
	if err != nil {
		return posted{}, err
	}
	defer unlock()
	if err := s.replay(ctx); err != nil {
		return posted{}, err
	}
	created, err := s.st.AddArticle(ctx, &a)
	if err != nil {
		return posted{}, err
	}
	out := posted{ID: a.ID, Story: a.Story, Created: created, CopyOf: a.CopyOf}
	if created {
		// The article is stored: from here on it is acknowledged even if
		// placing it fails, and replay places it at the next start.
		if out.Story, out.CopyOf, err = s.place(ctx, a, &na); err != nil {
			s.opts.Logger.Error("placing article", "id", a.ID, "err", err)
		}
	}
	return out, nil
}

// decodeArticle reads a posted article: JSON, or a raw HTML or text body.
func decodeArticle(contentType string, body []byte) (articleIn, error) {
	var in articleIn
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json", "":
		if mt == "" && (len(body) == 0 || body[0] != '{') {
			in.Text = string(body)
			break
		}
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return in, fmt.Errorf("bad JSON: %v", err)
		}
	case "text/html", "application/xhtml+xml":
		in.HTML = string(body)
	case "text/plain":
		in.Text = string(body)
	default:
		return in, fmt.Errorf("unsupported Content-Type %q: send application/json, text/html or text/plain", mt)
	}
	if strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "" {
		return in, errors.New(`no article: give "text" or "html"`)
	}
	if in.Text != "" && in.HTML != "" {
		return in, errors.New(`give "text" or "html", not both`)
	}
	return in, nil
}

// articleKey is what makes ingest idempotent: the URL when there is one,
// else a hash of the outlet and the cleaned text. The same text under
// another outlet is a reprint: stored, and folded as a copy.
func articleKey(url, outlet, text string) string {
	if url != "" {
		return "url:" + url
	}
	h := sha256.Sum256([]byte(outlet + "\x00" + strings.Join(strings.Fields(text), " ")))
	return "text:" + hex.EncodeToString(h[:])
}

// articleOut is the JSON form of a stored article.
type articleOut struct {
	ID        int64  `json:"id"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Added     string `json:"added"`
	Story     int64  `json:"story"`
	CopyOf    int64  `json:"copy_of,omitempty"`
	Text      string `json:"text"`
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	a, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		fail(w, http.StatusNotFound, "no article %d", id)
		return
	}
	if err != nil {
		s.internal(w, err)
		return
	}
	out := articleOut{ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Author: a.Author,
		Added: a.Added.Format(time.RFC3339), Story: a.Story, CopyOf: a.CopyOf, Text: a.Text}
	if !a.Published.IsZero() {
		out.Published = a.Published.Format(time.RFC3339)
	}
	writeJSON(w, http.StatusOK, out)
}

// storyItem is one story of a list.
type storyItem struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
	Updated  string `json:"updated"`
	Summary  string `json:"summary"`
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	q := store.Query{Search: r.URL.Query().Get("q"), Limit: 20}
	for name, dst := range map[string]*int{"limit": &q.Limit, "offset": &q.Offset} {
		if v := r.URL.Query().Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || (name == "limit" && (n == 0 || n > maxPage)) {
				fail(w, http.StatusBadRequest, "bad %s %q: want a whole number (limit 1 to %d)", name, v, maxPage)
				return
			}
			*dst = n
		}
	}
	list, err := s.st.Stories(r.Context(), q)
	if err != nil {
		s.internal(w, err)
		return
	}
	out := struct {
		Stories    []storyItem `json:"stories"`
		NextOffset int         `json:"next_offset,omitempty"`
	}{Stories: []storyItem{}}
	for _, st := range list {
		out.Stories = append(out.Stories, storyItem{ID: st.ID, Title: st.Title, Articles: st.Articles,
			Updated: st.Updated.Format(time.RFC3339), Summary: st.Summary})
	}
	if len(list) == q.Limit {
		out.NextOffset = q.Offset + q.Limit
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	st, err := s.st.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		fail(w, http.StatusNotFound, "no story %d", id)
		return
	}
	if err != nil {
		s.internal(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Last-Modified", st.Updated.Format(http.TimeFormat))
	w.WriteHeader(http.StatusOK)
	w.Write(st.Body)
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
