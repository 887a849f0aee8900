package enrich

import (
	"cmp"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/news"
)

const (
	monthPat   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	weekdayPat = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	partPat    = `(morning|afternoon|evening|night)`
)

// The date expressions Timeline reads (the sources of their rules are
// the newswire conventions of AP, Reuters and Xinhua copy: weekdays for
// the days of the week around publication, month and day otherwise).
var (
	// "March 3", "Monday, Oct. 26, 1998", "April 24 and 25", "May 3–4", "the week of March 6".
	monthDayRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:(the week of) )?(?:` + weekdayPat + `,? )?` + monthPat + ` (\d{1,2})(?:st|nd|rd|th)?\b(?:(?: ?[-–] ?| and | or | to | through )(\d{1,2})\b)?(?:,? (\d{4})\b)?`)
	})

	// "12 January 2025", "3rd of March".
	dayMonthRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?` + monthPat + `(?:,? (\d{4}))?\b`)
	})

	// "in August", "In August", "August 1998", "early March", "last May".
	// (monthMatches finds its matches without it but for a rare text.)
	monthRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:((?i:in|since|until|by|last|next|this|during|early|mid|late|of|through|before|after|from))[ -])?` + monthPat + `(?:,? (\d{4}))?\b`)
	})

	// "in 1995", "since 2001".
	yearRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:in|since|until|by|before|after|during|from|through|early|late|mid|the year)[ -](1[89]\d\d|20\d\d)\b`)
	})

	// "on Friday", "last Tuesday", "Wednesday's ruling", "Friday night", "9 a.m. EDT Tuesday".
	// (weekdayMatches reads them; clockBefore is the clock before one.)
	clockBefore = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`(\d{1,2}(?::\d\d)? ?(?:a\.m\.|p\.m\.|am|pm)(?: [A-Z]{2,4})?,?) (?:on )?$`)
	})

	// "yesterday", "last week", "this month", "next year", "the weekend".
	relativeRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:([Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)|(last|this|next|past|coming|the) (week|weekend|month|year))\b`)
	})

	// "three days ago", "two weeks ago".
	agoRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (day|week|month|year)s? ago\b`)
	})

	// Holidays with a fixed rule.
	holidayRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:(last|next|this) )?(Thanksgiving(?: Day)?|Christmas Day|Christmas Eve|New Year's Day|New Year’s Day|New Year's Eve|New Year’s Eve|Election Day|Independence Day|Halloween|Valentine's Day|Valentine’s Day)\b`)
	})
)

var months = lazy(func() map[string]time.Month {
	months := map[string]time.Month{}
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		months[name] = m
		months[name[:3]+"."] = m
	}
	months["Sept."] = time.September
	return months
})

var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

var smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// Timeline returns the dated events the articles report: every date
// expression of every sentence (subheadings left out), resolved against its article's
// publication date ("on Friday", "last week", "March 3", "in 1995") at
// its own precision (a week, a month or a year is not a day), one event
// per sentence and date. A weekday or a date without a year is read in
// the tense of its clause: "will meet on Friday" is the Friday after
// publication, "met on Friday" the one before. "The next day", "two
// days later", "that same day" count from the day the article named
// last, within two sentences; "on the 5th" is a day of the month named
// last (see anchoredExprs). Events of the same date
// and precision whose sentences share most of their terms merge, with
// the outlets of each. Earliest first, a day before the week, month or
// year that starts on it; ties in order of first appearance.
func Timeline(arts []news.Article) []news.Event {
	type acc struct {
		ev    news.Event
		terms map[string]bool
	}
	var evs []*acc
	// byWhen files evs by precision and date, in order, so that an event
	// is compared only with those of its own day, month or year.
	type when struct {
		prec news.DatePrecision
		sec  int64 // the instant of the date (time.Time.Equal)
		nsec int
	}
	byWhen := map[when][]*acc{}
	for ai := range arts {
		a := &arts[ai]
		var anchor time.Time // the day named last, for "the next day"
		age := 0             // sentences since it was named
		var month time.Time  // the month named last, for "on the 5th"
		for _, s := range a.Sentences {
			if s.Heading {
				continue // a subheading reports no event of its own
			}
			var terms map[string]bool
			seen := map[string]bool{}
			cues := dateCues(s.Text) // once, for both readings
			found := dateExprs(s.Text, cues, a.Date)
			if told := anchoredExprs(s.Text, cues, found, anchor, month, a.Date); len(told) > 0 {
				found = pickDates(append(found, told...))
			}
			if age++; age > anchorReach {
				anchor = time.Time{}
			}
			for _, x := range found {
				if x.prec == news.Day || x.prec == news.PartOfDay || x.prec == news.Month {
					month = time.Date(x.date.Year(), x.date.Month(), 1, 0, 0, 0, 0, time.UTC)
				}
				// The last date named is the one told from: a day, or a
				// week, month or year, which leaves no day to tell from.
				anchor, age = time.Time{}, 0
				if x.prec == news.Day || x.prec == news.PartOfDay {
					anchor = time.Date(x.date.Year(), x.date.Month(), x.date.Day(), 0, 0, 0, 0, time.UTC)
				}
			}
			for _, x := range found {
				ev := news.Event{Date: x.date, Precision: x.prec, Expression: s.Text[x.start:x.end], Text: s.Text,
					Citation: citation(s), Outlets: outlets(a)}
				if seen[ev.When()] {
					continue
				}
				seen[ev.When()] = true
				if terms == nil {
					terms = setOf(s.Terms...)
				}
				merged := false
				w := when{ev.Precision, ev.Date.Unix(), ev.Date.Nanosecond()}
				for _, e := range byWhen[w] {
					if e.ev.Citation.ArticleID != a.ID && jaccard(e.terms, terms) >= 0.3 {
						e.ev.Outlets = addUnique(e.ev.Outlets, outlets(a)...)
						merged = true
						break
					}
				}
				if !merged {
					e := &acc{ev: ev, terms: terms}
					evs = append(evs, e)
					byWhen[w] = append(byWhen[w], e)
				}
			}
		}
	}
	out := make([]news.Event, len(evs))
	for i, e := range evs {
		out[i] = e.ev
	}
	slices.SortStableFunc(out, func(a, b news.Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Precision, b.Precision))
	})
	return out
}

// anchorReach is how many sentences after a day "the next day" may
// still be told from it: a sequel follows the day it continues, and
// after a few sentences of other matter the day it counts from is no
// longer clear ("within 14 days ... would be seven days later").
const anchorReach = 2

// dateExpr is a date expression of a sentence: its bytes [start, end)
// and the date it names.
type dateExpr struct {
	start, end int
	date       time.Time
	prec       news.DatePrecision
}

// dateExprs returns the date expressions of sentence s, in text order and
// not overlapping (of two that overlap, the longer), resolved against the
// publication date pub (zero when unknown: only dates with a year resolve
// then). cues are dateCues(s).
func dateExprs(s string, cues uint8, pub time.Time) []dateExpr {
	if !pub.IsZero() {
		pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	var found []dateExpr
	add := func(start, end int, d time.Time, p news.DatePrecision) {
		found = append(found, dateExpr{start, end, d, p})
	}
	digits := cues&cueDigit != 0
	month := cues&cueMonth != 0
	if digits && month {
		for _, m := range monthDayRe().FindAllStringSubmatchIndex(s, -1) {
			g := groups(s, m)
			mon := months()[g[3]]
			for k, day := range []string{g[4], g[5]} {
				if day == "" {
					continue
				}
				d, ok := monthDate(s, m[0], g[6], mon, day, pub)
				if !ok {
					continue
				}
				start, end := m[0], m[1]
				if k == 1 {
					start, end = m[10], m[11] // "April 24 and 25": the second day alone
				} else if g[5] != "" {
					end = m[9]
				}
				if g[1] != "" {
					add(start, end, monday(d), news.Week)
					break
				}
				add(start, end, d, news.Day)
			}
		}
		for _, m := range dayMonthRe().FindAllStringSubmatchIndex(s, -1) {
			g := groups(s, m)
			if d, ok := monthDate(s, m[0], g[3], months()[g[2]], g[1], pub); ok {
				add(m[0], m[1], d, news.Day)
			}
		}
	}
	if month {
		for _, m := range monthMatches(s) {
			g := groups(s, m)
			g[1] = strings.ToLower(g[1]) // "In August" opening a sentence
			if g[1] == "" && g[3] == "" || m[1] < len(s) && s[m[1]] == ' ' && startsWithDigit(s[m[1]+1:]) {
				continue // "May" the verb; "March 3" is a day
			}
			if g[2] == "May" && g[3] == "" && g[1] != "in" && g[1] != "last" && g[1] != "next" && g[1] != "since" && g[1] != "until" && g[1] != "early" && g[1] != "late" {
				continue
			}
			if d, ok := monthOnly(s, m[0], g[1], months()[g[2]], g[3], pub); ok {
				add(m[0], m[1], d, news.Month)
			}
		}
	}
	if digits && hasYear(s) {
		for _, m := range yearMatches(s) {
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			add(m[0], m[1], time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), news.Year)
		}
	}
	if pub.IsZero() {
		return pickDates(found)
	}
	if cues&cueWeekday != 0 {
		for _, m := range weekdayMatches(s) {
			g := groups(s, m)
			g[2] = strings.ToLower(g[2])
			t := future(s, m[0], m[1])
			if strings.HasSuffix(g[0], "s") && g[4] == "" && t == tenseFuture {
				t = tenseNone // "get around Wednesday's ruling": a day that has come
			}
			d := pub.AddDate(0, 0, weekdayOffset(pub.Weekday(), weekdays[g[3]], g[2], t))
			p := news.Day
			if g[1] != "" || g[4] != "" {
				p = news.PartOfDay
				d = d.Add(clock(g[1]))
			}
			add(m[0], m[1], d, p)
		}
	}
	if strings.Contains(s, "Day") || strings.Contains(s, "Thanksgiving") || strings.Contains(s, "Eve") || strings.Contains(s, "Halloween") {
		for _, m := range holidayRe().FindAllStringSubmatchIndex(s, -1) {
			g := groups(s, m)
			if d, ok := holiday(g[2], g[1], future(s, m[0], m[1]), pub); ok {
				add(m[0], m[1], d, news.Day)
			}
		}
	}
	if cues&cueRelative != 0 {
		for _, m := range relativeRe().FindAllStringSubmatchIndex(s, -1) {
			g := groups(s, m)
			if g[1] != "" {
				switch strings.ToLower(g[1]) {
				case "yesterday":
					add(m[0], m[1], pub.AddDate(0, 0, -1), news.Day)
				case "today":
					if rest := s[m[1]:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
						if f := strings.Fields(rest); len(f) > 1 && inLower(genericNow(), strings.Trim(f[1], ".,;:")) {
							continue // "today's youth": these times, not a day
						}
					}
					add(m[0], m[1], pub, news.Day)
				case "tonight":
					add(m[0], m[1], pub, news.PartOfDay)
				case "tomorrow":
					add(m[0], m[1], pub.AddDate(0, 0, 1), news.Day)
				}
				continue
			}
			if d, p, ok := relativePeriod(g[2], g[3], future(s, m[0], m[1]), pub); ok {
				add(m[0], m[1], d, p)
			}
		}
		if strings.Contains(s, " ago") {
			for _, m := range agoRe().FindAllStringSubmatchIndex(s, -1) {
				g := groups(s, m)
				n, ok := smallNumbers[g[1]]
				if !ok {
					n, _ = strconv.Atoi(g[1])
				}
				switch g[2] {
				case "day":
					add(m[0], m[1], pub.AddDate(0, 0, -n), news.Day)
				case "week":
					add(m[0], m[1], monday(pub.AddDate(0, 0, -7*n)), news.Week)
				case "month":
					d := pub.AddDate(0, -n, 0)
					add(m[0], m[1], time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), news.Month)
				case "year":
					add(m[0], m[1], time.Date(pub.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), news.Year)
				}
			}
		}
	}
	return pickDates(found)
}

// genericNow are nouns after "today's" that speak of these times, not
// of a day: "today's youth", "today's world".
var genericNow = lazySet("youth", "world", "society", "generation", "children", "young", "economy", "standards",
	"politics", "culture", "market", "markets", "technology", "kids", "teenagers", "students", "media", "america")

// pickDates returns found in text order without overlaps: of two
// expressions that overlap, the longer (the earlier on a tie).
func pickDates(found []dateExpr) []dateExpr {
	slices.SortStableFunc(found, func(a, b dateExpr) int {
		return cmp.Or(cmp.Compare(b.end-b.start, a.end-a.start), cmp.Compare(a.start, b.start))
	})
	var out []dateExpr
	for _, x := range found {
		if !slices.ContainsFunc(out, func(y dateExpr) bool { return x.start < y.end && y.start < x.end }) {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b dateExpr) int { return cmp.Compare(a.start, b.start) })
	return out
}

// groups returns the submatches of m in s, "" for those that did not
// take part.
func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// monday returns the Monday of d's week.
func monday(d time.Time) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// monthDate resolves a month and day (and year, when given) found at
// byte at of sentence s. Without a year, the year is the publication's,
// or the one before or after when the clause's tense says so ("was shot
// on Oct. 23" in a May paper is last October) or the date is more than
// half a year away.
func monthDate(s string, at int, year string, mon time.Month, day string, pub time.Time) (time.Time, bool) {
	dd, _ := strconv.Atoi(day)
	if dd < 1 || dd > 31 || mon == 0 {
		return time.Time{}, false
	}
	y := 0
	switch {
	case year != "":
		y, _ = strconv.Atoi(year)
	case !pub.IsZero():
		y = pub.Year()
	default:
		return time.Time{}, false
	}
	d := time.Date(y, mon, dd, 0, 0, 0, 0, time.UTC)
	if d.Day() != dd {
		return time.Time{}, false // February 30
	}
	if year == "" {
		t := future(s, at, at+1)
		if b := strings.Fields(s[:at]); len(b) > 0 && inLower(deadlineWords(), b[len(b)-1]) {
			t = tenseFuture // "remain in Miami until March 6"
		}
		d = inTense(d, pub, t, func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) })
		if d.Day() != dd {
			return time.Time{}, false // February 29 of a year without one
		}
	}
	return d, true
}

// deadlineWords before a date make it one to come.
var deadlineWords = lazySet("until", "by", "before")

// reportingVerbs say when something was said; outside the clause of a
// date they do not tell its tense.
var reportingVerbs = lazySet("said", "says", "told", "tells", "added", "reported", "announced")

// monthOnly resolves a month without a day: the month of the year
// given, else of the year its clause's tense and its modifier (last,
// next) place it in.
func monthOnly(s string, at int, mod string, mon time.Month, year string, pub time.Time) (time.Time, bool) {
	if year != "" {
		y, _ := strconv.Atoi(year)
		return time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC), true
	}
	if pub.IsZero() {
		return time.Time{}, false
	}
	d := time.Date(pub.Year(), mon, 1, 0, 0, 0, 0, time.UTC)
	this := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
	switch mod {
	case "last", "since":
		if !d.Before(this) {
			d = d.AddDate(-1, 0, 0)
		}
	case "next", "until":
		if !d.After(this) {
			d = d.AddDate(1, 0, 0)
		}
	default:
		switch future(s, at, at+1) {
		case tenseFuture:
			if d.Before(this) {
				d = d.AddDate(1, 0, 0)
			}
		case tensePast:
			if d.After(this) {
				d = d.AddDate(-1, 0, 0)
			}
		default:
			if d.Sub(this) > 183*24*time.Hour {
				d = d.AddDate(-1, 0, 0)
			} else if this.Sub(d) > 183*24*time.Hour {
				d = d.AddDate(1, 0, 0)
			}
		}
	}
	return d, true
}

// inTense moves d by whole years (with step) to the side of pub its
// tense says: a past date after publication goes back a year, a future
// one before it forward; with no tense, the nearest of the three years.
func inTense(d, pub time.Time, t tense, step func(time.Time, int) time.Time) time.Time {
	const (
		pastSlack   = 90 * 24 * time.Hour // "set a hearing for Feb. 10" in a January paper is this February
		futureSlack = 2 * 24 * time.Hour
		halfYear    = 183 * 24 * time.Hour
	)
	switch {
	case t == tensePast && d.Sub(pub) > pastSlack, t != tenseFuture && d.Sub(pub) > halfYear:
		return step(d, -1)
	case t == tenseFuture && pub.Sub(d) > futureSlack, t != tensePast && pub.Sub(d) > halfYear:
		return step(d, 1)
	}
	return d
}

// relativePeriod resolves "last week", "this month", "next year", "the
// weekend" (the last one, or the next in the future tense) against pub.
func relativePeriod(mod, unit string, t tense, pub time.Time) (time.Time, news.DatePrecision, bool) {
	n := 0
	switch mod {
	case "last", "past":
		n = -1
	case "next", "coming":
		n = 1
	case "the":
		if unit != "weekend" {
			return time.Time{}, 0, false
		}
	}
	switch unit {
	case "week":
		return monday(pub).AddDate(0, 0, 7*n), news.Week, true
	case "weekend":
		sat := monday(pub).AddDate(0, 0, 5)
		if mod == "the" && t != tenseFuture && sat.After(pub) || n < 0 {
			sat = sat.AddDate(0, 0, -7)
		} else if n > 0 && !sat.After(pub) {
			sat = sat.AddDate(0, 0, 7)
		}
		return monday(sat), news.Week, true
	case "month":
		d := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		return d.AddDate(0, n, 0), news.Month, true
	case "year":
		return time.Date(pub.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), news.Year, true
	}
	return time.Time{}, 0, false
}

// holiday returns the day of a holiday named (the US ones by their US
// rules), the last one before publication, or the next one in the future
// tense or after "next".
func holiday(name, mod string, t tense, pub time.Time) (time.Time, bool) {
	on := func(y int) time.Time {
		switch strings.ReplaceAll(name, "’", "'") {
		case "Thanksgiving", "Thanksgiving Day": // fourth Thursday of November
			d := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
			return d.AddDate(0, 0, (int(time.Thursday-d.Weekday())+7)%7+21)
		case "Election Day": // the Tuesday after the first Monday of November
			d := time.Date(y, time.November, 2, 0, 0, 0, 0, time.UTC)
			return d.AddDate(0, 0, (int(time.Tuesday-d.Weekday())+7)%7)
		case "Christmas Day":
			return time.Date(y, time.December, 25, 0, 0, 0, 0, time.UTC)
		case "Christmas Eve":
			return time.Date(y, time.December, 24, 0, 0, 0, 0, time.UTC)
		case "New Year's Day":
			return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
		case "New Year's Eve":
			return time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
		case "Independence Day":
			return time.Date(y, time.July, 4, 0, 0, 0, 0, time.UTC)
		case "Halloween":
			return time.Date(y, time.October, 31, 0, 0, 0, 0, time.UTC)
		case "Valentine's Day":
			return time.Date(y, time.February, 14, 0, 0, 0, 0, time.UTC)
		}
		return time.Time{}
	}
	d := on(pub.Year())
	if d.IsZero() {
		return d, false
	}
	ahead := mod == "next" || mod != "last" && t == tenseFuture
	switch {
	case ahead && d.Before(pub):
		d = on(pub.Year() + 1)
	case !ahead && d.After(pub):
		d = on(pub.Year() - 1)
	}
	return d, true
}

// The words the date patterns need, to try them only on the sentences
// that hold one: most hold none, and the patterns are slow to try.
var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep", "Oct.", "Nov.", "Dec."}
	weekdayNames  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	relativeWords = []string{"esterday", "oday", "onight", "omorrow", "week", "month", "year", " ago"}
)

// Bits of what dateCues finds in a sentence.
const (
	cueMonth     = 1 << iota // one of monthNames
	cueWeekday               // one of weekdayNames
	cueRelative              // one of relativeWords
	cueDigit                 // an ASCII digit
	cueSequel                // a part of a day after one of sequelWords (see sequelCue)
	cueDaysLater             // "day " or "days " before one of daysWords (see daysLaterCue)
)

// cueTable matches the words of monthNames, weekdayNames and
// relativeWords, the parts of a day of sequelCue (a space and
// sequelParts, after one of sequelWords) and the days of daysLaterCue
// ("day " and "days ", before one of daysWords), three bytes or more
// each, by their first three bytes,
// all at once (shift-and): heads are those bytes, each with its words;
// bit 3k+p of state word k/21 stands for the first p+1 bytes of head k
// (p from 0 to 2), so that at[c][w] has those bits set, of heads whose
// byte p is c, and first[w] and last[w] the bits of their first and
// third bytes. A digit is one more head of one byte (the bit digitBit of
// the second word, set in both first and last).
type cueTable struct {
	at          [256][2]uint64
	first, last [2]uint64
	heads       [][]cueWord
}

type cueWord struct {
	word string
	cue  uint8
	// after, when not nil, are the words one of which must end the text
	// before word for it to count; then, the words one of which must
	// begin the text after it.
	after, then []string
}

// headsPerWord is how many heads of three bits a state word holds (bits
// 0 to 62); digitBit is the bit of the digits in the second.
const (
	headsPerWord = 21
	digitBit     = 63
)

var cueWords = lazy(func() *cueTable {
	var t cueTable
	index := map[string]int{}
	var parts []string // " day", " morning" ...
	for _, p := range sequelParts {
		parts = append(parts, " "+p)
	}
	for _, l := range []struct {
		words []string
		cue   uint8
		after []string
		then  []string
	}{{monthNames, cueMonth, nil, nil}, {weekdayNames, cueWeekday, nil, nil}, {relativeWords, cueRelative, nil, nil},
		{parts, cueSequel, sequelWords, nil}, {[]string{"day ", "days "}, cueDaysLater, nil, daysWords}} {
		for _, w := range l.words {
			if len(w) < 3 {
				panic("enrich: a date cue word shorter than three bytes: " + w)
			}
			k, ok := index[w[:3]]
			if !ok {
				k = len(t.heads)
				index[w[:3]] = k
				t.heads = append(t.heads, nil)
				if k >= 2*headsPerWord {
					panic("enrich: too many date cue heads")
				}
				word, bit := k/headsPerWord, 3*(k%headsPerWord)
				for p := range 3 {
					t.at[w[p]][word] |= 1 << (bit + p)
				}
				t.first[word] |= 1 << bit
				t.last[word] |= 1 << (bit + 2)
			}
			t.heads[k] = append(t.heads[k], cueWord{w, l.cue, l.after, l.then})
		}
	}
	for c := '0'; c <= '9'; c++ {
		t.at[c][1] |= 1 << digitBit
	}
	t.first[1] |= 1 << digitBit
	t.last[1] |= 1 << digitBit
	return &t
})

// allCues are the bits dateCues may find.
const allCues = cueMonth | cueWeekday | cueRelative | cueDigit | cueSequel | cueDaysLater

// dateCues returns the cues s holds, in one pass (a strings.Contains per
// word was most of the timeline's time): the words' first three bytes
// matched all at once, a few operations per byte, and where they end,
// each word of those bytes whose cue is not found yet.
func dateCues(s string) uint8 {
	t := cueWords()
	tab := &t.at
	f0, f1, l0, l1 := t.first[0], t.first[1], t.last[0], t.last[1] // in registers
	var cues uint8
	var a, b uint64
	for i := 0; i < len(s); i++ {
		at := &tab[s[i]]
		a = (a<<1 | f0) & at[0]
		b = (b<<1 | f1) & at[1]
		if a&l0|b&l1 == 0 {
			continue
		}
		ends := [2]uint64{a & l0, b & l1}
		if ends[1]&(1<<digitBit) != 0 {
			cues |= cueDigit
			ends[1] &^= 1 << digitBit
		}
		for w, m := range ends {
			for ; m != 0; m &= m - 1 {
				k := w*headsPerWord + bits.TrailingZeros64(m)/3
				for _, cw := range t.heads[k] {
					if cues&cw.cue == 0 && strings.HasPrefix(s[i-2:], cw.word) && (cw.after == nil || endsWithAny(s[:i-2], cw.after)) &&
						(cw.then == nil || startsWithAny(s[i-2+len(cw.word):], cw.then)) {
						cues |= cw.cue
					}
				}
			}
		}
		if cues == allCues {
			break
		}
	}
	return cues
}

// endsWithAny reports whether s ends with one of words.
func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// startsWithAny reports whether s begins with one of words.
func startsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// yearWords are the words yearRe reads before a year, in its order.
var yearWords = []string{"in", "since", "until", "by", "before", "after", "during", "from", "through", "early", "late", "mid", "the year"}

// yearMatches returns yearRe().FindAllStringSubmatchIndex(s, -1), found
// from each year (four digits from 1800 to 2099, a word boundary after)
// that a space or hyphen and one of yearWords, a word boundary before
// it, come before: the pattern has no literal to start from, so the
// engine tried it at every byte. No year word ends another, so at most
// one comes before a year, and the matches cannot overlap (each is
// letters, one byte, then digits).
func yearMatches(s string) [][]int {
	var out [][]int
	for p := 1; p+4 <= len(s); p++ {
		if !(s[p] == '1' && (s[p+1] == '8' || s[p+1] == '9') || s[p] == '2' && s[p+1] == '0') ||
			s[p+2] < '0' || s[p+2] > '9' || s[p+3] < '0' || s[p+3] > '9' ||
			s[p-1] != ' ' && s[p-1] != '-' || !wordBoundary(s, p+4) {
			continue
		}
		for _, w := range yearWords {
			if st := p - 1 - len(w); st >= 0 && s[st:p-1] == w && wordBoundary(s, st) {
				out = append(out, []int{st, p + 4, p, p + 4})
				break
			}
		}
	}
	return out
}

// hasYear reports whether s holds four digits that may be a year from
// 1800 to 2099.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && (s[i+1] == '8' || s[i+1] == '9') || s[i] == '2' && s[i+1] == '0') &&
			s[i+2] >= '0' && s[i+2] <= '9' && s[i+3] >= '0' && s[i+3] <= '9' {
			return true
		}
	}
	return false
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	in := 0
	for t := range a {
		if b[t] {
			in++
		}
	}
	return float64(in) / float64(len(a)+len(b)-in)
}
