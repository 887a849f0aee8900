package enrich

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// weekdayModifiers may stand before a weekday: "on Friday", "last
// Tuesday".
var weekdayModifiers = lazySet("on", "last", "this", "next", "early", "late", "by", "until", "since", "before", "after")

// dayParts may follow a weekday: "Friday night".
var dayParts = lazySet("morning", "afternoon", "evening", "night")

// weekdayMatches returns the weekday expressions of s ("on Friday", "last
// Tuesday", "Wednesday's", "Friday night", "9 a.m. EDT Tuesday") as
// submatch indexes (see regexp.Regexp.FindAllStringSubmatchIndex) of the
// groups: the whole, a clock time, a modifier, the weekday, a part of
// the day (-1 for a group absent). Read with string searches: a pattern
// with so many optional parts is slow to try on every sentence.
func weekdayMatches(s string) [][]int {
	var out [][]int
	for _, name := range weekdayNames {
		for from := 0; ; {
			i := strings.Index(s[from:], name)
			if i < 0 {
				break
			}
			i += from
			from = i + len(name)
			end := from
			if i > 0 && isWordByte(s[i-1]) || end < len(s) && isWordByte(s[end]) && !strings.HasPrefix(s[end:], "'s") {
				continue
			}
			m := []int{i, end, -1, -1, -1, -1, i, end, -1, -1}
			for _, poss := range []string{"'s", "’s"} {
				if strings.HasPrefix(s[end:], poss) {
					end += len(poss)
				}
			}
			if rest := s[end:]; strings.HasPrefix(rest, " ") {
				w := rest[1:]
				if k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
					w = w[:k]
				}
				if dayParts()[w] {
					m[8], m[9] = end+1, end+1+len(w)
					end += 1 + len(w)
				}
			}
			m[1] = end
			start := i
			if b := strings.TrimSuffix(s[:i], " "); len(b) < i {
				k := strings.LastIndexByte(b, ' ') + 1
				if inLower(weekdayModifiers(), b[k:]) { // "Last Tuesday" opening a sentence
					m[4], m[5] = k, len(b)
					start = k
				}
			}
			if strings.Contains(s[max(0, start-30):start], "m") {
				if c := clockBefore().FindStringSubmatchIndex(s[max(0, start-30):start]); c != nil {
					off := max(0, start-30)
					m[2], m[3] = off+c[2], off+c[3]
					start = off + c[0]
				}
			}
			m[0] = start
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// clock returns the time of day a clock expression names ("9 a.m.",
// "4:30 p.m. EDT", as written: the zone is not applied), 0 for "".
func clock(c string) time.Duration {
	if c == "" {
		return 0
	}
	var h, m int
	num, rest, _ := strings.Cut(strings.TrimSpace(c), " ")
	if i := strings.IndexAny(num, "ap"); i > 0 {
		num, rest = num[:i], num[i:]+" "+rest
	}
	hh, mm, _ := strings.Cut(num, ":")
	h, _ = strconv.Atoi(hh)
	m, _ = strconv.Atoi(mm)
	pm := strings.HasPrefix(rest, "p")
	switch {
	case pm && h < 12:
		h += 12
	case !pm && h == 12:
		h = 0
	}
	if h > 23 || m > 59 {
		return 0
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
}

// weekdayOffset returns how many days from the publication's weekday p
// the weekday w lies: "last" the one before (a week back on the same
// day), "next" the one after, "this" the one of the same week (after,
// in the future tense); else the publication day itself when w is p, the
// next one in the future tense, the last one otherwise.
func weekdayOffset(p, w time.Weekday, mod string, t tense) int {
	diff := int(w - p)
	switch mod {
	case "last":
		if diff >= 0 {
			diff -= 7
		}
	case "next":
		if diff <= 0 {
			diff += 7
		}
	case "this":
		if t == tenseFuture && diff < 0 {
			diff += 7
		}
	default:
		switch {
		case diff == 0:
		case t == tenseFuture || (mod == "by" || mod == "until") && t != tensePast: // not "until Thursday, they had not"
			if diff < 0 {
				diff += 7
			}
		default:
			if diff > 0 {
				diff -= 7
			}
		}
	}
	return diff
}
