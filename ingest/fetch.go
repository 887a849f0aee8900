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
	"strconv"
	"strings"
	"syscall"
	"time"

	"tidings/news"
)

// ErrForbiddenAddress is wrapped by fetch errors for an address that
// fetching must not reach: every range of the IANA special-purpose
// address registries that is not globally reachable (loopback, private,
// link-local with the cloud metadata, documentation, benchmarking,
// reserved, ...), also when an IPv6 address embeds one.
var ErrForbiddenAddress = errors.New("forbidden address")

// ErrBadURL is wrapped by errors about a URL that cannot be fetched
// whatever the far side does: not http or https, with credentials, with
// no host or a port out of range; and by errors about allow-list entries.
var ErrBadURL = errors.New("bad URL")

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
	// AllowPrivate admits the addresses of private networks (10/8,
	// 172.16/12, 192.168/16, 100.64/10, fc00::/7): intranet hosts.
	// Loopback, link-local, cloud metadata and the other special ranges
	// stay refused.
	AllowPrivate bool
	// AllowFetch lists the hosts and ranges a fetch may reach although
	// they are not public, in the form [ParseAllowFetch] returns: host
	// names (matched exactly, case-insensitive, whatever address they
	// resolve to), IP addresses and CIDR prefixes. Malformed entries are
	// ignored.
	AllowFetch []string
	// UserAgent is sent with every request; "" means "tidings".
	UserAgent string
}

// Fetcher fetches web pages and feeds without letting a URL reach the
// machine it runs on or its network: every connection's address is
// checked after DNS resolution, on the first request and on every
// redirect, so a public name that resolves to a private address or a
// redirect to one is refused, with the reason.
type Fetcher struct {
	opts       FetchOptions
	client     *http.Client
	allowNets  []netip.Prefix
	allowHosts map[string]bool
	// checked dials with the address check; open without it, for the
	// hosts allowed by name.
	checked, open *net.Dialer
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
	f := &Fetcher{opts: opts, allowHosts: map[string]bool{}}
	for _, e := range opts.AllowFetch {
		p, host, err := parseAllowEntry(strings.ToLower(strings.TrimSpace(e)))
		switch {
		case err != nil:
		case host != "":
			f.allowHosts[host] = true
		default:
			f.allowNets = append(f.allowNets, p)
		}
	}
	f.checked = &net.Dialer{Timeout: 10 * time.Second, Control: f.control}
	f.open = &net.Dialer{Timeout: 10 * time.Second}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real address
		DialContext:           f.dial,
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
	return f.checkAddr(ap.Addr())
}

// checkAddr refuses ip unless it is globally reachable or allowed.
func (f *Fetcher) checkAddr(ip netip.Addr) error {
	ip = ip.Unmap().WithZone("")
	why := forbidden(ip)
	if why == "" || f.allowed(ip) {
		return nil
	}
	return fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, ip, why)
}

// allowed reports whether the options admit ip although it is not
// public.
func (f *Fetcher) allowed(ip netip.Addr) bool {
	if f.opts.Allow != nil && f.opts.Allow(ip) {
		return true
	}
	if f.opts.AllowPrivate && privateNetwork(ip) {
		return true
	}
	for _, p := range f.allowNets {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// privateNets are the ranges of private networks (RFC 1918, RFC 6598,
// RFC 4193): the intranet hosts FetchOptions.AllowPrivate admits.
var privateNets = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("fc00::/7"),
}

func privateNetwork(ip netip.Addr) bool {
	if s, ok := lookup(specialIPv4, ip); ok && s.name == "cloud metadata (Alibaba Cloud)" {
		return false
	}
	if s, ok := lookup(specialIPv6, ip); ok && s.name == "cloud metadata (AWS)" {
		return false
	}
	for _, p := range privateNets {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// ParseAllowFetch reads a comma-separated list of the hosts and ranges a
// fetch may reach although they are not public, as FetchOptions.AllowFetch
// takes it: host names ("wiki.intranet.example", matched exactly), IP
// addresses ("10.1.2.3", "::1") and CIDR prefixes ("10.1.0.0/16",
// "fd00::/8"). Empty entries are skipped; a malformed one is an error
// wrapping [ErrBadURL].
func ParseAllowFetch(list string) ([]string, error) {
	var out []string
	for _, e := range strings.Split(list, ",") {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if _, _, err := parseAllowEntry(e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// parseAllowEntry reads one entry of an allow-list: a prefix, or a host
// name (lower case, without a final dot).
func parseAllowEntry(e string) (netip.Prefix, string, error) {
	if strings.Contains(e, "/") {
		p, err := netip.ParsePrefix(e)
		if err != nil {
			return netip.Prefix{}, "", fmt.Errorf("%w: allow-list entry %q: %v", ErrBadURL, e, err)
		}
		return p.Masked(), "", nil
	}
	if ip, err := netip.ParseAddr(e); err == nil {
		ip = ip.Unmap().WithZone("")
		return netip.PrefixFrom(ip, ip.BitLen()), "", nil
	}
	host := strings.TrimSuffix(strings.ToLower(e), ".")
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_') {
			return netip.Prefix{}, "", fmt.Errorf("%w: allow-list entry %q: not a host name, an IP address or a CIDR prefix", ErrBadURL, e)
		}
	}
	if host == "" {
		return netip.Prefix{}, "", fmt.Errorf("%w: empty allow-list entry", ErrBadURL)
	}
	return netip.Prefix{}, host, nil
}

// dial connects to address ("host:port" as the URL names it): without
// any address check when the host is on the allow-list by name, else
// through the checking dialer.
func (f *Fetcher) dial(ctx context.Context, network, address string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(address)
	if err == nil && f.allowHosts[strings.TrimSuffix(strings.ToLower(host), ".")] {
		return f.open.DialContext(ctx, network, address)
	}
	return f.checked.DialContext(ctx, network, address)
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: only http and https URLs can be fetched, not %q", ErrBadURL, u.Scheme)
	}
	if u.User != nil {
		return fmt.Errorf("%w: URLs with credentials are refused", ErrBadURL)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%w: port %s out of range", ErrBadURL, p)
		}
	}
	return nil
}

// Check tells, without fetching, whether rawURL may be fetched: its form
// (an error wrapping [ErrBadURL]) and the addresses its host resolves to
// now (an error wrapping [ErrForbiddenAddress] when one is refused). The
// fetch itself checks again, at each connection: a name may resolve
// elsewhere later. A name that does not resolve is an error wrapping
// neither.
func (f *Fetcher) Check(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	if err := checkScheme(u); err != nil {
		return err
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if f.allowHosts[host] {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return f.checkAddr(ip)
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", host, err)
	}
	for _, ip := range ips {
		if err := f.checkAddr(ip); err != nil {
			return err
		}
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
		return Page{}, fmt.Errorf("fetch %s: %w: %v", rawURL, ErrBadURL, err)
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
