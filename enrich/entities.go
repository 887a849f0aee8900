package enrich

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// wordSpans returns the byte spans of the words of s: a letter or digit
// and what follows of letters, digits and inner apostrophes, dots and
// hyphens ("O'Neill", "U.S.", "Jean-Paul"). It is the regular expression
// [\p{L}\p{N}][\p{L}\p{N}'’.\-]* written out, which runs on every
// sentence and was a fifth of enrichment's time as an expression.
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '\'' && r != '’' && r != '.' && r != '-' {
				break
			}
			j += n
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// connectors may join the capitalized words of one name ("Bank of
// England", "Palais des Nations").
var connectors = setOf("of", "de", "des", "du", "la", "le", "von", "van", "der", "del", "da", "for", "al", "bin", "el")

// notNames are capitalized words that are not names on their own:
// sentence openers, days, months.
var notNames = setOf("the", "a", "an", "in", "on", "at", "but", "and", "or", "it", "he", "she", "they",
	"we", "i", "this", "that", "these", "those", "his", "her", "their", "our", "its", "after", "before",
	"when", "while", "if", "as", "for", "from", "to", "by", "with", "without", "about", "there", "here",
	"some", "many", "most", "all", "both", "one", "two", "three", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december", "today", "yesterday", "tomorrow",
	"tonight", "last", "next", "this", "what", "who", "why", "how", "where", "which", "also", "still",
	"yet", "so", "then", "now", "no", "not", "yes", "officials", "police", "photo", "read", "more",
	"whether", "since", "until", "although", "though", "because", "another", "somehow", "during",
	"despite", "unlike", "like", "under", "over", "instead", "every", "each", "such", "even", "only",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// mention is one occurrence of a name in a sentence.
type mention struct {
	name     string // without titles and possessive
	kind     news.EntityKind
	evidence bool // kind came from context, not a guess
	art      int
	sent     news.Sentence
	// rest is the name without its first word when that word opens the
	// sentence and is also written in lower case ("Surrounding Europa"),
	// else "".
	rest string
	// quoted is set when the name fills a quotation, or opens one and a
	// colon follows: the title of a work ("''Star Wars''", "the book
	// "Concorde: The Inside Story"").
	quoted bool
}

// Entities returns the people, organisations and places the articles
// mention, the most mentioned first (ties by name). A name seen only in
// a short form ("Berg") counts towards the full one ("Anna Berg") when one
// full name of a person ends with it.
func Entities(arts []news.Article) []news.Entity {
	lower := lowerWords(arts)
	var ms []mention
	for ai := range arts {
		for _, s := range arts[ai].Sentences {
			ms = append(ms, mentions(ai, s, lower)...)
		}
	}
	dropGluedOpeners(ms)
	nt := voteKinds(ms)
	nt.kindCapitals()
	nt.findWorks(ms)
	nt.findFullNames()
	return nt.tally(arts, ms)
}

// lowerWords returns the words the articles write in lower case: such a
// word is not a name alone.
func lowerWords(arts []news.Article) map[string]bool {
	lower := map[string]bool{}
	for _, a := range arts {
		for _, l := range wordSpans(a.Text) {
			w := a.Text[l[0]:l[1]]
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				lower[w] = true
			}
		}
	}
	return lower
}

// dropGluedOpeners cuts a sentence's first word off a name it is glued to
// ("Surrounding Europa") when the rest is a name seen on its own
// elsewhere.
func dropGluedOpeners(ms []mention) {
	seen := map[string]bool{}
	for _, m := range ms {
		if m.rest == "" {
			seen[m.name] = true
		}
	}
	for i, m := range ms {
		if m.rest != "" && seen[m.rest] {
			ms[i].name = m.rest
			ms[i].kind, ms[i].evidence = 0, false // its kind was for the longer run
		}
	}
}

// nameTable is what Entities learns of each name across the story.
type nameTable struct {
	kinds  map[string]news.EntityKind         // the kind of each name kept
	votes  map[string]map[news.EntityKind]int // kinds given by context evidence
	works  map[string]bool                    // titles of works ("Star Wars")
	artsOf map[string]map[int]bool            // the articles of each name
	full   map[string]string                  // a person's last name -> full name, "" when two share it
}

// voteKinds gives each name the kind most of its mentions give by context
// evidence (ties: a person, then the kind seen first), else the first
// guess. One "Rep. Waxman of California, the ranking member" must not
// make a person of a hundred mentions of California as a place.
func voteKinds(ms []mention) *nameTable {
	nt := &nameTable{kinds: map[string]news.EntityKind{}, votes: map[string]map[news.EntityKind]int{}}
	for _, m := range ms {
		if m.kind == 0 {
			continue
		}
		if !m.evidence {
			if nt.votes[m.name] == nil && nt.kinds[m.name] == 0 {
				nt.kinds[m.name] = m.kind
			}
			continue
		}
		v := nt.votes[m.name]
		if v == nil {
			v = map[news.EntityKind]int{}
			nt.votes[m.name] = v
			nt.kinds[m.name] = m.kind
		}
		v[m.kind]++
		best := nt.kinds[m.name]
		if v[m.kind] > v[best] || v[m.kind] == v[best] && m.kind == news.Person {
			nt.kinds[m.name] = m.kind
		}
	}
	return nt
}

// kindCapitals gives a name in capitals ("GENEVA" in a dateline) the kind
// of the same name in ordinary case, rather than an acronym's.
func (nt *nameTable) kindCapitals() {
	for name := range nt.kinds {
		if strings.ToUpper(name) != name {
			continue
		}
		if k := nt.kinds[titleCase(name)]; k != 0 {
			nt.kinds[name] = k
		}
	}
}

// findWorks notes the articles of each name, and drops the names written
// as the title of a work in half their mentions or more, and twice at
// least ("Star Wars"): no person, place or body, nor the short form of
// one.
func (nt *nameTable) findWorks(ms []mention) {
	quoted, total := map[string]int{}, map[string]int{}
	nt.artsOf = map[string]map[int]bool{}
	for _, m := range ms {
		total[m.name]++
		if m.quoted {
			quoted[m.name]++
		}
		if nt.artsOf[m.name] == nil {
			nt.artsOf[m.name] = map[int]bool{}
		}
		nt.artsOf[m.name][m.art] = true
	}
	nt.works = map[string]bool{}
	for name := range total {
		if quoted[name] >= 2 && 2*quoted[name] >= total[name] {
			nt.works[name] = true
			delete(nt.kinds, name)
		}
	}
}

// findFullNames maps the last word of each person's name of several words
// to that name, or to "" when two people share it.
func (nt *nameTable) findFullNames() {
	nt.full = map[string]string{}
	for name, k := range nt.kinds {
		if k != news.Person || !strings.Contains(name, " ") {
			continue
		}
		last := name[strings.LastIndex(name, " ")+1:]
		if prev, ok := nt.full[last]; ok && prev != name {
			nt.full[last] = "" // ambiguous: two people share it
			continue
		}
		nt.full[last] = name
	}
}

// joins reports whether short, a short form without evidence of its
// kind, joins its full name long: when long is written out in at least
// half the articles that use short, as news writing introduces a person
// by full name ("Ritalin", in 20 articles, is not short for "Kyle
// Ritalin", a misreading of "giving Kyle Ritalin").
func (nt *nameTable) joins(short, long string) bool {
	n := 0
	for a := range nt.artsOf[short] {
		if nt.artsOf[long][a] {
			n++
		}
	}
	return 2*n >= len(nt.artsOf[short])
}

// entityName returns the name a mention counts towards: the full name
// for a short form of a person's, unless its own mentions show it is
// something else ("Washington", a place, beside "Denzel Washington").
func (nt *nameTable) entityName(name string) string {
	f := nt.full[name]
	if f == "" || strings.Contains(name, " ") || nt.works[name] {
		return name
	}
	// Evidence of its own that it names a person ("President Clinton")
	// joins it anyway.
	if own := nt.votes[name] != nil; own && nt.kinds[name] == news.Person || !own && nt.joins(name, f) {
		return f
	}
	return name
}

// tally counts the mentions, articles and outlets of each kept name and
// returns the entities, the most mentioned first (ties by name).
func (nt *nameTable) tally(arts []news.Article, ms []mention) []news.Entity {
	type acc struct {
		e    news.Entity
		arts map[int]bool
	}
	byName := map[string]*acc{}
	var order []string
	for _, m := range ms {
		name := nt.entityName(m.name)
		k := nt.kinds[name]
		if k == 0 {
			continue
		}
		e := byName[name]
		if e == nil {
			e = &acc{e: news.Entity{Name: name, Kind: k, First: citation(m.sent)}, arts: map[int]bool{}}
			byName[name] = e
			order = append(order, name)
		}
		e.e.Mentions++
		if !e.arts[m.art] {
			e.arts[m.art] = true
			e.e.Articles++
			e.e.Outlets = addUnique(e.e.Outlets, outlets(&arts[m.art])...)
		}
	}
	out := make([]news.Entity, 0, len(order))
	for _, n := range order {
		out = append(out, byName[n].e)
	}
	slices.SortStableFunc(out, func(a, b news.Entity) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}

// sentenceWords are the words of a sentence with their byte spans; a word
// keeps its dots only when it has several ("U.S.").
type sentenceWords struct {
	text  string
	locs  [][2]int
	words []string
}

func splitWords(text string) sentenceWords {
	locs := wordSpans(text)
	words := make([]string, len(locs))
	for i, l := range locs {
		words[i] = strings.TrimRight(text[l[0]:l[1]], ".")
		if strings.Count(text[l[0]:l[1]], ".") > 1 { // U.S.
			words[i] = text[l[0]:l[1]]
		}
	}
	return sentenceWords{text: text, locs: locs, words: words}
}

// mentions finds the names in s and classifies each by its words and
// the words around it.
func mentions(ai int, s news.Sentence, lower map[string]bool) []mention {
	sw := splitWords(s.Text)
	var out []mention
	for i := 0; i < len(sw.words); {
		if !sw.opensName(i) {
			i++
			continue
		}
		j := sw.runEnd(i)
		if m, ok := sw.mention(i, j, lower); ok {
			m.art, m.sent = ai, s
			out = append(out, m)
		}
		i = j
	}
	return out
}

// opensName reports whether word i may open a name: capitalized, and not
// a sentence opener, day or month unless a known place starts with it
// ("The Hague").
func (sw *sentenceWords) opensName(i int) bool {
	return capitalized(sw.words[i]) && (!notNames[strings.ToLower(sw.words[i])] || capitalizedRunAhead(sw.words, i))
}

// runEnd returns the end of the run of capitalized words and inner
// connectors that opens at i, as long as only a space separates them.
func (sw *sentenceWords) runEnd(i int) int {
	words := sw.words
	j := i + 1
	for j < len(words) && adjacent(sw.text, sw.locs[j-1], sw.locs[j]) && !possessive(words[j-1]) {
		if capitalized(words[j]) {
			j++
			continue
		}
		// "Bank of England", "Palais des Nations", but not "Anna Berg
		// of Norland": a connector joins only to a body or a place.
		if connectors[words[j]] && j+1 < len(words) && capitalized(words[j+1]) && adjacent(sw.text, sw.locs[j], sw.locs[j+1]) &&
			(hasAny(words[i:j], orgWords) || hasAny(words[i:j], geoWords)) {
			j += 2
			continue
		}
		break
	}
	return j
}

// trimTitles drops the titles and sentence openers that open run (which
// starts at word start), and a party or nationality before a given name
// ("Republican Matt Fong"); from "New York Mayor Michael Bloomberg" it
// keeps the person's name after the title. It returns the name's words,
// where they start, and whether a title was dropped.
func trimTitles(run []string, start int) ([]string, int, bool) {
	title := false
	for len(run) > 0 && (titles[strings.ToLower(run[0])] || notNames[strings.ToLower(run[0])] ||
		len(run) > 2 && nonNames[strings.ToLower(run[0])] && firstNames[strings.ToLower(run[1])]) {
		title = title || titles[strings.ToLower(run[0])]
		run = run[1:]
		start++
	}
	if rest := afterTitle(run); len(rest) < len(run) {
		start += len(run) - len(rest)
		run, title = rest, true
	}
	return run, start, title
}

// trimPossessive cuts a possessive ending off the last word of run, in
// place, and reports whether there was one ("Norland's", "Texas'").
func trimPossessive(run []string) bool {
	last := len(run) - 1
	poss := possessive(run[last]) || strings.HasSuffix(run[last], "s'")
	run[last] = strings.TrimSuffix(strings.TrimSuffix(run[last], "'s"), "’s")
	if strings.HasSuffix(run[last], "s'") {
		run[last] = strings.TrimSuffix(run[last], "'") // "Texas'"
	}
	return poss
}

// mention reads the run of words i to j as a name, or reports false when
// it is none.
func (sw *sentenceWords) mention(i, j int, lower map[string]bool) (mention, bool) {
	run, start, title := trimTitles(sw.words[i:j], i)
	if len(run) == 0 {
		return mention{}, false
	}
	poss := trimPossessive(run)
	name := strings.Join(run, " ")
	if start == 0 && len(run) == 1 && lower[strings.ToLower(name)] {
		return mention{}, false // an ordinary word opening the sentence
	}
	before, before2, after := sw.around(start, len(run), poss)
	if sw.roleAfter(start, len(run), before) {
		title = true
	}
	k, evidence := kindInContext(run, title, poss, before, before2, after)
	if !kept(run, start, k, evidence, lower) {
		return mention{}, false
	}
	m := mention{name: name, kind: k, evidence: evidence, quoted: sw.quoted(start, len(run))}
	if start == 0 && len(run) > 1 && lower[strings.ToLower(run[0])] {
		m.rest = strings.Join(run[1:], " ")
	}
	return m, true
}

// around returns the two words before the name of n words at start and
// the word after it, lower-cased. The words before count only when
// nothing but space comes between: in `in "Concorde: The Inside Story"`
// the name is a title of a work, not a place. The word after counts only
// when nothing but a space comes between: "Adderall, said" is no
// "Adderall said". A possessive name's "in" is no place's ("in Graham's
// case": an owner).
func (sw *sentenceWords) around(start, n int, poss bool) (before, before2, after string) {
	if start > 0 && strings.TrimSpace(sw.text[sw.locs[start-1][1]:sw.locs[start][0]]) == "" {
		before = strings.ToLower(sw.words[start-1])
		if start > 1 {
			before2 = strings.ToLower(sw.words[start-2])
		}
	}
	if poss && placeBefore[before] {
		before = ""
	}
	if e := start + n; e < len(sw.words) && adjacent(sw.text, sw.locs[e-1], sw.locs[e]) {
		after = strings.ToLower(sw.words[e])
	}
	return before, before2, after
}

// roleAfter reports whether the role of a person follows the name of n
// words at start ("Okafor, the plane's captain"). "Rep. Henry Waxman of
// California, the ranking member": the role after a place named "in" or
// after "Name of" belongs to the person before.
func (sw *sentenceWords) roleAfter(start, n int, before string) bool {
	ofName := before == "of" && start > 1 && capitalized(sw.words[start-2])
	return !placeBefore[before] && !ofName && appositiveTitle(sw.text, sw.locs, sw.words, start+n)
}

// kindInContext classifies a name (see classify); an organisation named
// before a title only because of it ("Norland's foreign minister",
// "Transport minister Jonas Beck") is an owner or a portfolio, and is
// classified again without the word after.
func kindInContext(run []string, title, poss bool, before, before2, after string) (news.EntityKind, bool) {
	k, evidence := classify(run, title, before, before2, after)
	if k == news.Organization && evidence && titles[after] && (poss || len(run) < 2) {
		k, evidence = classify(run, title, before, before2, "")
	}
	return k, evidence
}

// kept reports whether a classified run starting at word start is worth
// a mention.
func kept(run []string, start int, k news.EntityKind, evidence bool, lower map[string]bool) bool {
	switch {
	case !evidence && k == news.Person && lower[strings.ToLower(run[len(run)-1])]:
		// "Climate Change", "Drug Administration": a guess whose last
		// word the articles also write in lower case is no surname.
		return false
	case k == 0 && len(run) == 1 && nonNames[strings.ToLower(run[0])]:
		return false // not even as the short form of a longer name ("American")
	case !evidence && len(run) == 1 && start == 0:
		return false // "Islanders said": a guess at a sentence's first word
	}
	return true
}

// quoted reports whether the name of n words at start fills a quotation,
// or opens one and a colon follows: the title of a work.
func (sw *sentenceWords) quoted(start, n int) bool {
	from := 0
	if start > 0 {
		from = sw.locs[start-1][1]
	}
	closing, _ := utf8.DecodeRuneInString(strings.TrimLeft(sw.text[sw.locs[start+n-1][1]:], ",.!?"))
	return strings.ContainsAny(sw.text[from:sw.locs[start][0]], "\"“'‘`") &&
		(closing == utf8.RuneError || strings.ContainsRune("\"”'’:", closing))
}

func capitalizedRunAhead(words []string, i int) bool {
	// "The Hague", "Los Angeles": an opener joined to a known place.
	if i+1 < len(words) && capitalized(words[i+1]) {
		return places[strings.ToLower(words[i]+" "+words[i+1])]
	}
	return false
}

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// adjacent reports whether only one space separates two word spans.
func adjacent(text string, a, b [2]int) bool {
	return text[a[1]:b[0]] == " "
}

// speechVerbs follow a speaker's name.
var speechVerbs = setOf("said", "says", "told", "added", "asked", "explained", "noted", "warned", "argued", "insisted", "replied", "wrote", "announced", "confirmed", "who")

// placeBefore are words after which a name is a place.
var placeBefore = setOf("in", "near", "across", "town", "city", "village", "capital", "outside", "province", "region")

// classify gives a name's kind and whether context, not a guess, says so;
// before and before2 are the two words before the name, after the word
// after it.
func classify(run []string, title bool, before, before2, after string) (news.EntityKind, bool) {
	lw := strings.ToLower(strings.Join(run, " "))
	first, lastw := strings.ToLower(run[0]), strings.ToLower(run[len(run)-1])
	// A name that opens with an article ("El Nino", "La Jolla") is a
	// thing or a place, never a person; so is one that opens with a
	// nationality or party ("British Concorde", "African American"),
	// unless that word is a given name too ("Christian").
	person := !(len(run) > 1 && (articleWords[first] || nonNames[first] && !firstNames[first]))
	switch {
	case title:
		return news.Person, true
	case places[lw]:
		return news.Place, true
	case len(run) == 1 && commonAcronyms[first]:
		return 0, false // "ADHD", "DNA": things, whatever the words around
	case len(run) > 1 && directions[first] && places[strings.ToLower(strings.Join(run[1:], " "))]:
		return news.Place, true // "Northern California", "West Texas"
	case geoWords[head(run)]:
		return news.Place, true
	case orgWords[head(run)] || hasAny(run, orgWords) || acronym(run):
		return news.Organization, true
	case geoWords[first] || geoWords[lastw]:
		return news.Place, true
	case len(run) == 1 && nonNames[first]:
		return 0, false
	case firstNames[first] && len(run) > 1 && person:
		return news.Person, true
	case speechVerbs[after] && len(run) > 1 && person:
		return news.Person, true
	case geoWords[after]:
		return news.Place, true // "the Vell river", "Tallberg airport"
	case placeBefore[before] || before == "of" && placeBefore[before2]:
		return news.Place, true // "in Kessel", "the town of Kessel"
	case before == "of" && placeTitles[before2]:
		return news.Place, true // "the mayor of Kessel"
	case before == "of" && titles[before2]:
		return news.Organization, true // "the chairman of EgyptAir", "the minister of Health"
	case titles[after] && !speechVerbs[after]:
		return news.Organization, true // "Texas GOP chair Susan Weddington"
	case directions[first] && len(run) > 1:
		return news.Place, false // "the North Atlantic"
	case before == "the":
		return 0, false // "the House", "the Kestrel": no person
	case (len(run) == 2 || len(run) == 3) && person:
		return news.Person, false
	case speechVerbs[after] && before != "of" && person:
		return news.Person, false // not "the president of Marden told"
	}
	return 0, false
}

// placeTitles are the titles whose "of" names a place ("the mayor of
// Kessel"); after the others it names a body ("the chairman of
// EgyptAir"). Countries, which have presidents and ministers, are in the
// gazetteer.
var placeTitles = setOf("mayor", "governor", "gov", "king", "queen", "prince", "princess", "premier", "sheriff")

// titleCase returns s with each word's first letter upper case and the
// rest lower case: "PORT ALDER" gives "Port Alder".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// appositiveTitle reports whether the words from e on are ", the ...
// <title>" or ", X's ... <title>": a name followed by the role of a
// person ("Okafor, the plane's captain"). The title word must end the
// phrase, so "Kessel, according to the defence ministry" is no person.
func appositiveTitle(text string, locs [][2]int, words []string, e int) bool {
	if e >= len(words) || e == 0 || strings.TrimSpace(text[locs[e-1][1]:locs[e][0]]) != "," {
		return false
	}
	if w := strings.ToLower(words[e]); w != "the" && w != "a" && w != "an" && !possessive(words[e]) {
		return false
	}
	for k := e; k < min(e+5, len(words)); k++ {
		if k > e && strings.TrimSpace(text[locs[k-1][1]:locs[k][0]]) != "" {
			return false // the phrase ended before a title
		}
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(words[k], "'s"), "’s"))
		if !titles[w] {
			continue
		}
		ends := k+1 == len(words) || strings.TrimSpace(text[locs[k][1]:locs[k+1][0]]) != "" ||
			phraseEnd[strings.ToLower(words[k+1])]
		if ends {
			return true
		}
	}
	return false
}

// phraseEnd are words that may follow the title ending an appositive.
var phraseEnd = setOf("of", "for", "at", "in", "and", "who", "on", "with")

func hasAny(run []string, set map[string]bool) bool {
	for _, w := range run {
		if set[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// acronym reports whether a one-word name is written in capitals: UN,
// NATO.
func acronym(run []string) bool {
	if len(run) != 1 || utf8.RuneCountInString(run[0]) < 2 {
		return false
	}
	for _, r := range run[0] {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// articleWords are Spanish, French and Italian articles: a name that
// opens with one ("El Nino", "La Nina") is a thing or a place, no person.
var articleWords = setOf("el", "la", "los", "las", "le", "il")

// commonAcronyms are acronyms of things, not bodies: diseases, measures,
// devices.
var commonAcronyms = setOf("aids", "hiv", "adhd", "add", "ocd", "ptsd", "sars", "dna", "rna", "gdp", "ceo",
	"cfo", "suv", "tv", "gps", "iq", "mri", "usb", "atm", "dvd", "cd", "pc", "ok", "am", "pm", "est", "gmt",
	"mph", "ipo", "vip", "faq", "ad", "bc", "ii", "iii", "iv")

// possessive reports whether w ends in "'s": a name ends there
// ("Norland's Anna Berg" is two names).
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// head returns the word of a name that says what it is: the first in "X
// of Y" ("Palais des Nations"), else the last ("Valley Wire").
func head(run []string) string {
	if hasAny(run, connectors) {
		return strings.ToLower(run[0])
	}
	return strings.ToLower(run[len(run)-1])
}

// afterTitle returns the words of run after its last title word ("New
// York Mayor Michael Bloomberg" gives "Michael Bloomberg"), or run when no
// title word stands before its last word.
func afterTitle(run []string) []string {
	for i := len(run) - 2; i >= 0; i-- {
		if titles[strings.ToLower(strings.TrimSuffix(run[i], "."))] {
			return run[i+1:]
		}
	}
	return run
}
