package server

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"tidings/cluster"
	"tidings/news"
	"tidings/store"
)

// PlaceOptions configures [Placements].
type PlaceOptions struct {
	// Cluster is the server's [Options.Cluster]; the zero value uses the
	// defaults.
	Cluster cluster.Options
	// Progress, when set, is called after each post is answered with the
	// number of posts answered and the number to make.
	Progress func(done, total int)
}

// Placements measures the server's path end to end: it starts a Server
// over a new SQLite store at path (which must not exist yet), serves it
// on a loopback listener (127.0.0.1, a free port), posts arts[k] for
// each k of order to POST /api/articles over HTTP, one at a time as a
// client would, and once every post is answered (later posts may have
// moved earlier articles) reads back from the store the story that holds
// each article. It returns, per article of arts, its story's id: 0 for
// an article of arts that order leaves out, whose Raw is only white
// space (not posted: the API refuses it as empty) or that the server
// refused for having no text once cleaned (422).
//
// Each article is posted with its ID, Title, Raw (as "html" when IsHTML,
// else "text"), URL, Outlet, Author and Date (as "published", when set).
// The server is closed before Placements returns; the store's file stays
// for the caller to remove. An order index out of range, a post answered
// with another error status and a kept article left without a story are
// errors, as is the end of ctx.
func Placements(ctx context.Context, path string, arts []news.Article, order []int, opts PlaceOptions) (stories []int64, err error) {
	for _, k := range order {
		if k < 0 || k >= len(arts) {
			return nil, fmt.Errorf("server: placements: order index %d out of range [0, %d)", k, len(arts))
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("server: placements: the store %s must not exist yet (%v)", path, err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, st.Close()) }()
	// The token only keeps other local processes from posting into the
	// listener while it is open.
	tok := rand.Text()
	s, err := New(ctx, st, Options{Token: tok, ReadRate: -1, WriteRate: -1, Cluster: opts.Cluster})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ln, err := new(net.ListenConfig).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("server: placements: %w", err)
	}
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }() // http.ErrServerClosed once shut down below
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx) // every post is answered by now
	}()

	url := "http://" + ln.Addr().String() + "/api/articles"
	client := &http.Client{Timeout: 2 * time.Minute}
	ids := make([]int64, len(arts)) // 0: refused, or not posted
	for n, k := range order {
		if ids[k], err = postOne(ctx, client, url, tok, &arts[k]); err != nil {
			return nil, fmt.Errorf("server: placements: posting article %s: %w", arts[k].ID, err)
		}
		if opts.Progress != nil {
			opts.Progress(n+1, len(order))
		}
	}

	storyOf := map[int64]int64{}
	for after := int64(0); ; {
		page, err := st.Articles(ctx, after, 500)
		if err != nil {
			return nil, fmt.Errorf("server: placements: reading the store: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, a := range page {
			storyOf[a.ID] = a.Story
		}
		after = page[len(page)-1].ID
	}
	stories = make([]int64, len(arts))
	for k, id := range ids {
		if id == 0 {
			continue
		}
		if stories[k] = storyOf[id]; stories[k] == 0 {
			return nil, fmt.Errorf("server: placements: article %s (stored as %d) has no story in the store", arts[k].ID, id)
		}
	}
	return stories, nil
}

// postOne posts a to url with the bearer token tok and returns the id
// the server stored it under, 0 when it was refused for having no text
// (or not posted, being empty).
func postOne(ctx context.Context, client *http.Client, url, tok string, a *news.Article) (int64, error) {
	if strings.TrimSpace(a.Raw) == "" {
		return 0, nil
	}
	in := articleIn{ID: a.ID, Title: a.Title, URL: a.URL, Outlet: a.Outlet, Author: a.Author}
	if a.IsHTML {
		in.HTML = a.Raw
	} else {
		in.Text = a.Raw
	}
	if !a.Date.IsZero() {
		in.Published = a.Date.UTC().Format(time.RFC3339)
	}
	body, err := json.Marshal(in)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	msg, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, err
	}
	switch resp.StatusCode {
	case http.StatusCreated, http.StatusOK:
	case http.StatusUnprocessableEntity:
		return 0, nil // no text: nothing to place
	default:
		return 0, fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(msg)))
	}
	var out posted
	if err := json.Unmarshal(msg, &out); err != nil {
		return 0, fmt.Errorf("reading the answer: %w", err)
	}
	if out.ID == 0 {
		return 0, errors.New("the answer gives no article id")
	}
	return out.ID, nil
}
