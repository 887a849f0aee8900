package ingest

import (
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
	// Line, when set, decodes each non-blank line of a JSONL input in
	// place of [DecodeLine]: for inputs whose lines may hold several
	// articles, such as an evaluation data set's clusters. line is
	// 1-based; errors should be *Error values.
	Line func(source string, line int, raw []byte) ([]news.Article, error)
	// Split, when set, is offered each plain-text input (neither JSONL nor
	// HTML) first: the articles it returns, or its error, are the input's.
	// It returns nil and no error to leave the text one article.
	Split func(source, text string) ([]news.Article, error)
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
// yields one *Error and reading goes on: a file with good articles beside
// bad ones (a JSONL file with one bad line) yields its articles, then one
// error for each bad part. It stops early when ctx is done, yielding
// ctx.Err().
func Paths(ctx context.Context, paths []string, opts Options) iter.Seq2[news.Article, error] {
	return func(yield func(news.Article, error) bool) {
		for _, p := range paths {
			if isURL(p) {
				if err := ctx.Err(); err != nil {
					yield(news.Article{}, err)
					return
				}
				arts, err := readURL(ctx, p, opts)
				if !yieldAll(yield, arts, err) {
					return
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
				arts, err := readFile(ctx, file.path, opts)
				if !yieldAll(yield, arts, err) {
					return
				}
			}
		}
	}
}

// yieldAll yields arts, then each error joined in err; false when yield
// asked to stop.
func yieldAll(yield func(news.Article, error) bool, arts []news.Article, err error) bool {
	for _, a := range arts {
		if !yield(a, nil) {
			return false
		}
	}
	for _, err := range unjoin(err) {
		if !yield(news.Article{}, err) {
			return false
		}
	}
	return true
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
		arts, err = opts.Parse(path, data)
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
// articles. An article's ID is source for a text or HTML input; a JSONL
// line gives its own "id", or "source:3" for line 3. Errors are *Error
// values. It is [Options.Parse] with the zero Options.
func Parse(source string, data []byte) ([]news.Article, error) {
	return Options{}.Parse(source, data)
}

// Parse is [Parse] with o's Line and Split.
func (o Options) Parse(source string, data []byte) ([]news.Article, error) {
	if err := checkText(data); err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	text := string(data)
	switch {
	case looksLikeFeed(data):
		// Parse does no I/O: the items' own content.
		return feedArticles(context.Background(), source, data, nil, o.maxFeedItems(), o.maxBytes())
	case looksLikeJSONL(data):
		return o.parseJSONL(source, data)
	case looksLikeHTML(data):
		return []news.Article{{ID: source, Raw: text, IsHTML: true}}, nil
	}
	if o.Split != nil {
		if arts, err := o.Split(source, text); arts != nil || err != nil {
			return arts, err
		}
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

// jsonArticle is one line of a JSONL file of articles.
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Headline  string `json:"headline"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
}

// parseJSONL reads every non-blank line of data; a bad line is an error
// joined to the others, and reading goes on.
func (o Options) parseJSONL(source string, data []byte) ([]news.Article, error) {
	decode := o.Line
	if decode == nil {
		decode = func(source string, line int, raw []byte) ([]news.Article, error) {
			a, err := DecodeLine(source, line, raw)
			if err != nil {
				return nil, err
			}
			return []news.Article{a}, nil
		}
	}
	var out []news.Article
	var errs []error
	for line, raw := range lines(data) {
		arts, err := decode(source, line, raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, arts...)
	}
	if len(out) == 0 {
		errs = append(errs, &Error{Source: source, Err: ErrNoArticles})
	}
	return out, errors.Join(errs...)
}

// lines yields the non-blank lines of data with their 1-based numbers,
// without a byte order mark at the start.
func lines(data []byte) iter.Seq2[int, []byte] {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	return func(yield func(int, []byte) bool) {
		for line := 1; len(data) > 0; line++ {
			raw, rest, _ := bytes.Cut(data, []byte("\n"))
			data = rest
			if len(bytes.TrimSpace(raw)) > 0 && !yield(line, raw) {
				return
			}
		}
	}
}

// DecodeLine decodes line number line (1-based) of a JSONL file of
// articles: {"id", "title" or "headline", "text" or "html", "url",
// "outlet", "published"}. The ID defaults to "source:line". Errors are
// *Error values: bad JSON, no text (ErrEmpty) or a bad date.
func DecodeLine(source string, line int, raw []byte) (news.Article, error) {
	var l jsonArticle
	if err := json.Unmarshal(raw, &l); err != nil {
		return news.Article{}, &Error{Source: source, Line: line, Err: fmt.Errorf("bad JSON: %w", err)}
	}
	for _, f := range []struct{ name, v string }{{"id", l.ID}, {"title", l.Title}, {"headline", l.Headline}, {"text", l.Text},
		{"html", l.HTML}, {"url", l.URL}, {"outlet", l.Outlet}} {
		if strings.IndexByte(f.v, 0) >= 0 {
			// JSON can carry a NUL as \u0000: refused as a raw one is.
			return news.Article{}, &Error{Source: source, Line: line, Err: fmt.Errorf("%w: in %q", ErrNUL, f.name)}
		}
	}
	if l.ID == "" {
		l.ID = fmt.Sprintf("%s:%d", source, line)
	}
	a := news.Article{ID: l.ID, Title: firstOf(l.Title, l.Headline), URL: l.URL, Outlet: l.Outlet, Raw: l.Text}
	if l.HTML != "" {
		a.Raw, a.IsHTML = l.HTML, true
	}
	if strings.TrimSpace(a.Raw) == "" {
		return news.Article{}, &Error{Source: source, Line: line, Err: fmt.Errorf("%w: no \"text\" or \"html\"", ErrEmpty)}
	}
	if l.Published != "" {
		t, err := ParseDate(l.Published)
		if err != nil {
			return news.Article{}, &Error{Source: source, Line: line, Err: fmt.Errorf("bad \"published\" %q: want RFC 3339 or YYYY-MM-DD", l.Published)}
		}
		a.Date = t
	}
	return a, nil
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
