package clean

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// fallbackOptions are the go-trafilatura options cleanHTML uses.
var fallbackOptions = trafilatura.Options{ExcludeComments: true, EnableFallback: true, HtmlDateMode: trafilatura.Extensive}

// sameExtraction fails t when extractDocument and go-trafilatura's own
// ExtractDocument disagree on page's text or metadata.
func sameExtraction(t *testing.T, name, page string) {
	t.Helper()
	parse := func() *html.Node {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	want, werr := trafilatura.ExtractDocument(parse(), fallbackOptions)
	got, gerr := extractDocument(parse(), fallbackOptions)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%s: extractDocument error %v, go-trafilatura's %v", name, gerr, werr)
	}
	if werr != nil {
		return
	}
	if got.ContentText != want.ContentText {
		t.Errorf("%s: extractDocument text differs from go-trafilatura's:\ngot  %.300q\nwant %.300q", name, got.ContentText, want.ContentText)
	}
	// go-trafilatura orders several authors at random (map order).
	gm, wm := got.Metadata, want.Metadata
	gm.Author, wm.Author = "", ""
	if !reflect.DeepEqual(gm, wm) {
		t.Errorf("%s: extractDocument metadata differs from go-trafilatura's:\ngot  %+v\nwant %+v", name, gm, wm)
	}
}

// TestExtractDocumentSame checks that skipping readability where its
// text cannot win changes nothing on self-written pages: a long article
// (readability skipped), a short one (go-trafilatura's own text under
// minSureFallback), one whose article sits in bare divs beside much
// furniture, and one with no paragraph at all.
func TestExtractDocumentSame(t *testing.T) {
	t.Parallel()
	var furniture strings.Builder
	for i := range 60 {
		furniture.WriteString(`<li><a href="/s/` + string(rune('a'+i%26)) + `">Other headline about the harbour and the islands number ` + strings.Repeat("x", i%5+1) + `</a></li>`)
	}
	pages := map[string]string{
		"thousand-words": thousandWords(t, "ferry_strike.html"),
		"short": `<html><head><title>Bridge</title></head><body><article><h1>Bridge shut</h1>` +
			`<p>The old bridge shut on Monday for repairs, the council said.</p></article></body></html>`,
		"divs-beside-links": `<html><body><nav><ul>` + furniture.String() + `</ul></nav><div class="x">` +
			strings.Repeat(`<div>The ferry crews said on Tuesday that the winter timetable leaves the outer islands without a boat on most evenings, and that they would strike again.</div>`, 6) +
			`</div><footer><ul>` + furniture.String() + `</ul></footer></body></html>`,
		"no-paragraphs": `<html><body><table><tr><td>` + strings.Repeat("Harbour dues rise by four per cent from March, the port board said. ", 20) +
			`</td></tr></table><ul>` + furniture.String() + `</ul></body></html>`,
	}
	for _, f := range []string{"bridge_lead.html", "ferry_strike.html", "harbour_fair.html"} {
		raw, err := os.ReadFile(filepath.Join("testdata", "pages2", f))
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = string(raw)
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sameExtraction(t, name, page)
		})
	}
}

// TestExtractDocumentSamePagesDev compares extractDocument with
// go-trafilatura's ExtractDocument on every 50th page of pages-dev and on
// pages where the run with empty candidates gives another text than
// go-trafilatura (its own extraction is empty or short, and the baseline
// or go-domdistiller fills in), which the shortcut must catch. All 990
// pages gave the same text when it was written.
func TestExtractDocumentSamePagesDev(t *testing.T) {
	files := pagesDevHTML(t)
	sort.Strings(files)
	tricky := map[string]bool{"0036": true, "0078": true, "0457": true, "0759": true, "0854": true}
	for i, name := range files {
		if i%50 != 0 && !tricky[strings.TrimSuffix(filepath.Base(name), ".html.gz")] {
			continue
		}
		raw := readGzip(t, name)
		if utf8.Valid(raw) {
			sameExtraction(t, filepath.Base(name), string(raw))
		}
	}
}

func TestCollapsedRunes(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", " ", "a", "  a  b\n\tc ", "\u00a0caf\u00e9\u00a0 au lait\u2003", "x\u3000y", "\n\n"} {
		if got, want := collapsedRunes(s), utf8.RuneCountInString(strings.Join(strings.Fields(s), " ")); got != want {
			t.Errorf("collapsedRunes(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCollapsedRunes(f *testing.F) {
	f.Add("  a  b\n\tc ")
	f.Add("\u00a0caf\u00e9\u00a0")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapsedRunes(s), utf8.RuneCountInString(strings.Join(strings.Fields(s), " ")); got != want {
			t.Errorf("collapsedRunes(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestTextBound checks that textBound is at least the runes of the text
// go-trafilatura reads from a tree, and that script and style are left
// out.
func TestTextBound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		page string
		min  int
	}{
		{`<p>one <b>two</b><br>three</p>`, len("one two three")},
		{`<div><p>a</p>  <p>b</p><script>var x = 1;</script><style>p{}</style></div>`, len("a b")},
	}
	for _, tc := range tests {
		doc, err := html.Parse(strings.NewReader(tc.page))
		if err != nil {
			t.Fatal(err)
		}
		got := textBound(doc)
		if got < tc.min || strings.Contains(tc.page, "script") && got > tc.min+8 {
			t.Errorf("textBound(%q) = %d, want at least %d (and no script or style)", tc.page, got, tc.min)
		}
	}
}

// pagesDevHTML returns the gzip HTML pages of pages-dev in name order,
// skipping t in -short or when ../shared/data is not beside the
// repository.
func pagesDevHTML(t *testing.T) []string {
	t.Helper()
	if testing.Short() {
		t.Skip("pages-dev comparison skipped in -short")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "pages-dev", "html", "*.html.gz"))
	if len(files) == 0 {
		t.Skip("pages-dev not found: it lives in ../shared/data beside the repository")
	}
	return files
}

// readGzip returns the bytes of the gzip file name (a pages-dev page),
// failing t when it cannot be read.
func readGzip(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return raw
}
