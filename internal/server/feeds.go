package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"tidings/ingest"
	"tidings/internal/jobs"
	"tidings/store"
)

// urlIn is the body of /api/fetch and /api/feeds.
type urlIn struct {
	URL string `json:"url"`
}

// readURL reads the body of /api/fetch and /api/feeds and answers a bad
// one; the URL must be http or https with a host, without a user name or
// password, and with a port (if any) from 1 to 65535.
func readURL(w http.ResponseWriter, r *http.Request) (string, bool) {
	var in urlIn
	if err := decodeJSON(r.Body, &in); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body over %d bytes", MaxBody)
		} else {
			fail(w, http.StatusBadRequest, `%v (want {"url": "https://..."})`, err)
		}
		return "", false
	}
	if msg := checkURL(in.URL); msg != "" {
		fail(w, http.StatusBadRequest, "bad url %q: %s", redact(in.URL), msg)
		return "", false
	}
	return in.URL, true
}

// checkURL returns what is wrong with raw as a URL to fetch, or "".
func checkURL(raw string) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "":
		return "want an http or https URL"
	case u.User != nil:
		return "a user name or password in the URL is not taken (it would be shown and stored)"
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "the port must be from 1 to 65535"
		}
	} else if strings.HasSuffix(u.Host, ":") {
		return "empty port"
	}
	return ""
}

// redact returns raw with the password of its user information, if any,
// replaced by "xxxxx"; raw unchanged when it does not parse.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}

// fetchFailed answers a failed fetch: 400 when the URL may not be
// fetched, 502 when the far side failed.
func fetchFailed(w http.ResponseWriter, err error) {
	if errors.Is(err, ingest.ErrForbiddenAddress) || errors.Is(err, ingest.ErrBadURL) {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	fail(w, http.StatusBadGateway, "%v", err)
}

func (s *Server) postFetch(w http.ResponseWriter, r *http.Request) {
	u, ok := readURL(w, r)
	if !ok {
		return
	}
	if s.queue != nil {
		s.submitAndAnswer(w, r, jobs.Prepare{URL: u, Fetch: true}, u)
		return
	}
	na, err := s.fetcher.Article(r.Context(), u)
	if err != nil {
		fetchFailed(w, err)
		return
	}
	s.ingestAndAnswer(w, r, store.Article{URL: na.URL, Raw: na.Raw, IsHTML: na.IsHTML}, u)
}

// feedOut is the JSON form of a feed.
type feedOut struct {
	ID      int64  `json:"id"`
	URL     string `json:"url"`
	Title   string `json:"title,omitempty"`
	Checked string `json:"checked,omitempty"`
	Error   string `json:"error,omitempty"`
}

func toFeedOut(f store.Feed) feedOut {
	// Feeds stored before URLs with a password were refused may have one:
	// it is never shown.
	u := redact(f.URL)
	out := feedOut{ID: f.ID, URL: u, Title: f.Title, Error: strings.ReplaceAll(f.Error, f.URL, u)}
	if !f.Checked.IsZero() {
		out.Checked = f.Checked.Format(time.RFC3339)
	}
	return out
}

func (s *Server) postFeed(w http.ResponseWriter, r *http.Request) {
	u, ok := readURL(w, r)
	if !ok {
		return
	}
	// A feed whose address the fetcher refuses is refused now, not at its
	// first poll; one that does not resolve yet is kept, and its polls
	// report the error.
	if err := s.fetcher.Check(r.Context(), u); errors.Is(err, ingest.ErrForbiddenAddress) || errors.Is(err, ingest.ErrBadURL) {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	f, created, err := s.addFeed(r.Context(), u)
	switch {
	case errors.Is(err, errFeedCap):
		fail(w, http.StatusConflict, "this server already follows %d feeds, the most it takes", s.feedCap)
		return
	case err != nil:
		s.internal(w, err)
		return
	}
	select { // poll soon, without making the client wait
	case s.poke <- struct{}{}:
	default:
	}
	code := http.StatusOK
	if created {
		code = http.StatusCreated
	}
	writeJSON(w, code, toFeedOut(f))
}

// errFeedCap is addFeed's error when the server follows s.feedCap feeds.
var errFeedCap = errors.New("server: too many feeds")

// addFeed subscribes to the feed at u, or returns the feed already
// subscribed there (created false). The store counts and inserts in one
// transaction (store.AddFeedLimit), so that parallel posts, from this
// process or others on the same database, never pass s.feedCap.
func (s *Server) addFeed(ctx context.Context, u string) (store.Feed, bool, error) {
	f := store.Feed{URL: u}
	created, err := s.st.AddFeedLimit(ctx, &f, s.feedCap)
	if errors.Is(err, store.ErrFull) {
		return f, false, errFeedCap
	}
	return f, created, err
}

func (s *Server) deleteFeed(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	err := s.st.DeleteFeed(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		fail(w, http.StatusNotFound, "no feed %d", id)
	case err != nil:
		s.internal(w, err)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) {
	feeds, err := s.st.Feeds(r.Context())
	if err != nil {
		s.internal(w, err)
		return
	}
	out := struct {
		Feeds []feedOut `json:"feeds"`
	}{Feeds: []feedOut{}}
	for _, f := range feeds {
		out.Feeds = append(out.Feeds, toFeedOut(f))
	}
	writeJSON(w, http.StatusOK, out)
}

// Run polls the feeds every Options.PollEvery, and soon after a feed is
// added, until ctx ends. A shared server (Options.Queue) queues the polls
// instead, and whichever server takes a poll job polls the feed.
func (s *Server) Run(ctx context.Context) {
	every := s.opts.PollEvery
	if every <= 0 {
		every = 15 * time.Minute
	}
	if s.queue != nil {
		s.runShared(ctx, every)
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.PollFeeds(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.poke:
		}
	}
}

// PollFeeds fetches every feed once (conditionally, with the validators of
// the last fetch) and ingests the items not seen before: each item's page
// is fetched and extracted, or, when that fails, the item's own content is
// used. It returns the number of articles added.
func (s *Server) PollFeeds(ctx context.Context) int {
	feeds, err := s.st.Feeds(ctx)
	if err != nil {
		s.opts.Logger.Error("listing feeds", "err", err)
		return 0
	}
	added := 0
	for _, f := range feeds {
		if ctx.Err() != nil {
			return added
		}
		added += s.pollAndRecord(ctx, f)
	}
	return added
}

// pollAndRecord polls feed f and stores its polling state; it returns
// the number of articles added (on a shared server, queued).
func (s *Server) pollAndRecord(ctx context.Context, f store.Feed) int {
	n, err := s.pollFeed(ctx, &f)
	f.Checked, f.Error = time.Now().UTC(), ""
	if err != nil {
		f.Error = err.Error()
		s.opts.Logger.Warn("polling feed", "url", redact(f.URL), "err", err)
	}
	if err := s.st.UpdateFeed(ctx, f); err != nil {
		s.opts.Logger.Error("saving feed state", "url", redact(f.URL), "err", err)
	}
	return n
}

func (s *Server) pollFeed(ctx context.Context, f *store.Feed) (int, error) {
	page, err := s.fetcher.Get(ctx, f.URL, f.ETag, f.LastModified)
	if err != nil {
		return 0, err
	}
	if page.NotModified {
		return 0, nil
	}
	feed, err := ingest.ParseFeed(page.Body)
	if err != nil {
		return 0, err
	}
	f.ETag, f.LastModified = page.ETag, page.LastModified
	if feed.Title != "" {
		f.Title = feed.Title
	}
	added := 0
	var queued []jobs.Prepare
	items := feed.Items
	if len(items) > MaxFeedItems {
		items = items[:MaxFeedItems] // feeds list the newest first
	}
	for _, it := range items {
		if it.Link == "" && strings.TrimSpace(it.Content) == "" {
			continue
		}
		if it.Link != "" {
			if seen, err := s.st.HasArticle(ctx, "url:"+it.Link); err != nil || seen {
				continue
			}
		}
		a := store.Article{URL: it.Link, Outlet: f.Title, Title: it.Title, Author: it.Author, Published: it.Published}
		if !inDateRange(a.Published) {
			a.Published = time.Time{} // a date the store cannot keep is as good as none
		}
		if s.queue != nil { // any server fetches and cleans it
			j := jobs.Prepare{URL: a.URL, Fetch: true, Fallback: it.Content, Outlet: a.Outlet, Title: a.Title, Author: a.Author, Published: a.Published}
			if a.URL == "" {
				j.Fetch, j.Fallback, j.Raw, j.IsHTML = false, "", it.Content, strings.Contains(it.Content, "<")
			}
			queued = append(queued, j)
			continue
		}
		if na, err := s.fetcher.Article(ctx, it.Link); err == nil {
			a.Raw, a.IsHTML = na.Raw, na.IsHTML
		} else {
			s.opts.Logger.Info("feed item page not fetched; using the item's content", "url", it.Link, "err", err)
			a.Raw = it.Content
			a.IsHTML = strings.Contains(it.Content, "<")
		}
		out, err := s.ingest(ctx, a)
		if err != nil {
			s.opts.Logger.Info("feed item not ingested", "url", it.Link, "err", err)
			continue
		}
		if out.Created {
			added++
		}
	}
	if s.queue != nil {
		return len(queued), s.queue.Enqueue(ctx, queued)
	}
	return added, nil
}
