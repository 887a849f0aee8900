package distiller

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestApply checks that Apply gives no candidate, no error, and leaves the
// page as it was, whatever the page and options.
func TestApply(t *testing.T) {
	u, _ := url.Parse("https://example.com/news/a.html")
	tests := []struct {
		name string
		page string // "" for a nil document
		opts *Options
	}{
		{"nil document and options", "", nil},
		{"empty page", "<html></html>", &Options{}},
		{"article page", "<html><body><article><h1>Title</h1><p>" + strings.Repeat("A sentence of the story. ", 40) + "</p></article></body></html>", &Options{OriginalURL: u, SkipPagination: true}},
		{"paged article", `<html><body><p>Part one.</p><a href="/news/a.html?page=2">Next</a></body></html>`, &Options{OriginalURL: u}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc *html.Node
			var before string
			if tt.page != "" {
				var err error
				if doc, err = html.Parse(strings.NewReader(tt.page)); err != nil {
					t.Fatal(err)
				}
				before = render(t, doc)
			}
			r, err := Apply(doc, tt.opts)
			if err != nil || r == nil || r.Node != nil {
				t.Fatalf("Apply = %+v, %v, want an empty Result and nil", r, err)
			}
			if doc != nil {
				if after := render(t, doc); after != before {
					t.Errorf("Apply changed the page:\n%s\nwant\n%s", after, before)
				}
			}
		})
	}
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
