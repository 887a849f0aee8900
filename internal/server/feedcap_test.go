package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"tidings/store"
)

// TestFeedCapHolds posts 60 feeds in parallel to a server that takes 10:
// exactly 10 are stored, the others are answered 409, and a feed already
// followed is answered 200 even at the cap.
func TestFeedCapHolds(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.feedCap = 10
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := range 60 {
		wg.Go(func() {
			req, _ := http.NewRequest("POST", ts.URL+"/api/feeds", strings.NewReader(fmt.Sprintf(`{"url": "https://news%d.example/rss"}`, i)))
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			mu.Lock()
			codes[resp.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	feeds, err := st.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 10 || codes[201] != 10 || codes[409] != 50 {
		t.Errorf("%d feeds stored, answers %v; want 10 stored, 10 × 201 and 50 × 409", len(feeds), codes)
	}
	var f feedOut
	if code := call(t, "POST", ts.URL+"/api/feeds", token, "application/json", `{"url": "`+feeds[0].URL+`"}`, &f); code != 200 || f.ID != feeds[0].ID {
		t.Errorf("re-posting a followed feed at the cap: %d %+v, want 200 and feed %d", code, f, feeds[0].ID)
	}
}

// deletingStore is a store that can drop feeds, standing in for a store
// with DeleteFeed: it hides the feeds it dropped.
type deletingStore struct {
	store.Store
	mu      sync.Mutex
	dropped []int64
}

func (d *deletingStore) DeleteFeed(ctx context.Context, id int64) error {
	feeds, err := d.Feeds(ctx)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(feeds, func(f store.Feed) bool { return f.ID == id }) {
		return store.ErrNotFound
	}
	d.mu.Lock()
	d.dropped = append(d.dropped, id)
	d.mu.Unlock()
	return nil
}

func (d *deletingStore) Feeds(ctx context.Context) ([]store.Feed, error) {
	feeds, err := d.Store.Feeds(ctx)
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.DeleteFunc(feeds, func(f store.Feed) bool { return slices.Contains(d.dropped, f.ID) }), err
}

func TestDeleteFeed(t *testing.T) {
	st := &deletingStore{Store: openStore(t, filepath.Join(t.TempDir(), "t.db"))}
	ts := newServer(t, st, Options{})
	plain := newServer(t, openStore(t, filepath.Join(t.TempDir(), "plain.db")), Options{})
	var f feedOut
	if code := call(t, "POST", ts.URL+"/api/feeds", token, "application/json", `{"url": "https://news.example/rss"}`, &f); code != 201 {
		t.Fatalf("subscribe: %d", code)
	}
	tests := []struct {
		name, base, path, auth string
		code                   int
	}{
		{"without the token", ts.URL, fmt.Sprint("/api/feeds/", f.ID), "", 401},
		{"bad id", ts.URL, "/api/feeds/x", token, 400},
		{"deleted", ts.URL, fmt.Sprint("/api/feeds/", f.ID), token, 204},
		{"deleted again", ts.URL, fmt.Sprint("/api/feeds/", f.ID), token, 404},
		{"never there", ts.URL, "/api/feeds/99", token, 404},
		{"the store deletes itself now (store.Store.DeleteFeed): a missing feed", plain.URL, "/api/feeds/1", token, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("DELETE", tt.base+tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", "Bearer "+tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("DELETE %s = %d, want %d", tt.path, resp.StatusCode, tt.code)
			}
		})
	}
	var list struct{ Feeds []feedOut }
	call(t, "GET", ts.URL+"/api/feeds", "", "", "", &list)
	if len(list.Feeds) != 0 {
		t.Errorf("feeds after the delete: %+v", list.Feeds)
	}
}

// TestFeedRefusedWhenAdded: a feed the fetcher may not reach is refused
// when it is posted, not only at its first poll, and nothing is stored.
func TestFeedRefusedWhenAdded(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, tc := range []struct{ name, url string }{
		{"loopback", "http://127.0.0.1/rss"},
		{"mapped loopback", "http://[::ffff:127.0.0.1]/rss"},
		{"cloud metadata", "http://169.254.169.254/latest"},
		{"private", "http://10.0.0.8/feed"},
		{"password", "https://user:pw@news.example/rss"},
		{"bad port", "https://news.example:99999/rss"},
		{"scheme", "file:///etc/passwd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code := call(t, "POST", ts.URL+"/api/feeds", token, "application/json", `{"url": "`+tc.url+`"}`, nil); code != http.StatusBadRequest {
				t.Errorf("POST /api/feeds %s = %d, want 400", tc.url, code)
			}
		})
	}
	if feeds, err := st.Feeds(context.Background()); err != nil || len(feeds) != 0 {
		t.Errorf("feeds stored after refusals: %v, %v; want none", feeds, err)
	}
}

// TestHTMLBombRefused: a page of 300,000 tiny elements, under the body
// limit, is refused with 413 before go-trafilatura builds its tree, and
// answering it allocates little.
func TestHTMLBombRefused(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token, WriteRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	bomb := "<html><body>" + strings.Repeat("<p><b>x</b><i>y</i></p>", 150_000) + "</body></html>" // 3.5 MB
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req := httptest.NewRequest("POST", "/api/articles", strings.NewReader(bomb))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "text/html")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	runtime.ReadMemStats(&after)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "too large") {
		t.Errorf("POST of an HTML bomb = %d %s, want 413 saying the page is too large", rec.Code, rec.Body)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("answering the bomb allocated %d MB, want under 100 MB", alloc>>20)
	}
}
