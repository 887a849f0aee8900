package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"tidings/news"
)

// DefaultMaxFeedItems is the most items read from one feed when
// Options.MaxFeedItems is 0.
const DefaultMaxFeedItems = 100

func (o Options) maxFeedItems() int {
	if o.MaxFeedItems > 0 {
		return o.MaxFeedItems
	}
	return DefaultMaxFeedItems
}

// ErrNoFetcher is wrapped by the error for a URL given as a path when
// Options.Fetcher is nil.
var ErrNoFetcher = errors.New("ingest: URLs are not fetched here")

// isURL reports whether a path argument is an http or https URL.
func isURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// gzipped reports whether data starts with the gzip magic number, which
// no text starts with (0x8b is no UTF-8 lead byte).
func gzipped(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// gunzip decompresses data, refusing more than limit bytes of output: a
// small file may inflate a thousandfold.
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: over the limit of %s once decompressed", ErrTooLarge, size(limit))
	}
	return out, nil
}

// looksLikeFeed reports whether data is an RSS, Atom or JSON feed, from
// its first bytes.
func looksLikeFeed(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(head, []byte("<")):
		for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if i := bytes.Index(head, []byte(tag)); i >= 0 && !bytes.Contains(head[:i], []byte("<html")) {
				return true
			}
		}
	case bytes.HasPrefix(head, []byte("{")):
		return bytes.Contains(head, []byte("jsonfeed.org/version/"))
	}
	return false
}

// feedArticles returns the articles of a feed read from source: each
// item's page when fetcher is set and the page can be fetched, else the
// item's own content; at most maxItems items, the first (the newest, in
// the feeds' order), and pages of maxTotal bytes together at most (past
// that, the items' own content). An item with neither is left out,
// saying so in the error.
func feedArticles(ctx context.Context, source string, data []byte, fetcher *Fetcher, maxItems int, maxTotal int64) ([]news.Article, error) {
	feed, err := ParseFeed(data)
	if err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	items := feed.Items
	if len(items) > maxItems {
		items = items[:maxItems]
	}
	var out []news.Article
	var errs []error
	total := int64(0)
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return out, errors.Join(append(errs, err)...)
		}
		a := news.Article{ID: fmt.Sprintf("%s#%d", source, i+1), URL: it.Link, Title: it.Title, Author: it.Author,
			Outlet: feed.Title, Date: it.Published}
		if it.Link != "" {
			a.ID = it.Link
		}
		var fetchErr error
		if fetcher != nil && it.Link != "" && total >= maxTotal {
			fetchErr = fmt.Errorf("%w: the feed's pages passed %s together", ErrTooLarge, size(maxTotal))
		} else if fetcher != nil && it.Link != "" {
			page, err := fetcher.Article(ctx, it.Link)
			total += int64(len(page.Raw))
			if err == nil {
				a.Raw, a.IsHTML, a.URL = page.Raw, page.IsHTML, page.URL
				out = append(out, a)
				continue
			}
			fetchErr = err
		}
		if strings.TrimSpace(it.Content) == "" || checkText([]byte(it.Content)) != nil {
			cause := fmt.Errorf("feed item %d (%q): %w: no content of its own", i+1, it.Title, ErrEmpty)
			if fetchErr != nil {
				cause = fmt.Errorf("feed item %d (%q): %w: no content of its own, and its page: %w", i+1, it.Title, ErrEmpty, fetchErr)
			}
			errs = append(errs, &Error{Source: source, Err: cause})
			continue
		}
		a.Raw, a.IsHTML = it.Content, strings.Contains(it.Content, "<")
		out = append(out, a)
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Source: source, Err: fmt.Errorf("feed: %w", ErrNoArticles)})
	}
	return out, errors.Join(errs...)
}

// readURL fetches a URL given as a path: a page, a feed (its items) or
// a gzipped one of them.
func readURL(ctx context.Context, rawURL string, opts Options) ([]news.Article, error) {
	if opts.Fetcher == nil {
		return nil, &Error{Source: rawURL, Err: ErrNoFetcher}
	}
	p, err := opts.Fetcher.Get(ctx, rawURL, "", "")
	if err != nil {
		return nil, &Error{Source: rawURL, Err: err}
	}
	body := p.Body
	if gzipped(body) {
		if body, err = gunzip(body, opts.maxBytes()); err != nil {
			return nil, &Error{Source: rawURL, Err: err}
		}
	}
	if err := checkText(body); err != nil {
		return nil, &Error{Source: rawURL, Err: err}
	}
	if looksLikeFeed(body) {
		return feedArticles(ctx, p.URL, body, opts.Fetcher, opts.maxFeedItems(), opts.maxBytes())
	}
	mt, _, _ := mime.ParseMediaType(p.ContentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || looksLikeHTML(body):
		return []news.Article{{ID: p.URL, URL: p.URL, Raw: string(body), IsHTML: true}}, nil
	case strings.HasPrefix(mt, "text/") || mt == "" || gzipped(p.Body):
		return []news.Article{{ID: p.URL, URL: p.URL, Raw: string(body)}}, nil
	}
	return nil, &Error{Source: rawURL, Err: fmt.Errorf("not a page or a feed: Content-Type %q", p.ContentType)}
}
