package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// tagScanner reads the tags of a page as html.Tokenizer does, byte for
// byte the same start, self-closing and end tags with the same names,
// but without making tokens: it neither copies nor lower-cases names and
// attributes (the tokenizer allocates two strings for each attribute),
// and skips text, comments and raw text with strings.IndexByte. Limits
// checks a page with it in a fraction of the tokenizer's time;
// FuzzTagScanner checks it against the tokenizer.
type tagScanner struct {
	s string
	i int
	// rawTag is the lower-case name of the element whose raw text
	// (script, style, textarea, title, …) comes next, else "".
	rawTag string
}

type attrSpan struct{ keyStart, keyEnd, valEnd int }

// next returns the next tag's type (StartTagToken, SelfClosingTagToken or
// EndTagToken) and its name as written, or ErrorToken at the end of the
// page.
func (z *tagScanner) next() (html.TokenType, string) {
	s := z.s
	if z.rawTag != "" {
		if z.rawTag == "plaintext" {
			z.i = len(s)
			return html.ErrorToken, ""
		}
		if z.rawTag == "script" {
			z.i = scriptEnd(s, z.i)
		} else {
			z.i = rawTextEnd(s, z.i, z.rawTag)
		}
		z.rawTag = ""
	}
	for {
		j := strings.IndexByte(s[z.i:], '<')
		if j < 0 || z.i+j+1 >= len(s) {
			z.i = len(s)
			return html.ErrorToken, ""
		}
		lt := z.i + j
		switch c := s[lt+1]; {
		case asciiLetter(c):
			end, nameEnd, self, ok := z.readTag(lt+1, true)
			if !ok {
				z.i = len(s)
				return html.ErrorToken, ""
			}
			z.i = end
			name := s[lt+1 : nameEnd]
			if rawTextTag(name) {
				z.rawTag = strings.ToLower(name)
			}
			if self {
				return html.SelfClosingTagToken, name
			}
			return html.StartTagToken, name
		case c == '/':
			if lt+2 >= len(s) {
				z.i = len(s)
				return html.ErrorToken, ""
			}
			switch c := s[lt+2]; {
			case c == '>':
				z.i = lt + 3
			case asciiLetter(c):
				end, nameEnd, _, ok := z.readTag(lt+2, false)
				if !ok {
					z.i = len(s)
					return html.ErrorToken, ""
				}
				z.i = end
				return html.EndTagToken, s[lt+2 : nameEnd]
			default:
				z.i = closeAngle(s, lt+2)
			}
		case c == '!':
			z.i = markupEnd(s, lt+2)
		case c == '?':
			z.i = closeAngle(s, lt+1)
		default:
			z.i = lt + 1
		}
	}
}

// rawTextTag reports whether a start tag named name makes the tokenizer
// read what follows as raw text.
func rawTextTag(name string) bool {
	switch len(name) {
	case 3, 5, 6, 7, 8, 9:
	default:
		return false
	}
	for _, t := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if len(t) == len(name) && asciiEqualFold(name, t) {
			return true
		}
	}
	return false
}

// asciiEqualFold reports whether s equals the lower-case t but for the
// case of ASCII letters.
func asciiEqualFold(s, t string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != t[i] {
			return false
		}
	}
	return true
}

func htmlSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// skipHTMLSpace returns the index of the first byte at or after i that is
// no white space, false at the end of s.
func skipHTMLSpace(s string, i int) (int, bool) {
	for i < len(s) && htmlSpace(s[i]) {
		i++
	}
	return i, i < len(s)
}

// readTag reads a tag whose name starts at s[p], as the tokenizer's
// readTag: it returns the index after its ">", the end of its name,
// whether it closes itself ("<br/>"), and false when the page ends
// inside it. A "/" before the ">" closes a start tag unless it ends the
// unquoted value of the last attribute the tokenizer keeps (one with a
// key not empty nor seen before in the tag): "<a href=/>".
func (z *tagScanner) readTag(p int, save bool) (end, nameEnd int, self, ok bool) {
	s := z.s
	i := p + 1
	for {
		if i >= len(s) {
			return 0, 0, false, false
		}
		c := s[i]
		if htmlSpace(c) {
			nameEnd = i
			i++
			break
		}
		if c == '/' || c == '>' {
			nameEnd = i
			break
		}
		i++
	}
	if i, ok = skipHTMLSpace(s, i); !ok {
		return 0, 0, false, false
	}
	first := i
	var last attrSpan
	attrs := false
	for s[i] != '>' {
		if last, i, ok = readAttr(s, i); !ok {
			return 0, 0, false, false
		}
		attrs = true
	}
	gt := i
	self = save && s[gt-1] == '/'
	if self && attrs && last.valEnd == gt && last.keyEnd > last.keyStart {
		self = keySeen(s, first, last)
	}
	return gt + 1, nameEnd, self, true
}

// readAttr reads the attribute at s[i] (neither white space nor ">"), as
// the tokenizer's readTagAttrKey and readTagAttrVal, and the white space
// after it: it returns the spans of its key and the end of its value (the
// end of its key when it has none), the index after it, and false when
// the page ends first.
func readAttr(s string, i int) (a attrSpan, next int, ok bool) {
	// The key: up to white space, "/", ">" or a "=" that does not open it.
	ks := i
	for {
		if i >= len(s) {
			return a, 0, false
		}
		c := s[i]
		if c == '=' && i > ks || c == '/' || c == '>' || htmlSpace(c) {
			break
		}
		i++
	}
	ke, ve := i, i
	if i, ok = skipHTMLSpace(s, i); !ok {
		return a, 0, false
	}
	switch s[i] {
	case '/':
		i++
	case '=':
		if i, ok = skipHTMLSpace(s, i+1); !ok {
			return a, 0, false
		}
		switch q := s[i]; q {
		case '>':
		case '\'', '"':
			k := strings.IndexByte(s[i+1:], q)
			if k < 0 {
				return a, 0, false
			}
			ve = i + 1 + k
			i = ve + 1
		default:
			i++
			for {
				if i >= len(s) {
					return a, 0, false
				}
				c := s[i]
				if htmlSpace(c) {
					ve = i
					i++
					break
				}
				if c == '>' {
					ve = i
					break
				}
				i++
			}
		}
	}
	if i, ok = skipHTMLSpace(s, i); !ok {
		return a, 0, false
	}
	return attrSpan{ks, ke, ve}, i, true
}

// keySeen reports whether an attribute of the tag whose attributes start
// at s[first], before last, has last's key (ASCII case folded, as the
// tokenizer lower-cases keys).
func keySeen(s string, first int, last attrSpan) bool {
	key := s[last.keyStart:last.keyEnd]
	for i := first; i < last.keyStart; {
		a, next, _ := readAttr(s, i)
		if asciiFoldEqual(s[a.keyStart:a.keyEnd], key) {
			return true
		}
		i = next
	}
	return false
}

// asciiFoldEqual reports whether a and b are equal but for the case of
// ASCII letters.
func asciiFoldEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// closeAngle returns the index after the first ">" at or after i, or the
// end of s.
func closeAngle(s string, i int) int {
	if k := strings.IndexByte(s[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return len(s)
}

// markupEnd returns the end of a "<!" declaration whose "<!" ends at i:
// a comment (readComment's rules), else a doctype or bogus comment, up
// to the next ">".
func markupEnd(s string, i int) int {
	if i+2 > len(s) {
		return len(s)
	}
	if s[i] != '-' || s[i+1] != '-' {
		return closeAngle(s, i)
	}
	i += 2
	dashes, beginning := 0, true
	for i < len(s) {
		c := s[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i
			}
		case '!':
			if dashes >= 2 {
				if i >= len(s) {
					return len(s)
				}
				c = s[i]
				i++
				if c == '>' {
					return i
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(s)
}

// rawEndTag reports whether s[i:] (after a "</") holds the lower-case tag
// in any case and a byte that may end a tag name; else it returns the
// index of the first byte that did not match. eof is set when s ends
// first.
func rawEndTag(s string, i int, tag string) (ok bool, next int, eof bool) {
	for k := 0; k < len(tag); k++ {
		if i >= len(s) {
			return false, i, true
		}
		if c := s[i]; c != tag[k] && c != tag[k]-('a'-'A') {
			return false, i, false
		}
		i++
	}
	if i >= len(s) {
		return false, i, true
	}
	switch s[i] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true, i + 1, false
	}
	return false, i, false
}

// rawTextEnd returns where the raw text of tag (not script) that starts
// at i ends: at the "</tag" that ends it, or the end of s.
func rawTextEnd(s string, i int, tag string) int {
	for {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return len(s)
		}
		lt := i + k
		ok, next, eof := rawEndTag(s, lt+2, tag)
		if ok {
			return lt
		}
		if eof {
			return len(s)
		}
		i = next
	}
}

// scriptEnd returns where a script's text that starts at i ends, by the
// tokenizer's readScript rules for escaped and double-escaped text
// ("<!--" and "<script" inside a script).
func scriptEnd(s string, i int) int {
	const tag = "script"
	var c byte
	read := func() bool {
		if i >= len(s) {
			return false
		}
		c = s[i]
		i++
		return true
	}

scriptData:
	if k := strings.IndexByte(s[i:], '<'); k >= 0 {
		i += k + 1
	} else {
		return len(s)
	}
	// After "<".
	if !read() {
		return len(s)
	}
	switch c {
	case '/':
		ok, next, eof := rawEndTag(s, i, tag)
		if ok {
			return i - 2
		}
		if eof {
			return len(s)
		}
		i = next
		goto scriptData
	case '!':
		if !read() {
			return len(s)
		}
		if c != '-' {
			i--
			goto scriptData
		}
		if !read() {
			return len(s)
		}
		if c != '-' {
			i--
			goto scriptData
		}
		goto escapedDashDash
	}
	i--
	goto scriptData

escaped:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto escapedDash
	case '<':
		goto escapedLessThan
	}
	goto escaped

escapedDash:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto escapedDashDash
	case '<':
		goto escapedLessThan
	}
	goto escaped

escapedDashDash:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto escapedDashDash
	case '<':
		goto escapedLessThan
	case '>':
		goto scriptData
	}
	goto escaped

escapedLessThan:
	if !read() {
		return len(s)
	}
	if c == '/' {
		ok, next, eof := rawEndTag(s, i, tag)
		if ok {
			return i - 2
		}
		if eof {
			return len(s)
		}
		i = next
		goto escaped
	}
	if asciiLetter(c) {
		i--
		for k := 0; k < len(tag); k++ {
			if !read() {
				return len(s)
			}
			if c != tag[k] && c != tag[k]-('a'-'A') {
				i--
				goto escaped
			}
		}
		if !read() {
			return len(s)
		}
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			goto doubleEscaped
		}
		i--
		goto escaped
	}
	i--
	goto scriptData

doubleEscaped:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto doubleEscapedDash
	case '<':
		goto doubleEscapedLessThan
	}
	goto doubleEscaped

doubleEscapedDash:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto doubleEscapedDashDash
	case '<':
		goto doubleEscapedLessThan
	}
	goto doubleEscaped

doubleEscapedDashDash:
	if !read() {
		return len(s)
	}
	switch c {
	case '-':
		goto doubleEscapedDashDash
	case '<':
		goto doubleEscapedLessThan
	case '>':
		goto scriptData
	}
	goto doubleEscaped

doubleEscapedLessThan:
	if !read() {
		return len(s)
	}
	if c != '/' {
		i--
		goto doubleEscaped
	}
	ok, next, eof := rawEndTag(s, i, tag)
	if eof {
		return len(s)
	}
	i = next
	if ok {
		goto escaped
	}
	goto doubleEscaped
}
