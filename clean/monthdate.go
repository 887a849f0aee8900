package clean

import (
	"unicode"
	"unicode/utf8"
)

// dayMonthYear and monthDayYear find the first date written with a month
// name (see monthDates) in s, as the case-insensitive patterns
//
//	\b([0-3]?\d)(?:\.|er|st|nd|rd|th)?,?\s+(?:de\s+)?(MONTH)\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b
//	\b(MONTH)\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b
//
// would in Go's regexp (MONTH the alternation of the names, \s ASCII white
// space, \b an ASCII word boundary), and return the same indices
// (FindStringSubmatchIndex's: the match, then the day, month and year in
// the order of the pattern), nil when none. As regexps they cost tens of
// microseconds on a short line (the alternation of some 150 names runs
// on the NFA); by hand each is a pass over s. Every step of either
// pattern has a single way to go on: the day takes two digits when it
// can (one would leave a digit where a suffix, comma or space must be),
// each run of white space ends before a letter or digit, "de" before
// white space can be no month, and a month name, holding no ".", "," or
// white space, must run up to the first of them. FuzzMonthDates checks
// them against the regexps.

// dayMonthYear: "5 March 2014", "5. März 2014", "5 de marzo de 2014".
func dayMonthYear(s string) []int {
	for p := 0; p < len(s); p++ {
		if !isDigit(s[p]) || !wordBoundary(s, p) {
			continue
		}
		j := p + 1
		if s[p] <= '3' && j < len(s) && isDigit(s[j]) {
			j++
		}
		dayEnd := j
		if j < len(s) && s[j] == '.' {
			j++
		} else {
			for _, suf := range [...]string{"er", "st", "nd", "rd", "th"} {
				if n := foldPrefix(s[j:], suf); n > 0 {
					j += n
					break
				}
			}
		}
		j = skipByte(s, j, ',')
		if j = skipSpaces(s, j); j < 0 {
			continue
		}
		j = skipDe(s, j)
		mon, monEnd := j, monthEnd(s, j, true)
		if monEnd < 0 {
			continue
		}
		j = skipByte(s, skipByte(s, monEnd, '.'), ',')
		if j = skipSpaces(s, j); j < 0 {
			continue
		}
		j = skipDe(s, j)
		if !yearAt(s, j) {
			continue
		}
		return []int{p, j + 4, p, dayEnd, mon, monEnd, j, j + 4}
	}
	return nil
}

// monthDayYear: "March 5, 2014", "Nov. 4th 2025".
func monthDayYear(s string) []int {
	for p := 0; p < len(s); {
		_, size := utf8.DecodeRuneInString(s[p:])
		if !wordBoundary(s, p) {
			p += size
			continue
		}
		monEnd := monthEnd(s, p, false)
		if monEnd < 0 {
			p += size
			continue
		}
		j := skipSpaces(s, skipByte(s, monEnd, '.'))
		if j < 0 || j >= len(s) || !isDigit(s[j]) {
			p += size
			continue
		}
		day := j
		j++
		if s[day] <= '3' && j < len(s) && isDigit(s[j]) {
			j++
		}
		dayEnd := j
		for _, suf := range [...]string{"st", "nd", "rd", "th"} {
			if n := foldPrefix(s[j:], suf); n > 0 {
				j += n
				break
			}
		}
		j = skipByte(s, j, ',')
		if j = skipSpaces(s, j); j < 0 || !yearAt(s, j) {
			p += size
			continue
		}
		return []int{p, j + 4, p, monEnd, day, dayEnd, j, j + 4}
	}
	return nil
}

// monthEnd returns the end of the month name at s[i:], the text up to the
// first ".", white space or (when comma) "," after it, or -1 when that is
// no month name or runs to the end of s.
func monthEnd(s string, i int, comma bool) int {
	j := i
	for j < len(s) && s[j] != '.' && !asciiSpaceRE(s[j]) && (!comma || s[j] != ',') {
		j++
	}
	if j == i || j == len(s) || j-i > 64 {
		return -1
	}
	if !monthDates().folded[foldKey(s[i:j])] {
		return -1
	}
	return j
}

// skipDe returns the index after "de" and the white space after it at
// s[i:] (any case), else i.
func skipDe(s string, i int) int {
	if n := foldPrefix(s[i:], "de"); n > 0 {
		if j := skipSpaces(s, i+n); j >= 0 {
			return j
		}
	}
	return i
}

// skipSpaces returns the index after the run of regexp white space (\s:
// tab, newline, form feed, carriage return, space) at s[i:], or -1 when
// there is none.
func skipSpaces(s string, i int) int {
	j := i
	for j < len(s) && asciiSpaceRE(s[j]) {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

func skipByte(s string, i int, c byte) int {
	if i < len(s) && s[i] == c {
		return i + 1
	}
	return i
}

// asciiSpaceRE reports whether c is white space to regexp's \s, which
// leaves out the vertical tab.
func asciiSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// yearAt reports whether s[i:] opens with a year, 19xx or 20xx, that
// ends a word.
func yearAt(s string, i int) bool {
	if i+4 > len(s) || !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return false
	}
	return i+4 == len(s) || !isWordByte(s[i+4])
}

// wordBoundary reports whether regexp's \b holds at s[i]: one side of i
// is an ASCII letter, digit or underscore and the other is not.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// isWordByte reports whether c is a regexp word character (\w); a byte of
// a multi-byte rune never is, as the rune is not ASCII.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// foldPrefix returns the bytes of s's prefix that equals lit under
// regexp's case folding (each rune matching any of its simple folds:
// "ſt" matches "st"), 0 when none.
func foldPrefix(s, lit string) int {
	i := 0
	for _, r := range lit {
		if i >= len(s) {
			return 0
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if foldRune(c) != foldRune(r) {
			return 0
		}
		i += size
	}
	return i
}

// foldKey returns s with each rune replaced by the least rune of its
// orbit of simple case folds, so that two strings have the same key
// exactly when regexp's (?i) matches one with the other.
func foldKey(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// foldRune returns the least rune of r's orbit of simple case folds.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}
