package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"tidings/ingest"
)

// upstream is a news site on loopback: two article pages and an RSS feed
// (with ETag) listing them and a third item whose page is missing.
func upstream(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var feedFetches atomic.Int32
	mux := http.NewServeMux()
	pages := map[string]string{
		"/bridge": "<html><head><title>Kestrel Bridge reopens</title></head><body><article><p>The Kestrel Bridge in Port Alder reopened to traffic on Monday after six weeks of repairs to a cracked girder, the city's transport authority said.</p><p>Chief engineer Tomas Avery said the new steel plates had passed every load test.</p></article></body></html>",
		"/ferry":  "<html><head><title>Ferry strike ends</title></head><body><article><p>Ferry crews on the Lannic islands ended their strike on Tuesday after the company raised its pay offer to six percent, the Lannic Seafarers Union said.</p><p>Sailings will resume on Wednesday morning.</p></article></body></html>",
	}
	for path, html := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
		})
	}
	var ts *httptest.Server
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		feedFetches.Add(1)
		if r.Header.Get("If-None-Match") == `"feed-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"feed-1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Alder Gazette</title>
<item><title>Bridge reopens</title><link>%[1]s/bridge</link><pubDate>Mon, 20 Apr 2026 09:00:00 GMT</pubDate></item>
<item><title>Ferry strike ends</title><link>%[1]s/ferry</link><pubDate>Tue, 21 Apr 2026 09:00:00 GMT</pubDate></item>
<item><title>Harbour lights</title><link>%[1]s/gone</link><description>The lamps along the old harbour wall of Port Alder were switched on again on Saturday after a two-year restoration paid for by residents.</description></item>
</channel></rss>`, ts.URL)
	})
	ts = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts, &feedFetches
}

func allowLoopback(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }

func TestFetchEndpoint(t *testing.T) {
	up, _ := upstream(t)
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	open := newServer(t, st, Options{Fetch: ingest.FetchOptions{Allow: allowLoopback}})
	strict := newServer(t, st, Options{})

	var p posted
	if code := call(t, "POST", open.URL+"/api/fetch", token, "application/json", `{"url":"`+up.URL+`/bridge"}`, &p); code != 201 {
		t.Fatalf("fetch: %d", code)
	}
	var a articleOut
	call(t, "GET", fmt.Sprint(open.URL, "/api/articles/", p.ID), "", "", "", &a)
	if a.URL != up.URL+"/bridge" || a.Title != "Kestrel Bridge reopens" || !strings.Contains(a.Text, "reopened to traffic") {
		t.Errorf("fetched article = %+v", a)
	}
	if code := call(t, "POST", open.URL+"/api/fetch", token, "application/json", `{"url":"`+up.URL+`/bridge"}`, &p); code != 200 || p.Created {
		t.Errorf("fetching the same URL again: %d %+v", code, p)
	}
	for _, tt := range []struct {
		name, srv, body, want string
		code                  int
	}{
		{"loopback refused", strict.URL, `{"url":"` + up.URL + `/bridge"}`, "loopback address", 400},
		{"metadata refused", strict.URL, `{"url":"http://169.254.169.254/latest/meta-data/"}`, "link-local", 400},
		{"not http", open.URL, `{"url":"file:///etc/passwd"}`, "http or https", 400},
		{"missing page", open.URL, `{"url":"` + up.URL + `/nothing"}`, "404", 502},
		{"bad JSON", open.URL, `{"link":"x"}`, "bad JSON", 400},
		{"trailing garbage", open.URL, `{"url":"` + up.URL + `/bridge"} x`, "more after", 400},
		{"user and password", open.URL, `{"url":"http://reader:secret@` + strings.TrimPrefix(up.URL, "http://") + `/bridge"}`, "password", 400},
		{"password not echoed", open.URL, `{"url":"http://reader:secret@example.com/"}`, "reader:xxxxx@", 400},
		{"user only", open.URL, `{"url":"http://reader@example.com/"}`, "user name", 400},
		{"port over 65535", open.URL, `{"url":"http://example.com:99999/"}`, "port", 400},
		{"port 0", open.URL, `{"url":"http://example.com:0/"}`, "port", 400},
		{"empty port", open.URL, `{"url":"http://example.com:/"}`, "port", 400},
		{"no host", open.URL, `{"url":"http://:80/"}`, "http or https", 400},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var e struct{ Error string }
			if code := call(t, "POST", tt.srv+"/api/fetch", token, "application/json", tt.body, &e); code != tt.code || !strings.Contains(e.Error, tt.want) {
				t.Errorf("%d %q, want %d %q", code, e.Error, tt.code, tt.want)
			}
		})
	}
}

func TestFeeds(t *testing.T) {
	up, fetches := upstream(t)
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token, Fetch: ingest.FetchOptions{Allow: allowLoopback}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(settled(s))
	defer ts.Close()
	var f feedOut
	if code := call(t, "POST", ts.URL+"/api/feeds", token, "application/json", `{"url":"`+up.URL+`/rss"}`, &f); code != 201 || f.ID == 0 {
		t.Fatalf("subscribe: %d %+v", code, f)
	}
	if code := call(t, "POST", ts.URL+"/api/feeds", "", "application/json", `{"url":"`+up.URL+`/rss"}`, nil); code != 401 {
		t.Errorf("subscribing without the token: %d", code)
	}
	if n := s.PollFeeds(context.Background()); n != 3 {
		t.Errorf("first poll added %d articles, want 3 (two pages, one item's own text)", n)
	}
	if n := s.PollFeeds(context.Background()); n != 0 || fetches.Load() != 2 {
		t.Errorf("second poll added %d, feed fetched %d times; want 0 added after a 304", n, fetches.Load())
	}
	var feeds struct{ Feeds []feedOut }
	call(t, "GET", ts.URL+"/api/feeds", "", "", "", &feeds)
	if len(feeds.Feeds) != 1 || feeds.Feeds[0].Title != "Alder Gazette" || feeds.Feeds[0].Checked == "" || feeds.Feeds[0].Error != "" {
		t.Errorf("feeds = %+v", feeds.Feeds)
	}
	var list struct{ Stories []storyItem }
	call(t, "GET", ts.URL+"/api/stories?q=ferry", "", "", "", &list)
	if len(list.Stories) != 1 || list.Stories[0].Title != "Ferry strike ends" {
		t.Errorf("ferry story = %+v", list.Stories)
	}
}
