package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tidings/store"
)

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		ae   []string
		want bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"gzip"}, true},
		{[]string{"GZIP"}, true},
		{[]string{"br, gzip;q=0.5"}, true},
		{[]string{"deflate", "gzip"}, true},
		{[]string{"x-gzip"}, true},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip; q=0.000"}, false},
		{[]string{"gzip;q=0.001"}, true},
		{[]string{"*"}, true},
		{[]string{"*;q=0"}, false},
		{[]string{"*, gzip;q=0"}, false},
		{[]string{"identity"}, false},
		{[]string{"br, deflate"}, false},
		{[]string{"gzipped"}, false},
	} {
		if got := acceptsGzip(tc.ae); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.ae, got, tc.want)
		}
	}
}

func TestStoryTagMatches(t *testing.T) {
	e := newCachedStory(store.Story{ID: 1, Body: []byte(`{"id":1}`)})
	tag := e.etag
	inner := tag[1 : len(tag)-1]
	for _, tc := range []struct {
		inm  []string
		want bool
	}{
		{[]string{tag}, true},
		{[]string{"W/" + tag}, true},
		{[]string{`"` + inner + `-gzip"`}, true},
		{[]string{`"other", ` + tag}, true},
		{[]string{`"other"`, tag}, true},
		{[]string{"*"}, true},
		{[]string{`"other"`}, false},
		{[]string{inner}, false}, // not quoted
		{[]string{`"` + inner + `x"`}, false},
		{[]string{`"`}, false},
		{[]string{""}, false},
	} {
		if got := e.matches(tc.inm); got != tc.want {
			t.Errorf("matches(%q) = %v, want %v", tc.inm, got, tc.want)
		}
	}
}

// storyBody is a story document of about the size of a real one
// (31 KB): briefs repeat words, and so compress.
func storyBody(id int64, version int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `{"id":%d,"version":%d,"sentences":[`, id, version)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"text":"The council voted %d times on the budget for version %d.","article":%d,"start":%d,"end":%d}`, i, version, i%7, i*40, i*40+38)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

// getStoryAs sends method to url with the given request headers, and
// returns the answer with its body read (gzip decoded when it is so
// encoded, as the client transport does not).
func getStoryAs(t *testing.T, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// No transparent decoding: the test sees the encoding sent.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Content-Encoding") == "gzip" && len(body) > 0 {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s %s: bad gzip: %v", method, url, err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("%s %s: bad gzip: %v", method, url, err)
		}
	}
	return resp, body
}

// TestStoryAnswers checks GET /api/stories/{id} in each encoding, with
// and without If-None-Match, HEAD, and that a re-brief is served at once
// in every encoding, under a new tag.
func TestStoryAnswers(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, ok := s.st.(*cachedStore)
	if !ok {
		t.Fatalf("a SQLite store is not cached: %T", s.st)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	ctx := context.Background()
	story := store.Story{Title: "Budget", Updated: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), Body: storyBody(0, 1)}
	if err := c.PutStory(ctx, &story); err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprint(ts.URL, "/api/stories/", story.ID)
	gz := map[string]string{"Accept-Encoding": "gzip"}

	var tags []string
	for version := 1; version <= 3; version++ {
		want := storyBody(story.ID, version)
		// A re-brief (the first one gives the document its id): the
		// next GET, in either encoding, must serve it.
		story.Body, story.Updated = want, story.Updated.Add(time.Minute)
		if err := c.PutStory(ctx, &story); err != nil {
			t.Fatal(err)
		}
		plainResp, plain := getStoryAs(t, "GET", url, nil)
		gzResp, unzipped := getStoryAs(t, "GET", url, gz)
		for _, a := range []struct {
			name string
			resp *http.Response
			body []byte
			enc  string
		}{{"plain", plainResp, plain, ""}, {"gzip", gzResp, unzipped, "gzip"}} {
			if a.resp.StatusCode != http.StatusOK {
				t.Fatalf("version %d, %s: %d", version, a.name, a.resp.StatusCode)
			}
			if !bytes.Equal(a.body, want) {
				t.Errorf("version %d, %s: the body is not the brief stored last (%.60q)", version, a.name, a.body)
			}
			if got := a.resp.Header.Get("Content-Encoding"); got != a.enc {
				t.Errorf("version %d, %s: Content-Encoding %q, want %q", version, a.name, got, a.enc)
			}
			if got := a.resp.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("version %d, %s: Vary %q", version, a.name, got)
			}
			if got := a.resp.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("version %d, %s: Cache-Control %q", version, a.name, got)
			}
			if got := a.resp.Header.Get("Last-Modified"); got != story.Updated.Format(http.TimeFormat) {
				t.Errorf("version %d, %s: Last-Modified %q, want %q", version, a.name, got, story.Updated.Format(http.TimeFormat))
			}
		}
		if gzResp.ContentLength*3 > int64(len(want)) {
			t.Errorf("version %d: gzip body %d bytes of %d: compressed less than 3 times", version, gzResp.ContentLength, len(want))
		}
		ptag, gtag := plainResp.Header.Get("ETag"), gzResp.Header.Get("ETag")
		if ptag == "" || gtag == "" || ptag == gtag {
			t.Fatalf("version %d: tags %q (plain) and %q (gzip): want two different ones", version, ptag, gtag)
		}
		for _, old := range tags {
			if old == ptag || old == gtag {
				t.Errorf("version %d: tag %q was an earlier brief's", version, old)
			}
			// An earlier brief's tag gets the new brief.
			resp, body := getStoryAs(t, "GET", url, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": old})
			if resp.StatusCode != http.StatusOK || !bytes.Equal(body, want) {
				t.Errorf("version %d, If-None-Match %s (old): %d, body current %v", version, old, resp.StatusCode, bytes.Equal(body, want))
			}
		}
		tags = append(tags, ptag, gtag)
		for _, tag := range []string{ptag, gtag} {
			for _, h := range []map[string]string{{"If-None-Match": tag}, {"If-None-Match": tag, "Accept-Encoding": "gzip"}} {
				resp, body := getStoryAs(t, "GET", url, h)
				if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
					t.Errorf("version %d, %v: %d with %d bytes, want 304 without a body", version, h, resp.StatusCode, len(body))
				}
				if resp.Header.Get("ETag") == "" || resp.Header.Get("Vary") == "" {
					t.Errorf("version %d, %v: 304 without ETag or Vary: %v", version, h, resp.Header)
				}
			}
		}
		for _, h := range []map[string]string{nil, gz} {
			resp, body := getStoryAs(t, "HEAD", url, h)
			if resp.StatusCode != http.StatusOK || len(body) != 0 {
				t.Errorf("version %d, HEAD %v: %d with %d bytes", version, h, resp.StatusCode, len(body))
			}
			wantLen := plainResp.ContentLength
			if h != nil {
				wantLen = gzResp.ContentLength
			}
			if resp.ContentLength != wantLen || resp.Header.Get("ETag") == "" {
				t.Errorf("version %d, HEAD %v: Content-Length %d, want %d; ETag %q", version, h, resp.ContentLength, wantLen, resp.Header.Get("ETag"))
			}
		}
	}
	if resp, _ := getStoryAs(t, "GET", fmt.Sprint(ts.URL, "/api/stories/", story.ID+1000), gz); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a story not stored: %d, want 404", resp.StatusCode)
	}
}

// discardWriter is a ResponseWriter that keeps nothing: the benchmark
// measures the handler, not a recorder.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// benchStoryServer returns a server on a fresh SQLite store holding one
// story, closed when b ends.
func benchStoryServer(b *testing.B) (*Server, store.Story) {
	b.Helper()
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "s.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	s, err := New(context.Background(), st, Options{Token: token, ReadRate: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	story := store.Story{Title: "Budget", Updated: time.Now(), Body: storyBody(0, 1)}
	if err := s.st.PutStory(context.Background(), &story); err != nil {
		b.Fatal(err)
	}
	return s, story
}

// BenchmarkGetStory measures the handler of GET /api/stories/{id} on a
// story held in memory, plain and gzip, and the 304 of a repeat reader.
func BenchmarkGetStory(b *testing.B) {
	s, story := benchStoryServer(b)
	h := s.Handler()
	url := fmt.Sprint("/api/stories/", story.ID)
	plain := httptest.NewRequest("GET", url, nil)
	w := &discardWriter{h: http.Header{}}
	h.ServeHTTP(w, plain)
	tag := w.h.Get("Etag")
	for _, bc := range []struct {
		name   string
		header http.Header
	}{
		{"plain", nil},
		{"gzip", http.Header{"Accept-Encoding": {"gzip"}}},
		{"not-modified", http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {tag}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", url, nil)
			r.Header = bc.header
			if r.Header == nil {
				r.Header = http.Header{}
			}
			b.ReportAllocs()
			for b.Loop() {
				w := &discardWriter{h: http.Header{}}
				h.ServeHTTP(w, r)
			}
		})
	}
}

// BenchmarkGetStoryLoopback measures GET /api/stories/{id} through a
// loopback connection, the client's transport included but not its
// decoding of gzip (it asks for gzip itself, so the transport leaves the
// body as sent): what the server's answer costs the two ends of one
// connection, plain, gzip and 304.
func BenchmarkGetStoryLoopback(b *testing.B) {
	s, story := benchStoryServer(b)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	url := fmt.Sprint(ts.URL, "/api/stories/", story.ID)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	resp, err := client.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	tag := resp.Header.Get("ETag")
	for _, bc := range []struct {
		name   string
		header http.Header
	}{
		{"plain", http.Header{}},
		{"gzip", http.Header{"Accept-Encoding": {"gzip"}}},
		{"not-modified", http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {tag}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n atomic.Int64
			cpu0 := processCPU()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest("GET", url, nil)
					req.Header = bc.header.Clone()
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					m, _ := io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					n.Add(m)
				}
			})
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(n.Load())/float64(b.N), "body-B/op")
		})
	}
}

// processCPU is the CPU time this process has used, user and system, in
// nanoseconds.
func processCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
