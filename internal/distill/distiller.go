package distiller

import (
	"net/url"

	"golang.org/x/net/html"
)

// Options are the settings go-trafilatura passes to [Apply]. Apply reads
// none of them.
type Options struct {
	// OriginalURL is the page's address, or nil.
	OriginalURL *url.URL

	// SkipPagination asks not to look for links to the article's other
	// pages.
	SkipPagination bool
}

// Result is what [Apply] found.
type Result struct {
	// Node is the root of the content extracted from the page, or nil
	// when there is none. Apply always leaves it nil.
	Node *html.Node
}

// Apply returns a Result with no content node and a nil error, for any
// doc and opts (nil included), and leaves doc untouched: tidings takes no
// fallback candidate from a distiller (see the package documentation).
func Apply(doc *html.Node, opts *Options) (*Result, error) {
	return &Result{}, nil
}
