package tidings

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"tidings/enrich"
	"tidings/news"
)

// stampBytes is how far into an article's text a date counts as its
// stamp: pages copied out of a browser carry the publication date (or
// "Posted ...", "Updated ...") in their first lines, next to the
// headline, while dates further down are the dates the story reports,
// often of earlier events.
const stampBytes = 300

// The dates a stamp is written in, with a four-digit year (or two digits
// in the numeric form): "May 3, 2013", "3rd May 2013", "05/03/2013",
// "2013-05-03". Spaces around the slashes are allowed, as tokenized text
// has them ("05 / 03 / 2013").
var (
	stampMonth    = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`
	stampMonthDay = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b` + stampMonth + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	})

	stampDayMonth = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + stampMonth + `\.?,?\s+((?:19|20)\d\d)\b`)
	})

	stampNumeric = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d\d(?:\d\d)?)\b`)
	})

	stampISO = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`) })
)

var stampMonths = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// eventDate returns when the events a reports happened, as far as the
// article says: its publication date when known, else the date stamped
// at the top of its text (within stampBytes of the start, the earliest
// match), else the zero time. Dates further down are not used: they are
// as often of earlier events ("convicted in 2009") as of this one.
func eventDate(a *news.Article) time.Time {
	if !a.Date.IsZero() {
		return a.Date
	}
	top := a.Text
	if len(top) > stampBytes {
		top = top[:stampBytes]
	}
	return stampDate(a.Title + "\n" + top)
}

// stampDate returns the first complete date written in s, or the zero
// time. A numeric date is read month first ("05/03/2013" is May 3), as
// in the American pages that write it so, unless the first number cannot
// be a month.
func stampDate(s string) time.Time {
	best, bestAt := time.Time{}, len(s)+1
	try := func(at int, y, m, d int) {
		if at >= bestAt || m < 1 || m > 12 || d < 1 || d > 31 {
			return
		}
		if y < 100 {
			y += 2000
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return // February 30
		}
		best, bestAt = t, at
	}
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	for _, m := range stampMonthDay().FindAllStringSubmatchIndex(s, 2) {
		try(m[0], num(s[m[6]:m[7]]), int(stampMonths[strings.ToLower(s[m[2]:m[2]+3])]), num(s[m[4]:m[5]]))
	}
	for _, m := range stampDayMonth().FindAllStringSubmatchIndex(s, 2) {
		try(m[0], num(s[m[6]:m[7]]), int(stampMonths[strings.ToLower(s[m[4]:m[4]+3])]), num(s[m[2]:m[3]]))
	}
	for _, m := range stampNumeric().FindAllStringSubmatchIndex(s, 2) {
		a, b := num(s[m[2]:m[3]]), num(s[m[4]:m[5]])
		if a > 12 {
			a, b = b, a
		}
		try(m[0], num(s[m[6]:m[7]]), a, b)
	}
	for _, m := range stampISO().FindAllStringSubmatchIndex(s, 2) {
		try(m[0], num(s[m[2]:m[3]]), num(s[m[4]:m[5]]), num(s[m[6]:m[7]]))
	}
	return best
}

// maxReported bounds the days reportedDates returns per article.
const maxReported = 8

// reportedDates returns the days a's sentences report, resolved against
// pub as enrich.Timeline reads them: "March 3" (a day without a year in
// the tense of its clause: "was found on April 9" in a January report is
// last April's), "March 3, 2013", "on Friday", "yesterday", "two days
// later". Only whole days count (not a week, month or year), and not days
// after pub: they are plans, not reports. Without pub only days with a
// year resolve. At most maxReported, in text order, without repeats.
func reportedDates(a *news.Article, pub time.Time) []time.Time {
	art := news.Article{ID: a.ID, Date: pub, Sentences: a.Sentences}
	evs := enrich.Timeline([]news.Article{art})
	slices.SortStableFunc(evs, func(x, y news.Event) int { return cmp.Compare(x.Citation.Start, y.Citation.Start) })
	var out []time.Time
	for _, ev := range evs {
		if len(out) >= maxReported {
			break
		}
		if ev.Precision != news.Day && ev.Precision != news.PartOfDay {
			continue
		}
		t := time.Date(ev.Date.Year(), ev.Date.Month(), ev.Date.Day(), 0, 0, 0, 0, time.UTC)
		if !pub.IsZero() && t.After(pub) {
			continue // a plan, not a report: "the patrol starts on May 1"
		}
		if !slices.ContainsFunc(out, t.Equal) {
			out = append(out, t)
		}
	}
	return out
}
