package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"tidings/news"
)

// ErrForbiddenAddress is wrapped by fetch errors for an address that
// fetching must not reach: loopback, private, link-local, cloud metadata
// and other non-public addresses.
var ErrForbiddenAddress = errors.New("forbidden address")

// Defaults of FetchOptions.
const (
	DefaultFetchBytes     = 8 << 20
	DefaultFetchTimeout   = 20 * time.Second
	DefaultFetchRedirects = 5
)

// FetchOptions bounds a Fetcher. The zero value uses the defaults and
// refuses every non-public address.
type FetchOptions struct {
	// MaxBytes caps a response body; 0 means DefaultFetchBytes.
	MaxBytes int64
	// Timeout caps a whole fetch, redirects included; 0 means
	// DefaultFetchTimeout.
	Timeout time.Duration
	// MaxRedirects caps the redirects followed; 0 means
	// DefaultFetchRedirects, negative none.
	MaxRedirects int
	// Allow, when set, admits an address the rules would refuse (tests
	// use it for their loopback servers). It is asked only about
	// non-public addresses.
	Allow func(netip.Addr) bool
	// UserAgent is sent with every request; "" means "tidings".
	UserAgent string
}

// Fetcher fetches web pages and feeds without letting a URL reach the
// machine it runs on or its network: every connection's address is
// checked after DNS resolution, on the first request and on every
// redirect, so a public name that resolves to a private address or a
// redirect to one is refused, with the reason.
type Fetcher struct {
	opts   FetchOptions
	client *http.Client
}

// NewFetcher returns a Fetcher with opts.
func NewFetcher(opts FetchOptions) *Fetcher {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultFetchBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultFetchTimeout
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultFetchRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "tidings"
	}
	f := &Fetcher{opts: opts}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: f.control}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real address
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConns:          16,
		IdleConnTimeout:       30 * time.Second,
	}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max(opts.MaxRedirects, 0) {
				return fmt.Errorf("more than %d redirects", max(opts.MaxRedirects, 0))
			}
			return checkScheme(req.URL)
		},
	}
	return f
}

// control runs after DNS resolution, before each connection.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse %q", ErrForbiddenAddress, address)
	}
	ip := ap.Addr().Unmap()
	if why := forbidden(ip); why != "" && (f.opts.Allow == nil || !f.opts.Allow(ip)) {
		return fmt.Errorf("%w: %s is a %s address", ErrForbiddenAddress, ip, why)
	}
	return nil
}

// metadata are the cloud instance-metadata addresses outside the
// link-local range.
var metadata = []netip.Prefix{
	netip.MustParsePrefix("fd00:ec2::254/128"),  // AWS over IPv6
	netip.MustParsePrefix("100.100.100.200/32"), // Alibaba Cloud
}

// forbidden names why ip must not be fetched from, or "" when it is a
// public address.
func forbidden(ip netip.Addr) string {
	for _, p := range metadata {
		if p.Contains(ip) {
			return "cloud metadata"
		}
	}
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local (cloud metadata lives here)"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case netip.MustParsePrefix("100.64.0.0/10").Contains(ip):
		return "carrier-grade NAT (shared)"
	case !ip.IsGlobalUnicast():
		return "non-public"
	}
	return ""
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https URLs can be fetched, not %q", u.Scheme)
	}
	if u.User != nil {
		return errors.New("URLs with credentials are refused")
	}
	return nil
}

// Page is a fetched document.
type Page struct {
	// URL is the final URL, after redirects.
	URL         string
	ContentType string
	Body        []byte
	// ETag and LastModified are the validators for a conditional request.
	ETag         string
	LastModified string
	// NotModified reports a 304 answer to a conditional request: Body is
	// empty.
	NotModified bool
}

// Get fetches rawURL. etag and lastModified, when not empty, make the
// request conditional.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: bad URL: %v", rawURL, err)
	}
	if err := checkScheme(u); err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	p := Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified {
		p.NotModified = true
		return p, nil
	}
	if resp.StatusCode/100 != 2 {
		return p, fmt.Errorf("fetch %s: %s", rawURL, resp.Status)
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return p, fmt.Errorf("fetch %s: %w: %d bytes, over the %d-byte cap", rawURL, ErrTooLarge, resp.ContentLength, f.opts.MaxBytes)
	}
	p.Body, err = io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return p, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	if int64(len(p.Body)) > f.opts.MaxBytes {
		return p, fmt.Errorf("fetch %s: %w: over the %d-byte cap", rawURL, ErrTooLarge, f.opts.MaxBytes)
	}
	return p, nil
}

// Article fetches one web page as a raw article: its HTML (or text) with
// the final URL as ID and URL.
func (f *Fetcher) Article(ctx context.Context, rawURL string) (news.Article, error) {
	p, err := f.Get(ctx, rawURL, "", "")
	if err != nil {
		return news.Article{}, err
	}
	mt, _, _ := mime.ParseMediaType(p.ContentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" && looksLikeHTML(p.Body)):
		if err := checkText(p.Body); err != nil {
			return news.Article{}, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
		return news.Article{ID: p.URL, URL: p.URL, Raw: string(p.Body), IsHTML: true}, nil
	case strings.HasPrefix(mt, "text/"):
		if err := checkText(p.Body); err != nil {
			return news.Article{}, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
		return news.Article{ID: p.URL, URL: p.URL, Raw: string(p.Body)}, nil
	}
	return news.Article{}, fmt.Errorf("fetch %s: not a page: Content-Type %q", rawURL, p.ContentType)
}
