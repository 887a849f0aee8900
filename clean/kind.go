package clean

import "fmt"

// Kind is what a block of a page is. The article text holds the blocks of
// kind [Body] and [Heading]; every other kind is page furniture or
// metadata, kept in [Result.Blocks] with the rule that decided it.
type Kind uint8

// The kinds of block, in no particular order.
const (
	// Body is a paragraph of the article.
	Body Kind = iota
	// Heading is a subheading inside the article: part of the article
	// text, never a sentence a summary may pick (it ends without final
	// punctuation, or is listed in [Result.Headings]).
	Heading
	// Title is the article's headline, lifted into [Meta.Title].
	Title
	// Caption is a photo or video caption, or a credit line.
	Caption
	// Byline names the author or carries a date stamp.
	Byline
	// Dateline is a source line ("Source: BBC News") or a date line.
	Dateline
	// Navigation is a menu, a breadcrumb, a list of links or any text
	// before the article on the page.
	Navigation
	// Promotion is a call to action, a share button or a list of other
	// stories ("Read more", "Related").
	Promotion
	// Comments are readers' comments and their furniture.
	Comments
	// Legal is a copyright, cookie, privacy or platform notice.
	Legal
	// Advertisement is an advertisement or a job listing.
	Advertisement
	// Social is an embedded post or a list of handles.
	Social
	// Debris is separators and symbols, and blocks repeated in the page.
	Debris
)

var kindNames = [...]string{
	Body: "body", Heading: "heading", Title: "title", Caption: "caption", Byline: "byline",
	Dateline: "dateline", Navigation: "navigation", Promotion: "promotion", Comments: "comments",
	Legal: "legal", Advertisement: "advertisement", Social: "social", Debris: "debris",
}

// String returns the kind's lower-case name ("body", "heading", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// MarshalText encodes the kind as its name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("clean: unknown block kind %q", b)
}

// InArticle reports whether blocks of kind k belong to the article text.
func (k Kind) InArticle() bool { return k == Body || k == Heading }
