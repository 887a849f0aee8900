package enrich

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// firstNamesTxt lists common given names (data/firstnames.txt): a run of
// capitalized words in a speaker's description starts its name at one
// ("State Madeleine Albright" gives "Madeleine Albright").
//
//go:embed data/firstnames.txt
var firstNamesTxt string

// givenNames is the set of firstNamesTxt, built on first use.
var givenNames = lazy(func() map[string]bool { return wordList(firstNamesTxt) })

// cueVerbs are the words that say someone spoke or wrote.
var cueVerbs = lazySet("said", "says", "say", "saying", "told", "tells", "added", "adds", "asked", "asks", "explained",
	"explains", "warned", "warns", "insisted", "insists", "declared", "declares", "replied", "replies", "wrote",
	"writes", "stated", "states", "noted", "notes", "continued", "continues", "argued", "argues", "claimed",
	"claims", "recalled", "recalls", "tweeted", "tweets", "posted", "announced", "announces", "acknowledged",
	"admitted", "admits", "conceded", "suggested", "suggests", "joked", "jokes", "quipped", "exclaimed",
	"shouted", "cautioned", "predicted", "promised", "vowed", "responded", "responds", "remarked", "concluded",
	"observed", "observes", "complained", "complains", "boasted", "boasts", "urged", "urges", "contended",
	"contends", "maintained", "maintains", "countered", "counters", "reported", "reports", "called", "calls",
	"described", "describes", "described", "dubbed", "labeled", "labelled", "branded", "mused", "added",
	"agreed", "agrees", "answered", "pointed", "emphasized", "stressed", "proclaimed", "blasted", "charged",
	"wondered", "speculated", "lamented", "chanted", "yelled", "screamed", "cried", "confirmed", "confessed",
	"whispered", "thundered", "scoffed", "snapped", "concludes", "retorted", "retorts", "accused", "accuses",
	"agreed", "recounted", "recounts", "elaborated", "interjected", "testified", "texted", "emailed", "opined", "went", "according", "telling", "adding", "calling",
	"describing", "writing", "put", "puts", "arguing", "noting", "warning", "asking", "insisting", "declaring", "tweeting",
	"pledged", "pledges", "yelling", "shouting", "screaming", "chanting", "explaining", "claiming", "replying", "responding", "stating",
	"suggesting", "joking", "quipping", "promising", "vowing", "urging", "complaining", "predicting", "lamenting",
	"admitting", "acknowledging", "recalling", "proclaiming", "exclaiming", "written", "sings", "sang", "sing",
	"proclaims", "declares", "acknowledges", "concedes", "predicts", "confirms", "emphasizes", "recounts", "scoffs",
	"proposed", "proposes", "cites")

// speechAux are words between a speaker and a speech verb: "Trump has
// said", "she later added".
var speechAux = lazySet("has", "have", "had", "also", "later", "then", "once", "previously", "again", "recently",
	"repeatedly", "would", "will", "could", "did", "does", "do", "often", "publicly", "privately",
	"simply", "flatly", "bluntly", "quickly", "famously", "reportedly", "himself", "herself", "even",
	"may", "might", "must", "should", "can", "is", "was", "were", "are", "has", "been", "just", "first",
	"frequently", "always", "never", "ultimately", "initially", "subsequently")

// aspectVerbs go before a speech verb in -ing: "Berg kept asking",
// "Sal began saying".
var aspectVerbs = lazySet("kept", "keeps", "keep", "began", "begins", "begin", "started", "starts", "start")

// speakerStops end a speaker's words: a clause or a phrase that is not
// part of the name.
var speakerStops = lazySet("that", "and", "but", "which", "as", "because", "when", "if", "so", "while", "who",
	"whom", "where", "than", "to", "on", "in", "at", "during", "after", "before", "of", "for", "with", "from",
	"about", "by", "it", "this", "these", "those", "there", "here", "what", "how", "why", "not", "no", "yes",
	"or", "nor", "since", "until", "into", "over", "under", "through", "via", "per", "recently", "earlier",
	"later", "last", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"yesterday", "today", "tonight", "now", "then", "also", "once", "again", "repeatedly", "is", "was",
	"are", "were", "be", "being", "has", "have", "had", "will", "would", "can", "could", "should", "may",
	"might", "must", "does", "did", "do", "we", "i", "you", "me", "us", "them", "him", "its", "our", "your",
	"my")

// punct are the punctuation marks outsideWords keeps as words.
var punct = lazySet(",", ".", ":", ";", "(", ")", "—", "–", "!", "?")

// qmark stands for a quoted piece among the words outsideWords returns.
const qmark = "\x01"

// outsideWords returns the words of a.Text[start:end] outside the
// quoted pieces ps, each piece one qmark, punctuation marks as words of
// their own (",", ".", ":", ";", "(", ")", "—"). Words keep their case.
func outsideWords(a *news.Article, start, end int, ps []piece) []string {
	text := a.Text
	out := make([]string, 0, max(0, end-start)/4)
	w := -1 // start of the word being read
	flush := func(i int) {
		if w >= 0 {
			out = append(out, text[w:i])
			w = -1
		}
	}
	k := 0
	for i := start; i < end; {
		for k < len(ps) && ps[k].end <= i {
			k++
		}
		if k < len(ps) && ps[k].start <= i {
			flush(i)
			out = append(out, qmark)
			i = ps[k].end
			k++
			continue
		}
		// The ASCII bytes before the next piece, which most are, by what
		// each is to the words.
		stop := end
		if k < len(ps) && ps[k].start < stop {
			stop = ps[k].start
		}
		for i < stop {
			c := text[i]
			if c >= utf8.RuneSelf {
				break
			}
			switch outsideBytes[c] {
			case outsideHyphen:
				if i+1 < end && text[i+1] == '-' {
					flush(i)
					out = append(out, "—") // "--" is a dash
					i += 2
					continue
				}
				fallthrough
			case outsideWord:
				if w < 0 {
					w = i
				}
			case outsideDot:
				switch {
				case w >= 0 && i+1 < end && text[i+1] != ' ' && text[i+1] != '\n':
					// "U.S." goes on
				case w >= 0 && abbrevBefore(text[w:i]):
					// "Mr." goes on
				default:
					flush(i)
					out = append(out, text[i:i+1])
				}
			case outsidePunct:
				flush(i)
				out = append(out, text[i:i+1])
			default:
				flush(i)
			}
			i++
		}
		if i >= stop {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '-' && i+1 < end && text[i+1] == '-':
			flush(i)
			out = append(out, "—") // "--" is a dash
			i += 2
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-':
			if w < 0 {
				w = i
			}
		case r == '.' && w >= 0 && i+1 < end && text[i+1] != ' ' && text[i+1] != '\n':
			// "U.S." goes on
		case r == '.' && w >= 0 && abbrevBefore(text[w:i]):
			// "Mr." goes on
		default:
			flush(i)
			if strings.ContainsRune(",.:;()—–!?", r) {
				out = append(out, text[i:i+size])
			}
		}
		i += size
	}
	flush(end)
	return out
}

// What an ASCII byte is to outsideWords: part of a word (a letter, a
// digit, an apostrophe), a hyphen (part of a word, or half a dash), a
// full stop, a mark that is a word of its own, or a separator (0).
const (
	outsideWord = 1 + iota
	outsideHyphen
	outsideDot
	outsidePunct
)

var outsideBytes = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case asciiWord(byte(c)) == wordStart, c == '\'':
			t[c] = outsideWord
		case c == '-':
			t[c] = outsideHyphen
		case c == '.':
			t[c] = outsideDot
		case strings.IndexByte(",:;()!?", byte(c)) >= 0:
			t[c] = outsidePunct
		}
	}
	return t
}()

// abbrevBefore reports whether w, just before a full stop, is an
// abbreviation that the stop belongs to: a title ("Mr", "Sen") or an
// initial ("J").
func abbrevBefore(w string) bool {
	return len(w) == 1 && unicode.IsUpper(rune(w[0])) || (inLower(titles(), w) || inLower(titleAbbrevs(), w)) && len(w) <= 4 ||
		strings.Contains(w, ".") && len(w) <= 6 // "U.S.", "N.C."
}

// titleAbbrevs are abbreviated titles that titles lacks, read with their
// full stop before a name ("Del. Stacey Plaskett", "Adm. Mike Rogers").
var titleAbbrevs = lazySet("del", "adm", "amb", "atty", "supt", "cmdr", "sens", "reps", "govs", "gens")

// findSpeaker returns the speaker as written of unit u, whose sentences
// are s0 to s1 of a, from the first rule that finds one: a speech cue in
// its sentences (see speakerOf); a cue in the sentence before when that
// ends in a colon (`Parker Eaton said:` then the quotation), or its
// subject; the owner of a statement noun (`Trump's assertion that "…"`,
// see statementOwner); the subject of its first sentence, when that is a
// name (`Hollande denounced the remarks as "hurtful"`); a cue opening the
// next sentence of the paragraph (`"Not us!" Murphy tweeted on Friday.`).
func findSpeaker(a *news.Article, u *quoteUnit, s0, s1 int, people []string) (string, bool) {
	// The words around the first piece and around them all, each split
	// once for the readings below (none of which changes them).
	firstWords := outsideWords(a, a.Sentences[s0].Start, a.Sentences[s0].End, u.pieces[:1])
	if who := ownerOf(firstWords, true); who != "" {
		return who, true // `Pence blamed the media for Trump's claim that Obama "founded ISIS," saying …`
	}
	if who := pronounOwner(firstWords); who != "" {
		return who, true
	}
	own := firstWords // the same words when the unit is one piece in one sentence
	if s1 != s0 || len(u.pieces) > 1 {
		own = outsideWords(a, a.Sentences[s0].Start, a.Sentences[s1].End, u.pieces)
	}
	if who, ok := speakerOf(a, u, s0, s1, own); ok {
		return who, true
	}
	first := u.pieces[0]
	if s0 > 0 && strings.HasSuffix(strings.TrimSpace(a.Sentences[s0-1].Text), ":") && first.start-a.Sentences[s0].Start <= 3 {
		words := outsideWords(a, a.Sentences[s0-1].Start, a.Sentences[s0-1].End, nil)
		if who, ok := cueSpeaker(words, -1); ok {
			return who, true
		}
		if who := subject(words); who != "" {
			return who, true
		}
	}
	if who := statementOwner(own); who != "" {
		return who, true
	}
	subjectWords := own // the same words when the unit is in one sentence
	if s1 != s0 {
		subjectWords = outsideWords(a, a.Sentences[s0].Start, a.Sentences[s0].End, u.pieces)
	}
	if who := headlineSubject(subjectWords, people); who != "" {
		return who, true
	}
	if who := personSubject(subjectWords, people); who != "" {
		return who, true
	}
	if who := controlled(subjectWords); who != "" {
		return who, true
	}
	if who := subject(subjectWords); who != "" && !strings.Contains(who, " ") && surnameIn(a.Text, who) {
		return who, true // "In July, Gingrich cynically dismissed …" after "Newt Gingrich"
	}
	if n := s1 + 1; first.start-a.Sentences[s0].Start <= 3 && n < len(a.Sentences) &&
		a.Sentences[n].Paragraph == a.Sentences[s1].Paragraph && !strings.ContainsAny(a.Sentences[n].Text, "\"“”") {
		words := outsideWords(a, a.Sentences[n].Start, a.Sentences[n].End, nil)
		reach := maxSpeakerWords + 2
		if c := slices.Index(words, ","); c > 0 && isName(words[:c]) {
			reach = maxAppositive + c + 2 // `"…?" Will Estrada, the chairman for the county, said`
		}
		if who := quoteFrom(words); who != "" {
			return who, true // `"…" That quote from Commissioner Tomas Holm appeared in 1980.`
		}
		words = append([]string{qmark}, words[:min(len(words), reach)]...)
		if who, ok := cueSpeaker(words, 0); ok {
			return who, true
		}
	}
	return "", false
}

// nameThenVerb returns the name (or "he", "she") at words[i:] when a
// lower-case word follows it, as after a quotation with a cue verb that
// cueVerbs lacks (`"…," Viguerie concludes.`); else "".
func nameThenVerb(words []string, i int) string {
	if i >= len(words) {
		return ""
	}
	e := i
	for e < len(words) && e-i < 5 && words[e] != qmark && (capitalized(words[e]) || connectors()[words[e]]) {
		e++
	}
	if e >= len(words) || e == i || !isName(words[i:e]) || capitalized(words[e]) || punct()[words[e]] || words[e] == qmark {
		if e == i && pronouns()[words[i]] && i+1 < len(words) && !punct()[words[i+1]] && words[i+1] != qmark {
			return words[i]
		}
		return ""
	}
	if speakerStops()[words[e]] || e-i == 1 && inLower(speakerStops(), words[i]) {
		return ""
	}
	return strings.Join(words[i:e], " ")
}

// speakerOf returns the speaker as written of unit u (whose sentences are
// s0 to s1 of a) from the speech cues of those sentences outside its
// pieces (words: outsideWords of them), the one nearest its first piece
// first; ok is false when they hold none.
func speakerOf(a *news.Article, u *quoteUnit, s0, s1 int, words []string) (string, bool) {
	q := slices.Index(words, qmark)
	if s := mainSubject(words, q); s != "" {
		return s, true
	}
	if s, ok := cueSpeaker(words, q); ok {
		return s, ok
	}
	if q >= 0 {
		if s := nameThenVerb(words, q+1); s != "" {
			return s, true
		}
		if s := describedThenVerb(words, q+1); s != "" {
			return s, true
		}
		// "“This is fantastic!” beamed Donald Hartley of Madison"
		if q+2 < len(words) && strings.HasSuffix(words[q+1], "ed") && !capitalized(words[q+1]) {
			if s := speakerWords(words, q+2, 1); s != "" && isName(strings.Fields(s)) {
				return s, true
			}
			// "“…,” exhorted Clinton's introducer, actress Jamie Lee Curtis."
			if s := leadingSpeaker(words[q+2:]); s != "" && capitalized(s[strings.LastIndex(s, " ")+1:]) &&
				!inLower(orgWords(), s[strings.LastIndex(s, " ")+1:]) {
				return s, true
			}
		}
	}
	if q >= 2 && words[q-1] == ":" {
		// "- Frank Newport and Jim Harter: “We found…”"
		e := q - 1
		k := e
		for k > 0 && (capitalized(words[k-1]) || connectors()[words[k-1]]) && e-k < 5 {
			k--
		}
		if k < e && isName(words[k:e]) && (k == 0 || !inLower(objectWords(), words[k-1])) {
			// not the object of a preposition: `delivered a blunt
			// message to Trump: "…"`
			return strings.Join(words[k:e], " "), true
		}
	}
	return "", false
}

// cueSpeaker finds the speaker in words (see outsideWords) from its
// speech verbs, the nearest to the word at q first (q < 0: the last
// verb first).
func cueSpeaker(words []string, q int) (string, bool) {
	var verbs []int
	lows := make([]string, len(words)) // the words lower-cased, once for the readings below
	for i, w := range words {
		lows[i] = strings.ToLower(w)
	}
	for i, w := range words {
		lw := lows[i]
		if w != lw && lw != "according" {
			continue // "United States", not "states"
		}
		if i > 0 && (articles()[lows[i-1]] || possessive(words[i-1])) {
			continue // "one of the states suing", "his notes": nouns
		}
		if cueVerbs()[lw] && (lw != "according" || i+1 < len(words) && lows[i+1] == "to") &&
			(lw != "went" || i+1 < len(words) && lows[i+1] == "on") &&
			(lw != "pointed" || i+1 < len(words) && lows[i+1] == "out") &&
			(lw != "written" || i+1 < len(words) && words[i+1] == "by") &&
			(lw != "pledged" && lw != "pledges" || i+1 < len(words) && (words[i+1] == "to" || words[i+1] == "that" || words[i+1] == qmark)) &&
			(lw != "put" && lw != "puts" || i+1 < len(words) && words[i+1] == "it") {
			verbs = append(verbs, i)
		} else if lw == "call" && i > 0 && words[i-1] == "to" && gerundBefore(words, i-1) >= 0 {
			verbs = append(verbs, i) // "with Holm taking to the radio to call Berg "a liar""
		}
	}
	// The distance of each word to the nearest quotation, linear in the
	// words: a cue after a quotation is the more usual, so one before
	// counts double.
	const far = 1 << 30
	after, before := make([]int, len(words)), make([]int, len(words))
	last, clause := -1, false
	for i, w := range words {
		if w == qmark {
			last, clause = i, false
		}
		if lw := lows[i]; w == "." || w == ";" || lw == "while" || lw == "whereas" || lw == "but" || lw == "although" {
			clause = true // `… an "artful smear" while Sanders suggests`: a cue of the next clause
		}
		after[i] = far
		if last >= 0 && !clause {
			after[i] = i - last
		}
	}
	last = -1
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == qmark {
			last = i
		}
		before[i] = far
		if last >= 0 {
			before[i] = (last-i)*2 + 1
		}
	}
	dist := func(i int) int {
		if q < 0 {
			return -i
		}
		return min(after[i], before[i])
	}
	byPlace := slices.Clone(verbs)
	slices.SortStableFunc(verbs, func(x, y int) int { return cmp.Compare(dist(x), dist(y)) })
	for _, v := range verbs {
		s := speakerAt(words, v)
		if s == "" {
			continue
		}
		if o := outerCue(words, byPlace, v, q); o != "" {
			return o, true
		}
		if o := accordingAfter(words, byPlace, v); o != "" {
			return o, true
		}
		if inLower(pronouns(), s) {
			// `"A," Jim Bennett told a voter. "B," he explained.`: "he"
			// is the person a cue before it names, the nearest first.
			k, _ := slices.BinarySearch(byPlace, v)
			for j := k - 1; j >= 0 && j >= k-maxCueLookBack; j-- {
				u := byPlace[j]
				if n := speakerAt(words, u); n != "" && !inLower(pronouns(), n) && capitalized(n[strings.LastIndex(n, " ")+1:]) {
					return n, true
				}
			}
		}
		return s, true
	}
	return "", false
}

// maxCueLookBack is how many cues before a pronoun's cue cueSpeaker
// tries for the person it stands for, the nearest first.
const maxCueLookBack = 4

// speakerAt returns the speaker of the speech verb at v in words: the
// words after it when it follows a quotation or a comma (`"…," said X`)
// or is "according to", else the words before it (`X said`), "" when
// neither holds a speaker.
func speakerAt(words []string, v int) string {
	lw := strings.ToLower(words[v])
	after := lw == "according" || v > 0 && (words[v-1] == qmark || words[v-1] == "," && v > 1 && words[v-2] == qmark)
	from := v + 1
	if lw == "according" || lw == "went" || lw == "pointed" || lw == "put" || lw == "puts" {
		from = v + 2
	}
	if lw == "call" {
		if g := gerundBefore(words, v-1); g >= 0 {
			v, lw = g, strings.ToLower(words[g]) // the speaker of "taking … to call" is that of "taking"
		}
	}
	if strings.HasSuffix(lw, "ing") && lw != "according" {
		if s := addingTo(words, v); s != "" {
			return s // "Ryan and Trump will meet, Spicer said, adding, "…""
		}
		b := v - 1
		for b >= 0 && (strings.HasSuffix(words[b], "ly") && !capitalized(words[b]) || speechAux()[words[b]] || aspectVerbs()[words[b]]) {
			b--
		}
		if p := partyBefore(words, b); p >= 0 {
			b = p // "Sen. Anna Berg (D-Alder) kept asking"
		}
		if b >= 0 && capitalized(words[b]) && words[b] != qmark {
			if s := speakerWords(words, b, -1); s != "" && capitalized(s[strings.LastIndex(s, " ")+1:]) {
				if start := b + 1 - len(strings.Fields(s)); start <= 0 || strings.ToLower(words[start-1]) == "with" || strings.ToLower(words[start-1]) == "of" ||
					punct()[words[start-1]] || aspectVerbs()[words[v-1]] && conjunctions()[words[start-1]] {
					return s // "with Trump reportedly yelling", "footage of Clinton asking"
				}
			}
		}
		return subject(words) // `Trump attacked Romney, calling him "a failed candidate"`
	}
	if namingVerbs()[lw] && v+1 < len(words) && words[v+1] == qmark && indefiniteNoun(words, v) {
		return "" // `a class called "Perception"`: a name given, no one speaking
	}
	if a := agentAfter(words, v); a != "" {
		return a // "Rubio was asked by moderator Gerard Baker whether"
	}
	if strings.HasSuffix(lw, "ed") && v > 0 && inLower(passiveAux(), words[v-1]) {
		return "" // "after the staffer was charged with battery": no one spoke
	}
	if !after && v > 0 && words[v-1] == "," && invertingVerbs()[lw] && invertedCue(words, from) {
		// `…, said Dante Scala, a political scientist.`: the speaker
		// after the verb, the quotation before in the sentence.
		after = true
	}
	if after {
		if s := leadingSpeaker(words[from:]); s != "" && lw != "according" {
			return s // "said the bureau's director, James B. Comey, on Monday"
		}
		if s := speakerWords(words, from, 1); s != "" {
			if n := from + len(strings.Fields(s)); lw == "according" && n+1 < len(words) && words[n] == "by" {
				if p := speakerWords(words, n+1, 1); p != "" && capitalized(p[strings.LastIndex(p, " ")+1:]) {
					// "according to calculations by Amy Glasmeier", "a court
					// document filed by state attorney Dave Aronberg"
					return p
				}
			}
			return s
		}
		if lw == "according" {
			return ""
		}
	}
	b := v - 1
	for b >= 0 && inLower(speechAux(), words[b]) && !(b > 0 && capitalized(words[b])) { // `"…," Will wrote`: a name
		b--
	}
	if b > 0 && words[b] == "and" {
		if s := andSubject(words, b); s != "" {
			return s // `Berg on Sunday thanked them "…" and called it "…"`
		}
	}
	s := speakerWords(words, b, -1)
	if (s == "" || !slices.ContainsFunc(strings.Fields(s), capitalized)) && !pluralNouns()[lw] {
		if n := pastPhrase(words, b); n != "" {
			return n // "Trump in his announcement speech called", "Obama on Friday declared"
		}
	}
	if s != "" {
		if start := b + 1 - len(strings.Fields(s)); objectBefore(words, start) {
			if n := nameAfterQuote(words, v); n != "" {
				return n // `"…," Anna Berg, who is chair of Our Harbour Fund said`
			}
		}
		return s
	}
	if p := partyBefore(words, b); p >= 0 {
		// "Sen. Elizabeth Warren (D-MA) said": the name before the
		// parenthesis.
		if s := speakerWords(words, p, -1); s != "" && capitalized(s[strings.LastIndex(s, " ")+1:]) {
			return s
		}
	}
	if s := beforeAppositive(words, b); s != "" {
		return s
	}
	return nameAfterQuote(words, v)
}

// agentAfter returns the person after "by" when the speech verb at v
// is passive (`was asked by host Bill Maher whether`, `has been called
// "strategic ambiguity" by Joshua Hendrick`): the words after "by" up to
// their last capitalized one, when they end in a name; else "".
func agentAfter(words []string, v int) string {
	if !strings.HasSuffix(words[v], "ed") && words[v] != "written" {
		return ""
	}
	i := v + 1
	if i < len(words) && words[i] == qmark {
		i++
	}
	if i+1 >= len(words) || words[i] != "by" {
		return ""
	}
	var run []string
	for k := i + 1; k < len(words) && len(run) < maxSpeakerWords; k++ {
		w := words[k]
		if w == qmark || punct()[w] || speakerStops()[w] || w == "whether" {
			break
		}
		run = append(run, w)
	}
	e := len(run)
	for e > 0 && !capitalized(run[e-1]) {
		e--
	}
	if e == 0 {
		return ""
	}
	last := strings.ToLower(run[e-1])
	if orgWords()[last] || possessive(run[e-1]) {
		return ""
	}
	return strings.Join(run[:e], " ")
}

// articles before a word make it a noun: "the states", "his notes".
var articles = lazySet("a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "these", "those")

// objectWords before a name make it an object, not a speaker.
var objectWords = lazySet("to", "at", "for", "with", "from", "by", "of", "on", "in", "against", "about", "toward",
	"towards", "over", "into", "than", "like")

// passiveAux before a verb in -ed make it passive: its subject did not
// speak.
var passiveAux = lazySet("was", "were", "been", "being", "is", "are", "be", "get", "got")

// invertingVerbs are the speech verbs that go before their speaker
// after a comma (`…, says Evan Tracey`); "told" and "asked" take an
// object there (`…, Seth McKee told The Hill`).
var invertingVerbs = lazySet("said", "says", "wrote", "writes", "added", "adds", "explained", "explains", "noted",
	"notes", "continued", "continues", "recalled", "recalls", "argued", "argues", "insisted", "insists", "warned",
	"warns", "declared", "replied", "stated", "observed", "concluded", "concludes", "remarked", "cautioned",
	"countered", "tweeted", "suggested", "acknowledged", "exclaimed", "quipped", "joked", "complained", "predicted")

// invertedCue reports whether the words from i, after a speech verb that
// follows a comma, are its speaker (`…, says Evan Tracey, a consultant`;
// `But, said Sam Solovey, "…"`): a name or a described speaker up to a
// comma, a full stop, a quotation or the end, with a quotation in words.
func invertedCue(words []string, i int) bool {
	if i >= len(words) || !slices.Contains(words, qmark) {
		return false
	}
	s := speakerWords(words, i, 1)
	if s == "" {
		return false
	}
	n := i + len(strings.Fields(s))
	if !slices.Contains(words[:i], qmark) {
		// The quotation after: `But, said Sam Solovey, "…"`, not `…,
		// said Fiorina "was involved"`.
		if n >= len(words) || words[n] != "," {
			return false
		}
	} else if n < len(words) && words[n] != "," && words[n] != "." && words[n] != qmark && words[n] != ";" && words[n] != "(" {
		return false
	}
	first := strings.Fields(s)[0]
	return capitalized(first) || inLower(determiners(), first)
}

// partyBefore returns the index of the word before a short parenthesis
// that ends at words[b] (`Paul Ryan (R-Wis.)`), when a capitalized word
// stands there; else -1.
func partyBefore(words []string, b int) int {
	if b < 0 || words[b] != ")" {
		return -1
	}
	k := b - 1
	for k >= 0 && b-k <= 4 && words[k] != "(" && words[k] != qmark {
		k--
	}
	if k < 1 || words[k] != "(" || !capitalized(words[k-1]) {
		return -1
	}
	return k - 1
}

// asName reports whether words, up to b, open with "As" and a name
// before a comma (`As John Cornyn, the No. 2 in the leadership, put
// it`): the name is the subject, not part of an opening phrase.
func asName(words []string, b int) bool {
	if len(words) < 3 || strings.ToLower(words[0]) != "as" {
		return false
	}
	c := slices.Index(words[:b+1], ",")
	return c > 1 && isName(words[1:c])
}

// maxAppositive is the most words between the commas of an appositive.
const maxAppositive = 25

// beforeAppositive reads the speaker of a verb whose words before end at
// b with a comma or a parenthesis: the words after the quotation or the
// start of the sentence before it, past the appositives ("Amy Pope, deputy
// homeland security advisor, said"; "Harry Bond, 30, of Raleigh, N.C.,
// who was among those polled, said"), or the name between two commas
// after a description ("his wife, Gabriela Lazar, wrote").
func beforeAppositive(words []string, b int) string {
	if b < 0 || words[b] != "," && words[b] != ")" {
		return ""
	}
	k := b
	for k >= 0 && words[k] != qmark && words[k] != ":" && b-k <= maxAppositive {
		k--
	}
	windowed := k >= 0 && words[k] != qmark && words[k] != ":"
	if windowed {
		// A long sentence: the appositives within maxAppositive words of
		// the verb ("…, in what Bay Buchanan, national treasurer for
		// Ronald Reagan's campaign, called").
		k = b - maxAppositive
	}
	from := k + 1
	if k < 0 && len(words) > 0 && inLower(prepositions(), words[0]) && !asName(words, b) {
		for from < b && words[from] != "," {
			from++
		}
		from++ // "It was three years ago that" has no comma: from passes b
		if from > b {
			from = 0
		}
	}
	if n := appositiveName(words, from, b); n != "" {
		return n
	}
	if k > 0 && words[k] == qmark && !slices.ContainsFunc(words[k+1:b], capitalized) {
		// A quoted phrase inside the appositive: `"…," Alder delegate
		// Tomas Holm, wearing "Anna Berg" pins, said`.
		j := k - 1
		for j >= 0 && words[j] != qmark && k-j <= maxAppositive {
			j--
		}
		if j >= 0 && words[j] == qmark {
			if n := appositiveName(words, j+1, k-1); n != "" {
				return n
			}
		}
	}
	switch {
	case windowed:
		return ""
	case k < 0:
		return subject(words[:b+1])
	}
	return leadingSpeaker(words[k+1 : b+1])
}

// appositiveName returns the name before the first comma of words[from:b+1]
// that heads an appositive (see beforeAppositive), "" when there is none.
func appositiveName(words []string, from, b int) string {
	for c := from; c <= b; c++ {
		if words[c] != "," {
			continue
		}
		e := c
		if e > from && words[e-1] == ")" {
			// "Rep. Elijah Cummings (D-Md.), chair of the committee,"
			for e > from && words[e-1] != "(" {
				e--
			}
			e--
		}
		i := e
		for i > from && (capitalized(words[i-1]) || connectors()[words[i-1]] && i < e) && words[i-1] != qmark {
			i--
		}
		if e-i == 1 && (inLower(introWords(), words[i]) || inLower(sentenceAdverbs(), words[i])) {
			continue // "However, Jill A. Martin, vice president …, said"
		}
		if i < e && isName(words[i:e]) && !possessive(words[e-1]) {
			if objectBefore(words, i) && nameBetweenCommas(words, c, b) {
				continue // "The leader of the Harbour League, Anna Berg, warned"
			}
			return strings.Join(words[i:e], " ")
		}
	}
	return ""
}

// maxSpeakerWords is the most words a speaker may have.
const maxSpeakerWords = 8

// speakerWords reads a speaker from words starting at i, going forward
// (dir 1) or backward (-1), up to punctuation, a quotation or a word of
// speakerStops; "" when it holds no noun (no capitalized word nor a
// word after a determiner), or when it runs past maxSpeakerWords.
func speakerWords(words []string, i, dir int) string {
	var run []string
	most := maxSpeakerWords // more after two roles joined by "and"
	for ; i >= 0 && i < len(words) && len(run) <= most; i += dir {
		w := words[i]
		lw := strings.ToLower(w)
		if w == qmark || punct()[w] {
			break
		}
		if speakerStops()[lw] && givenName(words, i) {
			// "Will Doyle": a given name, not the verb
		} else if dir < 0 && len(run) == 0 && w != lw && speechAux()[lw] && i > 0 && (lowerWord(words[i-1]) || words[i-1] == qmark || words[i-1] == ",") {
			// "which Will claims", `"…," Will wrote`: a capitalized modal
			// inside a sentence, right before the verb, is a name

		} else if dir > 0 && w == "of" && len(run) > 0 && (inLower(titles(), run[len(run)-1]) || roleWord(run[len(run)-1])) && nameAhead(words, i+1) {
			// "said former secretary of state Hillary Clinton, who …",
			// "said master of ceremonies Asab Tabchi"
		} else if dir > 0 && w == "as" && len(run) > 1 && run[len(run)-1] == "known" && i+1 < len(words) && capitalized(words[i+1]) && words[i+1] != qmark {
			// "said the harbour master known as Bob"
		} else if dir > 0 && w == "and" && len(run) > 0 && roleBefore(run[len(run)-1]) && nameAhead(words, i+1) {
			// "said former Alder Gov. and party chairman Ed Rendell": two
			// roles of one person
			most = maxSpeakerWords + 4
		} else if speakerStops()[lw] && (w == lw || dir < 0 || len(run) == 0 || !capitalized(run[len(run)-1])) || dir < 0 && cueVerbs()[lw] {
			if dir < 0 && (w == "of" || w == "from" || w == "for" || w == "at") && slices.ContainsFunc(run, capitalized) &&
				(inLower(orgWords(), run[0]) || !slices.ContainsFunc(run, namesPerson)) && !roleThenName(reversed(run)) {
				// "G.K. Butterfield of North Carolina said": the person
				// before the place.
				if p := speakerWords(words, i-1, -1); p != "" {
					if n := nameBeforeRoles(words, i-1); n != "" {
						return n // "Anthony Anton, president and CEO of Harbour Foods, said"
					}
					last := p[strings.LastIndex(p, " ")+1:]
					if capitalized(last) && !inLower(orgWords(), last) {
						return p
					}
				}
			}
			break
		}
		run = append(run, w)
	}
	if dir < 0 && len(run) > maxSpeakerWords {
		// "Saturday at the party convention Sen. Elizabeth Warren said":
		// past the most words, the name next to the verb.
		k := 0
		for k < len(run) && (capitalized(run[k]) || connectors()[run[k]] && k > 0) {
			k++
		}
		for k > 0 && connectors()[run[k-1]] {
			k--
		}
		run = run[:k]
	}
	if len(run) == 0 || len(run) > most {
		return ""
	}
	if dir < 0 {
		slices.Reverse(run)
	}
	for dir < 0 && len(run) > 1 && !capitalized(run[len(run)-1]) && (strings.HasSuffix(run[len(run)-1], "ly") || sentenceAdverbs()[run[len(run)-1]]) {
		run = run[:len(run)-1] // "Gorka similarly warned"
	}
	if dir < 0 && len(run) > 1 && inLower(pronouns(), run[len(run)-1]) && !capitalized(run[len(run)-2]) {
		run = run[len(run)-1:] // "an investment he concludes": the pronoun is the subject
	}
	for len(run) > 1 && inLower(clauseOpeners(), run[0]) {
		run = run[1:] // "Though she called it …": the subject after the conjunction
	}
	if len(run) == 1 && inLower(pronouns(), run[0]) {
		return run[0]
	}
	if strings.ToLower(run[0]) == "they" {
		return ""
	}
	hasCap := slices.ContainsFunc(run, capitalized)
	if !hasCap && !inLower(determiners(), run[0]) && !hasNounEnding(run[len(run)-1]) {
		return ""
	}
	return strings.Join(run, " ")
}

// nameAhead reports whether words from i hold a capitalized word within
// three words, before any punctuation or quotation.
func nameAhead(words []string, i int) bool {
	for k := i; k < len(words) && k < i+3; k++ {
		if words[k] == qmark || punct()[words[k]] {
			return false
		}
		if capitalized(words[k]) {
			return true
		}
	}
	return false
}

// clauseOpeners open a clause before its subject; a speaker read
// backward from its verb drops them ("Though she called").
var clauseOpeners = lazySet("though", "although", "whereas", "unless", "whether", "while", "when", "once", "if")

// givenName reports whether words[i], a word of speakerStops, is a given
// name there ("said Will Doyle", "Will Doyle said"): capitalized, in
// givenNames, and followed by a capitalized word that is no stop.
func givenName(words []string, i int) bool {
	w := words[i]
	if !capitalized(w) || !inLower(givenNames(), w) || i+1 >= len(words) {
		return false
	}
	n := words[i+1]
	return n != qmark && capitalized(n) && !inLower(speakerStops(), n)
}

// namesPerson reports whether w is a given name or a title ("Secretary
// of State John Kerry": the person after "of", not a place).
func namesPerson(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return capitalized(w) && (givenNames()[lw] || titles()[lw])
}

// sentenceAdverbs stand between a speaker and the verb: "Carter however
// said".
var sentenceAdverbs = lazySet("however", "too", "though", "meanwhile", "instead", "still", "nonetheless", "alone")

// determiners open a described speaker: "a senior official", "the
// newspaper", "his spokesman".
var determiners = lazySet("a", "an", "the", "his", "her", "their", "one", "another", "some", "many", "several",
	"two", "three", "both", "each", "most", "other", "its")

// hasNounEnding reports whether a lower-case word may end a description
// without a determiner ("officials", "aides").
func hasNounEnding(w string) bool {
	return strings.HasSuffix(w, "s") && len(w) > 3 || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ist")
}

// speakerName returns the speaker as a name when it ends in one (the
// capitalized words at its end, after titles and owners: "union leader
// Petra Holm" gives "Petra Holm", "Valley Radio's Tomas Berg" gives
// "Tomas Berg"), resolved to the full name of one of people; a
// description ("a senior official", "the influential US daily") as
// written.
func speakerName(s string, people []string) string {
	words := strings.Fields(strings.TrimRight(s, "."))
	if len(words) == 0 || !capitalized(words[len(words)-1]) {
		return s
	}
	if w := words[len(words)-1]; strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’") {
		return s // "Sanders'": an owner, not a speaker
	}
	i := len(words) - 1
	for i > 0 && (capitalized(words[i-1]) || connectors()[words[i-1]]) {
		i--
	}
	run := words[i:]
	for j := len(run) - 2; j >= 0; j-- {
		t := strings.ToLower(strings.TrimSuffix(run[j], "."))
		if possessive(run[j]) || titles()[t] || titleAbbrevs()[t] && strings.HasSuffix(run[j], ".") {
			run = run[j+1:] // "Rep. Tom Cole", "Valley Radio's Tomas Berg"
			break
		}
	}
	for len(run) > 0 && connectors()[run[0]] {
		run = run[1:]
	}
	if k := slices.Index(run, "of"); k > 0 {
		if k >= 2 {
			run = run[:k] // "Tom Cole of Oklahoma"
		} else {
			run = run[k+1:]
		}
	}
	for j := 0; j < len(run)-1; j++ {
		if inLower(givenNames(), run[j]) {
			run = run[j:] // "State Madeleine Albright"
			break
		}
	}
	if len(run) == 1 && inLower(calendarWords(), run[0]) {
		return "" // "Tuesday" is no speaker
	}
	if len(run) == 0 {
		return s
	}
	return fullName(strings.Join(run, " "), people)
}

// calendarWords are capitalized words that are never a speaker.
var calendarWords = lazySet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "june", "july", "august", "september", "october", "november", "december")

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

// pronounReach is how many sentences before a quotation "he" or "she"
// may look for the person it stands for.
const pronounReach = 4

// nearestPerson resolves "he" or "she" in the cue of a quotation at byte
// at of a: the person of people named last before it within
// pronounReach sentences (the quotation's own sentence first, outside
// quotation marks or not), else prev, the speaker of the quotation
// before when it is a name, else "".
func nearestPerson(a *news.Article, at int, prev string, people []string) string {
	return nearestSpeaker(a, at, prev, -1, people)
}

// nearestSpeaker is nearestPerson where the quotation before, whose
// speaker is prev, ends at byte prevEnd of a (-1: none): a sentence
// that holds the end of that quotation gives prev, when it is a name
// (`"…," Obama said after meeting Vladimir Putin.` then "he" is Obama).
func nearestSpeaker(a *news.Article, at int, prev string, prevEnd int, people []string) string {
	si := sentenceAt(a, at)
	for k := si; k >= 0 && k >= si-pronounReach; k-- {
		s := a.Sentences[k]
		if prevEnd >= s.Start && prevEnd <= s.End && prevEnd <= at && prev != "" && capitalized(prev) {
			return prev
		}
		text := s.Text
		if k == si {
			text = text[:min(len(text), at-s.Start)]
		}
		if p := lastNamed(text, people); p != "" {
			return p
		}
	}
	if prev != "" && capitalized(prev) {
		return prev
	}
	return ""
}

// lastNamed returns the person of people named last in s, by full name
// or last name.
func lastNamed(s string, people []string) string {
	var in bigrams // most people are not named in s: their search is skipped
	in.fill(s)
	best, at := "", -1
	for _, p := range people {
		short := p[strings.LastIndex(p, " ")+1:]
		for _, form := range []string{p, short} {
			if !in.mayHold(form) {
				continue
			}
			if i := strings.LastIndex(s, form); i > at {
				best, at = p, i
			}
		}
	}
	return best
}

// roleBefore reports whether w, read before "and" in a speaker, ends a
// role of a person: a title ("Gov.", "Mayor") or a role noun
// ("prosecutor").
func roleBefore(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return titles()[lw] || titleAbbrevs()[lw] || !capitalized(w) && roleWord(lw)
}

// objectBefore reports whether the words before words[i] make it the
// object of a preposition: "of", "at" or "for", with an article or not
// ("the leader of the Harbour League", "chair of Our Harbour Fund").
func objectBefore(words []string, i int) bool {
	k := i - 1
	if k >= 0 && inLower(articles(), words[k]) {
		k-- // "of the", "of Our"
	}
	return k >= 0 && (words[k] == "of" || words[k] == "at" || words[k] == "for")
}

// nameBetweenCommas reports whether a name stands alone between the
// comma at words[c] and the next one, at or before b.
func nameBetweenCommas(words []string, c, b int) bool {
	e := c + 1
	for e <= b && words[e] != "," {
		e++
	}
	return e <= b && isName(words[c+1:e])
}

// nameBeforeRoles returns the name before a comma that roles ending at
// words[k] stand in apposition to, read back over roles and "and"
// (`Anthony Anton, president and CEO of Harbour Foods, said`: the
// person, not "CEO"); "" when words[k] is no role or no name stands
// there.
func nameBeforeRoles(words []string, k int) string {
	i := k
	for i >= 0 && k-i < 5 && (roleBefore(words[i]) || acronym(words[i]) || words[i] == "and" && i < k) {
		i--
	}
	if i == k || i < 1 || words[i] != "," {
		return ""
	}
	e := i
	for i > 0 && capitalized(words[i-1]) && words[i-1] != qmark && e-i < 5 {
		i--
	}
	if i == e || !isName(words[i:e]) || inLower(orgWords(), words[e-1]) {
		return ""
	}
	return strings.Join(words[i:e], " ")
}

// acronym reports whether w is two to four capital letters ("CEO").
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// reversed returns a reversed copy of words.
func reversed(words []string) []string {
	r := slices.Clone(words)
	slices.Reverse(r)
	return r
}

// gerundBefore returns the index of the word in -ing that the "to" at
// words[t] goes on, within four words before it and with no punctuation
// or quotation between ("taking to the radio to call"), else -1.
func gerundBefore(words []string, t int) int {
	for k := t - 1; k >= 0 && t-k <= 4; k-- {
		if words[k] == qmark || punct()[words[k]] {
			return -1
		}
		if gerund(words[k]) {
			return k
		}
	}
	return -1
}

// lowerWord reports whether w is a word in lower case (not punctuation
// nor a quotation).
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
