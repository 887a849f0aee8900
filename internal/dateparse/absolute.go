package dateparser

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// token is a run of ASCII digits or of letters in the lower-cased text,
// with the separator that precedes it: 0 when it follows the previous
// token directly, ' ' after white space only, else the first other
// character between the two tokens ('-', '/', '.', ':', '+', ',').
type token struct {
	text string
	num  bool
	sep  rune
}

// maxTokens bounds the tokens read: a date with its time and zone needs
// about a dozen.
const maxTokens = 24

// tokenize splits s into tokens; false when s holds more than maxTokens
// tokens or a number of more than 8 digits.
func tokenize(s string) ([]token, bool) {
	var toks []token
	sep := rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case '0' <= r && r <= '9', isWordRune(r):
			num := r <= '9'
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if num && !('0' <= r && r <= '9') || !num && !isWordRune(r) {
					break
				}
				j += size
			}
			if len(toks) == maxTokens || num && j-i > 8 {
				return nil, false
			}
			toks = append(toks, token{text: s[i:j], num: num, sep: sep})
			sep = 0
			i = j
			continue
		case unicode.IsSpace(r):
			if sep == 0 {
				sep = ' '
			}
		default:
			if sep == 0 || sep == ' ' {
				sep = r
			}
		}
		i += size
	}
	return toks, true
}

// isWordRune reports whether r belongs to a word. Han characters and
// Hangul syllables make words of one character each, so that 2021年3月4日
// splits into numbers and markers (see tokenize's callers).
func isWordRune(r rune) bool {
	return r > '9' && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// role is what a number of a date stands for, when a marker says so.
type role uint8

const (
	anyRole role = iota
	yearRole
	monthRole
	dayRole
)

// element is one part of a date: a number or a month name.
type element struct {
	month  int // month name: 1-12; 0 for a number
	val    int
	digits int
	sep    rune
	role   role
}

// clock is the time of day read next to a date.
type clock struct {
	set              bool
	hour, min, sec   int
	nsec             int
	offset           int // seconds east of UTC
	hasOffset, isUTC bool
}

// absoluteTime reads a calendar date, see the package documentation.
func absoluteTime(c *Configuration, s string) Date {
	s = strings.ToLower(s)
	if strings.Contains(s, ".m.") {
		s = strings.NewReplacer("a.m.", "am", "p.m.", "pm").Replace(s)
	}
	toks, ok := tokenize(s)
	if !ok || len(toks) == 0 {
		return Date{}
	}
	els, clk, ok := elements(toks)
	if !ok {
		return Date{}
	}
	now := c.CurrentTime
	if now.IsZero() {
		now = time.Now()
	}
	y, m, d, period, ok := readDate(c, els, now)
	if !ok {
		return Date{}
	}
	loc := c.DefaultTimezone
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case clk.isUTC:
		loc = time.UTC
	case clk.hasOffset:
		loc = time.FixedZone("", clk.offset)
	}
	t := time.Date(y, time.Month(m), d, clk.hour, clk.min, clk.sec, clk.nsec, loc)
	return Date{Time: t, Period: period}
}

// elements turns tokens into date elements and at most one time of day,
// dropping filler words; false when a word is unknown or out of place.
func elements(toks []token) ([]element, clock, bool) {
	var els []element
	var clk clock
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.num {
			if n, ok := readClock(toks, i, &clk); ok {
				i = n - 1
				continue
			}
			els = append(els, element{val: atoi(t.text), digits: len(t.text), sep: t.sep})
			continue
		}
		w := lookup(t.text)
		switch w.kind {
		case monthWord:
			els = append(els, element{month: w.month, sep: t.sep})
		case fillerWord, meridiemAM: // German "am 4. März"; after a time readClock took it
		case zoneWord:
			if clk.set && !clk.hasOffset {
				clk.isUTC = true
			}
		case yearMark, monthMark, dayMark:
			if len(els) == 0 || els[len(els)-1].month != 0 || els[len(els)-1].role != anyRole || t.sep != 0 {
				return nil, clk, false
			}
			els[len(els)-1].role = role(w.kind-yearMark) + yearRole
		default:
			return nil, clk, false
		}
	}
	return els, clk, true
}

// readClock reads a time of day starting at the number toks[i] (10:30,
// 10:30:15.25, 10h30, 10.30 Uhr, 10 pm), with the am/pm and UTC offset
// that may follow. It returns the index after the time and true, or
// false when toks[i] starts no time (or a second one).
func readClock(toks []token, i int, clk *clock) (int, bool) {
	at := func(k int) (token, bool) {
		if k < len(toks) {
			return toks[k], true
		}
		return token{}, false
	}
	isNum := func(k int, sep rune, maxDigits int) bool {
		t, ok := at(k)
		return ok && t.num && t.sep == sep && len(t.text) <= maxDigits
	}
	isWord := func(k int, kind wordKind) bool {
		t, ok := at(k)
		return ok && !t.num && lookup(t.text).kind == kind
	}
	h := toks[i]
	if clk.set || len(h.text) > 2 {
		return 0, false
	}
	var c clock
	c.hour = atoi(h.text)
	k := i + 1
	switch {
	case isNum(k, ':', 2):
		c.min = atoi(toks[k].text)
		k++
		if isNum(k, ':', 2) {
			c.sec = atoi(toks[k].text)
			k++
			if isNum(k, '.', 9) || isNum(k, ',', 9) {
				frac := toks[k].text
				c.nsec = atoi(frac + strings.Repeat("0", 9-len(frac)))
				k++
			}
		}
	case isWord(k, hourWord) && isNum(k+1, 0, 2):
		c.min = atoi(toks[k+1].text) // 10h30
		k += 2
	case isNum(k, '.', 2) && isWord(k+1, hourWord):
		c.min = atoi(toks[k].text) // 10.30 Uhr
		k += 2
	case isWord(k, hourWord), isWord(k, meridiemAM), isWord(k, meridiemPM):
	default:
		return 0, false
	}
	if isWord(k, hourWord) {
		k++
	}
	switch {
	case isWord(k, meridiemAM), isWord(k, meridiemPM):
		if c.hour < 1 || c.hour > 12 {
			return 0, false
		}
		c.hour %= 12
		if lookup(toks[k].text).kind == meridiemPM {
			c.hour += 12
		}
		k++
	}
	if c.hour > 23 || c.min > 59 || c.sec > 60 {
		return 0, false
	}
	if t, ok := at(k); ok && t.num && (t.sep == '+' || t.sep == '-') && k > i+1 {
		oh, om := 0, 0
		switch len(t.text) {
		case 1, 2:
			oh = atoi(t.text)
			if isNum(k+1, ':', 2) {
				om = atoi(toks[k+1].text)
				k++
			}
		case 4:
			oh, om = atoi(t.text[:2]), atoi(t.text[2:])
		default:
			return 0, false
		}
		if oh > 14 || om > 59 {
			return 0, false
		}
		c.offset = (oh*60 + om) * 60
		if t.sep == '-' {
			c.offset = -c.offset
		}
		c.hasOffset = true
		k++
	}
	c.set = true
	*clk = c
	return k, true
}

// readDate reads year, month and day from the elements, filling what is
// missing as c says (or failing under StrictParsing).
func readDate(c *Configuration, els []element, now time.Time) (y, m, d int, p Period, ok bool) {
	if len(els) == 0 || len(els) > 3 {
		return 0, 0, 0, None, false
	}
	marked := false
	names := 0
	for _, e := range els {
		marked = marked || e.role != anyRole
		if e.month != 0 {
			names++
		}
	}
	switch {
	case marked:
		y, m, d, ok = markedDate(els)
	case names == 0:
		y, m, d, ok = numericDate(c, els, now)
	case names == 1:
		y, m, d, ok = namedDate(els)
	}
	if !ok {
		return 0, 0, 0, None, false
	}
	p = Day
	if c.StrictParsing && (y == 0 || m == 0 || d == 0) {
		return 0, 0, 0, None, false
	}
	if m == 0 || (y == 0 && d == 0) {
		return 0, 0, 0, None, false
	}
	if d == 0 {
		p = Month
		switch c.PreferredDayOfMonth {
		case First:
			d = 1
		case Last:
			d = daysIn(y, m)
		default:
			d = min(now.Day(), daysIn(y, m))
		}
	}
	if y == 0 {
		y = now.Year()
		date := time.Date(y, time.Month(m), min(d, daysIn(y, m)), 0, 0, 0, 0, now.Location())
		switch {
		case c.PreferredDateSource == Past && date.After(now):
			y--
		case c.PreferredDateSource == Future && date.Before(now):
			y++
		}
	}
	if d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, None, false
	}
	return y, m, d, p, true
}

// markedDate reads a date whose numbers carry year, month and day
// markers (2021年3月4日); every number must carry one.
func markedDate(els []element) (y, m, d int, ok bool) {
	for _, e := range els {
		switch {
		case e.month != 0 || e.role == anyRole:
			return 0, 0, 0, false
		case e.role == yearRole && e.digits == 4 && validYear(e.val):
			y = e.val
		case e.role == monthRole && e.digits <= 2 && validMonth(e.val):
			m = e.val
		case e.role == dayRole && e.digits <= 2 && e.val >= 1:
			d = e.val
		default:
			return 0, 0, 0, false
		}
	}
	return y, m, d, true
}

// numericDate reads a date of numbers only: YYYYMMDD, Y-M-D, D.M.Y or
// M/D/Y (see DateOrder), and, for lenient parsing, M/Y and Y-M.
func numericDate(c *Configuration, els []element, now time.Time) (y, m, d int, ok bool) {
	switch len(els) {
	case 1:
		e := els[0]
		if e.digits != 8 {
			return 0, 0, 0, false
		}
		y, m, d = e.val/10000, e.val/100%100, e.val%100
		return y, m, d, validYear(y) && validMonth(m) && d >= 1
	case 2:
		a, b := els[0], els[1]
		if !dateSep(b.sep) {
			return 0, 0, 0, false
		}
		switch {
		case a.digits == 4 && b.digits <= 2:
			y, m = a.val, b.val
		case a.digits <= 2 && b.digits == 4:
			m, y = a.val, b.val
		default:
			return 0, 0, 0, false
		}
		return y, m, 0, validYear(y) && validMonth(m)
	}
	a, b, e := els[0], els[1], els[2]
	if b.sep != e.sep || !dateSep(b.sep) {
		return 0, 0, 0, false
	}
	if a.digits == 4 && b.digits <= 2 && e.digits <= 2 {
		y, m, d = a.val, b.val, e.val
		return y, m, d, validYear(y) && validMonth(m) && d >= 1
	}
	if a.digits > 2 || b.digits > 2 || (e.digits != 4 && e.digits != 2) {
		return 0, 0, 0, false
	}
	y = e.val
	if e.digits == 2 {
		y = fullYear(y, now)
	}
	dayFirst := b.sep == '.' || b.sep == '-'
	switch c.DateOrder {
	case DMY:
		dayFirst = true
	case MDY:
		dayFirst = false
	}
	switch {
	case a.val > 12 && b.val <= 12:
		dayFirst = true
	case b.val > 12 && a.val <= 12:
		dayFirst = false
	}
	if dayFirst {
		d, m = a.val, b.val
	} else {
		m, d = a.val, b.val
	}
	return y, m, d, validYear(y) && validMonth(m) && d >= 1
}

// namedDate reads a date with a month name: D M Y, Y M D, M D Y, and, for
// lenient parsing, D M, M D, M Y.
func namedDate(els []element) (y, m, d int, ok bool) {
	isDay := func(e element) bool { return e.month == 0 && e.digits <= 2 && e.val >= 1 && e.val <= 31 }
	isYear := func(e element) bool { return e.month == 0 && e.digits == 4 && validYear(e.val) }
	isName := func(e element) bool { return e.month != 0 }
	switch len(els) {
	case 2:
		a, b := els[0], els[1]
		switch {
		case isDay(a) && isName(b):
			return 0, b.month, a.val, true
		case isName(a) && isDay(b):
			return 0, a.month, b.val, true
		case isName(a) && isYear(b):
			return b.val, a.month, 0, true
		case isYear(a) && isName(b):
			return a.val, b.month, 0, true
		}
	case 3:
		a, b, e := els[0], els[1], els[2]
		switch {
		case isDay(a) && isName(b) && isYear(e):
			return e.val, b.month, a.val, true
		case isName(a) && isDay(b) && isYear(e):
			return e.val, a.month, b.val, true
		case isYear(a) && isName(b) && isDay(e):
			return a.val, b.month, e.val, true
		}
	}
	return 0, 0, 0, false
}

// dateSep reports whether r may separate the numbers of a numeric date.
func dateSep(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' }

func validMonth(m int) bool { return m >= 1 && m <= 12 }

// validYear reports whether a written year is one: a four-digit year from
// 1000 on, or a two-digit one already made full.
func validYear(y int) bool { return y >= 1000 }

// fullYear reads a two-digit year as the latest year ending in those
// digits that is at most a year after now.
func fullYear(yy int, now time.Time) int {
	y := now.Year()/100*100 + yy
	if y > now.Year()+1 {
		y -= 100
	}
	return y
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// atoi reads a run of at most 9 ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
