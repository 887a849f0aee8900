package server

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tidings/clean"
	"tidings/ingest"
	"tidings/news"
	"tidings/store"
)

// articleIn is the JSON form of a posted article: the article format of
// the CLI's JSONL files (one line is one post), plus author.
type articleIn struct {
	// ID is the article's id in a JSONL file; accepted and not kept (the
	// server gives its own ids).
	ID        string `json:"id"`
	Title     string `json:"title"`
	Headline  string `json:"headline"` // the title, when title is empty
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
	a := store.Article{URL: in.URL, Outlet: in.Outlet, Title: cmp.Or(in.Title, in.Headline), Author: in.Author, Raw: in.Text}
	if in.HTML != "" {
		a.Raw, a.IsHTML = in.HTML, true
	}
	if in.Published != "" {
		t, err := ingest.ParseDate(in.Published)
		if err != nil {
			fail(w, http.StatusBadRequest, "bad \"published\" %q: want RFC 3339 or YYYY-MM-DD", in.Published)
			return
		}
		if !inDateRange(t) {
			fail(w, http.StatusBadRequest, "\"published\" %q is out of range: want a time from 0001-01-01 to 9999-12-31 (UTC)", in.Published)
			return
		}
		a.Published = t
	}
	s.ingestAndAnswer(w, r, a, "")
}

// ingestAndAnswer ingests a and answers the post: 201 for a new article,
// 200 for one already stored, 413 for an HTML page beyond cleaning's
// limits (clean.ErrTooLarge), 422 when cleaning leaves no text (the
// message prefixed with source, when given). A shared server prepares
// and stores a itself too, and waits for the leader to place it: 202
// (stored, its story not yet known) when no leader did within the wait.
func (s *Server) ingestAndAnswer(w http.ResponseWriter, r *http.Request, a store.Article, source string) {
	ctx := r.Context()
	if s.queue != nil { // shared.go: this server prepares and stores it, the leader places it
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.ackWait)
		defer cancel()
	}
	out, err := s.ingest(ctx, a)
	switch {
	case errors.Is(err, clean.ErrTooLarge):
		fail(w, http.StatusRequestEntityTooLarge, "%s", strings.TrimPrefix(err.Error(), "clean: "))
		return
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
	if s.queue != nil {
		out.Story, out.CopyOf, err = s.waitPlaced(ctx, out.ID)
		switch {
		case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil:
			code = http.StatusAccepted // stored; its story not yet known
		case err != nil:
			s.internal(w, err)
			return
		}
	}
	writeJSON(w, code, out)
}

// errNoText marks an article that cleaning left without text.
var errNoText = errors.New("no article text")

// ingest cleans a, stores it (once: the same key twice is one article),
// places it in a story and re-summarizes that story.
func (s *Server) ingest(ctx context.Context, a store.Article) (posted, error) {
	// Clean first: an article without text is refused before it is stored.
	na, err := s.prepare(&a)
	if err != nil {
		return posted{}, err
	}

	// A shared server stores it (shared.go), and the leader places it.
	created, placeErr, err := s.commits.put(ctx, &a, &na)
	if err != nil {
		return posted{}, err
	}
	if placeErr != nil {
		// The article is stored: it is acknowledged even though placing
		// it failed, and replay places it at the next start.
		s.opts.Logger.Error("placing article", "id", a.ID, "err", placeErr)
	}
	return posted{ID: a.ID, Story: a.Story, Created: created, CopyOf: a.CopyOf}, nil
}

// prepare cleans and segments posted article a and returns it prepared;
// it sets what a is stored with: its key, its clean text, what cleaning
// found of its fields, and where (Cleaning). The errors are ingest's.
func (s *Server) prepare(a *store.Article) (news.Article, error) {
	na := toNews(*a)
	if _, err := s.p.Prepare(&na); err != nil {
		if errors.Is(err, clean.ErrTooLarge) {
			return na, err
		}
		return na, fmt.Errorf("%w: %v", errNoText, err)
	}
	// The key is made from the outlet as posted, so that a post made
	// again finds the article stored before cleaning named outlets.
	a.Key = articleKey(a.URL, a.Outlet, na.Text)
	// What cleaning found in the page fills what the post left out, and
	// the store keeps where each field was found.
	a.Title, a.Outlet, a.Author = cmp.Or(a.Title, na.Title), cmp.Or(a.Outlet, na.Outlet), cmp.Or(a.Author, na.Author)
	if a.Published.IsZero() {
		a.Published = na.Date
	}
	a.Text = na.Text
	a.Cleaning = encodeCleaning(&na)
	return na, nil
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
		if err := decodeJSON(bytes.NewReader(body), &in); err != nil {
			return in, err
		}
	case "text/html", "application/xhtml+xml":
		in.HTML = string(body)
	case "text/plain":
		in.Text = string(body)
	default:
		return in, fmt.Errorf("unsupported Content-Type %q: send application/json, text/html or text/plain", mt)
	}
	if err := checkText(in.Text + in.HTML); err != nil {
		return in, err
	}
	if strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "" {
		return in, errors.New(`no article: give "text" or "html"`)
	}
	if in.Text != "" && in.HTML != "" {
		return in, errors.New(`give "text" or "html", not both`)
	}
	return in, nil
}

// inDateRange reports whether t, in UTC, is within the years 1 to 9999,
// the times the store keeps.
func inDateRange(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 1 && y <= 9999
}

// Bounds of checkText: the share of a text's bytes that may be control
// characters, or bytes that are not UTF-8 (a page in another charset
// has some; random bytes have about half).
const (
	maxControlShare = 0.01
	maxInvalidShare = 0.10
)

// checkText refuses a posted text or page that is binary: one NUL byte
// anywhere, or, over the whole of it, more control characters (other
// than tab, newline, form feed and carriage return) than maxControlShare
// of its bytes, or more bytes that are not UTF-8 than maxInvalidShare.
func checkText(t string) error {
	controls, invalid := 0, 0
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == 0:
			return fmt.Errorf("the article is binary: a NUL byte at byte %d (send text or HTML)", i)
		case r == utf8.RuneError && n == 1:
			invalid++
		case r < ' ' && r != '\t' && r != '\n' && r != '\f' && r != '\r', r == 0x7f:
			controls++
		}
		i += n
	}
	switch {
	case float64(controls) > maxControlShare*float64(len(t)):
		return fmt.Errorf("the article is binary: %d control characters in %d bytes (send text or HTML)", controls, len(t))
	case float64(invalid) > maxInvalidShare*float64(len(t)):
		return fmt.Errorf("the article is binary: %d of its %d bytes are not UTF-8 (send text or HTML)", invalid, len(t))
	}
	return nil
}

// decodeJSON decodes the one JSON value of r into v: a field v lacks, or
// anything but space after the value, is an error.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return fmt.Errorf("bad JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return errors.New("bad JSON: more after the object (send one JSON object)")
	}
	return nil
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
	if msg := checkQuery(q.Search); msg != "" {
		fail(w, http.StatusBadRequest, "%s", msg)
		return
	}
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

// getStory answers GET (and HEAD) /api/stories/{id}: the story's JSON
// document, gzip-compressed when the client accepts it and the store's
// stories are held in memory (compressed once per brief), with an
// entity tag, so that If-None-Match with the current tag is answered
// 304 Not Modified without the body.
func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var e *cachedStory
	var err error
	c, cached := s.st.(*cachedStore)
	if cached {
		// From memory: the body and header made when the brief was
		// written, shared by every read of it.
		e, err = c.answer(r.Context(), id)
	} else {
		var st store.Story
		if st, err = s.st.Story(r.Context(), id); err == nil {
			e = newCachedStory(st)
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		fail(w, http.StatusNotFound, "no story %d", id)
		return
	}
	if err != nil {
		s.internal(w, err)
		return
	}
	body, header := e.story.Body, e.header
	// Compressing on every read costs more than it saves: only a story
	// held in memory is sent compressed.
	if cached && acceptsGzip(r.Header["Accept-Encoding"]) {
		if gz, gzHeader := e.gzipped(); gz != nil {
			body, header = gz, gzHeader
		}
	}
	h := w.Header()
	for k, v := range header {
		h[k] = v
	}
	if s.opts.Private {
		h["Cache-Control"] = revalidateMine
	}
	if inm := r.Header["If-None-Match"]; len(inm) > 0 && e.matches(inm) {
		delete(h, "Content-Length")
		delete(h, "Content-Type")
		delete(h, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
