package clean

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestPageAuthor reads the author of self-written pages: the article's
// JSON-LD author before a photographer's Person or a WebSite's author,
// meta tags before the markup, names in page order, and never the
// site's name, a URL or a commenter.
func TestPageAuthor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, page, site, want, from string
	}{
		{"ld-article-over-person",
			`<script type="application/ld+json">[{"@type":"Person","name":"Tomas Reed"},{"@type":"NewsArticle","author":{"@type":"Person","name":"Mara Ellison"}}]</script>`,
			"", "Mara Ellison", "json-ld"},
		{"ld-author-list-in-order",
			`<script type="application/ld+json">{"@type":"BlogPosting","author":[{"name":"Zoe Abel"},{"name":"Anna Zell"}]}</script>`,
			"", "Zoe Abel, Anna Zell", "json-ld"},
		{"ld-site-name-passed-over",
			`<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Harbour Post"}}</script><meta name="author" content="Lena Voss">`,
			"Harbour Post", "Lena Voss", "html-meta"},
		{"meta-url-passed-over",
			`<meta property="article:author" content="https://social.example/lenavoss"><meta name="parsely-author" content="Lena Voss">`,
			"", "Lena Voss", "html-meta"},
		{"meta-by-prefix-and",
			`<meta name="byl" content="By Karl Brandt and Ute Lerch">`,
			"", "Karl Brandt, Ute Lerch", "html-meta"},
		{"byline-class",
			`<h1>Storm closes harbour</h1><div class="article-byline">Von Karl Brandt</div>`,
			"", "Karl Brandt", "byline"},
		{"rel-author-links",
			`<p>By <a rel="author" href="/a">Ines Mora</a> and <a rel="author" href="/b">Paul Hart</a></p>`,
			"", "Ines Mora, Paul Hart", "byline"},
		{"comment-form-ignored",
			`<div id="comments"><span class="comment-author">Peter Lowe</span><form><label class="author">Name</label></form></div>`,
			"", "", ""},
		{"none", `<p>No byline here.</p>`, "", "", ""},
		{"bad-json", `<script type="application/ld+json">{"@type":"Article","author":</script>`, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got, from := pageAuthor(doc, tc.site, nil); got != tc.want || from != tc.from {
				t.Errorf("pageAuthor = %q (%s), want %q (%s)", got, from, tc.want, tc.from)
			}
		})
	}
}

// TestHTMLAuthorDeterministic cleans orchard_frost, whose JSON-LD holds
// an Organization, a photographer's Person, a WebSite with an author and
// the NewsArticle with its two authors, and whose comments name a
// commenter: go-trafilatura alone reads these in map order; the
// author must be the article's two, in page order, on every run.
func TestHTMLAuthorDeterministic(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", "orchard_frost.html"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		res, err := HTML(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := res.Meta.Author, "Mara Ellison, Jon Pike"; got != want || res.Meta.Sources["author"] != "json-ld" {
			t.Fatalf("run %d: author %q (%s), want %q (json-ld)", i, got, res.Meta.Sources["author"], want)
		}
		if got, want := res.Meta.Title, "Late frost hits valley orchards"; got != want {
			t.Fatalf("run %d: title %q, want %q", i, got, want)
		}
	}
}

// TestStripSiteName cuts the site's name off a page's title, after or
// before the separator, by og:site_name or by the host, and leaves a
// title whose parts are not the site's name.
func TestStripSiteName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		title, site, host, want string
	}{
		{"Storm closes harbour | Port Alder Gazette", "Port Alder Gazette", "", "Storm closes harbour"},
		{"Storm closes harbour - gazette.example", "", "www.gazette.example", "Storm closes harbour"},
		{"Gazette.example – Storm closes harbour", "", "gazette.example", "Storm closes harbour"},
		{"Sturm schließt den Hafen · Hafenblatt", "", "hafenblatt.example", "Sturm schließt den Hafen"},
		{"Ferry strike: crews walk out - what it means", "Port Alder Gazette", "gazette.example", "Ferry strike: crews walk out - what it means"},
		{"News | Gazette", "Gazette", "", "News | Gazette"},
		{"Storm closes harbour", "Storm closes harbour", "", "Storm closes harbour"},
	}
	for _, tc := range tests {
		if got := stripSiteName(tc.title, tc.site, tc.host); got != tc.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q, want %q", tc.title, tc.site, tc.host, got, tc.want)
		}
	}
}

// FuzzPageAuthor feeds pageAuthor hostile markup and JSON-LD: it must not
// panic, and what it returns is a few names, never a page of text.
func FuzzPageAuthor(f *testing.F) {
	f.Add(`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Mara Ellison"}]}</script>`)
	f.Add(`<meta name="author" content="By Karl Brandt and Ute Lerch">`)
	f.Add(`<p class="byline">By <a rel="author">Ines Mora</a></p>`)
	f.Add(`<script type="application/ld+json">[[[[[[{"@graph":[{"@type":["Article"],"author":{"name":{"name":"x"}}}]}]]]]]]</script>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		got, _ := pageAuthor(doc, "", nil)
		if len(got) > maxAuthors*82 {
			t.Errorf("pageAuthor returned %d bytes", len(got))
		}
	})
}

// TestTidyAuthor drops a publisher's employee from go-trafilatura's
// author and orders the names left as the page gives them.
func TestTidyAuthor(t *testing.T) {
	t.Parallel()
	page := `<script type="application/ld+json">{"@type":["WebPage","Article"],"publisher":{"@type":"Organization","name":"Ellery Gazette",` +
		`"employee":{"@type":"Person","name":"Ruth Abend"}}}</script><p>By Ines Calloway and Otto Brandt</p>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	by := ldBystanders(doc, nil)
	tests := []struct{ in, want string }{
		{"Ruth Abend", ""},
		{"Otto Brandt; Ruth Abend; Ines Calloway", "Ines Calloway; Otto Brandt"},
		{"Ines Calloway; Otto Brandt", "Ines Calloway; Otto Brandt"},
		{"Zed Unknown; Ines Calloway", "Ines Calloway; Zed Unknown"},
	}
	for _, tc := range tests {
		if got := tidyAuthor(tc.in, page, by); got != tc.want {
			t.Errorf("tidyAuthor(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLDCache checks that a page's JSON-LD is decoded once for its three
// readers and that the readers see what a fresh decode gives.
func TestLDCache(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-06",
"author":{"@type":"Person","name":"Ada Lindqvist"},"publisher":{"@type":"Organization","name":"Port Alder Post",
"founder":{"@type":"Person","name":"Olaf Berg"}}}</script><script type="application/ld+json">{not json</script></head>
<body><h1>Ferries stop</h1><p>The crews walked out.</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	dates := scanDates(doc)
	if n := len(dates.ld.scripts); n != 2 {
		t.Fatalf("scanDates cached %d scripts, want 2", n)
	}
	if got := dates.ldPublished.Format(time.DateOnly); got != "2024-05-06" {
		t.Errorf("ldPublished = %s", got)
	}
	ld := &dates.ld
	a1, f1 := pageAuthor(doc, "", ld)
	a2, f2 := pageAuthor(doc, "", nil)
	if a1 != "Ada Lindqvist" || a1 != a2 || f1 != f2 {
		t.Errorf("pageAuthor with the cache %q %q, without %q %q", a1, f1, a2, f2)
	}
	if b1, b2 := ldBystanders(doc, ld), ldBystanders(doc, nil); !maps.Equal(b1, b2) || !b1["olaf berg"] || len(b1) != 1 {
		t.Errorf("ldBystanders with the cache %v, without %v", b1, b2)
	}
	if n := len(ld.scripts); n != 2 {
		t.Errorf("the author readers added scripts: %d, want 2", n)
	}
	if _, ok := ld.decode("{not json"); ok {
		t.Error("a cached non-JSON script decoded")
	}
	// A script whose text changed is decoded again.
	if v, ok := ld.decode(`{"name":"x"}`); !ok || v.(map[string]any)["name"] != "x" || len(ld.scripts) != 3 {
		t.Errorf("new text: %v %v, %d scripts", v, ok, len(ld.scripts))
	}
	for i := range 2 * maxCachedLD {
		ld.decode(fmt.Sprintf(`{"n":%d}`, i))
	}
	if len(ld.scripts) != maxCachedLD {
		t.Errorf("the cache holds %d scripts, more than %d", len(ld.scripts), maxCachedLD)
	}
}
