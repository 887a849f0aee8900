package enrich

import (
	"slices"
	"strings"
)

// tense is what a clause says of its time: past, future or neither.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tenseFuture
)

// futureWords and pastWords mark the tense of a clause.
var (
	futureWords = lazySet("will", "'ll", "’ll", "shall", "would", "planning", "scheduled",
		"due", "expected", "tomorrow", "upcoming", "next", "later", "intends", "intend", "going",
		"soon", "await", "awaits", "awaiting", "begins", "starts", "opens", "resumes", "postponed")
	pastWords = lazySet("said", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "met", "made",
		"took", "gave", "came", "went", "left", "told", "began", "held", "found", "saw", "won", "lost", "fell",
		"rose", "got", "put", "sent", "ran", "spoke", "wrote", "brought", "thought", "broke", "struck", "killed",
		"announced", "reported", "claimed")
)

// planWords mark the future as verbs ("plans to"), not as nouns
// ("set aside vacation plans").
var planWords = lazySet("plan", "plans", "planned")

// beWords come before a participle; auxWords before a future word.
var (
	beWords  = lazySet("be", "been", "being")
	auxWords = lazySet("was", "were", "is", "are", "had", "has", "have")
)

// future returns the tense of the clause of sentence s around bytes
// [start, end) (the words between the punctuation before and after it):
// the tense of the marking word nearest the expression ("said it would
// meet the union on Friday" is future, "the envoy said on Friday" past);
// when the clause has none, of the marking word nearest in the sentence.
func future(s string, start, end int) tense {
	b := strings.LastIndexAny(s[:start], ",;:—()\"“”")
	e := strings.IndexAny(s[end:], ",;:—()\"“”")
	if e < 0 {
		e = len(s)
	} else {
		e += end
	}
	if t := nearestTense(s[b+1:start], s[end:e], true); t != tenseNone {
		return t
	}
	bw := strings.Fields(strings.ToLower(s[b+1 : start]))
	if len(bw) > 0 && deadlineWords()[bw[len(bw)-1]] && (len(bw) < 2 || bw[len(bw)-2] != "up") &&
		!slices.Contains(strings.Fields(strings.ToLower(s[end:])), "had") {
		return tenseFuture // "until 9 a.m. Tuesday", not "up until Thursday" nor "until Thursday, they had not"
	}
	if slices.Contains(bw[max(0, len(bw)-4):], "since") {
		return tensePast // "since shortly after the Oct. 23 slaying"
	}
	return nearestTense(s[:start], s[end:], false)
}

// nearestTense returns the tense of the marking word nearest the gap
// between before and after: a future word ("will", "plans", "is to", a
// verb in -ed followed by "to": "planned to") or a past one ("said", a
// verb in -ed); the nearer on each side counts, before the expression on
// a tie.
func nearestTense(before, after string, inClause bool) tense {
	bw := strings.Fields(before)
	aw := strings.Fields(after)
	mark := func(words []string, i int) tense {
		w := strings.Trim(words[i], `.,;:!?"“”()'`)
		if w == "" || capitalized(w) && i > 0 {
			return tenseNone // "United States", not a verb
		}
		w = strings.ToLower(w)
		next := ""
		if i+1 < len(words) {
			next = strings.ToLower(strings.Trim(words[i+1], `.,;:!?"“”()`))
		}
		if !inClause && reportingVerbs()[w] {
			return tenseNone // "…," Castro said: when it was said, not when it happens
		}
		switch {
		case w == "next" && next == "to":
			return tenseNone // "next to the embassy"
		case planWords()[w]:
			if i > 0 {
				prev := strings.ToLower(strings.Trim(words[i-1], `.,;:!?"“”()`))
				if auxWords()[prev] || beWords()[prev] {
					return tenseFuture // "is planned for Friday"
				}
			}
			if next == "to" {
				return tenseFuture // "plans to meet"
			}
			return tenseNone // "vacation plans", a noun: no tense
		case i > 0 && beWords()[strings.Trim(words[i-1], `.,;:!?"“”()`)] && strings.HasSuffix(w, "ed") && !futureWords()[w]:
			return tenseNone // "will be held": a participle, not the past
		case auxWords()[w] && futureWords()[next]:
			return tenseFuture // "were planning", "is expected"
		case futureWords()[w] || (w == "is" || w == "are" || w == "set") && next == "to" || w == "early" && next == "as" || len(w) > 4 && strings.HasSuffix(w, "ed") && next == "to":
			return tenseFuture
		case pastWords()[w] || len(w) > 4 && strings.HasSuffix(w, "ed"):
			return tensePast
		}
		return tenseNone
	}
	for d := 0; d < max(len(bw), len(aw)); d++ {
		if i := len(bw) - 1 - d; i >= 0 {
			if t := mark(bw, i); t != tenseNone {
				return t
			}
		}
		if d < len(aw) {
			if t := mark(aw, d); t != tenseNone {
				return t
			}
		}
	}
	return tenseNone
}
