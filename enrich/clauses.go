package enrich

import (
	"slices"
	"strings"
)

// The clause rules of speaker finding: which cue of a sentence speaks a
// quotation when several could (a reporting verb over the clause it
// reports, a main clause over a subordinate one, "according to" after a
// cue), and who speaks a cue whose subject is not next to it (past a
// phrase, an appositive, an "and", a control verb).

// controlVerbs make someone do what follows "to": `prompted Rubio to
// make a joke and call Trump "very flexible"`.
var controlVerbs = lazySet("led", "leading", "prompted", "prompting", "forced", "forcing", "pushed", "caused",
	"inspired", "encouraged", "moved", "drove", "spurred", "provoked", "compelled")

// maxControlled is the most words from "to" to the quotation in
// controlled, and from the control verb to the person.
const maxControlled = 15

// controlled returns the person a control verb makes speak, the name
// just before "to" in the clause of the first quotation of words: `This
// has led the Latvian journalist Dainis Ivans to fear a "…"` gives Dainis
// Ivans; "" when words hold no such clause.
func controlled(words []string) string {
	q := slices.Index(words, qmark)
	if q < 0 {
		return ""
	}
	to := -1
	for k := q - 1; k > 0 && q-k <= maxControlled; k-- {
		if punct()[words[k]] || words[k] == qmark {
			return ""
		}
		if words[k] == "to" {
			to = k
			break
		}
	}
	if to < 2 || !capitalized(words[to-1]) {
		return ""
	}
	i := to - 1
	for i > 0 && capitalized(words[i-1]) && words[i-1] != qmark && to-i < 4 {
		i--
	}
	if !isName(words[i:to]) || inLower(orgWords(), words[to-1]) {
		return ""
	}
	for k := i - 1; k >= 0 && i-k <= maxControlled/2; k-- {
		if punct()[words[k]] || words[k] == qmark {
			return ""
		}
		if controlVerbs()[words[k]] {
			return speakerName(strings.Join(words[i:to], " "), nil)
		}
	}
	return ""
}

// maxSurnameLook is the most occurrences of a word surnameIn reads.
const maxSurnameLook = 20

// surnameIn reports whether the capitalized word w is a surname in text:
// w is no calendar, organisation or group word, and somewhere it follows
// a capitalized word inside a sentence that looks like a given name (not
// a title, an organisation word, a month or a day): "Newt Gingrich".
func surnameIn(text, w string) bool {
	lw := strings.ToLower(w)
	if !capitalized(w) || pronouns()[lw] || calendarWords()[lw] || orgWords()[lw] || nonNames()[lw] || titles()[lw] {
		return false
	}
	from := 0
	for n := 0; n < maxSurnameLook; n++ {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		if from < len(text) && isWordByte(text[from]) || i < 3 || text[i-1] != ' ' {
			continue
		}
		j := strings.LastIndexAny(text[:i-1], " \n") + 1
		prev := text[j : i-1]
		lp := strings.ToLower(prev)
		if len(prev) < 2 || !capitalized(prev) || strings.ContainsAny(prev, ".,;:'’\"“”") || titles()[lp] || orgWords()[lp] ||
			calendarWords()[lp] || nonNames()[lp] || determiners()[lp] || introWords()[lp] {
			continue
		}
		if j == 0 || text[j-1] == '\n' || j >= 2 && strings.ContainsAny(text[j-2:j-1], ".!?\"”") {
			continue // the first word of a sentence
		}
		return true
	}
	return false
}

// describedThenVerb returns the speaker at words[i:] after a quotation
// when it is "a", "an" or "the", at most two lower-case words and a name,
// followed by a lower-case verb (`"…," an angry Hollande retaliated.`);
// else "".
func describedThenVerb(words []string, i int) string {
	if i >= len(words) {
		return ""
	}
	if lw := strings.ToLower(words[i]); lw != "a" && lw != "an" && lw != "the" {
		return ""
	}
	k := i + 1
	for k < len(words) && k-i <= 2 && !capitalized(words[k]) && words[k] != qmark && !punct()[words[k]] && !speakerStops()[words[k]] {
		k++
	}
	e := k
	for e < len(words) && e-k < 3 && capitalized(words[e]) && words[e] != qmark {
		e++
	}
	if e == k || e >= len(words) || !isName(words[k:e]) || capitalized(words[e]) || words[e] == qmark ||
		punct()[words[e]] || speakerStops()[words[e]] || inLower(orgWords(), words[e-1]) {
		return ""
	}
	return strings.Join(words[i:e], " ")
}

// subordinators open a clause that is not the sentence's main one.
var subordinators = lazySet("when", "after", "as", "while", "before", "because", "if", "since", "although", "though",
	"once", "until", "whereas", "whenever")

// mainSubject returns the subject of the main clause that a quotation
// at q follows after a colon, when the sentence opens with a subordinate
// clause (`When Trump suggested that …, Rubio fired back: "…"`: Rubio,
// not Trump) and the main clause has no speech verb of its own; "" when
// that does not hold.
func mainSubject(words []string, q int) string {
	if q < 4 || words[q-1] != ":" {
		return ""
	}
	i := 0
	if inLower(conjunctions(), words[0]) {
		i++
	}
	if !inLower(subordinators(), words[i]) {
		return ""
	}
	c := slices.Index(words[i:q-1], ",")
	if c < 0 {
		return ""
	}
	c += i
	for k := q - 2; k > c; k-- {
		if words[k] == "," {
			c = k // the last comma before the colon
			break
		}
	}
	main := words[c+1 : q-1]
	for _, w := range main {
		if inLower(cueVerbs(), w) || punct()[w] || w == qmark {
			return ""
		}
	}
	s := subject(main)
	if s == "" || !inLower(pronouns(), s) && !capitalized(s[strings.LastIndex(s, " ")+1:]) {
		return ""
	}
	return s
}

// accordingAfter returns the source named by "according to" after the
// speech verb at v in the same clause, when it ends in a name
// (`"…," Grayson said, according to Frankel.`: Frankel reports it); ""
// otherwise.
func accordingAfter(words []string, byPlace []int, v int) string {
	if strings.ToLower(words[v]) == "according" {
		return ""
	}
	k, _ := slices.BinarySearch(byPlace, v)
	for _, u := range byPlace[k+1:] {
		if strings.ToLower(words[u]) != "according" {
			continue
		}
		for i := v + 1; i < u; i++ {
			if words[i] == qmark || words[i] == "." {
				return ""
			}
		}
		s := speakerAt(words, u)
		if s == "" || !capitalized(s[strings.LastIndex(s, " ")+1:]) || possessive(s[strings.LastIndex(s, " ")+1:]) {
			return ""
		}
		return s
	}
	return ""
}

// reportVerbs are the speech verbs that report a clause: `X said (that)
// Y called it "…"` gives the words to X, who reports them.
var reportVerbs = lazySet("said", "says", "told", "tells", "wrote", "writes", "argued", "argues", "claimed", "claims",
	"noted", "notes", "insisted", "insists", "suggested", "suggests", "added", "adds", "explained", "explains",
	"contended", "contends", "maintained", "maintains", "warned", "warns", "recalled", "recalls", "stressed")

// outerCue returns the speaker of the cue that reports the clause of the
// speech verb at v, when the quotation at q follows v in that clause:
// `Rep. Steve Israel said Clinton called on members to be "closely
// coordinated"`, `Trump said on Friday that Clinton described it as "the
// gold standard"` give Israel and Trump. The reporting verb u is the cue
// of byPlace just before v, with no punctuation or quotation between
// them, followed by v's clause at once or by "that"; "" when there is
// none.
func outerCue(words []string, byPlace []int, v, q int) string {
	if q >= 0 && !slices.Contains(words[v:], qmark) {
		return "" // no quotation after v
	}
	k, _ := slices.BinarySearch(byPlace, v)
	if k == 0 {
		return ""
	}
	u := byPlace[k-1]
	if !inLower(reportVerbs(), words[u]) || u > 0 && (words[u-1] == qmark || words[u-1] == ",") {
		return "" // `"…," said X` and `…, X said` report no clause after them
	}
	that := false
	for i := u + 1; i < v; i++ {
		if words[i] == qmark || punct()[words[i]] {
			return ""
		}
		if words[i] == "that" {
			that = true
		}
	}
	if !that && (u+1 >= v || !capitalized(words[u+1]) && !inLower(pronouns(), words[u+1])) {
		return ""
	}
	s := speakerAt(words, u)
	if s == "" || !capitalized(s[strings.LastIndex(s, " ")+1:]) {
		return ""
	}
	return s
}

// addingTo returns the speaker of the speech verb that a cue in -ing at
// v goes on after a comma (`…, Spicer said, adding, "…"`, `said Anna
// Berg, adding that …`): the cue before it in the clause, with no full
// stop, quotation or other -ing cue between; "" when there is none.
func addingTo(words []string, v int) string {
	if v >= 2 && words[v-1] == "and" {
		return andIng(words, v)
	}
	if v < 2 || words[v-1] != "," {
		return ""
	}
	for u := v - 2; u >= 0 && v-u <= maxSpeakerWords+3; u-- {
		w := words[u]
		if w == qmark || w == "." || w == ";" || w == ":" {
			return ""
		}
		lw := strings.ToLower(w)
		if w != lw || !reportVerbs()[lw] {
			continue
		}
		return speakerAt(words, u)
	}
	return ""
}

// andIng returns the speaker of the cue in -ing that the one at v
// follows after "and" (`with Donald Trump tweeting that it was a
// "disaster" and asking, "…"`), in the same sentence; "" when there is
// none.
func andIng(words []string, v int) string {
	for u := v - 2; u >= 0 && v-u <= 3*maxSpeakerWords; u-- {
		w := words[u]
		if w == "." || w == ";" || w == ":" {
			return ""
		}
		if lw := strings.ToLower(w); w == lw && lw != "according" && strings.HasSuffix(lw, "ing") && cueVerbs()[lw] {
			if s := speakerAt(words, u); s != "" && capitalized(s[strings.LastIndex(s, " ")+1:]) {
				return s
			}
			return ""
		}
	}
	return ""
}

// pluralNouns are cue verbs that are as often plural nouns ("voters in
// battleground states"); pastPhrase does not read past a phrase for them.
var pluralNouns = lazySet("states", "notes", "reports", "claims", "calls", "tweets", "counters", "posts")

// phrasePrepositions open a short phrase between a speaker and the
// verb: "Trump in his speech called", "Obama on Friday declared".
var phrasePrepositions = lazySet("in", "on", "at", "during", "after", "before", "from", "over", "via", "through")

// dayWords name a day in a phrase before a verb: "Obama on Friday
// declared", "Trump last week said".
var dayWords = lazySet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "tonight", "morning", "evening", "night", "afternoon")

// pastPhrase returns the name before a phrase of phrasePrepositions that
// ends at words[b], next to a speech verb, up to five words long: ""
// when there is none or the words before it are no name.
func pastPhrase(words []string, b int) string {
	for p := b; p >= 1 && b-p < 5; p-- {
		w := words[p]
		if w == qmark || punct()[w] {
			return ""
		}
		if !phrasePrepositions()[w] {
			if lw := strings.ToLower(w); speakerStops()[lw] && !calendarWords()[lw] && !dayWords()[lw] {
				return "" // "Cruz knocked Rubio on trade and called": a clause, not a phrase
			}
			continue
		}
		if p == b || !capitalized(words[p-1]) || words[p-1] == qmark {
			return ""
		}
		n := speakerWords(words, p-1, -1)
		if n == "" {
			return ""
		}
		last := n[strings.LastIndex(n, " ")+1:]
		if !capitalized(last) || inLower(orgWords(), last) || inLower(calendarWords(), last) {
			return ""
		}
		return n
	}
	return ""
}

// nameAfterQuote returns the name that follows the quotation before the
// speech verb at v, set off by a comma, when an appositive without its
// closing comma stands between (`"…," Nate Silver, the polling guru who
// founded the site tweeted on Wednesday.`); "" otherwise.
func nameAfterQuote(words []string, v int) string {
	m := v - 1
	for m >= 0 && words[m] != qmark && words[m] != "." && v-m <= maxAppositive {
		m--
	}
	if m < 0 || words[m] != qmark {
		return ""
	}
	e := m + 1
	for e < v && e-m <= 5 && capitalized(words[e]) && words[e] != qmark {
		e++
	}
	if e == m+1 || e >= v || words[e] != "," || !isName(words[m+1:e]) || inLower(orgWords(), words[e-1]) {
		return ""
	}
	for k := e + 1; k < v; k++ {
		if cueVerbs()[words[k]] {
			return ""
		}
	}
	return strings.Join(words[m+1:e], " ")
}

// indefiniteNoun reports whether the words just before v are a noun
// phrase opened by "a" or "an" (up to four words, none capitalized
// after the article): "a 2002 psychology class called".
func indefiniteNoun(words []string, v int) bool {
	for k := v - 1; k >= 0 && k >= v-4; k-- {
		w := words[k]
		if lw := strings.ToLower(w); lw == "a" || lw == "an" {
			return k < v-1
		}
		if w == qmark || punct()[w] || capitalized(w) || speechAux()[w] || speakerStops()[w] {
			return false
		}
	}
	return false
}

// namingVerbs give something a name; right after a noun and before the
// quotation they are participles ("a class called", "a plan dubbed").
var namingVerbs = lazySet("called", "dubbed", "labeled", "labelled", "branded", "titled", "named", "nicknamed")

// maxAndClause is the most words andSubject reads back from "and".
const maxAndClause = 30

// andSubject returns the subject of the clause whose verb phrase "and"
// at words[b] goes on (`It is such a presence that Berg during a rally
// thanked its members "…" and called it "…"`: Berg): the name or
// pronoun that opens the clause, read back to "that", a comma or a
// full stop; "" when the clause opens with no such subject.
func andSubject(words []string, b int) string {
	k := b - 1
	for k >= 0 && b-k <= maxAndClause {
		w := words[k]
		if w == "that" && k > 0 && cueVerbs()[words[k-1]] {
			// `Paul suggested that Rubio was "…" and argued`: "and" goes
			// on the reporting verb, not the clause it reports.
			k--
			continue
		}
		if w == "that" || w == "," || w == "." || w == ";" || w == ":" || subordinators()[w] {
			break
		}
		k--
	}
	if k >= 0 && b-k > maxAndClause {
		return ""
	}
	s := subject(words[k+1 : b])
	if s == "" || !inLower(pronouns(), s) && !capitalized(s[strings.LastIndex(s, " ")+1:]) {
		return ""
	}
	return s
}

// quoteNouns name a quotation in the sentence after it: "That quote
// from …".
var quoteNouns = lazySet("quote", "quotation", "remark", "line", "words", "statement", "comment")

// quoteFrom returns the person a sentence that opens by naming the
// quotation before it credits: `That quote from Commissioner Tomas Holm
// appeared …`, `The remark by Anna Berg drew …` (the name after "from",
// "by" or "of", its titles dropped by speakerName); "" otherwise.
func quoteFrom(words []string) string {
	if len(words) < 4 {
		return ""
	}
	if d := strings.ToLower(words[0]); d != "that" && d != "this" && d != "the" || !quoteNouns()[words[1]] {
		return ""
	}
	if p := words[2]; p != "from" && p != "by" && p != "of" {
		return ""
	}
	e := 3
	for e < len(words) && e < 3+maxSpeakerWords && (capitalized(words[e]) || roleWord(words[e])) && words[e] != qmark {
		e++
	}
	if e == 3 || !capitalized(words[e-1]) || inLower(orgWords(), words[e-1]) {
		return ""
	}
	return strings.Join(words[3:e], " ")
}
