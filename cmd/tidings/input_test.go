package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestURLPaths checks that the CLI takes what users have (issue 15 part
// 4): a URL, a feed as a URL or a file, a gzipped file; loopback is
// reached only through --allow-fetch, as a user would for an intranet.
func TestURLPaths(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"/bridge": "The bridge over the Selby river reopened on Monday after six weeks of repairs, the city council said.",
		"/repair": "Repairs to the Selby river bridge took six weeks, and the bridge reopened to traffic on Monday, officials said.",
	}
	mux := http.NewServeMux()
	for path, text := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><head><title>Bridge</title></head><body><article><p>" + text + "</p></article></body></html>"))
		})
	}
	var base string
	feed := func() string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Bridge reopens</title><link>` + base + `/bridge</link></item>
<item><title>Repairs done</title><link>` + base + `/repair</link></item></channel></rss>`
	}
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed()))
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	base = ts.URL
	dir := t.TempDir()
	feedFile := filepath.Join(dir, "feed.xml")
	os.WriteFile(feedFile, []byte(feed()), 0o644)
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(pages["/bridge"]))
	zw.Close()
	gzFile := filepath.Join(dir, "bridge.txt.gz")
	os.WriteFile(gzFile, zb.Bytes(), 0o644)

	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stdout string // in stdout
		stderr string // in stderr
	}{
		{"URL refused by default", []string{"clean", ts.URL + "/bridge"}, 1, "", "loopback address"},
		{"URL allowed", []string{"clean", "--allow-fetch", "127.0.0.1", ts.URL + "/bridge"}, 0, "six weeks of repairs", ""},
		{"private is not loopback", []string{"clean", "--allow-private", ts.URL + "/bridge"}, 1, "", "loopback address"},
		{"bad allow-list", []string{"clean", "--allow-fetch", "10.0.0.0/99", ts.URL + "/bridge"}, 2, "", "--allow-fetch"},
		{"feed URL", []string{"clean", "--allow-fetch", "127.0.0.1", ts.URL + "/feed.xml"}, 0, "=== " + ts.URL + "/repair", ""},
		{"feed file briefed", []string{"brief", "--allow-fetch", "127.0.0.1", feedFile}, 0, "2 sources", ""},
		{"gzipped file", []string{"clean", gzFile}, 0, "six weeks of repairs", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("tidings %v: exit %d, stdout %q, stderr %q; want exit %d, %q in stdout, %q in stderr",
					tt.args, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}
