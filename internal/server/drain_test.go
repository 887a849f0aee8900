package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDrain checks what each kind of request in flight gets when Drain is
// called: a blocked one that has not answered gets 503, one that began
// its answer keeps it, and a request after Drain gets 503 at once.
func TestDrain(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(context.Background(), st, Options{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	started := make(chan struct{}, 2)
	h := s.cuttable(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/blocked":
			started <- struct{}{}
			<-r.Context().Done() // Drain cancels it
			time.Sleep(50 * time.Millisecond)
			w.Write([]byte("too late"))
		case "/begun":
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("first half, "))
			http.NewResponseController(w).Flush()
			started <- struct{}{}
			<-r.Context().Done()
			w.Write([]byte("second half"))
		}
	}))
	ts := httptest.NewServer(h)
	defer ts.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	type answer struct {
		code int
		body string
	}
	inflight := []struct {
		name, path string
		code       int
		bodyPart   string
	}{
		{"blocked before its answer", "/blocked", 503, "stopping"},
		{"answer begun", "/begun", 200, "first half, second half"},
	}
	got := make([]chan answer, len(inflight))
	for i, tt := range inflight {
		got[i] = make(chan answer, 1)
		go func() {
			code, body := get(tt.path)
			got[i] <- answer{code, body}
		}()
		<-started
	}
	s.Drain()
	for i, tt := range inflight {
		t.Run(tt.name, func(t *testing.T) {
			a := <-got[i]
			if a.code != tt.code || !strings.Contains(a.body, tt.bodyPart) {
				t.Errorf("GET %s = %d %q, want %d with %q", tt.path, a.code, a.body, tt.code, tt.bodyPart)
			}
		})
	}
	t.Run("after Drain", func(t *testing.T) {
		if code, body := get("/begun"); code != 503 || !strings.Contains(body, "stopping") {
			t.Errorf("GET /begun after Drain = %d %q, want 503", code, body)
		}
	})
}
