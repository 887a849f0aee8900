package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

type scannedTag struct {
	tt   html.TokenType
	name string
}

// tokenizerTags returns the start, self-closing and end tags of page as
// html.Tokenizer reads them, names in lower case.
func tokenizerTags(page string) []scannedTag {
	z := html.NewTokenizer(strings.NewReader(page))
	z.SetMaxBuf(0)
	var out []scannedTag
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			out = append(out, scannedTag{tt, string(name)})
		}
	}
}

func scannerTags(page string) []scannedTag {
	z := tagScanner{s: page}
	var out []scannedTag
	for {
		tt, name := z.next()
		if tt == html.ErrorToken {
			return out
		}
		// The tokenizer's TagName writes a NUL as U+FFFD: no name
		// optionalEnd holds has either.
		b := []byte(name)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		out = append(out, scannedTag{tt, strings.ReplaceAll(string(b), "\x00", "\ufffd")})
	}
}

// tagCases are pages for TestTagScanner and seeds for FuzzTagScanner:
// the tokenizer's corner cases (attributes holding ">" and "/", raw
// text, comments, escaped scripts, a page cut inside a tag).
var tagCases = []string{
	`<p>a<b>b</b></p>`, `<br/><br /><img src=x/><a href=/>x</a><a href="/"/>`, `<a b=1 b=/>`, `<a B=x b=/>`, `<a b c=/>`,
	`<a =x/>`, `<a / >`, `<a/b/>`, `<div title="a>b">x</div>`, `<div title='a"b>'>`, `<div a = "x" >`, `<div a=>x`,
	`<script>if (a<b) document.write("</div>")</script><p>`, `<script><!-- <script> </script> --></script><p>`,
	`<script><!--x--></script><i>`, `<SCRIPT>x</Script ><b>`, `<script/>text</script><p>`, `<style>p{}</style><p>`,
	`<title>a <b> c</title><p>`, `<textarea><p></textarea>`, `<xmp><p></xmp x>`, `<plaintext><p></plaintext><p>`,
	`<!-- <p> --><p>`, `<!--><p>`, `<!---><p>`, `<!-- --!><p>`, `<!-- --!-><p>-->`, `<!DOCTYPE html><p>`, `<!x><p>`, `<!><p>`,
	`<?xml x?><p>`, `</><p>`, `</ p><p>`, `</3><p>`, `<3<p>`, `<<p>`, `<p`, `<p a="x`, `<p a=x`, `</p`, `<!--`, `<!-`, `<`,
	`<iframe><p></iframe><p>`, `<noscript><p></noscript><b>`, `<noembed></noembed>`, `<noframes></NOFRAMES>`,
	"<p\ta\nb\fc\r>", "<p\x00>", "<é><p>", `<script><!--<script>--></script>x</script><p>`,
	`<script><!--<script></script>--></script><p>`, `<script><!--<scriptx></script><p>`, `<script><!--<script>-</script><p>`,
}

func TestTagScanner(t *testing.T) {
	pages := slices.Clone(tagCases)
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.html"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(raw))
	}
	for _, page := range pages {
		if got, want := scannerTags(page), tokenizerTags(page); !slices.Equal(got, want) {
			t.Errorf("tagScanner on %.60q read %d tags, html.Tokenizer %d:\n%v\n%v", page, len(got), len(want), got, want)
		}
	}
}

// TestTagScannerPagesDev compares the scanner with the tokenizer on the
// 990 pages of pages-dev.
func TestTagScannerPagesDev(t *testing.T) {
	files := pagesDevHTML(t)
	for _, name := range files {
		raw := readGzip(t, name)
		if got, want := scannerTags(string(raw)), tokenizerTags(string(raw)); !slices.Equal(got, want) {
			t.Errorf("tagScanner on %s read %d tags, html.Tokenizer %d", filepath.Base(name), len(got), len(want))
		}
	}
}

func FuzzTagScanner(f *testing.F) {
	for _, s := range tagCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if got, want := scannerTags(page), tokenizerTags(page); !slices.Equal(got, want) {
			t.Errorf("tagScanner on %q read\n%v\nhtml.Tokenizer\n%v", page, got, want)
		}
	})
}
