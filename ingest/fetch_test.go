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

// TestForbidden walks the IANA IPv4 and IPv6 special-purpose registries:
// every range that is not globally reachable is refused, with its name,
// and an IPv6 address that carries an IPv4 one is judged by it.
func TestForbidden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, ip, why string // why: "" for a public address, else a part of the reason
	}{
		{"public IPv4", "8.8.8.8", ""},
		{"public IPv6", "2606:4700::1111", ""},
		{"this network", "0.1.2.3", `"this network"`},
		{"unspecified IPv4", "0.0.0.0", `"this network"`},
		{"private 10/8", "10.1.2.3", "private"},
		{"shared 100.64/10", "100.64.1.1", "carrier-grade NAT"},
		{"Alibaba metadata", "100.100.100.200", "cloud metadata"},
		{"loopback", "127.0.0.1", "loopback"},
		{"loopback /8", "127.8.9.10", "loopback"},
		{"link-local metadata", "169.254.169.254", "link-local"},
		{"private 172.16/12", "172.31.255.1", "private"},
		{"just past 172.16/12", "172.32.0.1", ""},
		{"IETF protocol assignments", "192.0.0.8", "IETF protocol assignment"},
		{"PCP anycast is global", "192.0.0.9", ""},
		{"TEST-NET-1", "192.0.2.10", "documentation"},
		{"AS112 is global", "192.31.196.1", ""},
		{"6to4 relay anycast", "192.88.99.1", "6to4 relay"},
		{"private 192.168/16", "192.168.1.1", "private"},
		{"benchmarking", "198.19.0.1", "benchmarking"},
		{"TEST-NET-2", "198.51.100.7", "documentation"},
		{"TEST-NET-3", "203.0.113.9", "documentation"},
		{"multicast", "239.1.2.3", "multicast"},
		{"reserved 240/4", "240.0.0.1", "reserved"},
		{"broadcast", "255.255.255.255", "limited broadcast"}, // inside 240/4 as well; the /32 names it
		{"unspecified IPv6", "::", "unspecified"},
		{"IPv6 loopback", "::1", "loopback"},
		{"mapped loopback", "::ffff:127.0.0.1", "loopback"},
		{"mapped public", "::ffff:8.8.8.8", ""},
		{"compatible loopback", "::127.0.0.1", "IPv4-compatible form of 127.0.0.1, a loopback"},
		{"compatible private", "::10.0.0.1", "private"},
		{"translated loopback", "::ffff:0:127.0.0.1", "IPv4-translated form of 127.0.0.1"},
		{"NAT64 loopback", "64:ff9b::7f00:1", "NAT64 form of 127.0.0.1"},
		{"NAT64 metadata", "64:ff9b::169.254.169.254", "link-local"},
		{"NAT64 public", "64:ff9b::8.8.8.8", ""},
		{"local-use NAT64", "64:ff9b:1::a00:1", "local-use IPv4/IPv6 translation"},
		{"discard-only", "100::1", "discard-only"},
		{"IETF protocol assignments v6", "2001:100::1", "IETF protocol assignment"},
		{"PCP anycast v6 is global", "2001:1::1", ""},
		{"benchmarking v6", "2001:2::1", "benchmarking"},
		{"ORCHID", "2001:10::1", "ORCHID"},
		{"ORCHIDv2 is global", "2001:20::1", ""},
		{"Teredo with a loopback client", "2001:0:808:808:0:0:80ff:fffe", "Teredo client form of 127.0.0.1"},
		{"Teredo with a private server", "2001:0:a00:1::1", "Teredo server form of 10.0.0.1"},
		{"Teredo, both public", "2001:0:808:808::f7f7:f7f7", ""},
		{"documentation v6", "2001:db8::1", "documentation"},
		{"6to4 of loopback", "2002:7f00:1::1", "6to4 form of 127.0.0.1"},
		{"6to4 of private", "2002:c0a8:101::1", "6to4 form of 192.168.1.1"},
		{"6to4 of public", "2002:808:808::1", ""},
		{"documentation 3fff::/20", "3fff:1::1", "documentation"},
		{"SRv6", "5f00::1", "segment routing"},
		{"unique local", "fc00::1", "private"},
		{"AWS metadata", "fd00:ec2::254", "cloud metadata"},
		{"link-local v6", "fe80::1", "link-local"},
		{"link-local v6 with zone", "fe80::1%eth0", "link-local"},
		{"site-local", "fec0::1", "site-local"},
		{"multicast v6", "ff02::1", "multicast"},
		{"reserved v6", "4000::1", "reserved"},
		{"reserved ::/8 beyond the compatible form", "0:0:0:1::1", "reserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := forbidden(netip.MustParseAddr(tt.ip))
			if (got == "") != (tt.why == "") || !strings.Contains(got, tt.why) {
				t.Errorf("forbidden(%s) = %q, want %q", tt.ip, got, tt.why)
			}
		})
	}
}

func TestAllowFetch(t *testing.T) {
	t.Parallel()
	list, err := ParseAllowFetch(" Wiki.Intranet.example, 10.1.0.0/16,,fd00::/8, 127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	f := NewFetcher(FetchOptions{AllowFetch: list})
	private := NewFetcher(FetchOptions{AllowPrivate: true})
	for _, tt := range []struct {
		name, ip        string
		listed, private bool // allowed by the list; by AllowPrivate
	}{
		{"in the listed range", "10.1.2.3", true, true},
		{"outside the listed range", "10.2.0.1", false, true},
		{"listed address", "127.0.0.1", true, false},
		{"mapped form of a listed address", "::ffff:127.0.0.1", true, false},
		{"other loopback", "127.0.0.2", false, false},
		{"listed IPv6 range", "fd12::1", true, true},
		{"metadata stays refused", "169.254.169.254", false, false},
		{"AWS metadata in a private range", "fd00:ec2::254", true, false},
		{"public", "8.8.8.8", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ip := netip.MustParseAddr(tt.ip)
			if err := f.checkAddr(ip); (err == nil) != tt.listed {
				t.Errorf("with %v: checkAddr(%s) = %v, want allowed %v", list, ip, err, tt.listed)
			}
			if err := private.checkAddr(ip); (err == nil) != tt.private {
				t.Errorf("with AllowPrivate: checkAddr(%s) = %v, want allowed %v", ip, err, tt.private)
			}
		})
	}
	if !f.allowHosts["wiki.intranet.example"] {
		t.Errorf("host names allowed: %v, want wiki.intranet.example", f.allowHosts)
	}
	for _, bad := range []string{"10.0.0.0/33", "http://x", "a b", "::zz"} {
		if _, err := ParseAllowFetch(bad); !errors.Is(err, ErrBadURL) {
			t.Errorf("ParseAllowFetch(%q) = %v, want ErrBadURL", bad, err)
		}
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := NewFetcher(FetchOptions{AllowFetch: []string{"localhost"}})
	for _, tt := range []struct {
		url  string
		want error // nil: may be fetched
	}{
		{"http://127.0.0.1/", ErrForbiddenAddress},
		{"http://[::ffff:0:127.0.0.1]/", ErrForbiddenAddress},
		{"http://[64:ff9b::a9fe:a9fe]/latest/meta-data", ErrForbiddenAddress},
		{"http://localhost:8080/", nil}, // allowed by name
		{"http://8.8.8.8/", nil},
		{"http://user:pw@8.8.8.8/", ErrBadURL},
		{"http://8.8.8.8:99999/", ErrBadURL},
		{"http://8.8.8.8:0/", ErrBadURL},
		{"gopher://8.8.8.8/", ErrBadURL},
		{"http:///path", ErrBadURL},
	} {
		t.Run(tt.url, func(t *testing.T) {
			err := f.Check(ctx, tt.url)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("Check(%s) = %v, want %v", tt.url, err, tt.want)
			}
		})
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
	t.Run("host allowed by name", func(t *testing.T) {
		byName := NewFetcher(FetchOptions{AllowFetch: []string{"localhost"}})
		a, err := byName.Article(ctx, "http://localhost"+port+"/page")
		if err != nil || !strings.Contains(a.Raw, "reopened") {
			t.Errorf("Article(localhost) = %+v, %v", a, err)
		}
		// The name is allowed, not its address: a redirect to the
		// loopback address by number is refused.
		if _, err := byName.Article(ctx, "http://localhost"+port+"/to-other-loopback"); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("redirect from an allowed host to 127.0.0.2: %v, want ErrForbiddenAddress", err)
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
