package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// newsSite is a site on loopback with two pages, an RSS feed whose items
// link to them (one to a missing page, with content of its own, one with
// neither a page nor content) and a gzipped text.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><body><article><p>" + body + "</p></article></body></html>"))
		}
	}
	mux.HandleFunc("/bridge", page("The bridge over the Selby river reopened on Monday after six weeks of repairs."+
		strings.Repeat(" Traffic was light on the first morning.", 25))) // over 1,000 bytes
	mux.HandleFunc("/ferry", page("Ferry crews walked out on Tuesday in a dispute over night-shift pay."))
	var ts *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssFeed(ts.URL)))
	})
	mux.HandleFunc("/notes.txt.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gz(t, []byte("The council met on Wednesday to approve the harbour budget for next year.")))
	})
	ts = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func rssFeed(base string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Bridge reopens</title><link>` + base + `/bridge</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Ferry strike</title><link>` + base + `/ferry</link></item>
<item><title>Gone</title><link>` + base + `/gone</link><description>The harbour master resigned on Friday, the port authority said.</description></item>
<item><title>Empty</title><link>` + base + `/gone2</link></item>
</channel></rss>`
}

// read returns the ids of the articles Paths yields and its errors.
func read(t *testing.T, paths []string, opts Options) (ids, raws []string, errs []error) {
	t.Helper()
	for a, err := range Paths(context.Background(), paths, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids, raws = append(ids, a.ID), append(raws, a.Raw)
	}
	return ids, raws, errs
}

// TestPathsRemote checks that URLs, feeds (files and URLs) and gzipped
// files given as paths are read (issue 15 part 4), through the same
// fetcher as the server: loopback only because the test allows it.
func TestPathsRemote(t *testing.T) {
	t.Parallel()
	ts := newsSite(t)
	allowed := Options{Fetcher: NewFetcher(FetchOptions{AllowFetch: []string{"127.0.0.1"}})}
	dir := t.TempDir()
	feedFile := filepath.Join(dir, "feed.rss")
	os.WriteFile(feedFile, []byte(rssFeed(ts.URL)), 0o644)
	gzFile := filepath.Join(dir, "story.txt.gz")
	os.WriteFile(gzFile, gz(t, []byte("The minister said on Monday that repairs to the bridge would begin next week.")), 0o644)

	for _, tt := range []struct {
		name  string
		paths []string
		opts  Options
		ids   []string
		want  string // in the first article
		errs  []error
	}{
		{"page URL", []string{ts.URL + "/bridge"}, allowed, []string{ts.URL + "/bridge"}, "six weeks of repairs", nil},
		{"loopback refused by default", []string{ts.URL + "/bridge"}, Options{Fetcher: NewFetcher(FetchOptions{})}, nil, "", []error{ErrForbiddenAddress}},
		{"no fetcher", []string{ts.URL + "/bridge"}, Options{}, nil, "", []error{ErrNoFetcher}},
		{"feed URL", []string{ts.URL + "/feed.xml"}, allowed,
			[]string{ts.URL + "/bridge", ts.URL + "/ferry", ts.URL + "/gone"}, "six weeks of repairs", []error{ErrEmpty}},
		{"feed file, pages fetched", []string{feedFile}, allowed,
			[]string{ts.URL + "/bridge", ts.URL + "/ferry", ts.URL + "/gone"}, "<article>", []error{ErrEmpty}},
		{"feed file, capped", []string{feedFile}, Options{Fetcher: allowed.Fetcher, MaxFeedItems: 1},
			[]string{ts.URL + "/bridge"}, "six weeks", nil},
		// Past the pages' total (the first page is over 1,000 bytes), the
		// items' own content.
		{"feed file, pages' total", []string{feedFile}, Options{Fetcher: allowed.Fetcher, MaxBytes: 900},
			[]string{ts.URL + "/bridge", ts.URL + "/gone"}, "six weeks", []error{ErrTooLarge, ErrTooLarge}},
		// Refused pages: the items with content of their own are read, the
		// others reported.
		{"feed file, pages refused", []string{feedFile}, Options{Fetcher: NewFetcher(FetchOptions{})},
			[]string{ts.URL + "/gone"}, "harbour master", []error{ErrForbiddenAddress, ErrForbiddenAddress, ErrForbiddenAddress}},
		{"gzipped file", []string{gzFile}, Options{}, []string{gzFile}, "repairs to the bridge", nil},
		{"gzipped URL", []string{ts.URL + "/notes.txt.gz"}, allowed, []string{ts.URL + "/notes.txt.gz"}, "harbour budget", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids, raws, errs := read(t, tt.paths, tt.opts)
			if !slices.Equal(ids, tt.ids) || (len(raws) > 0 && !strings.Contains(raws[0], tt.want)) {
				t.Errorf("Paths(%v) = %v (first %.60q), want %v with %q", tt.paths, ids, raws, tt.ids, tt.want)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %v, want %v", errs, tt.errs)
			}
			for i, err := range errs {
				var ie *Error
				if !errors.Is(err, tt.errs[i]) || !errors.As(err, &ie) {
					t.Errorf("error %d = %v, want an *Error wrapping %v", i, err, tt.errs[i])
				}
			}
		})
	}
}

// TestGzipBomb checks that decompression stops at the size limit.
func TestGzipBomb(t *testing.T) {
	t.Parallel()
	bomb := gz(t, bytes.Repeat([]byte("a"), 4<<20)) // 4 MiB of text in about 4 KiB
	path := filepath.Join(t.TempDir(), "bomb.txt.gz")
	os.WriteFile(path, bomb, 0o644)
	_, _, errs := read(t, []string{path}, Options{MaxBytes: 1 << 20})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("%d-byte gzip of 4 MiB with a 1 MiB limit: %v, want ErrTooLarge", len(bomb), errs)
	}
}

func TestLooksLikeFeed(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, data string
		want       bool
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, true},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, true},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, true},
		{"json feed", "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": []\n}", true},
		{"html page about feeds", `<html><body><p>Subscribe to our <rss> feed</p></body></html>`, false},
		{"jsonl article", `{"id":"a","text":"x"}`, false},
		{"text", "The feed mill reopened.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksLikeFeed([]byte(tt.data)); got != tt.want {
				t.Errorf("looksLikeFeed(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}
