package enrich

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/news"
)

const monthPat = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`

// The date expressions Timeline resolves, tried in this order.
var (
	monthDay   = regexp.MustCompile(`\b` + monthPat + ` (\d{1,2})(?:st|nd|rd|th)?(?:, (\d{4}))?\b`)
	dayMonth   = regexp.MustCompile(`\b(\d{1,2}) ` + monthPat + `(?: (\d{4}))?\b`)
	weekday    = regexp.MustCompile(`\b(?:(on|last|this|next) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (morning|afternoon|evening|night))?\b`)
	relative   = regexp.MustCompile(`\b(yesterday|today|tonight|tomorrow|last week|next week|this week|last month|next month)\b`)
	futureTalk = regexp.MustCompile(`\b(will|would|is to|are to|plans? to|is due|are due|scheduled|next)\b`)
)

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		months[name] = m
		months[name[:3]+"."] = m
	}
	months["Sept."] = time.September
}

// Timeline returns the dated events the articles report: each sentence
// (subheadings left out) with a date expression resolved against its article's publication date
// ("on Friday", "last week", "March 3") or a full date of its own, one
// event per sentence. Events on the same day whose sentences share most
// of their terms merge, with the outlets of each. Earliest first; ties in
// order of first appearance.
func Timeline(arts []news.Article) []news.Event {
	type acc struct {
		ev    news.Event
		terms map[string]bool
	}
	var evs []*acc
	for ai := range arts {
		a := &arts[ai]
		for _, s := range a.Sentences {
			if s.Heading {
				continue // a subheading reports no event of its own
			}
			d, expr, ok := resolve(s.Text, a.Date)
			if !ok {
				continue
			}
			terms := setOf(s.Terms...)
			merged := false
			for _, e := range evs {
				if e.ev.Date.Equal(d) && jaccard(e.terms, terms) >= 0.3 {
					e.ev.Outlets = addUnique(e.ev.Outlets, outlets(a)...)
					merged = true
					break
				}
			}
			if merged {
				continue
			}
			evs = append(evs, &acc{ev: news.Event{Date: d, Expression: expr, Text: s.Text, Citation: citation(s), Outlets: outlets(a)}, terms: terms})
		}
	}
	out := make([]news.Event, len(evs))
	for i, e := range evs {
		out[i] = e.ev
	}
	slices.SortStableFunc(out, func(a, b news.Event) int { return a.Date.Compare(b.Date) })
	return out
}

// resolve finds the first date expression of sentence s and the day it
// names, given the publication date pub (zero when unknown: only dates
// with a year resolve then).
func resolve(s string, pub time.Time) (time.Time, string, bool) {
	if !pub.IsZero() {
		pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	// The patterns are slow to try on every sentence; each needs words
	// that most sentences lack.
	var dated []*regexp.Regexp
	if strings.ContainsAny(s, "0123456789") && hasMonth(s) {
		dated = []*regexp.Regexp{monthDay, dayMonth}
	}
	for _, re := range dated {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		mon, day, year := m[1], m[2], m[3]
		if re == dayMonth {
			mon, day = m[2], m[1]
		}
		dd, _ := strconv.Atoi(day)
		if dd < 1 || dd > 31 {
			continue
		}
		y := 0
		if year != "" {
			y, _ = strconv.Atoi(year)
		} else if !pub.IsZero() {
			y = pub.Year()
		} else {
			continue
		}
		d := time.Date(y, months[mon], dd, 0, 0, 0, 0, time.UTC)
		if d.Day() != dd {
			continue // February 30
		}
		if year == "" && d.Sub(pub) > 183*24*time.Hour {
			d = d.AddDate(-1, 0, 0) // "December 30" in a January paper
		}
		return d, strings.TrimSpace(m[0]), true
	}
	if pub.IsZero() {
		return time.Time{}, "", false
	}
	if !strings.Contains(s, "day") && !strings.Contains(s, "tonight") && !strings.Contains(s, "week") && !strings.Contains(s, "month") && !strings.Contains(s, "tomorrow") {
		return time.Time{}, "", false // no weekday, nor any relative expression
	}
	if loc := weekday.FindStringSubmatchIndex(s); loc != nil {
		m := weekday.FindStringSubmatch(s)
		future := futureTalk.MatchString(clauseBefore(s, loc[0]))
		want := weekdays[m[2]]
		diff := int(want - pub.Weekday())
		switch {
		case m[1] == "next" || (future && m[1] != "last"):
			if diff <= 0 {
				diff += 7
			}
		case m[1] == "last":
			if diff >= 0 {
				diff -= 7
			}
		default:
			if diff > 0 {
				diff -= 7
			}
		}
		return pub.AddDate(0, 0, diff), m[0], true
	}
	if m := relative.FindStringSubmatch(s); m != nil {
		days := map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last week": -7,
			"next week": 7, "this week": 0, "last month": -30, "next month": 30}[m[1]]
		return pub.AddDate(0, 0, days), m[0], true
	}
	return time.Time{}, "", false
}

// hasMonth reports whether s holds the first three letters of a month's
// name, as every form monthPat matches does.
func hasMonth(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

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

// clauseBefore returns the clause of s that ends at byte i: the text
// after the last comma, semicolon or dash before i.
func clauseBefore(s string, i int) string {
	c := s[:i]
	if j := strings.LastIndexAny(c, ",;—"); j >= 0 {
		c = c[j+1:]
	}
	return c
}
