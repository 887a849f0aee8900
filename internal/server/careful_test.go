package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"tidings/store"
)

// TestCarefulAnswers posts and asks what a careless or hostile client
// would (issue 18, row 13, and the JSONL article format): each gets the
// answer a careful server gives.
func TestCarefulAnswers(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	r := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, 4000)
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	short := make([]byte, 60)
	for i := range short {
		short[i] = byte(1 + r.UintN(255)) // no NUL
	}
	story := "The harbour wall of Port Alder reopened to walkers on Saturday after repairs, the port authority said. "
	lateNUL := strings.Repeat(story, 100) + "\x00" + story // the NUL past byte 8,000
	latin1 := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 du port</title></head><body><article><p>Le caf\xe9 du port d'Alder a rouvert samedi apr\xe8s six semaines de travaux, a annonc\xe9 la mairie. Les habitants \xe9taient nombreux \xe0 f\xeater la r\xe9ouverture du quai.</p></article></body></html>")
	tests := []struct {
		name, method, path, auth, ctype, body string
		code                                  int
		want                                  string // in the body
		header                                string // "Name: value" the answer must carry
	}{
		{"random bytes as HTML", "POST", "/api/articles", "Bearer " + token, "text/html", string(random), 400, "binary", ""},
		{"short random bytes without NUL", "POST", "/api/articles", "Bearer " + token, "text/plain", string(short), 400, "binary", ""},
		{"NUL past byte 8000", "POST", "/api/articles", "Bearer " + token, "text/plain", lateNUL, 400, fmt.Sprint("NUL byte at byte ", 100*len(story)), ""},
		{"NUL in JSON text", "POST", "/api/articles", "Bearer " + token, "application/json", `{"text": "` + story + `\u0000"}`, 400, "NUL", ""},
		{"page in latin-1", "POST", "/api/articles", "Bearer " + token, "text/html; charset=iso-8859-1", string(latin1), 201, `"id"`, ""},
		{"trailing garbage", "POST", "/api/articles", "Bearer " + token, "application/json", `{"text": "` + story + `"} {"text": "more"}`, 400, "more after", ""},
		{"published after 9999", "POST", "/api/articles", "Bearer " + token, "application/json", `{"text": "` + story + `", "published": "9999-12-31T23:00:00-05:00"}`, 400, "out of range", ""},
		{"published before year 1", "POST", "/api/articles", "Bearer " + token, "application/json", `{"text": "` + story + `", "published": "0001-01-01T00:00:00+01:00"}`, 400, "out of range", ""},
		{"JSONL line as it is", "POST", "/api/articles", "Bearer " + token, "application/json",
			`{"id": "alder-1", "outlet": "Alder Gazette", "published": "2026-04-20", "headline": "Wall reopens", "url": "https://alder.example/wall", "author": "T. Avery", "text": "` + story + `"}`, 201, `"id"`, ""},
		{"lower-case bearer", "POST", "/api/articles", "bearer " + token, "text/plain", "Ferry crews on the Lannic islands ended their strike on Tuesday after the company raised its pay offer.", 201, `"id"`, ""},
		{"upper-case bearer", "POST", "/api/articles", "BEARER " + token, "text/plain", "Ferry crews on the Lannic islands ended their strike on Tuesday after the company raised its pay offer.", 200, `"id"`, ""},
		{"bearer without the token", "POST", "/api/articles", "bearer", "text/plain", "x", 401, "token", ""},
		{"static directory not listed", "GET", "/static/", "", "", "", 404, "", ""},
		{"static file served", "GET", "/static/style.css", "", "", "", 200, "", ""},
		{"wrong method on a write endpoint", "PUT", "/api/articles", "Bearer " + token, "", "", 405, "takes POST", "Allow: POST"},
		{"wrong method on a read endpoint", "DELETE", "/api/stories/1", "Bearer " + token, "", "", 405, "takes GET", "Allow: GET, HEAD"},
		{"wrong method on a page", "POST", "/stories/1", "", "", "", 405, "", "Allow: GET, HEAD"},
		{"unknown endpoint stays 404", "GET", "/api/nothing", "", "", "", 404, "no such endpoint", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code || !bytes.Contains(b, []byte(tt.want)) {
				t.Errorf("%s %s = %d %.200s, want %d with %q", tt.method, tt.path, resp.StatusCode, b, tt.code, tt.want)
			}
			if name, value, ok := strings.Cut(tt.header, ": "); ok && resp.Header.Get(name) != value {
				t.Errorf("%s: %q, want %q", name, resp.Header.Get(name), value)
			}
		})
	}
	var a articleOut
	var list struct{ Stories []storyItem }
	call(t, "GET", ts.URL+"/api/stories?q=walkers", "", "", "", &list)
	if len(list.Stories) == 0 {
		t.Fatal("the JSONL article's story is not listed")
	}
	var found bool
	for _, s := range list.Stories {
		var body struct{ Articles []string }
		call(t, "GET", fmt.Sprint(ts.URL, "/api/stories/", s.ID), "", "", "", &body)
		for _, id := range body.Articles {
			call(t, "GET", ts.URL+"/api/articles/"+id, "", "", "", &a)
			if a.URL == "https://alder.example/wall" {
				found = true
				if a.Title != "Wall reopens" || a.Author != "T. Avery" || a.Outlet != "Alder Gazette" || !strings.HasPrefix(a.Published, "2026-04-20") {
					t.Errorf("the JSONL article stored as %+v", a)
				}
			}
		}
	}
	if !found {
		t.Error("the JSONL article is not in any story")
	}
}

// TestFeedPasswordsRedacted stores a feed whose URL has a password (as a
// store from before such URLs were refused may hold): the open feed list
// never shows it.
func TestFeedPasswordsRedacted(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	f := store.Feed{URL: "https://reader:hunter2@news.example/rss"}
	if _, err := st.AddFeed(context.Background(), &f); err != nil {
		t.Fatal(err)
	}
	f.Error = "fetching https://reader:hunter2@news.example/rss: 500"
	if err := st.UpdateFeed(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, st, Options{})
	resp, err := http.Get(ts.URL + "/api/feeds")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if bytes.Contains(b, []byte("hunter2")) || !bytes.Contains(b, []byte("reader:xxxxx@news.example")) {
		t.Errorf("GET /api/feeds = %s, want the password redacted", b)
	}
}
