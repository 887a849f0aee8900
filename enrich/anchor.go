package enrich

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"tidings/news"
)

// Days told from another day than the publication's: "the next day",
// "a day earlier", "two days later", "that day", "the day before
// Tuesday's hearing". News tells a sequence of events this way once one
// of them is dated ("On March 3 the talks opened. The next day ..."), so
// these are read against the day named last before them in the article
// (in the same sentence or an earlier one); with no day named before,
// they are left out rather than guessed from the publication date.
var (
	// "the next day", "the following morning", "the previous day",
	// "the same day", "that day", "that same night".
	sequelRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:[Tt]he (next|following|previous|same)|[Tt]hat(?: same)?) (day|morning|afternoon|evening|night)\b`)
	})

	// "a day later", "two days earlier", "three days after", "a day before".
	// "on the 5th", "by the 21st,": a day of the month named last.
	ordinalDayRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:on|by|until|since|from|before|after|to) the (\d{1,2})(?:st|nd|rd|th)\b`)
	})

	daysLaterRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`\b((?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|the)|\d{1,2}) days? (later|earlier|before|after)\b`)
	})
)

// anchoredExprs returns the expressions of sentence s told from another
// day: from the day expression of found (s's own, in text order) that
// ends before them, else from anchor (the last day named in the
// article's earlier sentences; zero when none). "The day before"
// followed by one of found's days is that day's eve ("the day before
// last Tuesday's hearing"). "On the 5th" is a day of the month named
// last (month, the first of it), else of the publication's month pub
// or the one before or after as the clause's tense says. cues are
// dateCues(s): an ordinal day needs a digit.
func anchoredExprs(s string, cues uint8, found []dateExpr, anchor, month, pub time.Time) []dateExpr {
	var out []dateExpr
	if cues&cueDigit != 0 && strings.Contains(s, " the ") && ordinalCue(s) {
		out = ordinalDays(s, found, month, pub)
	}
	sequel, later := cues&cueSequel != 0, cues&cueDaysLater != 0
	if !sequel && !later {
		return out
	}
	from := func(at int) time.Time {
		a := anchor
		for _, x := range found {
			if x.end > at {
				break
			}
			a = time.Time{} // "In November ..., and the next day": no day to tell from
			if x.prec == news.Day || x.prec == news.PartOfDay {
				a = time.Date(x.date.Year(), x.date.Month(), x.date.Day(), 0, 0, 0, 0, time.UTC)
			}
		}
		return a
	}
	var sequels, laters [][]int
	if sequel {
		sequels = sequelRe().FindAllStringSubmatchIndex(s, -1)
	}
	if later {
		laters = daysLaterRe().FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range sequels {
		g := groups(s, m)
		a := from(m[0])
		if a.IsZero() {
			continue
		}
		switch g[1] {
		case "next", "following":
			a = a.AddDate(0, 0, 1)
		case "previous":
			a = a.AddDate(0, 0, -1)
		}
		p := news.Day
		if g[2] != "day" {
			p = news.PartOfDay // "the next morning", as "Friday morning"
		}
		out = append(out, dateExpr{m[0], m[1], a, p})
	}
	for _, m := range laters {
		g := groups(s, m)
		n := 1
		if k, ok := smallNumbers[strings.ToLower(g[1])]; ok {
			n = k
		} else if k, err := strconv.Atoi(g[1]); err == nil {
			n = k
		}
		if strings.EqualFold(g[1], "the") && (strings.Contains(s[m[0]:m[1]], "days") || g[2] == "later" || g[2] == "earlier") {
			continue // "the days after the vote": no count of days
		}
		if g[2] == "earlier" || g[2] == "before" {
			n = -n
		}
		if g[2] == "before" || g[2] == "after" {
			// "the day before Tuesday's hearing": the day named next;
			// "two days after, ...": the day named before; "the day
			// after his death": a day told from an event, left out.
			rest := strings.TrimLeft(s[m[1]:], " ")
			if x, ok := exprAt(found, len(s)-len(rest)); ok && (x.prec == news.Day || x.prec == news.PartOfDay) {
				d := time.Date(x.date.Year(), x.date.Month(), x.date.Day(), 0, 0, 0, 0, time.UTC)
				out = append(out, dateExpr{m[0], x.end, d.AddDate(0, 0, n), news.Day})
				continue
			}
			if rest != "" && !strings.ContainsRune(".,;:!?", rune(rest[0])) {
				continue
			}
		}
		a := from(m[0])
		if a.IsZero() {
			continue
		}
		out = append(out, dateExpr{m[0], m[1], a.AddDate(0, 0, n), news.Day})
	}
	return out
}

// The cues below are what the patterns above need, found without them:
// a sentence without its cue cannot match a pattern, and most sentences
// hold none (the patterns were a tenth of enrichment's time, tried on
// every sentence).

// ordinalCue reports whether s holds a digit followed by "st", "nd", "rd"
// or "th", as ordinalDayRe needs.
func ordinalCue(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			switch s[i+1 : i+3] {
			case "st", "nd", "rd", "th":
				return true
			}
		}
	}
	return false
}

// sequelCue reports whether a part of a day (" day", " morning" ...)
// follows "next", "following", "previous", "same" or "that" in s, as
// sequelRe needs: dateCues finds it (cueSequel) in its one pass over s.
func sequelCue(s string) bool { return dateCues(s)&cueSequel != 0 }

// sequelParts are the parts of a day sequelRe reads after sequelWords
// (their first two letters differ); sequelWords, the words before.
var (
	sequelParts = []string{"day", "morning", "afternoon", "evening", "night"}
	sequelWords = []string{"next", "following", "previous", "same", "that", "That"}
)

// daysLaterCue reports whether "day" or "days" and a space come before
// "later", "earlier", "before" or "after" in s, as daysLaterRe needs:
// dateCues finds it (cueDaysLater) in its one pass over s.
func daysLaterCue(s string) bool { return dateCues(s)&cueDaysLater != 0 }

// daysWords are what daysLaterCue reads after "day " or "days ".
var daysWords = []string{"later", "earlier", "before", "after"}

// exprAt returns the expression of found that starts at byte at of its
// sentence.
func exprAt(found []dateExpr, at int) (dateExpr, bool) {
	for _, x := range found {
		if x.start == at {
			return x, true
		}
	}
	return dateExpr{}, false
}

// ordinalDays returns the days of s named by their number alone ("on
// the 5th"): of the month of the last month or day found before them in
// s, else of month (zero when none), else of pub's. A number followed by
// a word is no day ("on the 5th floor").
func ordinalDays(s string, found []dateExpr, month, pub time.Time) []dateExpr {
	var out []dateExpr
	for _, m := range ordinalDayRe().FindAllStringSubmatchIndex(s, -1) {
		if rest := s[m[1]:]; rest != "" && !strings.ContainsRune(".,;:!?)", rune(rest[0])) {
			continue
		}
		dd, _ := strconv.Atoi(s[m[2]:m[3]])
		ref := month
		for _, x := range found {
			if x.end <= m[0] && (x.prec == news.Day || x.prec == news.PartOfDay || x.prec == news.Month) {
				ref = x.date
			}
		}
		told := !ref.IsZero()
		if !told {
			if pub.IsZero() {
				continue
			}
			ref = pub
		}
		first := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
		d := first.AddDate(0, 0, dd-1)
		if !told {
			switch t := future(s, m[0], m[1]); {
			case t == tensePast && d.After(pub):
				first = first.AddDate(0, -1, 0)
			case t == tenseFuture && d.Before(pub):
				first = first.AddDate(0, 1, 0)
			}
			d = first.AddDate(0, 0, dd-1)
		}
		if dd < 1 || d.Month() != first.Month() {
			continue // "the 31st" of a month of 30 days
		}
		out = append(out, dateExpr{m[0], m[1], d, news.Day})
	}
	return out
}
