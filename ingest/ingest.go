package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"tidings/news"
)

// Sentinel errors for unusable input.
var (
	ErrEmpty       = errors.New("ingest: empty input")
	ErrBinary      = errors.New("ingest: binary data, not text or HTML")
	ErrInvalidUTF8 = errors.New("ingest: invalid UTF-8")
	ErrTooLarge    = errors.New("ingest: input too large")
	ErrNoArticles  = errors.New("ingest: no articles found")
	ErrNUL         = errors.New("ingest: NUL character in text")
)

// Error is an error about one input: a file, standard input ("-") or a
// line of a JSONL file.
type Error struct {
	// Source is the path as given, or "-".
	Source string
	// Line is the 1-based line of a JSONL file, or 0.
	Line int
	// Err is the cause.
	Err error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// DefaultMaxBytes is the input size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 32 << 20

// Options controls reading. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest file accepted, in bytes; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Fetcher, when set, fetches the paths that are http or https URLs
	// and the pages of a feed's items. Nil leaves such paths unread (an
	// error wrapping ErrNoFetcher) and takes a feed's items from their
	// own content.
	Fetcher *Fetcher
	// MaxFeedItems caps the items read from one feed, the first ones;
	// 0 means DefaultMaxFeedItems.
	MaxFeedItems int
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Paths yields the articles of every path in order: a file, a directory
// (every non-hidden file under it, in lexical order), "-" for standard
// input, or an http or https URL (fetched by Options.Fetcher). A feed
// (RSS, Atom, JSON Feed), as a file or a URL, yields its items; a gzipped
// file is read decompressed, up to Options.MaxBytes. Each unusable input
// yields one *Error and reading goes on. It stops early when ctx is done,
// yielding ctx.Err().
func Paths(ctx context.Context, paths []string, opts Options) iter.Seq2[news.Article, error] {
	return func(yield func(news.Article, error) bool) {
		for _, p := range paths {
			if isURL(p) {
				if err := ctx.Err(); err != nil {
					yield(news.Article{}, err)
					return
				}
				arts, err := readURL(ctx, p, opts)
				for _, a := range arts {
					if !yield(a, nil) {
						return
					}
				}
				for _, err := range unjoin(err) {
					if !yield(news.Article{}, err) {
						return
					}
				}
				continue
			}
			for _, file := range expand(p) {
				if err := ctx.Err(); err != nil {
					yield(news.Article{}, err)
					return
				}
				if file.err != nil {
					if !yield(news.Article{}, file.err) {
						return
					}
					continue
				}
				// A file may hold good articles beside bad ones (a JSONL
				// file with one bad line): the articles come first, then
				// one error for each bad part.
				arts, err := readFile(ctx, file.path, opts)
				for _, a := range arts {
					if !yield(a, nil) {
						return
					}
				}
				for _, err := range unjoin(err) {
					if !yield(news.Article{}, err) {
						return
					}
				}
			}
		}
	}
}

type fileOrErr struct {
	path string
	err  error
}

// expand lists the files of one path argument.
func expand(p string) []fileOrErr {
	if p == "-" {
		return []fileOrErr{{path: p}}
	}
	info, err := os.Stat(p)
	if err != nil {
		return []fileOrErr{{err: &Error{Source: p, Err: cause(err)}}}
	}
	if !info.IsDir() {
		return []fileOrErr{{path: p}}
	}
	var out []fileOrErr
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, fileOrErr{err: &Error{Source: path, Err: cause(err)}})
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, fileOrErr{path: path})
		}
		return nil
	})
	if err != nil {
		out = append(out, fileOrErr{err: &Error{Source: p, Err: err}})
	}
	if len(out) == 0 {
		out = append(out, fileOrErr{err: &Error{Source: p, Err: errors.New("directory holds no files")}})
	}
	return out
}

// unjoin splits an error made by errors.Join into its parts; nil gives
// none.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// cause strips the *fs.PathError wrapper, whose path Error already names.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(ctx context.Context, path string, opts Options) ([]news.Article, error) {
	limit := opts.maxBytes()
	var r io.Reader
	if path == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Source: path, Err: cause(err)}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Size() > limit {
			return nil, &Error{Source: path, Err: fmt.Errorf("%w: %s, limit %s", ErrTooLarge, size(info.Size()), size(limit))}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &Error{Source: path, Err: cause(err)}
	}
	if int64(len(data)) > limit {
		return nil, &Error{Source: path, Err: fmt.Errorf("%w: over the limit of %s", ErrTooLarge, size(limit))}
	}
	if gzipped(data) {
		if data, err = gunzip(data, limit); err != nil {
			return nil, &Error{Source: path, Err: err}
		}
	}
	var arts []news.Article
	if looksLikeFeed(data) && checkText(data) == nil {
		arts, err = feedArticles(ctx, path, data, opts.Fetcher, opts.maxFeedItems(), opts.maxBytes())
	} else {
		arts, err = Parse(path, data)
	}
	if path != "-" {
		for i := range arts {
			arts[i].Path = path
		}
	}
	return arts, err
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Parse recognises the format of data read from source and returns its
// articles, with IDs derived from source ("path", or "path#2" for the
// second article of a file). Errors are *Error values.
func Parse(source string, data []byte) ([]news.Article, error) {
	if err := checkText(data); err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	text := string(data)
	switch {
	case looksLikeFeed(data):
		// Parse does no I/O: the items' own content.
		return feedArticles(context.Background(), source, data, nil, DefaultMaxFeedItems, DefaultMaxBytes)
	case looksLikeJSONL(data):
		return parseJSONL(source, data)
	case looksLikeHTML(data):
		return []news.Article{{ID: source, Raw: text, IsHTML: true}}, nil
	case strings.Contains(text, "|||||"):
		return splitMultiNews(source, text)
	}
	return []news.Article{{ID: source, Raw: text}}, nil
}

// CheckText tells whether data is usable text or HTML: nil, or
// [ErrEmpty], [ErrBinary] (a NUL byte in the first 8,000 bytes, where
// binary formats show one), [ErrNUL] (one further on, with its offset) or
// [ErrInvalidUTF8] (with the offset of the first bad byte). A server can
// answer its errors with a 4xx: the input is at fault.
func CheckText(data []byte) error { return checkText(data) }

// checkText rejects empty, binary and non-UTF-8 data.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 && i < 8000 {
		return ErrBinary
	} else if i >= 0 {
		return fmt.Errorf("%w at byte %d", ErrNUL, i)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, off)
	}
	return nil
}

func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<article", "<head"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return bytes.Count(head, []byte("</p>"))+bytes.Count(head, []byte("</div>")) >= 3
}

// looksLikeJSONL reports whether data starts with a JSON object and one
// of its first lines is a whole object: a bad first line does not turn a
// JSONL file into text.
func looksLikeJSONL(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '{' {
		return false
	}
	for range 20 {
		var line []byte
		line, t, _ = bytes.Cut(t, []byte("\n"))
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] == '{' && json.Valid(line) {
			return true
		}
		if len(t) == 0 {
			break
		}
	}
	return false
}

func splitMultiNews(source, text string) ([]news.Article, error) {
	var out []news.Article
	for part := range strings.SplitSeq(text, "|||||") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		out = append(out, news.Article{ID: fmt.Sprintf("%s#%d", source, len(out)+1), Raw: part})
	}
	if len(out) == 0 {
		return nil, &Error{Source: source, Err: ErrNoArticles}
	}
	return out, nil
}

// jsonLine is one line of either JSONL format.
type jsonLine struct {
	// Clusters format.
	Dataset  string      `json:"dataset"`
	ID       string      `json:"id"`
	Topic    *news.Topic `json:"topic"`
	Docs     []jsonDoc   `json:"docs"`
	Refs     []jsonRef   `json:"refs"`
	RefWords int         `json:"ref_words"`
	// Article format.
	Title     string `json:"title"`
	Headline  string `json:"headline"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
}

type jsonDoc struct {
	ID       string  `json:"id"`
	Headline *string `json:"headline"`
	Text     string  `json:"text"`
}

type jsonRef struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func parseJSONL(source string, data []byte) ([]news.Article, error) {
	var out []news.Article
	var errs []error
	for c, err := range clusters(source, bytes.NewReader(data)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, c.Articles...)
	}
	if len(out) == 0 {
		errs = append(errs, &Error{Source: source, Err: ErrNoArticles})
	}
	return out, errors.Join(errs...)
}

// Clusters reads a JSONL file of clusters (or of single articles, each
// then its own cluster) and yields them in file order. A bad line yields
// an *Error with its line number and reading goes on.
func Clusters(source string, r io.Reader) iter.Seq2[news.Cluster, error] {
	return clusters(source, r)
}

func clusters(source string, r io.Reader) iter.Seq2[news.Cluster, error] {
	return func(yield func(news.Cluster, error) bool) {
		br := bufio.NewReader(r)
		for line := 1; ; line++ {
			data, err := br.ReadBytes('\n')
			if line == 1 {
				data = bytes.TrimPrefix(data, []byte("\ufeff"))
			}
			if len(bytes.TrimSpace(data)) > 0 {
				if !yield(decodeLine(data, source, line)) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(news.Cluster{}, &Error{Source: source, Line: line, Err: err})
				return
			}
		}
	}
}

func decodeLine(raw []byte, source string, line int) (news.Cluster, error) {
	var l jsonLine
	if err := json.Unmarshal(raw, &l); err != nil {
		return news.Cluster{}, &Error{Source: source, Line: line, Err: fmt.Errorf("bad JSON: %w", err)}
	}
	if field := nulField(&l); field != "" {
		// JSON can carry a NUL as \u0000: refused as a raw one is.
		return news.Cluster{}, &Error{Source: source, Line: line, Err: fmt.Errorf("%w: in %q", ErrNUL, field)}
	}
	if l.ID == "" {
		l.ID = fmt.Sprintf("%s:%d", source, line)
	}
	c := news.Cluster{ID: l.ID, Dataset: l.Dataset, Topic: l.Topic, RefWords: l.RefWords}
	for _, r := range l.Refs {
		c.Refs = append(c.Refs, news.Reference{ID: r.ID, Text: r.Text})
	}
	if l.Docs != nil {
		for i, d := range l.Docs {
			a := news.Article{ID: d.ID, Raw: d.Text, Outlet: ldcOutlet(d.ID)}
			if pretokenized(d.Text) {
				a.Raw = detokenize(d.Text)
			} else if strings.Contains(d.Text, "``") {
				a.Raw = wireQuotes(d.Text)
			}
			if a.ID == "" {
				a.ID = fmt.Sprintf("%s-%d", l.ID, i+1)
			}
			if d.Headline != nil {
				a.Title = *d.Headline
			}
			c.Articles = append(c.Articles, a)
		}
		if len(c.Articles) == 0 {
			return c, &Error{Source: source, Line: line, Err: fmt.Errorf("cluster %q: %w", l.ID, ErrNoArticles)}
		}
		return c, nil
	}
	a := news.Article{ID: l.ID, Title: firstOf(l.Title, l.Headline), URL: l.URL, Outlet: l.Outlet, Raw: l.Text}
	if l.HTML != "" {
		a.Raw, a.IsHTML = l.HTML, true
	}
	if strings.TrimSpace(a.Raw) == "" {
		return c, &Error{Source: source, Line: line, Err: fmt.Errorf("%w: no \"text\", \"html\" or \"docs\"", ErrEmpty)}
	}
	if l.Published != "" {
		t, err := ParseDate(l.Published)
		if err != nil {
			return c, &Error{Source: source, Line: line, Err: fmt.Errorf("bad \"published\" %q: want RFC 3339 or YYYY-MM-DD", l.Published)}
		}
		a.Date = t
	}
	c.Articles = []news.Article{a}
	return c, nil
}

// nulField names the first field of l that holds a NUL character, or "".
func nulField(l *jsonLine) string {
	for _, f := range []struct{ name, v string }{{"id", l.ID}, {"title", l.Title}, {"headline", l.Headline}, {"text", l.Text},
		{"html", l.HTML}, {"url", l.URL}, {"outlet", l.Outlet}} {
		if strings.IndexByte(f.v, 0) >= 0 {
			return f.name
		}
	}
	for _, d := range l.Docs {
		if strings.IndexByte(d.Text, 0) >= 0 || strings.IndexByte(d.ID, 0) >= 0 {
			return "docs"
		}
	}
	return ""
}

// ParseDate reads a publication date as inputs give it: RFC 3339
// ("2026-03-02T09:30:00Z") or a day ("2026-03-02").
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	return t, err
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
