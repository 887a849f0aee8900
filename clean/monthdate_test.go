package clean

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// monthRegexps are the patterns dayMonthYear and monthDayYear match by
// hand, as regexps: the reference they are checked against.
var monthRegexps = sync.OnceValue(func() struct{ dayMonthYear, monthDayYear *regexp.Regexp } {
	var names []string
	for n := range monthDates().months {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so that "march" is tried before "mar".
	slices.SortFunc(names, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	mon := `(` + strings.Join(names, "|") + `)`
	return struct{ dayMonthYear, monthDayYear *regexp.Regexp }{
		dayMonthYear: regexp.MustCompile(`(?i)\b([0-3]?\d)(?:\.|er|st|nd|rd|th)?,?\s+(?:de\s+)?` + mon + `\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b`),
		monthDayYear: regexp.MustCompile(`(?i)\b` + mon + `\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`),
	}
})

// monthDateCases are lines for TestMonthDates and seeds for
// FuzzMonthDates: dates in each language and spelling the patterns know,
// and near misses.
var monthDateCases = []string{
	"November 4, 2025 | By Mira Holt",
	"Published 5 March 2014, updated 6 March 2014",
	"5. März 2014", "5 de marzo de 2014", "1er avril 2020", "3rd of May 2021", "May 3rd, 2021",
	"Nov. 4th 2025", "Nov.4 2025", "4 Nov.2025", "4 Nov. 2025", "4 Nov., 2025", "Sept 9 2019", "9 sept 2019",
	"12 października 2022", "12 PAŹDZIERNIKA 2022", "31 décembre 1999", "31 DÉCEMBRE 1999", "1 août 2020", "1 AOÛT 2020",
	"ſeptember 4 2020", "xſeptember 4 2020", "4 ſeptember 2020", "4 KWIETNIA 2020", "4 ſt March 2020", "4ſt March 2020",
	"123 March 2020", "March 123 2020", "March 1999 2020", "March 12 20201", "March 12 2020x", "March 12 2020_", "March 12 2020é",
	"a5 March 2020", "_5 March 2020", "é5 March 2020", "5 de 2020", "5 de de 2020", "5 de dezembro de 2020", "5 dezembro de 2020",
	"5 de  marzo  de\t2020", "5\vmarch 2020", "5\u00a0march 2020", "mar 5 2020 and 6 March 2021", "march5 2020", "05 march 1989",
	"40 March 2020", "0 March 2020", "39 March 2020", "Jänner 3, 2020", "JÄNNER 3, 2020", "maerz 3 2020", "Marc 3 2020", "\xffMarch 3 2020",
	"March 3 2020 March 4 2021", "on 4 — March 2020", "4, March 2020", "4th, March 2020", "March, 4 2020", "March 4,, 2020",
}

func TestMonthDates(t *testing.T) {
	re := monthRegexps()
	for _, s := range monthDateCases {
		if got, want := dayMonthYear(s), re.dayMonthYear.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("dayMonthYear(%q) = %v, the regexp finds %v", s, got, want)
		}
		if got, want := monthDayYear(s), re.monthDayYear.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("monthDayYear(%q) = %v, the regexp finds %v", s, got, want)
		}
	}
}

func FuzzMonthDates(f *testing.F) {
	for _, s := range monthDateCases {
		f.Add(s)
	}
	re := monthRegexps()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dayMonthYear(s), re.dayMonthYear.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("dayMonthYear(%q) = %v, the regexp finds %v", s, got, want)
		}
		if got, want := monthDayYear(s), re.monthDayYear.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("monthDayYear(%q) = %v, the regexp finds %v", s, got, want)
		}
	})
}
