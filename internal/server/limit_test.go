package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLimiter runs a bucket of 2 a second (bursts of 4) on a fake clock.
func TestLimiter(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(2, 0)
	l.now = func() time.Time { return now }
	steps := []struct {
		name    string
		advance time.Duration
		client  string
		ok      bool
		retry   time.Duration
	}{
		{"burst 1", 0, "a", true, 0},
		{"burst 2", 0, "a", true, 0},
		{"burst 3", 0, "a", true, 0},
		{"burst 4", 0, "a", true, 0},
		{"over the burst", 0, "a", false, 500 * time.Millisecond},
		{"another client", 0, "b", true, 0},
		{"still over after 0.25 s", 250 * time.Millisecond, "a", false, 250 * time.Millisecond},
		{"a token after 0.5 s", 250 * time.Millisecond, "a", true, 0},
		{"and only one", 0, "a", false, 500 * time.Millisecond},
		{"full again after 10 s", 10 * time.Second, "a", true, 0},
	}
	for _, st := range steps {
		now = now.Add(st.advance)
		ok, retry := l.allow(st.client)
		if ok != st.ok || (retry-st.retry).Abs() > time.Millisecond {
			t.Errorf("%s: allow(%q) = %v, %v; want %v, %v", st.name, st.client, ok, retry, st.ok, st.retry)
		}
	}
	if off := newLimiter(-1, 5); off != nil {
		t.Errorf("newLimiter(-1) = %+v, want nil (no limit)", off)
	}
	if ok, _ := (*limiter)(nil).allow("a"); !ok {
		t.Error("a nil limiter refused a request")
	}
}

// TestLimiterForgets fills a limiter with more clients than it keeps: it
// stays bounded.
func TestLimiterForgets(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	l := newLimiter(1, 0)
	l.now = func() time.Time { return now }
	for i := range 3 * maxClients {
		l.allow(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Duration(i).String())
	}
	if n := len(l.buckets); n > maxClients {
		t.Errorf("%d buckets, want at most %d", n, maxClients)
	}
}

func TestClientOf(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, remote, want string }{
		{"ipv4", "192.0.2.7:5000", "192.0.2.7"},
		{"ipv6 host in its /64", "[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64"},
		{"ipv4-mapped", "[::ffff:192.0.2.7]:80", "192.0.2.7"},
		{"not an address", "pipe", "pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clientOf(&http.Request{RemoteAddr: tt.remote}); got != tt.want {
				t.Errorf("clientOf(%q) = %q, want %q", tt.remote, got, tt.want)
			}
		})
	}
}

// TestRateLimits sends more reads and writes than the limits allow from
// one address: the extra get 429 with Retry-After, and another address
// is not affected.
func TestRateLimits(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	s, err := New(t.Context(), st, Options{Token: token, ReadRate: 0.5, WriteRate: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	send := func(method, path, remote string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(`{"text": "x"}`))
		req.RemoteAddr = remote
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	tests := []struct {
		name, method, path string
		allowed            int // the burst (a token refills in 2 s)
	}{
		{"API reads", "GET", "/api/stories", 1},
		{"pages", "GET", "/", 0}, // the API reads took the bucket
		{"writes", "POST", "/api/articles", 1},
		{"sign-in", "POST", "/login", 0},
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range tt.allowed {
				if rec := send(tt.method, tt.path, "192.0.2.1:1000"); rec.Code == http.StatusTooManyRequests {
					t.Fatalf("request %d of %d refused", i+1, tt.allowed)
				}
			}
			rec := send(tt.method, tt.path, "192.0.2.1:1001")
			if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "too many") {
				t.Errorf("%s %s over the limit: %d, Retry-After %q, %s", tt.method, tt.path, rec.Code, rec.Header().Get("Retry-After"), rec.Body)
			}
			if rec := send(tt.method, tt.path, fmt.Sprintf("198.51.100.%d:1000", n)); rec.Code == http.StatusTooManyRequests {
				t.Errorf("another address refused: %d", rec.Code)
			}
		})
	}
}

func TestQueryBounds(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	tests := []struct {
		name, q string
		code    int
	}{
		{"short", "ferry strike", 200},
		{"at the term bound", strings.TrimSpace(strings.Repeat("w ", MaxQueryTerms)), 200},
		{"over the term bound", strings.TrimSpace(strings.Repeat("w ", MaxQueryTerms+1)), 400},
		{"at the byte bound", strings.Repeat("é", MaxQueryBytes/2), 200},
		{"over the byte bound", strings.Repeat("x", MaxQueryBytes+1), 400},
		{"100k terms", strings.Repeat("a ", 100000), 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e struct{ Error string }
			code := call(t, "GET", ts.URL+"/api/stories?q="+url.QueryEscape(tt.q), "", "", "", &e)
			if code != tt.code || (code == 400 && !strings.Contains(e.Error, "search")) {
				t.Errorf("GET /api/stories?q=(%d bytes) = %d %q, want %d", len(tt.q), code, e.Error, tt.code)
			}
			resp, err := http.Get(ts.URL + "/?q=" + url.QueryEscape(tt.q))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("GET /?q=(%d bytes) = %d, want %d", len(tt.q), resp.StatusCode, tt.code)
			}
		})
	}
}
