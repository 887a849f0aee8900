package enrich

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"tidings/news"
)

const (
	speakerPat = `((?:\p{Lu}[\p{L}'’.\-]*\s){0,5}\p{Lu}[\p{L}'’.\-]*|he|she|they|He|She|They)`
	verbPat    = `(?:said|says|told|added|asked|explained|warned|insisted|declared|replied|wrote|stated|noted|continued)`
	openQ      = `["“]`
	closeQ     = `["”]`
)

// The quotation patterns of news prose, tried in order on each sentence.
var (
	// "…," Kerry said. / "…," union leader Petra Holm told reporters.
	quoteThenSpeaker = regexp.MustCompile(`^` + openQ + `(.+?)` + closeQ + `,? (?:[a-z][\p{L}\-]* ){0,4}?` + speakerPat + ` ` + verbPat + `\b`)
	// "…," said Lavrov.
	quoteThenVerb = regexp.MustCompile(`^` + openQ + `(.+?)` + closeQ + `,? ` + verbPat + ` (?:[a-z][\p{L}\-]* ){0,4}?` + speakerPat)
	// Berg said: "…" / Berg told reporters, "…"
	speakerThenQuote = regexp.MustCompile(speakerPat + ` ` + verbPat + `(?: [^"“”:,]{0,40})?[,:] ` + openQ + `(.+?)` + closeQ)
	// "…," a spokesman said (a speaker the article does not name).
	quoteThenSomeone = regexp.MustCompile(`^` + openQ + `(.+?)` + closeQ + `,? (?:[a-z][\p{L}\-]* ){1,4}` + verbPat + `\b`)
	// "…" (a quotation standing alone: the previous speaker goes on).
	bareQuote = regexp.MustCompile(`^` + openQ + `([^"“”]+)` + closeQ + `$`)
)

var pronouns = setOf("he", "she", "they")

// Quotes returns the direct quotations of arts with their speakers,
// merged across articles: the quotations carried by most outlets first,
// then in order of first appearance. ents resolves short names ("Berg")
// and pronouns ("he said": the last person named before) to the full
// names of the people Entities found.
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
		lastSpeaker, lastPerson := "", ""
		for si, s := range a.Sentences {
			text, speaker := quoteIn(s.Text)
			if text == "" {
				if m := bareQuote.FindStringSubmatch(s.Text); m != nil && si > 0 && lastSpeaker != "" {
					text, speaker = m[1], lastSpeaker
				}
			}
			if p := lastNamed(s.Text, people); p != "" && text == "" {
				lastPerson = p
			}
			if text == "" {
				lastSpeaker = ""
				continue
			}
			speaker = strings.Join(afterOwner(afterTitle(strings.Fields(strings.TrimRight(speaker, ".")))), " ")
			switch {
			case pronouns[strings.ToLower(speaker)]:
				speaker = lastPerson
			case speaker != "":
				speaker = fullName(speaker, people)
			}
			if speaker != "" {
				lastPerson = speaker
			}
			lastSpeaker = speaker
			text = strings.TrimRight(strings.TrimSpace(text), ",")
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
				e.q.Citations = append(e.q.Citations, citation(s))
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

// quoteIn returns the quotation in sentence s and its speaker as written,
// or "" when s quotes no one in a pattern it knows.
func quoteIn(s string) (text, speaker string) {
	if !strings.ContainsAny(s, "\"“”") {
		return "", "" // every pattern needs a quotation mark
	}
	if m := quoteThenSpeaker.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	if m := quoteThenVerb.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	if m := speakerThenQuote.FindStringSubmatch(s); m != nil {
		return m[2], m[1]
	}
	if m := quoteThenSomeone.FindStringSubmatch(s); m != nil {
		return m[1], ""
	}
	return "", ""
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
