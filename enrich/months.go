package enrich

import (
	"strings"
)

// monthMatches returns what monthRe().FindAllStringSubmatchIndex(s, -1)
// returns (the spans of each match and of its prefix word, month and
// year; -1 for a part not there), found by hand: the pattern has no
// literal to start from, so the regexp engine tries it at every byte of
// every sentence that names a month, a tenth of enrichment's time.
//
// A match is a month name (monthPat's spellings, in its order) at a word
// boundary, or after one of monthPrefixes (any case) and a space or
// hyphen; then ", 1998" or " 1998" when a word boundary follows the
// year, and a word boundary (bytes of \w on one side only). Matches do
// not overlap, the leftmost first. Case folding reaches past ASCII only
// through "ſ" (U+017F, which folds to s): a text holding one is left to
// the pattern.
func monthMatches(s string) [][]int {
	if strings.Contains(s, "ſ") {
		return monthRe().FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for pos, m := 0, 0; m < len(s); m++ {
		if strings.IndexByte("JFMASOND", s[m]) < 0 {
			continue
		}
		name := monthAt(s[m:])
		if name == "" {
			continue
		}
		e := m + len(name)
		// The year, when a word boundary follows it; else a word boundary
		// after the month.
		ys, end := -1, -1
		switch {
		case yearAt(s, e+2) && s[e] == ',' && s[e+1] == ' ':
			ys, end = e+2, e+6
		case yearAt(s, e+1) && s[e] == ' ':
			ys, end = e+1, e+5
		case wordBoundary(s, e):
			end = e
		default:
			continue // no match with this month, with or without a prefix
		}
		start, ps, pe := -1, -1, -1
		if j := prefixBefore(s, m); j >= pos {
			start, ps, pe = j, j, m-1
		} else if wordBoundary(s, m) {
			start = m
		} else {
			continue
		}
		match := []int{start, end, ps, pe, m, e, ys, -1}
		if ys >= 0 {
			match[7] = ys + 4
		}
		out = append(out, match)
		pos = end
		m = end - 1
	}
	return out
}

// monthSpellings are the alternatives of monthPat in its order ("Sept."
// before "Sep.", as "Sept?\." tries them).
var monthSpellings = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.",
	"Oct.", "Nov.", "Dec."}

// monthAt returns the spelling of a month that s starts with, or "".
// (No two spellings can both start a text: each differs from the
// others by a byte before either ends.)
func monthAt(s string) string {
	for _, name := range monthSpellings {
		if strings.HasPrefix(s, name) {
			return name
		}
	}
	return ""
}

// monthPrefixes are the words monthRe reads before a month, any case.
var monthPrefixes = []string{"in", "since", "until", "by", "last", "next", "this", "during", "early", "mid",
	"late", "of", "through", "before", "after", "from"}

// prefixBefore returns where the word of monthPrefixes before the month
// at s[m:] starts, -1 when there is none: a space or hyphen before the
// month, and before it the prefix, a whole word (the regexp's \b before
// it: no byte of \w before).
func prefixBefore(s string, m int) int {
	if m < 3 || s[m-1] != ' ' && s[m-1] != '-' {
		return -1
	}
	j := m - 1
	for j > 0 && reWordByte(s[j-1]) {
		j--
	}
	w := s[j : m-1]
	for _, p := range monthPrefixes {
		if strings.EqualFold(w, p) {
			return j
		}
	}
	return -1
}

// yearAt reports whether four ASCII digits start at s[i:], a word
// boundary after them.
func yearAt(s string, i int) bool {
	if i < 0 || i+4 > len(s) {
		return false
	}
	for _, c := range []byte(s[i : i+4]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return wordBoundary(s, i+4)
}

// wordBoundary reports whether the regexp's \b holds at byte i of s: a
// byte of \w (ASCII letters, digits, underscore) on one side only, the
// ends of s counting as no word.
func wordBoundary(s string, i int) bool {
	before := i > 0 && reWordByte(s[i-1])
	after := i < len(s) && reWordByte(s[i])
	return before != after
}

// reWordByte reports whether b is in the regexp's \w.
func reWordByte(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '_'
}
