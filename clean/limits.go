package clean

import (
	"errors"
	"fmt"

	"golang.org/x/net/html"
)

// ErrTooLarge is returned (wrapped, with the limit passed) for an HTML
// page beyond [Limits]: too many bytes, elements or levels of nesting.
var ErrTooLarge = errors.New("clean: page too large")

// Limits bound the HTML a page may hold before it is parsed. A page is
// checked by a streaming tokenizer that keeps no tree, so a hostile page
// (an "HTML bomb" of a million tiny elements) is refused in time linear in
// its size and memory independent of it. Zero fields take the default's.
type Limits struct {
	// MaxBytes is the largest page in bytes (default 8 MiB).
	MaxBytes int
	// MaxElements is the most start tags a page may hold (default 60,000;
	// the largest of 990 real pages of pages-dev holds about 12,000).
	MaxElements int
	// MaxDepth is the deepest nesting of elements (default 400), counting
	// only elements whose end tag is required.
	MaxDepth int
}

// DefaultLimits are the limits of the zero [Limits].
var DefaultLimits = Limits{MaxBytes: 8 << 20, MaxElements: 60_000, MaxDepth: 400}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultLimits.MaxElements
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	return l
}

// optionalEnd are the elements whose end tag may be left out (and void
// elements, which have none): they do not count towards the depth.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true, "option": true,
	"optgroup": true, "thead": true, "tbody": true, "tfoot": true, "colgroup": true, "rt": true, "rp": true,
	"html": true, "head": true, "body": true,
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "source": true, "track": true, "wbr": true, "param": true, "keygen": true,
}

// Check returns an error wrapping ErrTooLarge when page exceeds l. It
// reads the page's tags with a tagScanner: the same tags as
// html.Tokenizer, in a fraction of its time.
func (l Limits) Check(page string) error {
	l = l.withDefaults()
	if len(page) > l.MaxBytes {
		return fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, len(page), l.MaxBytes)
	}
	z := tagScanner{s: page}
	elements, depth := 0, 0
	for {
		tt, name := z.next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			elements++
			if elements > l.MaxElements {
				return fmt.Errorf("%w: more than %d elements", ErrTooLarge, l.MaxElements)
			}
			if !optionalEndTag(name) {
				depth++
				if depth > l.MaxDepth {
					return fmt.Errorf("%w: elements nested more than %d deep", ErrTooLarge, l.MaxDepth)
				}
			}
		case html.SelfClosingTagToken:
			elements++
			if elements > l.MaxElements {
				return fmt.Errorf("%w: more than %d elements", ErrTooLarge, l.MaxElements)
			}
		case html.EndTagToken:
			if !optionalEndTag(name) && depth > 0 {
				depth--
			}
		}
	}
}

// optionalEndTag reports whether optionalEnd holds name in lower case
// (ASCII letters folded, as html.Tokenizer's TagName folds them).
func optionalEndTag(name string) bool {
	var buf [8]byte
	if len(name) > len(buf) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return optionalEnd[string(buf[:len(name)])]
}
