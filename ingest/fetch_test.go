package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestForbidden(t *testing.T) {
	tests := []struct {
		ip, why string
	}{
		{"8.8.8.8", ""},
		{"2606:4700::1111", ""},
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"169.254.169.254", "link-local (cloud metadata lives here)"},
		{"fe80::1", "link-local (cloud metadata lives here)"},
		{"fd00:ec2::254", "cloud metadata"},
		{"100.100.100.200", "cloud metadata"},
		{"100.64.1.1", "carrier-grade NAT (shared)"},
		{"0.0.0.0", "unspecified"},
		{"239.1.2.3", "multicast"},
	}
	for _, tt := range tests {
		if got := forbidden(netip.MustParseAddr(tt.ip)); got != tt.why {
			t.Errorf("forbidden(%s) = %q, want %q", tt.ip, got, tt.why)
		}
	}
}

// only127001 admits the test servers' address and nothing else.
func only127001(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }

func TestFetch(t *testing.T) {
	page := "<html><head><title>Bridge</title></head><body><article><p>The bridge reopened on Monday after six weeks of repairs, the city said.</p></article></body></html>"
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(page))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("<p>word</p>", 10000)))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	ts := httptest.NewServer(mux)
	defer ts.Close()
	port := ts.URL[strings.LastIndex(ts.URL, ":"):]
	mux.HandleFunc("/to-other-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.2"+port+"/page", http.StatusFound)
	})
	mux.HandleFunc("/to-ipv6-loopback", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://[::1]"+port+"/page", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/to-page", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	ctx := context.Background()
	allowed := NewFetcher(FetchOptions{Allow: only127001, MaxBytes: 50000})

	t.Run("loopback refused by default", func(t *testing.T) {
		_, err := NewFetcher(FetchOptions{}).Article(ctx, ts.URL+"/page")
		if !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), "127.0.0.1 is a loopback address") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("allowed page", func(t *testing.T) {
		a, err := allowed.Article(ctx, ts.URL+"/to-page")
		if err != nil || !a.IsHTML || a.URL != ts.URL+"/page" || !strings.Contains(a.Raw, "reopened") {
			t.Errorf("Article = %+v, %v", a, err)
		}
	})
	t.Run("conditional request", func(t *testing.T) {
		p, err := allowed.Get(ctx, ts.URL+"/page", `"v1"`, "")
		if err != nil || !p.NotModified {
			t.Errorf("Get with ETag = %+v, %v", p, err)
		}
	})
	for _, tt := range []struct {
		name, path, want string
		forbidden        bool
	}{
		{"redirect to another loopback address", "/to-other-loopback", "127.0.0.2 is a loopback address", true},
		{"redirect to IPv6 loopback", "/to-ipv6-loopback", "::1 is a loopback address", true},
		{"redirect to a file", "/to-file", `not "file"`, false},
		{"redirect loop", "/loop", "more than 5 redirects", false},
		{"size cap", "/big", "over the 50000-byte cap", false},
		{"not a page", "/image", "not a page", false},
		{"missing", "/missing", "404", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := allowed.Article(ctx, ts.URL+tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) || errors.Is(err, ErrForbiddenAddress) != tt.forbidden {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	for _, u := range []string{"ftp://example.org/x", "http://user:pw@example.org/", "::bad"} {
		if _, err := allowed.Get(ctx, u, "", ""); err == nil {
			t.Errorf("Get(%q): no error", u)
		}
	}
}

func TestParseFeed(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Bridge reopens</title><link>https://example.org/bridge</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
<description>The bridge reopened on Monday.</description></item>
<item><title>No date</title><link>https://example.org/x</link></item></channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Talks</title><link href="https://example.org/talks"/><updated>2026-03-02T10:00:00Z</updated>
<author><name>Ana Ruiz</name></author><content type="html">&lt;p&gt;Talks began.&lt;/p&gt;</content></entry></feed>`
	json := `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://example.org/j","content_text":"Text.","date_published":"2026-03-03T00:00:00Z"}]}`
	for _, tt := range []struct {
		name, data, title, link, content string
		items                            int
		dated                            bool
	}{
		{"rss", rss, "Harbour Post", "https://example.org/bridge", "The bridge reopened on Monday.", 2, true},
		{"atom", atom, "Wire", "https://example.org/talks", "<p>Talks began.</p>", 1, true},
		{"json", json, "J", "https://example.org/j", "Text.", 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFeed([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || len(f.Items) != tt.items || f.Items[0].Link != tt.link || f.Items[0].Content != tt.content || f.Items[0].Published.IsZero() != !tt.dated {
				t.Errorf("ParseFeed = %+v", f)
			}
		})
	}
	if _, err := ParseFeed([]byte("<html>not a feed</html>")); err == nil {
		t.Error("HTML parsed as a feed")
	}
}
