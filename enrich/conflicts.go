package enrich

import (
	"cmp"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// figure matches a counted quantity: "about 3,000 troops", "1.2 million
// people". Group 1 is the number, 2 a multiplier, 3 the counted noun.
var figure = lazy(func() *regexp.Regexp { return regexp.MustCompile(`\b` + figurePat) })

// figurePat is figure's pattern after its word boundary; figureAt
// matches it at the start of a text only.
const figurePat = `(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)( million| billion| thousand)? ([a-z][a-z\-]+)`

var figureAt = lazy(func() *regexp.Regexp { return regexp.MustCompile(`^` + figurePat) })

// figureMatches returns what figure().FindAllStringSubmatchIndex(s, -1)
// returns, trying the pattern only where a match can start: at a digit
// with no byte of \w before it (the word boundary), matched there alone
// (figureAt), rather than at every byte of the sentence.
func figureMatches(s string) [][]int {
	if len(s) > maxTriedText {
		return figure().FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' || k > 0 && reWordByte(s[k-1]) {
			continue
		}
		// The figure's number is digits, commas and dots; a space and a
		// lower-case letter (a multiplier's or the noun's) must follow
		// them all: most numbers, a year before a comma, have none.
		e := k + 1
		for e < len(s) && ('0' <= s[e] && s[e] <= '9' || s[e] == ',' || s[e] == '.') {
			e++
		}
		if e+1 >= len(s) || s[e] != ' ' || s[e+1] < 'a' || s[e+1] > 'z' {
			continue
		}
		loc := figureAt().FindStringSubmatchIndex(s[k:])
		if loc == nil {
			continue
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += k
			}
		}
		out = append(out, loc)
		k = loc[1] - 1
	}
	return out
}

// maxTriedText is the longest sentence on which figureMatches and
// periodMatches try their patterns where a match may start: each try
// costs the regexp engine work that grows with the rest of the text, so
// that on a long text of many places to try the tries would cost more
// than the pattern's own search, whose cost grows with the text alone.
const maxTriedText = 1024

// uncounted are words after a number that do not name a counted thing.
var uncounted = lazySet("percent", "per", "of", "to", "and", "or", "in", "on", "at", "a", "the", "years",
	"year", "days", "day", "hours", "hour", "minutes", "minute", "seconds", "weeks", "week", "months",
	"month", "am", "pm", "times", "times", "times", "p", "m", "km", "miles", "kilometres", "kilometers",
	"metres", "meters", "centimetres", "percentage", "points", "degrees", "st", "nd", "rd", "th", "for",
	"from", "by", "with", "was", "were", "is", "are", "had", "have", "has", "as", "out", "after", "before",
	"since", "during", "more", "less", "than", "over", "under", "about", "into", "million", "billion",
	"thousand", "trillion", "hundred", "dozen", "others", "votes", "goals", "runs", "yards", "mph", "feet",
	"inches", "pounds", "kilograms", "tons", "tonnes", "acres", "hectares", "square")

// countNouns are counted nouns that do not end in "s".
var countNouns = lazySet("people", "dead", "wounded", "injured", "killed", "police", "personnel", "staff",
	"children", "men", "women", "troops", "cattle", "livestock", "crew")

// counted reports whether noun, the word after a figure, names what is
// counted: a plural, or one of countNouns.
func counted(noun string) bool {
	if uncounted()[noun] {
		return false
	}
	return countNouns()[noun] || (strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss") && len(noun) > 3)
}

// partOfRange reports whether the figure between before and after is not
// a count of its own: the end of a range ("300 million to 500 million
// cases", "between 270 and 480 million people", "20-30 people"), the
// whole of a share or a rate ("4 in 1,000 children", "75 of the 125
// seats", "5 of every 10,000 children"), or the part of a rate ("4
// children per 1,000", "32 cents per share").
func partOfRange(before, after string) bool {
	b := strings.Fields(strings.ToLower(before))
	last := func(k int) string {
		if k > len(b) {
			return ""
		}
		return strings.Trim(b[len(b)-k], `,;:"“(`)
	}
	switch {
	case last(1) == "to" && (isNumber(last(2)) || multipliers()[last(2)] && isNumber(last(3))):
		return true
	case strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–"):
		return true
	case last(1) == "and" && (last(3) == "between" || last(4) == "between"):
		return true
	case last(1) == "every" || last(1) == "per":
		return true
	case last(1) == "the" && last(2) == "of" && isNumber(last(3)):
		return true
	case last(1) == "of" && last(2) == "out":
		return true
	case last(1) == "in" && isNumber(last(2)):
		return true
	}
	a := strings.Fields(strings.ToLower(after))
	return slices.Contains(a[:min(len(a), 5)], "per")
}

var multipliers = lazySet("thousand", "million", "billion")

// isNumber reports whether w is written as a number: "4", "1,000", "2.7".
func isNumber(w string) bool {
	w = strings.TrimRight(w, ",.;:")
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// talkNouns name an exchange whose tone sources may characterize.
var talkNouns = lazySet("talks", "meeting", "meetings", "negotiations", "discussions", "discussion", "summit",
	"session", "visit", "dialogue", "conversation", "relations", "exchange")

// Tone words for talkNouns, written for this package.
var (
	warmWords = lazySet("constructive", "productive", "positive", "fruitful", "friendly", "cordial",
		"successful", "useful", "encouraging", "warm", "excellent", "good", "candid", "substantive", "promising")
	coldWords = lazySet("tough", "difficult", "tense", "hard", "unproductive", "fruitless", "disappointing",
		"hostile", "bitter", "stormy", "failed", "frosty", "acrimonious", "heated", "strained", "bad")
)

// toneWindow is how many words apart a tone word and its noun may be.
const toneWindow = 8

type claim struct {
	news.Claim
	key   string  // counted noun or tone side
	noun  string  // counted noun as written
	value float64 // figures
	terms map[string]bool
	near  map[string]bool // figures: the words around the figure (see nearWords)
	when  map[string]bool // figures: the periods the sentence names (see periods)
	scope string          // figures: "aboard" for a count of those on board
	harm  string          // figures: what befell those counted (see harmOf)
	art   int
	at    int // tones: the tone word's byte offset in the article
}

// Conflicts returns where the articles' sources disagree: different
// figures for the same counted noun (a plural or a word like "people") in
// sentences that report the same fact (see sameFact: "3,000 troops near
// Kessel" and "5,000 troops close to Kessel" meet, "200 prisoners" and
// "40,000 people" do not), and opposing tone words for talks or a meeting
// from different articles. An outlet is not in conflict with itself.
//
// Opposing tone words in people's words (quoted, or in a sentence that
// gives their words) are a contrast of views ([news.Views]) when two
// different speakers hold them; as a characterization conflict count only
// the outlets' own statements. ents resolves the speakers' short names
// and pronouns as in [Quotes]; it may be nil.
func Conflicts(arts []news.Article, ents []news.Entity) []news.Conflict {
	return newQuoteSet(arts, ents).conflicts()
}

// conflicts is Conflicts with the quotations of qs, read when a sentence
// has a tone word.
func (qs *quoteSet) conflicts() []news.Conflict {
	arts, people := qs.arts, qs.people
	var figs, tones []claim
	for ai := range arts {
		a := &arts[ai]
		for _, s := range a.Sentences {
			figs = append(figs, figureClaims(ai, a, s)...)
			ts := toneClaims(ai, a, s)
			for i := range ts {
				ts[i].Speaker = whoseWords(a, s, ts[i].at, qs.of(ai), people)
			}
			tones = append(tones, ts...)
		}
	}
	out := figureConflicts(figs)
	if c, ok := toneConflict(tones); ok {
		out = append(out, c)
	}
	if c, ok := viewsContrast(tones); ok {
		out = append(out, c)
	}
	return out
}

// figureClaims returns the counted figures of sentence s of article a
// (the ai-th).
func figureClaims(ai int, a *news.Article, s news.Sentence) []claim {
	if !figureCue(s.Text) { // the pattern is slow to try on every sentence
		return nil
	}
	var out []claim
	var terms map[string]bool
	var when [][]string // periodRe's matches in s, once a figure needs them
	for _, loc := range figureMatches(s.Text) {
		m := make([]string, 4)
		for g := range m {
			if loc[2*g] >= 0 {
				m[g] = s.Text[loc[2*g]:loc[2*g+1]]
			}
		}
		noun := m[3]
		if !counted(noun) || partOfRange(s.Text[:loc[0]], s.Text[loc[1]:]) {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			continue
		}
		switch strings.TrimSpace(m[2]) {
		case "thousand":
			v *= 1e3
		case "million":
			v *= 1e6
		case "billion":
			v *= 1e9
		}
		if terms == nil {
			terms = setOf(s.Terms...)
			when = periodMatches(s.Text)
		}
		out = append(out, claim{Claim: news.Claim{Value: strings.TrimSpace(m[1] + m[2]), Outlet: outlet(a), Citation: citation(s)},
			key: strings.TrimSuffix(noun, "s"), noun: noun, value: v, terms: terms, art: ai,
			near: nearWords(s.Text[:loc[0]], s.Text[loc[1]:], noun), when: periodsOf(when, m[1]),
			scope: aboard(s.Text[loc[1]:]), harm: harmOf(s.Text[:loc[0]], s.Text[loc[1]:])})
	}
	return out
}

// printableASCII is true for the ASCII bytes above the space.
var printableASCII = func() (t [256]bool) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	return t
}()

// hasTalkNoun reports whether a word of s, lower-cased and trimmed as
// toneClaims reads it, is a talk noun: most sentences hold none, and the
// words of those need not be lower-cased and kept.
func hasTalkNoun(s string) bool {
	if !talkNounCue(s) {
		return false
	}
	var buf [16]byte
	shortest, longest := talkNounLengths()
	starts := talkNounStarts()
	for i := 0; i < len(s); {
		// The field at i (as strings.FieldsSeq splits s), and whether it is
		// ASCII.
		if n := spaceLen(s, i); n > 0 {
			i += n
			continue
		}
		j, ascii := i, true
		for j < len(s) {
			for j < len(s) && printableASCII[s[j]] { // no ASCII space is above ' '
				j++
			}
			if j == len(s) {
				break
			}
			if s[j] < utf8.RuneSelf {
				if asciiSpace(s[j]) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			ascii = false
			j += n
		}
		w := s[i:j]
		i = j
		if ascii {
			// Lower case is as long, and there are no “”’ to trim.
			a, b := 0, len(w)
			for a < b && isTrimmed(w[a]) {
				a++
			}
			for b > a && isTrimmed(w[b-1]) {
				b--
			}
			if b-a < shortest || b-a > longest || starts[w[a]|0x20]&(1<<(b-a)) == 0 {
				continue
			}
			low := buf[:0]
			for k := a; k < b; k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low = append(low, c)
			}
			if talkNouns()[string(low)] {
				return true
			}
			continue
		}
		if talkNouns()[strings.Trim(strings.ToLower(w), `.,;:"“”'’()`)] {
			return true
		}
	}
	return false
}

// talkNounCue reports whether s may hold a talk noun: whether four bytes
// in a row are the first four letters of one, in any case. Most
// sentences hold none, and matching the heads of all the nouns at once,
// a few operations per byte (shift-and: bit 4k+p of the state is set
// where the last p+1 bytes are the first p+1 letters of the k-th noun),
// is faster than reading s word by word. A word holding a letter outside
// ASCII is no talk noun lower-cased (the nouns are ASCII), but for the
// two letters that strings.ToLower makes ASCII (U+0130 gives i, the
// Kelvin sign k), with which s is read word by word.
func talkNounCue(s string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return true
	}
	t := talkNounHeads()
	var state uint64
	for i := 0; i < len(s); i++ {
		state = (state<<1 | t.first) & t.at[s[i]]
		if state&t.last != 0 {
			return true
		}
	}
	return false
}

// headTable holds what talkNounCue matches the first four letters of
// the talk nouns with: at[c] has bit 4k+p set when byte c is the p-th
// letter of the k-th noun (talkNouns in byte order) in either case;
// first has the bits 4k, last the bits 4k+3.
type headTable struct {
	at          [256]uint64
	first, last uint64
}

var talkNounHeads = lazy(func() *headTable {
	var t headTable
	nouns := slices.Sorted(maps.Keys(talkNouns()))
	if len(nouns) > 16 {
		panic("enrich: more than 16 talk nouns")
	}
	for k, n := range nouns {
		if len(n) < 4 || strings.ToLower(n) != n || !isASCII(n) {
			panic("enrich: a talk noun not of four lower-case ASCII bytes or more: " + n)
		}
		for p := range 4 {
			c := n[p]
			t.at[c] |= 1 << (4*k + p)
			if 'a' <= c && c <= 'z' {
				t.at[c-'a'+'A'] |= 1 << (4*k + p)
			}
		}
		t.first |= 1 << (4 * k)
		t.last |= 1 << (4*k + 3)
	}
	return &t
})

// isTrimmed reports whether toneClaims trims ASCII byte c off a word's
// ends: one of .,;:"'().
func isTrimmed(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '"', '\'', '(', ')':
		return true
	}
	return false
}

// spaceLen returns the length of the space (unicode.IsSpace) at byte i
// of s, 0 when there is none there.
func spaceLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		if asciiSpace(s[i]) {
			return 1
		}
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// asciiSpace reports whether ASCII byte c is a space to unicode.IsSpace.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// talkNounStarts returns, by the first byte of a talk noun, a bit mask
// of the lengths of those that start with it: an ASCII word whose first
// byte, lower-cased, and length are not there is no talk noun. (The
// lengths are below 32: talkNounLengths bounds the word first.)
var talkNounStarts = lazy(func() (starts [256]uint32) {
	for n := range talkNouns() {
		starts[n[0]] |= 1 << len(n)
	}
	return starts
})

// talkNounLengths returns the lengths in bytes of the shortest and the
// longest talk noun.
var talkNounLengths = sync.OnceValues(func() (shortest, longest int) {
	shortest = math.MaxInt
	for n := range talkNouns() {
		shortest, longest = min(shortest, len(n)), max(longest, len(n))
	}
	return shortest, longest
})

// figureCue reports whether s holds a digit, a space and a lower-case
// letter in a row: a figure's number ends in a digit, and a space comes
// before its multiplier or noun, whose first letter is lower case.
func figureCue(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' && s[i+1] == ' ' && 'a' <= s[i+2] && s[i+2] <= 'z' {
			return true
		}
	}
	return false
}

// toneClaims returns the tone words within toneWindow words of a
// talkNoun in sentence s of article a (the ai-th), keyed "warm" or
// "cold".
func toneClaims(ai int, a *news.Article, s news.Sentence) []claim {
	if !hasTalkNoun(s.Text) {
		return nil
	}
	var out []claim
	words := strings.Fields(strings.ToLower(s.Text))
	for i, w := range words {
		w = strings.Trim(w, `.,;:"“”'’()`)
		if !talkNouns()[w] {
			continue
		}
		for j := max(0, i-toneWindow); j < min(len(words), i+toneWindow+1); j++ {
			t := strings.Trim(words[j], `.,;:"“”'’()`)
			side := ""
			if warmWords()[t] {
				side = "warm"
			} else if coldWords()[t] {
				side = "cold"
			}
			if side != "" {
				out = append(out, claim{Claim: news.Claim{Value: t, Outlet: outlet(a), Citation: citation(s)}, key: side, art: ai,
					at: s.Start + wordAt(s.Text, j)})
			}
		}
	}
	return out
}

// figureConflicts groups each figure with the later figures that
// disagree with it (see disagree); each figure joins one group at most.
func figureConflicts(figs []claim) []news.Conflict {
	var out []news.Conflict
	used := make([]bool, len(figs))
	// Figures disagree only when they count the same thing: each is
	// compared with the later ones of its key, in order.
	byKey := map[string][]int{}
	for i, f := range figs {
		byKey[f.key] = append(byKey[f.key], i)
	}
	for i := range figs {
		if used[i] {
			continue
		}
		c := news.Conflict{Kind: news.Figures, Subject: figs[i].noun, Claims: []news.Claim{figs[i].Claim}}
		same := byKey[figs[i].key]
		k, _ := slices.BinarySearch(same, i+1)
		for _, j := range same[k:] {
			if used[j] || !disagree(figs[i], figs[j]) {
				continue
			}
			used[j] = true
			c.Claims = append(c.Claims, figs[j].Claim)
		}
		if len(c.Claims) > 1 {
			out = append(out, c)
		}
	}
	return out
}

// disagree reports whether two figures from different outlets count the
// same thing in the same fact (same noun, sentences of the same fact,
// shared words near the figure, the same scope and harm, a period in
// common when both name one) and give different values.
func disagree(f, g claim) bool {
	return f.key == g.key && f.Outlet != g.Outlet && !sameFigure(f.value, g.value) && sameFact(f.terms, g.terms) &&
		overlap(f.near, g.near) != 0 && f.scope == g.scope && (f.harm == "" || g.harm == "" || f.harm == g.harm) &&
		(len(f.when) == 0 || len(g.when) == 0 || overlap(f.when, g.when) != 0)
}

// toneConflict returns one characterization conflict when warm and cold
// words describe talks as outlets' own statements (see whoseWords: not in
// a quotation, not in a sentence that gives someone's words), from
// different articles, no outlet on both sides (an outlet that says both
// is left out of both).
func toneConflict(tones []claim) (news.Conflict, bool) {
	var warm, cold []news.Claim
	for _, t := range tones {
		switch {
		case t.Speaker != "":
			continue // someone's view, not the outlet's
		case t.key == "warm":
			warm = append(warm, t.Claim)
		default:
			cold = append(cold, t.Claim)
		}
	}
	both := map[string]bool{}
	for _, w := range warm {
		if slices.ContainsFunc(cold, func(c news.Claim) bool { return c.Outlet == w.Outlet }) {
			both[w.Outlet] = true
		}
	}
	drop := func(c news.Claim) bool { return both[c.Outlet] }
	warm, cold = slices.DeleteFunc(warm, drop), slices.DeleteFunc(cold, drop)
	if len(warm) == 0 || len(cold) == 0 || !fromDifferentArticles(warm, cold) {
		return news.Conflict{}, false
	}
	return news.Conflict{Kind: news.Characterization, Subject: "talks", Claims: append(dedupClaims(warm), dedupClaims(cold)...)}, true
}

// viewsContrast returns one contrast of views when warm and cold words
// describe talks in the words of two different speakers (quoted, or in a
// sentence that gives their words): "tough" for Sal, "very, very
// constructive" for Berg.
func viewsContrast(tones []claim) (news.Conflict, bool) {
	var warm, cold []news.Claim
	for _, t := range tones {
		switch {
		case t.Speaker == "":
			continue
		case t.key == "warm":
			warm = append(warm, t.Claim)
		default:
			cold = append(cold, t.Claim)
		}
	}
	apart := false
	for _, w := range warm {
		for _, c := range cold {
			apart = apart || !sameSpeaker(w.Speaker, c.Speaker)
		}
	}
	if !apart {
		return news.Conflict{}, false
	}
	return news.Conflict{Kind: news.Views, Subject: "talks", Claims: append(dedupViews(warm), dedupViews(cold)...)}, true
}

// sameSpeaker reports whether two speakers as written are one: the same
// last word ("Berg", "Anna Berg").
func sameSpeaker(a, b string) bool {
	last := func(s string) string { return strings.ToLower(s[strings.LastIndex(s, " ")+1:]) }
	return last(a) == last(b)
}

// dedupViews keeps one claim per speaker, word and outlet.
func dedupViews(cs []news.Claim) []news.Claim {
	var out []news.Claim
	seen := map[string]bool{}
	for _, c := range cs {
		k := strings.ToLower(c.Speaker) + "\x00" + c.Value + "\x00" + c.Outlet
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// whoseWords returns whose words hold the byte at of article a, in
// sentence s: the speaker of the quotation of quoted around it, else the
// speaker of a speech cue in its clause of s ("Sal described the talks as
// tough"; "Anna Berg called the meeting constructive, while Viktor Sal
// said the talks had been tough"); "" when the clause is the outlet's own
// statement. A quotation or cue without a speaker the text names gives
// "someone". people resolves short names (see [Quotes]).
func whoseWords(a *news.Article, s news.Sentence, at int, quoted []quoteUnit, people []string) string {
	// The units and their pieces are in text order: the last unit that
	// starts at or before at is the only one that may hold it.
	k, _ := slices.BinarySearchFunc(quoted, at, func(u quoteUnit, at int) int { return cmp.Compare(u.pieces[0].start, at+1) })
	if k > 0 {
		u := quoted[k-1]
		for _, p := range u.pieces {
			if p.start <= at && at < p.end {
				return cmp.Or(u.speaker, "someone")
			}
		}
	}
	start, end := s.Start, s.End
	for _, sep := range []string{", while ", ", whereas ", ", but ", "; ", " while ", " whereas "} {
		text := a.Text[start:end]
		if i := strings.LastIndex(text[:at-start], sep); i >= 0 {
			start += i + len(sep)
		}
		if i := strings.Index(a.Text[at:end], sep); i >= 0 {
			end = at + i
		}
	}
	words := outsideWords(a, start, end, nil)
	for _, w := range words {
		if cueVerbs()[w] {
			if who, ok := cueSpeaker(words, -1); ok {
				if inLower(pronouns(), who) {
					return cmp.Or(nearestPerson(a, start, "", people), "someone")
				}
				return speakerName(who, people)
			}
			return "someone"
		}
	}
	return ""
}

// wordAt returns the byte offset in s of its j-th space-separated word.
func wordAt(s string, j int) int {
	n := 0
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if n == j {
				return i
			}
			n++
			in = true
		}
	}
	return len(s)
}

// Words that say what befell the people a figure counts.
var (
	deathWords  = lazySet("killed", "killing", "kills", "dead", "died", "dying", "deaths", "perished", "executed")
	injuryWords = lazySet("wounded", "wounding", "injured", "injuring", "injuries", "hurt")
)

// harmOf returns what befell those a figure counts, from the words before
// and after it: "killed" ("killing at least 35 people", "30 people had
// been killed"), "wounded", "killed or wounded" (a count of both: "killed
// or wounded at least 100 people", "100 people were killed or injured"),
// or "" when the sentence says neither near the figure. A verb up to three
// words before the figure comes first, then one up to five words after it.
func harmOf(before, after string) string {
	clean := func(ws []string) []string {
		for i, w := range ws {
			ws[i] = strings.Trim(strings.ToLower(w), `.,;:!?"“”'’()`)
		}
		return ws
	}
	kind := func(w string) string {
		switch {
		case deathWords()[w]:
			return "killed"
		case injuryWords()[w]:
			return "wounded"
		}
		return ""
	}
	// both joins "killed or wounded" around the word at i of ws.
	both := func(ws []string, i int) string {
		k := kind(ws[i])
		for _, j := range []int{i - 2, i + 2} {
			if j >= 0 && j < len(ws) && (ws[(i+j)/2] == "or" || ws[(i+j)/2] == "and") {
				if o := kind(ws[j]); o != "" && o != k {
					return "killed or wounded"
				}
			}
		}
		return k
	}
	b := clean(strings.Fields(before))
	for i := len(b) - 1; i >= max(0, len(b)-3); i-- {
		if isNumber(b[i]) {
			break
		}
		if kind(b[i]) != "" {
			return both(b, i)
		}
	}
	a := clean(strings.Fields(after))
	for i := 0; i < min(len(a), 6); i++ {
		if isNumber(a[i]) {
			break
		}
		if kind(a[i]) != "" {
			return both(a, i)
		}
	}
	return ""
}

// aboard returns "aboard" when the words after a figure count those on
// board ("109 people on board", "all 217 people aboard"), a part of the
// dead of a crash that also killed people on the ground; else "".
func aboard(after string) string {
	w := strings.Fields(strings.ToLower(after[:min(len(after), 30)]))
	for i := 0; i < min(len(w), 3); i++ {
		t := strings.Trim(w[i], ".,;:")
		if t == "aboard" || t == "on" && i+1 < len(w) && strings.Trim(w[i+1], ".,;:") == "board" {
			return "aboard"
		}
	}
	return ""
}

// periodRe finds what a sentence says of the period it counts over: a
// year, "since" and the word after it, or a year or month named relative
// to now ("this year", "last year", "so far", "to date").
var periodRe = lazy(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b` + periodPat) })

// periodPat is periodRe's pattern after its first word boundary;
// periodAt matches it at the start of a text only.
const periodPat = `(?:(1[89]\d\d|20\d\d)|since\s+(?:the\s+)?([\w]+)|((?:this|last|next)\s+(?:year|month|week|season)|so\s+far|to\s+date))\b`

var periodAt = lazy(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^` + periodPat) })

// periodMatches returns what periodRe().FindAllStringSubmatch(s, -1)
// returns, trying the pattern only where a match can start (the pattern,
// case folded and without a literal, was tried at every byte, some 900
// instructions a byte): at a word boundary before a byte that may begin
// it (1, 2, or s, t, l, n in either case, or the first byte of U+017F,
// which folds to s), matched there alone (periodAt).
func periodMatches(s string) [][]string {
	if len(s) > maxTriedText {
		return periodRe().FindAllStringSubmatch(s, -1)
	}
	var out [][]string
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '1', '2', 's', 'S', 't', 'T', 'l', 'L', 'n', 'N', 0xc5:
		default:
			continue
		}
		if !wordBoundary(s, k) {
			continue
		}
		m := periodAt().FindStringSubmatch(s[k:])
		if m == nil {
			continue
		}
		out = append(out, m)
		k += len(m[0]) - 1
	}
	return out
}

// periodsOf returns the periods a sentence names, from periodRe's
// matches in it (found once for all its figures), leaving out number,
// the figure itself. Two figures whose sentences both name periods, and
// no period in common, count over different periods: "executed 143
// people since 1995" and "598 people in the 23 years since the Supreme
// Court reinstated capital punishment".
func periodsOf(matches [][]string, number string) map[string]bool {
	out := map[string]bool{}
	for _, m := range matches {
		switch {
		case m[1] != "" && m[1] != number:
			out[m[1]] = true
		case m[2] != "":
			out["since "+strings.ToLower(m[2])] = true
		case m[3] != "":
			out[strings.Join(strings.Fields(strings.ToLower(m[3])), " ")] = true
		}
	}
	return out
}

// sameFigure reports whether two figures agree up to rounding.
func sameFigure(a, b float64) bool {
	if a == b {
		return true
	}
	hi := max(a, b)
	return hi > 0 && (hi-min(a, b))/hi < 0.02
}

// nearWords returns the content words within nearSpan words of a figure
// (before and after are the sentence's text around it), roughly stemmed:
// what is said of the counted thing ("killing 35 people", "35 people were
// killed"). Two figures of the same fact share one: "5,000 people ... fell
// ill" and "6,000 people ... died from malaria" do not.
func nearWords(before, after, noun string) map[string]bool {
	b := strings.Fields(strings.ToLower(before))
	a := strings.Fields(strings.ToLower(after))
	words := append(b[max(0, len(b)-nearSpan):], a[:min(len(a), nearSpan)]...)
	out := map[string]bool{}
	for _, w := range words {
		w = strings.Trim(w, `.,;:!?"“”'’()_`)
		if len(w) < 4 || w == noun || nearStop()[w] || isNumber(w) {
			continue
		}
		for _, suf := range []string{"ing", "ed", "es", "s"} {
			if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		out[w] = true
	}
	return out
}

// nearSpan is how many words on each side of a figure nearWords reads.
const nearSpan = 5

// nearStop are common words that say nothing of what is counted.
var nearStop = lazySet("about", "some", "least", "more", "than", "less", "almost", "nearly", "over",
	"under", "around", "with", "that", "this", "these", "those", "have", "been", "were", "which",
	"their", "them", "they", "there", "from", "into", "also", "only", "while", "when", "after",
	"before", "since", "million", "billion", "thousand", "including", "other", "others", "another")

// sameFact reports whether two sentences' terms say they report the same
// fact: at least four shared terms (the counted noun among them) and a
// Jaccard similarity of 0.2 or more.
func sameFact(a, b map[string]bool) bool {
	n := overlap(a, b)
	return n >= 4 && float64(n)/float64(len(a)+len(b)-n) >= 0.2
}

// fromDifferentArticles reports whether some claim of a and some claim of
// b come from different articles: one article calling talks both tough
// and constructive (in two speakers' words) is not sources disagreeing.
func fromDifferentArticles(a, b []news.Claim) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Citation.ArticleID != y.Citation.ArticleID {
				return true
			}
		}
	}
	return false
}

func overlap(a, b map[string]bool) int {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return n
}

// dedupClaims keeps one claim per outlet and word.
func dedupClaims(cs []news.Claim) []news.Claim {
	var out []news.Claim
	seen := map[string]bool{}
	for _, c := range cs {
		k := c.Outlet + "\x00" + c.Value
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
