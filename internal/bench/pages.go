package bench

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"tidings/clean"
)

// Page is one page of a pages-dev style set: its address, the segments
// its article text must and must not contain, and its gold metadata.
// Empty gold fields are unknown.
type Page struct {
	ID      string   `json:"id"`
	URL     string   `json:"url"`
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	Title   string   `json:"title"`
	// Author is the byline's names, "; " between names.
	Author Names `json:"author"`
	// Date is the publication date as YYYY-MM-DD.
	Date string `json:"date"`
}

// Names is one name or several: it reads a JSON string or an array of
// strings, joined by "; ".
type Names string

// UnmarshalJSON reads a string or an array of strings.
func (n *Names) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*n = Names(one)
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("bench: author is neither a string nor a list of strings: %w", err)
	}
	*n = Names(strings.Join(many, "; "))
	return nil
}

// PageForm is the form a page is read in.
type PageForm uint8

const (
	// HTMLForm is the page as served: html/ID.html.gz.
	HTMLForm PageForm = iota
	// TextForm is the page as copied out of a browser: text/ID.txt.
	TextForm
)

func (f PageForm) String() string {
	if f == TextForm {
		return "text"
	}
	return "html"
}

// LoadPages reads dir/pages.jsonl. It returns an error wrapping
// os.ErrNotExist when the set is absent.
func LoadPages(dir string) ([]Page, error) {
	f, err := os.Open(filepath.Join(dir, "pages.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages []Page
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Page
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("bench: %s line %d: %w", f.Name(), line, err)
		}
		pages = append(pages, p)
	}
	return pages, sc.Err()
}

// ReadPage returns the raw bytes of page p in form f under dir.
func ReadPage(dir string, p Page, f PageForm) (string, error) {
	if f == TextForm {
		b, err := os.ReadFile(filepath.Join(dir, "text", p.ID+".txt"))
		return string(b), err
	}
	fh, err := os.Open(filepath.Join(dir, "html", p.ID+".html.gz"))
	if err != nil {
		return "", err
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return "", fmt.Errorf("bench: %s: %w", fh.Name(), err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("bench: %s: %w", fh.Name(), err)
	}
	return string(b), nil
}

// Extracted is what an extractor found in one page. Empty fields were not
// found.
type Extracted struct {
	Text   string
	Title  string
	Author string
	Outlet string
	// OutletSource names where the outlet was found ("" when none).
	OutletSource string
	Date         time.Time
	// DateSource names where the date was found ("" when none).
	DateSource string
}

// Extractor turns one raw page into its article text and metadata. An
// error means no text (the page scores as empty).
type Extractor struct {
	Name    string
	Form    PageForm
	Extract func(raw string, p Page) (Extracted, error)
}

// Counts are summed segment counts: with-segments found (TP) and missed
// (FN), without-segments found (FP).
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 0 when undefined.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when undefined.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Accuracy counts pages with a gold value (Gold) and those where the
// extractor's value matched it (Right).
type Accuracy struct {
	Right, Gold int
}

// Rate is Right/Gold, 0 when no page has a gold value.
func (a Accuracy) Rate() float64 { return ratio(a.Right, a.Gold) }

// PagesResult is one extractor's score over a set of pages.
type PagesResult struct {
	Name string
	Form PageForm
	// Pages is the number of pages scored; Failed those that could not
	// be read or gave no text.
	Pages, Failed int
	Segments      Counts
	Date          Accuracy
	Author        Accuracy
	Title         Accuracy
	// Outlet counts the pages where an outlet was found, by source.
	Outlet map[string]int
	// DateSources counts the right dates by the source that found them.
	DateSources map[string]int
	// Elapsed is the time spent in Extract.
	Elapsed time.Duration
	// PerPage holds each page's score, in the order of the pages.
	PerPage []PageScore
}

// PageScore is one page's score: its segment counts, the with-segments
// it missed and the without-segments it kept, and its dates.
type PageScore struct {
	ID string
	Counts
	Missed, Unwanted []string
	// Date is the date found as YYYY-MM-DD ("" when none), GoldDate
	// the gold date ("" when unknown).
	Date, GoldDate string
}

// Errors is the page's segment errors: FP + FN.
func (s PageScore) Errors() int { return s.FP + s.FN }

// EvalPages scores ex on pages read from dir: segments found in the
// whitespace-collapsed article text, and metadata against the gold
// values. A page that cannot be read or gives no text counts as an empty
// text. It stops early with ctx's error.
func EvalPages(ctx context.Context, dir string, pages []Page, ex Extractor) (PagesResult, error) {
	res := PagesResult{Name: ex.Name, Form: ex.Form, Outlet: map[string]int{}, DateSources: map[string]int{}}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		raw, err := ReadPage(dir, p, ex.Form)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return res, err
			}
			res.Failed++
		}
		var got Extracted
		if err == nil {
			start := time.Now()
			got, err = ex.Extract(raw, p)
			res.Elapsed += time.Since(start)
			if err != nil {
				res.Failed++
			}
		}
		res.Pages++
		res.add(p, got)
	}
	return res, nil
}

func (res *PagesResult) add(p Page, got Extracted) {
	ps := scorePage(got.Text, p)
	c := ps.Counts
	if !got.Date.IsZero() {
		ps.Date = got.Date.Format("2006-01-02")
	}
	res.PerPage = append(res.PerPage, ps)
	res.Segments.TP += c.TP
	res.Segments.FP += c.FP
	res.Segments.FN += c.FN
	if p.Date != "" {
		res.Date.Gold++
		if !got.Date.IsZero() && got.Date.Format("2006-01-02") == p.Date {
			res.Date.Right++
			res.DateSources[got.DateSource]++
		}
	}
	if p.Author != "" {
		res.Author.Gold++
		if SameName(got.Author, string(p.Author)) {
			res.Author.Right++
		}
	}
	if p.Title != "" {
		res.Title.Gold++
		if foldSpace(got.Title) == foldSpace(p.Title) {
			res.Title.Right++
		}
	}
	if got.Outlet != "" {
		res.Outlet[got.OutletSource]++
	}
}

// ScoreSegments counts the with-segments found in text (TP) and missed
// (FN) and the without-segments found (FP), comparing after collapsing
// white space (trafilatura's evaluation measure).
func ScoreSegments(text string, with, without []string) Counts {
	return scorePage(text, Page{With: with, Without: without}).Counts
}

// scorePage scores text against p's segments and lists the errors.
func scorePage(text string, p Page) PageScore {
	t := collapse(text)
	ps := PageScore{ID: p.ID, GoldDate: p.Date}
	for _, s := range p.With {
		if strings.Contains(t, collapse(s)) {
			ps.TP++
		} else {
			ps.FN++
			ps.Missed = append(ps.Missed, s)
		}
	}
	for _, s := range p.Without {
		if strings.Contains(t, collapse(s)) {
			ps.FP++
			ps.Unwanted = append(ps.Unwanted, s)
		}
	}
	return ps
}

// WorstPages returns the n pages of r with the most segment errors, most
// first, ties by id.
func WorstPages(r PagesResult, n int) []PageScore {
	out := slices.Clone(r.PerPage)
	slices.SortStableFunc(out, func(a, b PageScore) int {
		if c := cmp.Compare(b.Errors(), a.Errors()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out[:min(n, len(out))]
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// foldSpace collapses white space and folds case.
func foldSpace(s string) string { return strings.ToLower(collapse(s)) }

// SameName reports whether got names the same people as gold: equal
// after folding case, white space and punctuation, in any order of the
// names joined by ";", "," or "and".
func SameName(got, gold string) bool {
	g, w := nameSet(got), nameSet(gold)
	if len(g) == 0 || len(g) != len(w) {
		return false
	}
	for n := range w {
		if !g[n] {
			return false
		}
	}
	return true
}

func nameSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, part := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ';' || r == ',' || r == '|' || r == '&' }) {
		for _, n := range strings.Split(part, " and ") {
			n = strings.Join(strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
			if n != "" {
				set[n] = true
			}
		}
	}
	return set
}

// PageExtractors returns the extractors eval-pages compares for form f:
// tidings' cleaning, and a baseline (go-trafilatura alone for HTML, every
// line kept for text).
func PageExtractors(f PageForm) []Extractor {
	if f == TextForm {
		return []Extractor{
			{Name: "tidings", Form: TextForm, Extract: cleanText},
			{Name: "keep every line", Form: TextForm, Extract: keepEveryLine},
		}
	}
	return []Extractor{
		{Name: "tidings", Form: HTMLForm, Extract: cleanHTML},
		{Name: "go-trafilatura alone", Form: HTMLForm, Extract: trafilaturaAlone},
	}
}

// PileExtractor returns tidings' cleaning of the copied-text form with
// the pages given as one pile (see [clean.Pile]): every page of pages is
// read from dir and added before any is cleaned.
func PileExtractor(dir string, pages []Page) (Extractor, error) {
	pile := clean.NewPile(0)
	for _, p := range pages {
		raw, err := ReadPage(dir, p, TextForm)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return Extractor{}, err
			}
			continue
		}
		pile.Add(raw, clean.Options{})
	}
	return Extractor{Name: "tidings, one pile", Form: TextForm, Extract: func(raw string, p Page) (Extracted, error) {
		r, err := pile.Clean(raw, clean.Options{URL: pageURL(p)})
		return fromResult(r), err
	}}, nil
}

func fromResult(r clean.Result) Extracted {
	m := r.Meta
	return Extracted{Text: r.Text, Title: m.Title, Author: m.Author, Outlet: m.Outlet, OutletSource: m.Sources["outlet"],
		Date: m.Date, DateSource: m.Sources["date"]}
}

// pageURL is the page's address, or "" when the set names only a file
// ("hard::name.html").
func pageURL(p Page) string {
	if strings.HasPrefix(p.URL, "http://") || strings.HasPrefix(p.URL, "https://") {
		return p.URL
	}
	return ""
}

func cleanText(raw string, p Page) (Extracted, error) {
	r, err := clean.Clean(raw, clean.Options{URL: pageURL(p)})
	return fromResult(r), err
}

func cleanHTML(raw string, p Page) (Extracted, error) {
	r, err := clean.Clean(raw, clean.Options{HTML: true, URL: pageURL(p)})
	return fromResult(r), err
}

func keepEveryLine(raw string, _ Page) (Extracted, error) {
	return Extracted{Text: raw}, nil
}

func trafilaturaAlone(raw string, _ Page) (Extracted, error) {
	// The options clean gives go-trafilatura, so that the row shows what
	// cleaning adds to it.
	ex, err := trafilatura.Extract(strings.NewReader(raw), trafilatura.Options{
		ExcludeComments: true, EnableFallback: true, HtmlDateMode: trafilatura.Extensive,
	})
	if err != nil || ex == nil {
		return Extracted{}, fmt.Errorf("bench: go-trafilatura: no content (%v)", err)
	}
	md := ex.Metadata
	out := Extracted{Text: ex.ContentText, Title: md.Title, Author: md.Author, Outlet: md.Sitename, Date: md.Date}
	if out.Outlet != "" {
		out.OutletSource = "go-trafilatura"
	}
	if !out.Date.IsZero() {
		out.DateSource = "go-trafilatura"
	}
	return out, nil
}

// HalfPages returns the pages whose numeric id is even (odd false) or odd,
// so that a rule found on one half can be checked on the other. Pages
// with a non-numeric id fall in the even half.
func HalfPages(pages []Page, odd bool) []Page {
	var out []Page
	for _, p := range pages {
		n, _ := strconv.Atoi(p.ID)
		if (n%2 == 1) == odd {
			out = append(out, p)
		}
	}
	return out
}
