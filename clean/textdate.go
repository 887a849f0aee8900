package clean

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The publication date of copied text. A copied page holds many dates:
// the day's date in the page header, the dates of the teasers in a
// sidebar, of readers' comments, of events the story speaks of. The
// publication date is the one written next to the article's start: in a
// stamp ("Published 3 May 2022", "Veröffentlicht am ..."), on a line of
// its own or in a byline, between the headline and the first paragraphs.
// So the candidates are ranked by where they stand relative to the
// article's start, then by how they are written, never by the site.

// Where a date candidate may stand, in blocks from the article's start
// (its headline, else its first body block).
const (
	// dateBefore and dateAfter bound the window around the start where
	// the byline and date stamp stand.
	dateBefore, dateAfter = 12, 4
	// dateFarBefore bounds the search before the window: the date line
	// of a page whose headline and byline sit far from the text.
	dateFarBefore = 40
)

// Kinds of date candidate, best first.
const (
	dateStamp = iota // a stamp word before the date: "Published", "Posted on"
	dateLine         // a short line that is mostly the date, or a byline
	dateProse        // a date inside a longer block (at most 40 words)
)

// textDate sets res.Meta.Date from the blocks of copied text (see above)
// unless the URL's path holds a full date, which findMeta prefers. It
// writes day-first numeric dates ("03/05/2022") as 3 May unless the page
// shows it writes month first (see dayFirst).
func textDate(res *Result, rawURL string) {
	if u, err := url.Parse(rawURL); err == nil && u != nil {
		if _, ok := urlDate(u.Path); ok {
			return
		}
	}
	blocks := res.Blocks
	anchor := headlineAnchor(blocks)
	// dayFirst reads the whole page: only a numeric date with slashes
	// needs it.
	dmyKnown, dmyValue := false, false
	dmy := func() bool {
		if !dmyKnown {
			dmyKnown, dmyValue = true, dayFirst(blocks)
		}
		return dmyValue
	}
	end := len(blocks)
	for i, b := range blocks {
		if b.Kind == Comments && i > anchor {
			end = i
			break
		}
	}
	// at returns the candidate at block i, if any; kind says how the
	// date is written.
	at := func(i int) (d time.Time, kind int, ok bool) {
		b := blocks[i]
		w := b.words()
		if w > 40 || !strings.ContainsAny(b.Text, "0123456789") {
			return d, 0, false
		}
		if d, ok = findTextDate(b.Text, dmy); !ok {
			return d, 0, false
		}
		switch {
		case w <= 20 && (mayStamp(b.Text) && stampWords().MatchString(b.Text) || stampLine().MatchString(b.Text)):
			return d, dateStamp, true
		case b.Kind == Byline || w <= 12:
			return d, dateLine, true
		}
		return d, dateProse, true
	}
	set := func(d time.Time, src string) {
		res.Meta.Date = d
		res.Meta.setSource("date", src)
	}
	// The window: the best kind, the nearest to the anchor first.
	best, bestKind := -1, 0
	var bestDate time.Time
	for i := max(0, anchor-dateBefore); i < min(end, anchor+dateAfter); i++ {
		d, kind, ok := at(i)
		if ok && (best < 0 || kind < bestKind || kind == bestKind && abs(i-anchor) < abs(best-anchor)) {
			best, bestKind, bestDate = i, kind, d
		}
	}
	if best >= 0 {
		src := "date-line"
		switch {
		case bestKind == dateStamp:
			src = "date-stamp"
		case blocks[best].Kind == Byline:
			src = "byline"
		}
		set(bestDate, src)
		return
	}
	// Before the window, the nearest stamp or date line.
	for i := min(end, anchor-dateBefore) - 1; i >= max(0, anchor-dateFarBefore); i-- {
		if blocks[i].words() > 20 {
			continue
		}
		if d, kind, ok := at(i); ok && kind <= dateLine {
			src := "date-line"
			if kind == dateStamp {
				src = "date-stamp"
			}
			set(d, src)
			return
		}
	}
	// After it, the first short date line.
	for i := max(0, anchor+dateAfter); i < end; i++ {
		if blocks[i].words() > 12 {
			continue
		}
		if d, kind, ok := at(i); ok && kind <= dateLine {
			set(d, "first-date")
			return
		}
	}
}

// findTextDate is [FindDate], reading a numeric date with slashes day
// first when dmy reports true ("03/05/2022" is 3 May 2022); dmy is called
// only when s holds such a date.
func findTextDate(s string, dmy func() bool) (time.Time, bool) {
	d, ok := FindDate(s)
	if !ok || strings.IndexByte(s, '/') < 0 {
		return d, ok
	}
	m := slashDate().FindStringSubmatch(s)
	if m == nil || !dmy() {
		return d, ok
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if a > 12 || b > 12 {
		return d, ok // only one reading
	}
	if md, ok2 := makeDate(m[3], m[1], m[2]); ok2 && md.Equal(d) {
		if dm, ok3 := makeDate(m[3], m[2], m[1]); ok3 {
			return dm, true
		}
	}
	return d, ok
}

// dayFirst reports whether the page writes numeric dates with slashes day
// first: a date whose first number is over 12 says so, one whose second
// is says the opposite; without either, pages in English are taken to
// write month first (as in the United States) and others day first.
func dayFirst(blocks []Block) bool {
	for _, b := range blocks {
		if !strings.Contains(b.Text, "/") {
			continue
		}
		for _, m := range slashDate().FindAllStringSubmatch(b.Text, -1) {
			a, _ := strconv.Atoi(m[1])
			c, _ := strconv.Atoi(m[2])
			switch {
			case a > 12 && c <= 12:
				return true
			case c > 12 && a <= 12:
				return false
			}
		}
	}
	return !looksEnglish(blocks)
}

// englishWords are frequent English function words, rare in other
// languages' text.
var englishWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "is": true, "that": true, "with": true, "for": true, "was": true, "are": true}

// looksEnglish reports whether English function words make up a twentieth
// or more of the words of the page's body blocks.
func looksEnglish(blocks []Block) bool {
	n, en := 0, 0
	for _, b := range blocks {
		if b.Kind != Body {
			continue
		}
		bn, ben := englishCount(b.Text)
		n, en = n+bn, en+ben
		if n > 2000 {
			break
		}
	}
	return n > 0 && en*20 >= n
}

// englishCount returns the number of runs of letters in s (the fields of
// strings.FieldsFunc with !unicode.IsLetter) and how many of them are
// englishWords in any case, without building the fields.
func englishCount(s string) (n, en int) {
	start, ascii := -1, true
	word := func(end int) {
		n++
		w := s[start:end]
		switch {
		case !ascii:
			if englishWords[strings.ToLower(w)] {
				en++
			}
		case len(w) <= 4:
			var buf [4]byte
			for i := 0; i < len(w); i++ {
				buf[i] = w[i] | 0x20 // ASCII letters only
			}
			if englishWords[string(buf[:len(w)])] {
				en++
			}
		}
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) {
			if start < 0 {
				start, ascii = i, true
			}
			if size > 1 {
				ascii = false
			}
		} else if start >= 0 {
			word(i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		word(len(s))
	}
	return n, en
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// headlineAnchor is the index of the block labelled as the headline, else
// where the article starts: what a byline's date and author stand near.
func headlineAnchor(blocks []Block) int {
	for i, b := range blocks {
		if b.Kind == Title && b.Rule == "headline" {
			return i
		}
	}
	return articleStart(blocks)
}
