package enrich

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"tidings/news"
)

const (
	speakerPat = `((?:\p{Lu}[\p{L}'’.\-]*\s){0,5}\p{Lu}[\p{L}'’.\-]*|he|she|they|He|She|They)`
	verbPat    = `(?:said|says|told|tells|added|adds|asked|asks|explained|explains|warned|warns|insisted|insists|declared|declares|replied|replies|wrote|writes|stated|states|noted|notes|continued|continues|argued|argues|recalled|recalls|observed|observes|responded|responds|tweeted|tweets|announced|announces|admitted|admits|acknowledged|acknowledges|concluded|concludes|testified|quipped|joked|emailed|posted|reported|reports|claimed|claims|suggested|suggests|predicted|predicts|wondered|cautioned|countered|remarked|boasted|shouted|screamed|yelled|whispered)`
)

var pronouns = setOf("he", "she", "they")

// Quotes returns the direct and partial quotations of arts (see
// findQuotes) with their speakers, merged across articles: the
// quotations carried by most outlets first, then in order of first
// appearance. ents resolves short names ("Berg") and pronouns ("he said":
// the speaker quoted just before, else the last person named before) to
// the full names of the people Entities found; a quotation whose cue
// names no one takes the first person its sentence names before it ("Sanders
// compared himself to Clinton, saying "…""), else the speaker quoted just
// before it.
func Quotes(arts []news.Article, ents []news.Entity) []news.Quote {
	var people []string
	for _, e := range ents {
		if e.Kind == news.Person {
			people = append(people, e.Name)
		}
	}
	byKey := map[string]*quoteAcc{}
	var order []string
	n := 0
	for ai := range arts {
		a := &arts[ai]
		prevSpeaker, prevEnd := "", -1
		for _, f := range findQuotes(a) {
			subject := ""
			if f.speaker == "" || !f.cued {
				subject = firstNamed(f.before, people) // "Sanders compared himself to Clinton, saying "…""
			}
			if !f.cued && subject == "" && !keepUncued(f.text) {
				continue
			}
			speaker := strings.Join(afterOwner(afterTitle(strings.Fields(strings.TrimRight(f.speaker, ".")))), " ")
			switch {
			case pronouns[strings.ToLower(speaker)] && prevSpeaker != "" && f.start-prevEnd < lookBack:
				speaker = prevSpeaker // "…," Sanders wrote. "…," he went on.
			case pronouns[strings.ToLower(speaker)]:
				speaker = lastNamed(a.Text[max(0, f.start-lookBack):f.start], people)
			case speaker != "":
				speaker = fullName(speaker, people)
				if f.introduced && !slices.Contains(people, speaker) {
					speaker = "" // "The minister replied:": no person named
				}
			case subject != "":
				speaker = subject
			case !f.cued && prevEnd >= 0 && f.start-prevEnd < goesOn:
				speaker = prevSpeaker // the speaker quoted just before goes on
			}
			prevSpeaker, prevEnd = speaker, f.end
			text := strings.TrimRight(strings.TrimSpace(f.text), ",")
			key := quoteKey(text)
			if key == "" {
				continue
			}
			e := byKey[key]
			if e == nil {
				e = &quoteAcc{q: news.Quote{Text: text, Speaker: speaker}, first: n}
				byKey[key] = e
				order = append(order, key)
				n++
			}
			if e.q.Speaker == "" {
				e.q.Speaker = speaker
			}
			if !slices.ContainsFunc(e.q.Citations, func(c news.Citation) bool { return c.ArticleID == a.ID }) {
				e.q.Citations = append(e.q.Citations, citation(f.sent))
				e.q.Outlets = addUnique(e.q.Outlets, outlets(a)...)
			}
		}
	}
	mergeParts(byKey, order)
	out := make([]news.Quote, 0, len(order))
	firsts := map[string]int{}
	for _, k := range order {
		if byKey[k] == nil {
			continue // merged into a longer quotation
		}
		out = append(out, byKey[k].q)
		firsts[byKey[k].q.Text] = byKey[k].first
	}
	slices.SortStableFunc(out, func(a, b news.Quote) int {
		if c := cmp.Compare(len(b.Outlets), len(a.Outlets)); c != 0 {
			return c
		}
		return cmp.Compare(firsts[a.Text], firsts[b.Text])
	})
	return out
}

// lookBack is how many bytes before a quotation a pronoun's person is
// looked for.
const lookBack = 1500

// keepUncued reports whether a quotation that no cue attributes, in a
// sentence that names no person before it, is kept: one of at least
// minUncued words (a scare-quoted word or title is not).
func keepUncued(text string) bool {
	return len(strings.Fields(text)) >= minUncued
}

// goesOn is how many bytes after a quotation one without a cue may
// open and still be its speaker's.
const goesOn = 600

// minUncued is the fewest words of a quotation kept without a cue.
var minUncued = 3

// quoteAcc gathers one quotation's citations as Quotes reads.
type quoteAcc struct {
	q     news.Quote
	first int
}

// minPartKey is the fewest letters a quotation must have to count as
// part of a longer one: a few words ("very constructive") may be two
// speakers' own.
const minPartKey = 30

// mergeParts folds a quotation that is part of a longer one by the same
// speaker (or by one not named) into the longer: an outlet that quotes
// "nothing is settled until our troops can go home" carries "These were
// tough talks, and nothing is settled until our troops can go home". The
// merged ones are set to nil in byKey.
func mergeParts(byKey map[string]*quoteAcc, order []string) {
	for _, short := range order {
		p := byKey[short]
		if len(short) < minPartKey {
			continue
		}
		var into *quoteAcc
		intoKey := ""
		for _, long := range order {
			l := byKey[long]
			if l == nil || len(long) <= len(short) || !strings.Contains(long, short) {
				continue
			}
			if p.q.Speaker != "" && l.q.Speaker != "" && p.q.Speaker != l.q.Speaker {
				continue
			}
			if into == nil || len(long) > len(intoKey) {
				into, intoKey = l, long
			}
		}
		if into == nil {
			continue
		}
		for _, c := range p.q.Citations {
			if !slices.ContainsFunc(into.q.Citations, func(d news.Citation) bool { return d.ArticleID == c.ArticleID }) {
				into.q.Citations = append(into.q.Citations, c)
			}
		}
		into.q.Outlets = addUnique(into.q.Outlets, p.q.Outlets...)
		if into.q.Speaker == "" {
			into.q.Speaker = p.q.Speaker
		}
		into.first = min(into.first, p.first)
		byKey[short] = nil
	}
}

// fullName returns the person of people whose name is name or ends with
// it, when exactly one does; else name.
func fullName(name string, people []string) string {
	found := ""
	for _, p := range people {
		if p == name {
			return p
		}
		if strings.HasSuffix(p, " "+name) {
			if found != "" {
				return name
			}
			found = p
		}
	}
	if found != "" {
		return found
	}
	return name
}

// firstNamed returns the person of people named first in s, by full name
// or last name, or "".
func firstNamed(s string, people []string) string {
	best, at := "", len(s)
	for _, p := range people {
		short := p[strings.LastIndex(p, " ")+1:]
		for _, form := range []string{p, short} {
			if i := strings.Index(s, form); i >= 0 && (i < at || i == at && len(p) > len(best)) {
				best, at = p, i
			}
		}
	}
	return best
}

// lastNamed returns the person of people named last in s, by full name
// or last name.
func lastNamed(s string, people []string) string {
	best, at := "", -1
	for _, p := range people {
		short := p[strings.LastIndex(p, " ")+1:]
		for _, form := range []string{p, short} {
			if i := strings.LastIndex(s, form); i > at {
				best, at = p, i
			}
		}
	}
	return best
}

// quoteKey normalizes a quotation for matching across articles: letters
// and digits only, lower case.
func quoteKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// afterOwner returns the words of a speaker after the last possessive
// ("KIRO Radio's Mike Lewis" gives "Mike Lewis").
func afterOwner(words []string) []string {
	for i := len(words) - 2; i >= 0; i-- {
		if possessive(words[i]) {
			return words[i+1:]
		}
	}
	return words
}
