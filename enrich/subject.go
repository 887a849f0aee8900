package enrich

import (
	"slices"
	"strings"
)

// prepositions open a phrase before a sentence's subject: "In
// Washington, Clinton said".
var prepositions = lazySet("in", "on", "at", "after", "before", "during", "from", "since", "for", "speaking", "of", "as", "about")

// at returns words[i], or "" past the end.
func at(words []string, i int) string {
	if i < len(words) {
		return words[i]
	}
	return ""
}

// leadingSpeaker returns the speaker that opens words (up to a comma), or
// the name between the first two commas when the opening words are a
// description ("his wife, Gabriela Lazar,").
func leadingSpeaker(words []string) string {
	s := speakerWords(words, 0, 1)
	if s == "" {
		return ""
	}
	if !capitalized(s[strings.LastIndex(s, " ")+1:]) {
		n := len(strings.Fields(s))
		if n < len(words) && words[n] == "," {
			e := n + 1
			for e < len(words) && words[e] != "," && e-n <= 5 {
				e++
			}
			if e < len(words) && isName(words[n+1:e]) {
				return strings.Join(words[n+1:e], " ")
			}
			// "Clinton's introducer, actress Jamie Lee Curtis": a role and
			// a name.
			r := n + 1
			for r < len(words) && r-n <= 2 && !capitalized(words[r]) && words[r] != qmark && !punct()[words[r]] &&
				!speakerStops()[words[r]] && !determiners()[words[r]] {
				r++
			}
			e = r
			for e < len(words) && words[e] != qmark && !punct()[words[e]] && e-r < 4 {
				e++
			}
			if n+1 < r && r < e && isName(words[r:e]) {
				return strings.Join(words[n+1:e], " ")
			}
		}
	}
	return s
}

// isName reports whether words are a name: one to five words, the first
// and last capitalized, the others capitalized or connectors.
func isName(words []string) bool {
	if len(words) == 0 || len(words) > 5 || !capitalized(words[0]) || !capitalized(words[len(words)-1]) {
		return false
	}
	for _, w := range words {
		if !capitalized(w) && !connectors()[w] {
			return false
		}
	}
	return true
}

// descWords describe a person before their name: "Democratic
// presidential candidate Bernie Sanders", "former Colorado Rep. Pat
// Schroeder".
var descWords = lazy(func() map[string]bool {
	m := setOf("presidential", "candidate", "hopeful", "nominee", "front-runner", "frontrunner", "strategist",
		"campaign", "rival", "contender", "pollster", "consultant", "adviser", "advisor", "aide", "co-host",
		"former", "state", "majority", "minority", "whip", "businessman", "businesswoman", "billionaire", "mogul",
		"delegate", "activist", "supporter", "operative", "commentator", "columnist", "writer", "author", "actor",
		"comedian", "singer", "star", "lawmaker", "official", "senior", "top", "longtime", "veteran", "conservative",
		"liberal", "progressive", "party", "chief", "of", "staff", "then-candidate", "first", "lady", "running",
		"mate", "real", "estate", "talk", "show", "radio", "television", "tv", "news", "political", "republican",
		"democratic", "independent", "libertarian", "vice", "presumptive", "likely", "fellow", "u.s.", "cleric", "imam",
		"rabbi", "priest", "bishop", "reverend", "judge", "lawyer", "attorney", "mayor", "governor")
	for t := range titles() {
		m[t] = true
	}
	return m
})

// conjunctions open a sentence before its subject or an opening phrase.
var conjunctions = lazySet("but", "and", "yet", "so", "or")

// roleWord reports whether w describes a person before their name: a
// word of descWords, or a lower-case noun of a role by its ending
// ("speechwriter", "dissident", "historian", "moderator") that is not a
// common word of another kind ("after", "recent").
func roleWord(w string) bool {
	if descWords()[w] {
		return true
	}
	if len(w) <= 5 || capitalized(w) || notRoles()[w] {
		return false
	}
	for _, end := range []string{"er", "or", "ist", "ian", "ent", "ant"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// notRoles end like roleWord's nouns but name no role.
var notRoles = lazySet("whether", "rather", "together", "neither", "either", "however", "another", "earlier",
	"further", "better", "longer", "bigger", "larger", "greater", "higher", "stronger", "consider", "deliver",
	"remember", "discover", "wonder", "suffer", "prefer", "register", "counter", "answer", "recent",
	"different", "present", "current", "urgent", "silent", "frequent", "significant", "important",
	"constant", "distant", "instant", "relevant", "brilliant", "elegant", "pleasant", "vibrant", "apparent",
	"prominent", "permanent", "excellent", "decent", "innocent", "violent", "confident", "intelligent",
	"independent", "efficient", "sufficient", "consistent", "persistent", "insistent", "convenient",
	"senior", "junior", "minor", "major", "prior", "interior", "exterior", "superior", "inferior")

// adverbOpeners open a sentence right before its subject, without a
// comma: "Now Donald Trump is promising", "Meanwhile Clinton said".
var adverbOpeners = lazySet("now", "then", "meanwhile", "still", "instead", "also", "indeed", "separately",
	"similarly", "finally", "ultimately", "so")

// introWords open a sentence before its subject: "On Friday, Gingrich
// said"; the subject comes after the first comma.
var introWords = lazySet("in", "on", "at", "after", "before", "during", "with", "while", "when", "as", "since",
	"for", "from", "by", "despite", "although", "though", "but", "and", "yet", "still", "however", "meanwhile",
	"earlier", "later", "last", "this", "speaking", "asked", "also", "then", "now", "instead", "early", "late",
	"once", "if", "because", "until", "like", "unlike", "even", "so", "indeed", "moreover", "separately",
	"similarly", "additionally", "furthermore", "nevertheless", "nonetheless", "again", "more", "most",
	"overall", "ultimately", "finally", "first", "second", "third", "today", "yesterday", "tonight", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "to", "among", "amid", "under",
	"over", "of", "about", "against", "through", "without", "within", "back", "here", "there", "well", "sure",
	"yes", "no", "what", "how", "where", "why", "who", "which", "that", "it", "its")

// statementNouns name someone's words: "Trump's assertion that …".
var statementNouns = lazySet("assertion", "claim", "accusation", "statement", "remarks", "remark", "comments",
	"comment", "words", "tweet", "tweets", "response", "reply", "argument", "warning", "promise", "pledge",
	"message", "letter", "email", "speech", "description", "charge", "insistence", "suggestion", "view", "vow",
	"dictum", "slogan", "mantra", "refrain", "quip", "complaint", "declaration", "admission", "contention",
	"plea", "demand", "prediction", "opinion", "broadside", "catchphrase", "retort", "explanation", "conclusion",
	"phrase", "assessment", "allegation", "boast", "threat", "insult", "joke", "verdict", "diagnosis")

// ownerWords hold a speaker's words after "in": "in Bolton's view".
var ownerWords = lazySet("view", "words", "opinion", "telling", "estimation")

// statementOwner returns the person whose words a quotation of words
// (see outsideWords) are by a possessive before a statement noun:
// `Trump's recent assertion that "…"`, `Obama's "if you like your plan"
// promise`, `"…," in Bolton's view`; "" when there is none.
func statementOwner(words []string) string {
	return ownerOf(words, false)
}

// ownerOf is statementOwner; with thatOnly, only an owner whose
// statement noun reports the quotation through a clause after "that"
// counts (`Trump's claim that Obama "founded ISIS"`, not `Sal's comments
// "show bias"`).
func ownerOf(words []string, thatOnly bool) string {
	for j, w := range words {
		if !possessive(w) || !capitalized(w) || j+1 >= len(words) {
			continue
		}
		k := j + 1
		for k < len(words) && k-j <= 3 && !statementNouns()[words[k]] && !capitalized(words[k]) && words[k] != qmark && !punct()[words[k]] && !speakerStops()[words[k]] {
			k++
		}
		ok := false
		switch {
		case thatOnly:
			// The noun next to its owner, an adjective at most between:
			// not "Sal's spokeswoman challenged the assertion that".
			ok = k-j <= 2 && k+1 < len(words) && statementNouns()[words[k]] && words[k+1] == "that" && ownedClause(words, k+1)
		case words[j+1] == qmark && j+2 < len(words) && statementNouns()[words[j+2]]:
			ok = true
		case k < len(words) && j > 0 && strings.ToLower(words[j-1]) == "in" && ownerWords()[words[k]]:
			ok = true
		case k < len(words) && statementNouns()[words[k]]:
			ok = ownedClause(words, k+1)
		}
		if !ok {
			continue
		}
		i := j
		for i > 0 && capitalized(words[i-1]) && words[i-1] != qmark && !possessive(words[i-1]) {
			i--
		}
		name := slices.Clone(words[i : j+1])
		name[len(name)-1] = strings.TrimSuffix(strings.TrimSuffix(name[len(name)-1], "'s"), "’s")
		if i == j && (inLower(introWords(), name[0]) || inLower(orgWords(), name[0])) {
			continue
		}
		return strings.Join(name, " ")
	}
	return ""
}

// maxOwnedClause is the most words between a statement noun's "that"
// or "to" and the quotation it owns.
const maxOwnedClause = 8

// ownedClause reports whether the words from i, after a statement noun,
// lead to a quotation: at once, after "of", a comma or a colon, or
// through a short clause after "that" or "to" (`Trump's claim that
// President Obama "founded ISIS"`, `Trump's pledge to be "neutral"`,
// `Podliska's claim is that the committee is a "witch hunt"`).
func ownedClause(words []string, i int) bool {
	clause := -1 // where the clause after "that" or "to" starts
	for n := i; n < len(words); n++ {
		w := words[n]
		switch {
		case w == qmark:
			return true
		case clause >= 0:
			if punct()[w] || n-clause >= maxOwnedClause || cueVerbs()[w] {
				return false
			}
		case w == "that" || w == "to":
			clause = n + 1
		case w == "of" || w == "," || w == ":" || (w == "is" || w == "was") && n == i:
			if n-i >= 3 {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// personSubject returns the subject of a sentence (see subject) when it
// may be a speaker: a name of several words, "he" or "she", or one word
// that names one of people (with people nil, any one word): "Often,
// families did not understand" has none.
func personSubject(words []string, people []string) string {
	sub := subject(words)
	if sub == "" || strings.Contains(sub, " ") || inLower(pronouns(), sub) || people == nil {
		return sub
	}
	for _, p := range people {
		if p == sub || strings.HasSuffix(p, " "+sub) {
			return sub
		}
	}
	return ""
}

// opensIntro reports whether the first word w of a sentence opens a
// phrase before its subject: a preposition or adverb of introWords, or a
// word in -ly, -ing or -ed ("Indeed, …", "Horrified at the prospect, …").
func opensIntro(w, next string) bool {
	lw := strings.ToLower(w)
	return introWords()[lw] || len(lw) > 4 && !capitalized(next) && (strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed"))
}

// subject returns the subject of a sentence (its words, see
// outsideWords) when it is a name: the capitalized words that open it
// (after an opening phrase up to a comma), followed by a lower-case word,
// a parenthesis or an appositive; "" otherwise. A name in an appositive
// after a description ("Her campaign manager, Robby Mook, suggested") is
// the subject.
func subject(words []string) string {
	i := 0
	for k := 0; k < min(len(words), 6); k++ {
		if words[k] == "—" || words[k] == "–" {
			i = k + 1 // "Washington (AFP) – Democrat Hillary Clinton has"
			break
		}
		if words[k] == qmark {
			break
		}
	}
	if i+1 < len(words) && inLower(conjunctions(), words[i]) && capitalized(words[i+1]) && words[i+1] != qmark {
		i++ // "But Sen. Pat Toomey refused": a conjunction, not a phrase
	}
	if i+1 < len(words) && inLower(adverbOpeners(), words[i]) && capitalized(words[i+1]) && words[i+1] != qmark &&
		!inLower(calendarWords(), words[i+1]) && !inLower(dayWords(), words[i+1]) {
		i++ // "Now Donald Trump, the most unconventional candidate, is promising"
	} else if i < len(words) && opensIntro(words[i], at(words, i+1)) {
		// A participle opens a phrase that may quote ("Acknowledging that
		// Trump "says a lot of stupid stuff," though, Allen did suggest"):
		// its end is the comma after the quotation.
		participle := strings.HasSuffix(strings.ToLower(words[i]), "ing") && !inLower(introWords(), words[i]) ||
			inLower(prepositions(), words[i]) && gerund(at(words, i+1)) // "After spending the week bickering over whether the other is "qualified," Clinton …"
		for i < len(words) && words[i] != "," && (words[i] != qmark || participle) {
			i++
		}
		i++
		if i+1 < len(words) && !capitalized(words[i]) && introWords()[words[i]] && words[i] != qmark && !speakerStops()[words[i+1]] {
			// A second opening phrase: "Moreover, as part of the exchange
			// with Clinton, Gowdy referenced …".
			for i < len(words) && words[i] != "," && words[i] != qmark {
				i++
			}
			i++
		}
		for i+1 < len(words) && inLower(sentenceAdverbs(), words[i]) && words[i+1] == "," {
			i += 2 // "…, though, Allen did suggest"
		}
	}
	if i < len(words) && words[i] != "" && words[i][0] >= '0' && words[i][0] <= '9' {
		i++ // "81-year-old Parker Eaton"
	}
	if i >= len(words) {
		return ""
	}
	// "Speaking in Salem, New Hampshire, Trump went after Bush": past a
	// place, to the name followed by its verb.
	for n := 0; n < 2; n++ {
		e := i
		for e < len(words) && capitalized(words[e]) && words[e] != qmark {
			e++
		}
		if e == i || e+2 >= len(words) || words[e] != "," || !capitalized(words[e+1]) || words[e+1] == qmark ||
			inLower(givenNames(), words[i]) {
			break
		}
		f := e + 1
		for f < len(words) && capitalized(words[f]) && words[f] != qmark {
			f++
		}
		if f >= len(words) || capitalized(words[f]) || punct()[words[f]] || words[f] == qmark || possessive(words[f-1]) {
			break
		}
		i = e + 1
	}
	if s := ownedName(words, i); s != "" {
		return s // "The New Republic's Jeet Heer sees …"
	}
	if inLower(determiners(), words[i]) {
		// A description, then a name between commas.
		k := i
		for k < len(words) && k-i < maxAppositive && words[k] != "," && words[k] != qmark {
			k++
		}
		if k < len(words) && words[k] == "," {
			e := k + 1
			for e < len(words) && words[e] != "," && words[e] != qmark && e-k <= 5 {
				e++
			}
			if e < len(words) && words[e] == "," && isName(words[k+1:e]) {
				return speakerName(strings.Join(words[k+1:e], " "), nil)
			}
			if k-i <= maxSpeakerWords && roleThenName(words[i:k]) {
				// "the harbour pilot Anna al-Berg, who …, is shown
				// lecturing:"
				return strings.Join(words[i:k], " ")
			}
		}
		return ""
	}
	e := i
	for e < len(words) && (capitalized(words[e]) || connectors()[words[e]] && e > i) && words[e] != qmark {
		e++
	}
	// "Democratic presidential candidate Bernie Sanders is": words that
	// describe a person between capitalized ones.
	for e < len(words) && roleRun(words, e, e) {
		j := e
		for j < len(words) && roleRun(words, j, e) && j-e < 5 {
			j++
		}
		if j == len(words) || !capitalized(words[j]) || words[j] == qmark {
			break
		}
		for j < len(words) && capitalized(words[j]) && words[j] != qmark {
			j++
		}
		e = j
	}
	if e > i && e < len(words) && possessive(words[e-1]) && inLower(statementNouns(), words[e]) {
		// "Trump's recent assertion that …": the owner of the words
		name := slices.Clone(words[i:e])
		name[len(name)-1] = strings.TrimSuffix(strings.TrimSuffix(name[len(name)-1], "'s"), "’s")
		return speakerName(strings.Join(name, " "), nil)
	}
	if e > i && e+1 < len(words) && possessive(words[e-1]) && inLower(statementNouns(), words[e+1]) {
		name := slices.Clone(words[i:e])
		name[len(name)-1] = strings.TrimSuffix(strings.TrimSuffix(name[len(name)-1], "'s"), "’s")
		return speakerName(strings.Join(name, " "), nil)
	}
	if e == i || e >= len(words) || possessive(words[e-1]) || strings.HasSuffix(words[e-1], "’") {
		return ""
	}
	next := words[e]
	if next != "," && next != "(" && (next == qmark || punct()[next] || capitalized(next)) {
		return ""
	}
	name := words[i:e]
	if len(name) > 1 {
		return speakerName(strings.Join(name, " "), nil)
	}
	if len(name) == 1 && (inLower(pronouns(), name[0]) || inLower(speakerStops(), name[0])) {
		if inLower(pronouns(), name[0]) {
			return name[0]
		}
		return ""
	}
	return strings.Join(name, " ")
}

// ownedName returns the name at words[i:] after "the" and an owner
// (`The New Republic's Jeet Heer sees`, `The Blaze's Matt Walsh
// provided`): capitalized words holding a possessive, ending in a name
// followed by a lower-case word; "" otherwise.
func ownedName(words []string, i int) string {
	if i+3 >= len(words) || strings.ToLower(words[i]) != "the" {
		return ""
	}
	e, owner := i+1, -1
	for e < len(words) && e-i <= maxSpeakerWords && capitalized(words[e]) && words[e] != qmark {
		if possessive(words[e]) {
			owner = e
		}
		e++
	}
	if owner < 0 || owner == e-1 || e >= len(words) || words[e] == qmark || punct()[words[e]] || capitalized(words[e]) {
		return ""
	}
	if !isName(words[owner+1 : e]) {
		return ""
	}
	return speakerName(strings.Join(words[owner+1:e], " "), nil)
}

// headlineSmall are the words a headline in title case may leave in
// lower case ("Asked Men to Redefine").
var headlineSmall = lazySet("a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "as", "by", "with", "is")

// headlineSubject returns the person of people that opens words (see
// outsideWords) when they are a line in title case: `Gina Rodriguez
// Questioned What It Means To Be "Latino Enough."` (every word
// capitalized, so subject cannot tell the name from its verb); "" when
// the line is not in title case or opens with no one of people.
func headlineSubject(words, people []string) string {
	n := 0
	for _, w := range words {
		switch {
		case w == qmark || punct()[w]:
		case capitalized(w):
			n++
		case !headlineSmall()[w]:
			return ""
		}
	}
	if n < 4 {
		return ""
	}
	best := ""
	for _, p := range people {
		f := strings.Fields(p)
		if len(f) > 1 && len(f) < len(words) && len(p) > len(best) && slices.Equal(words[:len(f)], f) {
			best = p
		}
	}
	return best
}

// gerund reports whether w is a lower-case word in -ing of five letters
// or more ("spending", not "king" nor "Sterling").
func gerund(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ing") && !capitalized(w)
}

// pronounOwner returns the person whose words a quotation of words are
// by "his" or "her" before a statement noun and a that-clause that leads
// to the quotation: the name that is the subject of the pronoun's clause
// (`As the debate went on and Sal stood by his claim Monday that "…"`
// gives Sal); "" when there is none.
func pronounOwner(words []string) string {
	for j, w := range words {
		if w != "his" && w != "her" || j+2 >= len(words) || !statementNouns()[words[j+1]] {
			continue
		}
		k := j + 2
		if k < len(words) && (inLower(calendarWords(), words[k]) || dayWords()[words[k]]) {
			k++ // "his claim Monday that"
		}
		if k >= len(words) || words[k] != "that" || !ownedClause(words, k) {
			continue
		}
		// The subject: the nearest name before the pronoun in its clause,
		// not the object of a preposition.
		for e := j; e > 0; e-- {
			p := words[e-1]
			if p == qmark || punct()[p] {
				break
			}
			if !capitalized(p) || inLower(determiners(), p) || inLower(introWords(), p) {
				continue // "The comments came …": no name
			}
			i := e - 1
			for i > 0 && capitalized(words[i-1]) && words[i-1] != qmark {
				i--
			}
			if !isName(words[i:e]) || objectBefore(words, i) || i > 0 && objectWords()[words[i-1]] || inLower(orgWords(), words[e-1]) {
				return ""
			}
			return strings.Join(words[i:e], " ")
		}
		return ""
	}
	return ""
}

// roleThenName reports whether a description ends in a role noun and a
// name of one to three words ("the harbour pilot Anna al-Berg"); a word
// of the name may open in lower case before a hyphen ("al-Berg").
func roleThenName(words []string) bool {
	e := len(words)
	i := e
	for i > 1 && e-i < 3 && nameWord(words[i-1]) {
		i--
	}
	return i < e && i > 0 && nameWord(words[e-1]) && !capitalized(words[i-1]) && roleWord(words[i-1]) && !inLower(orgWords(), words[e-1])
}

// nameWord reports whether w may be a word of a name: capitalized, or a
// particle and a capitalized word joined by a hyphen ("al-Berg").
func nameWord(w string) bool {
	if capitalized(w) {
		return w != qmark
	}
	h := strings.IndexByte(w, '-')
	return h > 0 && h <= 3 && capitalized(w[h+1:])
}

// roleRun reports whether words[j] goes on a run of role words that
// starts at e, between the capitalized words of a subject: a role word, a
// lower-case word before one ("network anchor"), or "and" after or
// before one ("Former prosecutor and … Mayor", "Yahoo News and former TV
// network anchor Katie Couric").
func roleRun(words []string, j, e int) bool {
	w := words[j]
	switch {
	case roleWord(w):
		return true
	case w == "and":
		return j > e || roleWord(at(words, j+1))
	}
	// Not a verb before an object ("Sal attacked former nominee Berg").
	return lowerWord(w) && !speakerStops()[w] && !determiners()[w] && !cueVerbs()[w] && !strings.HasSuffix(w, "ed") &&
		!strings.HasSuffix(w, "s") && roleWord(at(words, j+1))
}
