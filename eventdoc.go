package tidings

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

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

// A day the text reports, its year optional: "on March 3", "3 March",
// "March 3, 2013".
var (
	reportMonthDay = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b` + stampMonth + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?`)
	})

	reportDayMonth = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + stampMonth + `\b\.?(?:,?\s+((?:19|20)\d\d)\b)?`)
	})
)

// reportedDates returns the days a's sentences name (month and day, with
// or without a year), each resolved against pub: a day without a year
// takes pub's year, or the year before when that would put it more than
// half a year after pub. Days after pub are left out: they are plans,
// not reports. Without pub only days with a year count. At most
// maxReported, in text order, without repeats.
func reportedDates(a *news.Article, pub time.Time) []time.Time {
	var out []time.Time
	add := func(y, m, d int, withYear bool) {
		if !withYear {
			if pub.IsZero() {
				return
			}
			y = pub.Year()
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || m < 1 || m > 12 {
			return
		}
		if !withYear && t.Sub(pub) > 183*24*time.Hour {
			t = t.AddDate(-1, 0, 0)
		}
		if !pub.IsZero() && t.After(pub) {
			return // a plan, not a report: "the patrol starts on May 1"
		}
		for _, o := range out {
			if o.Equal(t) {
				return
			}
		}
		out = append(out, t)
	}
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	for _, s := range a.Sentences {
		if len(out) >= maxReported {
			break
		}
		if !strings.ContainsAny(s.Text, "0123456789") {
			continue
		}
		for _, m := range reportMonthDay().FindAllStringSubmatch(s.Text, -1) {
			add(num(m[3]), int(stampMonths[strings.ToLower(m[1][:3])]), num(m[2]), m[3] != "")
		}
		for _, m := range reportDayMonth().FindAllStringSubmatch(s.Text, -1) {
			add(num(m[3]), int(stampMonths[strings.ToLower(m[2][:3])]), num(m[1]), m[3] != "")
		}
	}
	return out[:min(len(out), maxReported)]
}
