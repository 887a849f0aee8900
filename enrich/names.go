package enrich

import (
	"bytes"
	_ "embed"
	"iter"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tidings/internal/ner"
	"tidings/news"
)

// nerModel is the name tagger, trained on the CoNLL-2003 English training
// set by `tidings train-ner` (internal/ner; the README gives the command
// and its figures).
//
//go:embed data/ner.model.gz
var nerModel []byte

// tagger loads the model once, on first use, so that commands that do
// not enrich pay nothing for it.
var tagger = sync.OnceValues(func() (*ner.Model, error) {
	return ner.Read(bytes.NewReader(nerModel))
})

// nerKinds maps the tagger's types to entity kinds; its other names
// (MISC: nationalities, events, works) are left out.
var nerKinds = map[string]news.EntityKind{ner.Person: news.Person, ner.Organization: news.Organization, ner.Place: news.Place}

// mention is one occurrence of a name in a sentence.
type mention struct {
	name string // as written, titles left out
	kind news.EntityKind
	art  int
	cite news.Citation // the sentence
	// cued is set when a title or a person's role stands before or after
	// the name, or a verb of speech ("President Clinton", "Okafor, the
	// plane's captain", "Dahl said").
	cued bool
	// quoted is set when the name fills a quotation, or opens one and a
	// colon follows: the title of a work ("''Star Wars''", "the book
	// "Concorde: The Inside Story"").
	quoted bool
}

// mentions appends to out the names the tagger finds in s, of article
// ai, with the kind the words around them give where they say more than
// the tagger (see inContext), and returns the extended slice. lower holds
// the words the story writes in lower case.
func mentions(out []mention, tg *ner.Tagger, ai int, s news.Sentence, lower *wordSet, buf *tagBuffers) []mention {
	buf.toks = ner.AppendTokens(buf.toks[:0], s.Text)
	toks := buf.toks
	if !mayName(toks, lower) {
		return out
	}
	buf.words = buf.words[:0]
	for _, t := range toks {
		buf.words = append(buf.words, t.Text)
	}
	buf.tags = tg.AppendTags(buf.tags[:0], buf.words, buf.lower)
	names := ner.Names(buf.tags)
	if len(names) == 0 {
		return out
	}
	sw := buf.splitWords(s.Text)
	credits := creditsFrom(s.Text)
	cite := citation(s)
	for _, n := range names {
		k, ok := nerKinds[n.Kind]
		if !ok || toks[n.Start].Start >= credits {
			continue
		}
		if mn, ok := sw.inContext(toks[n.Start].Start, toks[n.End-1].End, k); ok {
			mn.art, mn.cite = ai, cite
			out = append(out, mn)
		}
	}
	for _, i := range sw.beforeGeoNouns(names, toks) {
		out = append(out, mention{name: sw.words[i], kind: news.Place, art: ai, cite: cite})
	}
	return out
}

// tagBuffers are the buffers mentions reuses from one sentence to the
// next, and the words the story writes in lower case as the tagger reads
// them.
type tagBuffers struct {
	toks  []ner.Token
	words []string
	tags  []int
	lower func(string) bool
	// locs and swords hold the sentenceWords of the sentence being read.
	locs   [][2]int
	swords []string
}

// beforeGeoNouns returns the capitalized words, not tagged as a person,
// body or place, that a feature, building or area written in lower case follows ("the Marden
// hills", "the Vell river").
func (sw *sentenceWords) beforeGeoNouns(names []ner.Name, toks []ner.Token) []int {
	var out []int
	for i := 1; i+1 < len(sw.words); i++ {
		if !capitalized(sw.words[i]) || !geoWords()[sw.words[i+1]] || !adjacent(sw.text, sw.locs[i], sw.locs[i+1]) {
			continue
		}
		tagged := false
		for _, n := range names {
			_, kept := nerKinds[n.Kind]
			tagged = tagged || kept && toks[n.Start].Start <= sw.locs[i][0] && sw.locs[i][0] < toks[n.End-1].End
		}
		if !tagged && !inLower(nonNames(), sw.words[i]) {
			out = append(out, i)
		}
	}
	return out
}

// creditRe finds where a reporting credit begins: "Reporting by",
// "Editing by", "Photo by", "Compiled by" and the like; contributedRe a
// credit that follows its names ("Maria Lund contributed reporting").
var (
	creditRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|photos?|photographs?|photography|produced|graphics|video|illustrations?)\s+by\b`)
	})

	contributedRe = lazy(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))`)
	})
)

// creditsFrom returns the byte offset of text from which the names are
// reporting credits or a byline, not people the story is about
// ("(Reporting by Giles Elgood; Editing by Mark Heinrich)", "By Giles
// Elgood and Lesley Wroughton"), or len(text) when there is none.
func creditsFrom(text string) int {
	if !strings.Contains(text, "by") && !strings.Contains(text, "By") && !strings.Contains(text, "contributed") {
		return len(text)
	}
	if containsFold(text, "contributed") && contributedRe().MatchString(text) {
		return 0
	}
	if creditCue(text) {
		if loc := creditRe().FindStringIndex(text); loc != nil {
			return loc[0]
		}
	}
	if byline(text) {
		return 0
	}
	return len(text)
}

// creditWords are the words creditRe reads before "by".
var creditWords = []string{"reporting", "writing", "written", "editing", "edited", "compiled", "photo", "photos",
	"photograph", "photographs", "photography", "produced", "graphics", "video", "illustration", "illustrations"}

// creditCue reports whether one of creditWords, in any case, and spaces
// come before "by" in text, as creditRe needs: most sentences with "by"
// hold no credit, and the pattern is slow to try. A word with a byte
// outside ASCII counts (the pattern's case folding and word boundaries
// read such bytes otherwise).
func creditCue(text string) bool {
	for i := 1; i+1 < len(text); i++ {
		if text[i]|0x20 != 'b' || text[i+1]|0x20 != 'y' {
			continue
		}
		j := i
		for j > 0 && strings.IndexByte(" \t\n\f\r", text[j-1]) >= 0 { // \s
			j--
		}
		if j == i {
			continue
		}
		k, ascii := j, true
		for k > 0 {
			c := text[k-1]
			if c >= utf8.RuneSelf {
				ascii = false
			} else if c|0x20 < 'a' || c|0x20 > 'z' {
				break
			}
			k--
		}
		if !ascii {
			return true
		}
		for _, w := range creditWords {
			if strings.EqualFold(text[k:j], w) {
				return true
			}
		}
	}
	return false
}

// containsFold reports whether text holds word, a lower-case ASCII word
// without k or s (whose case folds reach outside ASCII), in any case.
func containsFold(text, word string) bool {
	for i := 0; i+len(word) <= len(text); i++ {
		if text[i]|0x20 == word[0] && strings.EqualFold(text[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// byline reports whether text is a byline: "By" and up to six
// capitalized words or "and" ("By Giles Elgood and Lesley Wroughton"),
// which "By Tuesday, Kerry had left" is not.
func byline(text string) bool {
	if t := strings.TrimLeftFunc(text, bylineSep); !strings.HasPrefix(t, "By") && !strings.HasPrefix(t, "BY") {
		return false // the first word is no "By" (the test below, without its allocations)
	}
	w := strings.FieldsFunc(text, bylineSep)
	if len(w) < 2 || len(w) > 7 || w[0] != "By" && w[0] != "BY" {
		return false
	}
	for _, x := range w[1:] {
		if x != "and" && !capitalized(x) {
			return false
		}
	}
	return true
}

// bylineSep reports whether r separates the words of a byline.
func bylineSep(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;()|", r) }

// mayName reports whether a sentence's tokens may hold a name, which
// saves tagging the others: a capitalized word after the first, or a
// first word the story never writes in lower case.
func mayName(toks []ner.Token, lower *wordSet) bool {
	for i, t := range toks {
		if !capitalized(t.Text) {
			continue
		}
		if i > 0 {
			return true
		}
		var b [24]byte
		if lw, ok := appendLowerASCII(b[:0], t.Text); ok {
			if !lower.hasBytes(lw) {
				return true
			}
		} else if !lower.has(strings.ToLower(t.Text)) {
			return true
		}
	}
	return false
}

// appendLowerASCII appends strings.ToLower(w) to b and reports true when
// w is ASCII; else it reports false.
func appendLowerASCII(b []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return b, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// sentenceWords are the words of a sentence with their byte spans; a word
// keeps its dots only when it has several ("U.S.").
type sentenceWords struct {
	text  string
	locs  [][2]int
	words []string
}

// splitWords returns the sentenceWords of text in the buffers of b,
// which the words returned hold until the next call.
func (b *tagBuffers) splitWords(text string) sentenceWords {
	b.locs, b.swords = b.locs[:0], b.swords[:0]
	for i, j := range wordsOf(text) {
		b.locs = append(b.locs, [2]int{i, j})
		w := text[i:j]
		if w[len(w)-1] == '.' && strings.Count(w, ".") <= 1 { // not U.S. (and nothing to trim without a final dot)
			w = strings.TrimRight(w, ".")
		}
		b.swords = append(b.swords, w)
	}
	return sentenceWords{text: text, locs: b.locs, words: b.swords}
}

// inContext reads the name at text[from:to], tagged as kind k, in the
// words around it, and reports false when it is no name. Titles before
// it are not part of it, and make a person of it, as does a role after
// it; "the mayor of X" makes a place of X, "the chairman of X" a body
// unless X is a known place. Things (acronyms like "ADHD", words like
// "American" or "El Nino") and a "person" after "the" are no names.
func (sw *sentenceWords) inContext(from, to int, k news.EntityKind) (mention, bool) {
	// The words from the first that starts at from or after to the last
	// that ends by to+1: as the spans increase, a range, found by halves
	// (a scan of all the words per name was O(words x names) a sentence).
	start, end := searchLocs(sw.locs, 0, from), searchLocs(sw.locs, 1, to+2)
	if start >= end {
		return mention{}, false
	}
	titled := false
	for start < end-1 && inLower(titles(), sw.words[start]) {
		start, titled = start+1, true
	}
	if rest := afterTitle(sw.words[start:end]); len(rest) < end-start {
		start, titled = end-len(rest), true
	}
	from = max(from, sw.locs[start][0])
	name := joinFields(sw.text[from:to])
	// The name lower-cased, in a buffer: strings.ToLower and
	// strings.Fields of it were a quarter of this function's work.
	var lb [64]byte
	low, ascii := appendLowerASCII(lb[:0], name)
	if !ascii {
		low = append(low[:0], strings.ToLower(name)...)
	}
	if commonAcronyms()[string(low)] || nonNames()[string(low)] {
		return mention{}, false
	}
	before, before2, after := sw.around(start, end-start)
	titled = titled || titles()[before] && !(k == news.Organization && titles()[after])
	if sw.roleAfter(start, end-start, before) {
		titled = true
	}
	// "Dahl said", "..., said Dahl.": a person speaks (not "Norland says
	// Ostrava has moved").
	spoke := speechVerbs()[after] || (before == "said" || before == "says") && after == ""
	// The words of the name are one space apart (joinFields), and so are
	// they lower-cased: first, the words after it (rest), and last.
	first, rest := low, []byte(nil)
	if i := bytes.IndexByte(low, ' '); i >= 0 {
		first, rest = low[:i], low[i+1:]
	}
	several := rest != nil
	last := low[bytes.LastIndexByte(low, ' ')+1:] // the word that says what it is: "Valley Wire"
	for r := rest; len(r) > 0; {
		w := r
		if i := bytes.IndexByte(r, ' '); i >= 0 {
			w, r = r[:i], r[i+1:]
		} else {
			r = nil
		}
		if connectors()[string(w)] {
			last = first // "Bank of England", "Palais des Nations"
			break
		}
	}
	switch {
	case titled && k != news.Organization:
		k = news.Person
	case k == news.Person && (before == "the" || string(first) == "the"):
		return mention{}, false // "the Kestrel": a thing
	case several && orgWords()[string(last)]:
		k = news.Organization // "Northline Air"
	case several && geoWords()[string(last)]:
		k = news.Place // "Tallberg Airport"
	case several && directions()[string(first)] && places()[string(rest)]:
		k = news.Place // "Northern California"
	case before == "of" && placeTitles()[before2]:
		k = news.Place // "the mayor of Kessel"
	case before == "of" && titles()[before2] && !places()[string(low)]:
		k = news.Organization // "the chairman of Northline"
	}
	return mention{name: name, kind: k, cued: (titled || spoke) && k == news.Person, quoted: sw.quoted(start, end-start)}, true
}

// searchLocs returns the index of the first of locs, word spans in
// increasing order, whose k-th offset (0: start, 1: end) is at least v,
// or len(locs).
func searchLocs(locs [][2]int, k, v int) int {
	lo, hi := 0, len(locs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if locs[m][k] >= v {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// joinFields returns strings.Join(strings.Fields(s), " "): s itself,
// without a copy, when it is ASCII words each one space apart, as most
// names are.
func joinFields(s string) string {
	plain := s != "" && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; plain && i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			plain = false
		case c == ' ' && s[i+1] == ' ': // not the last byte, which is no space
			plain = false
		}
	}
	if plain {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// around returns the two words before the name of n words at start and
// the word after it, lower-cased. The words before count only when
// nothing but space comes between: in `in "Concorde: The Inside Story"`
// the name is a title of a work, not a place. The word after counts only
// when nothing but a space comes between: "Adderall, said" is no
// "Adderall said".
func (sw *sentenceWords) around(start, n int) (before, before2, after string) {
	if start > 0 && strings.TrimSpace(sw.text[sw.locs[start-1][1]:sw.locs[start][0]]) == "" {
		before = strings.ToLower(sw.words[start-1])
		if start > 1 {
			before2 = strings.ToLower(sw.words[start-2])
		}
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
	return !placeBefore()[before] && !ofName && appositiveTitle(sw.text, sw.locs, sw.words, start+n)
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

// wordSpans returns the byte spans of the words of s (see wordsOf).
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i, j := range wordsOf(s) {
		out = append(out, [2]int{i, j})
	}
	return out
}

// wordsOf yields the byte spans [start, end) of the words of s: a letter
// or digit and what follows of letters, digits and inner apostrophes,
// dots and hyphens ("O'Neill", "U.S.", "Jean-Paul"). It is the regular
// expression [\p{L}\p{N}][\p{L}\p{N}'’.\-]* written out, which runs on
// every sentence and was a fifth of enrichment's time as an expression.
func wordsOf(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord(c) != wordStart {
					i++
					continue
				}
			} else if r, n := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				i += n
				continue
			}
			j := wordEnd(s, i)
			if !yield(i, j) {
				return
			}
			i = j
		}
	}
}

// wordEnd returns where the word of s that goes on at byte j ends (see
// wordsOf): the first byte from j on that is not a letter, digit, inner
// apostrophe, dot or hyphen, or len(s).
func wordEnd(s string, j int) int {
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if asciiWord(c) == 0 {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '’' {
			break
		}
		j += n
	}
	return j
}

// asciiWord is what an ASCII byte is to wordsOf: wordStart for a letter
// or digit, wordInner for an apostrophe, dot or hyphen, 0 otherwise.
func asciiWord(c byte) uint8 { return asciiWords[c&0x7f] }

// asciiWords holds asciiWord of each ASCII byte (a table: wordsOf reads
// every byte of the story).
var asciiWords = func() (t [128]uint8) {
	for c := range t {
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z', '0' <= c && c <= '9':
			t[c] = wordStart
		case c == '\'' || c == '.' || c == '-':
			t[c] = wordInner
		}
	}
	return t
}()

const (
	wordStart = 1 + iota
	wordInner
)

// capitalized reports whether w begins with an upper-case letter. It is
// called some six thousand times a story, and is small enough to inline
// for a word that begins in ASCII (unicode.IsUpper of the byte).
func capitalized(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return w[0]-'A' < 26 // 'A' to 'Z'
	}
	return capitalizedRune(w)
}

// capitalizedRune is capitalized for a word that does not begin in ASCII.
func capitalizedRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// adjacent reports whether only one space separates two word spans.
func adjacent(text string, a, b [2]int) bool {
	return text[a[1]:b[0]] == " "
}

// connectors join the words of one name ("Bank of England", "Palais des
// Nations").
var connectors = lazySet("of", "de", "des", "du", "la", "le", "von", "van", "der", "del", "da", "for", "al", "bin", "el")

// speechVerbs follow a speaker's name.
var speechVerbs = lazySet("said", "says", "told", "added", "asked", "explained", "noted", "warned", "argued", "insisted", "replied", "wrote", "announced", "confirmed", "who")

// placeBefore are words after which a name is a place.
var placeBefore = lazySet("in", "near", "across", "town", "city", "village", "capital", "outside", "province", "region")

// placeTitles are the titles whose "of" names a place ("the mayor of
// Kessel"); after the others it names a body ("the chairman of
// EgyptAir"). Countries, which have presidents and ministers, are in the
// gazetteer.
var placeTitles = lazySet("mayor", "governor", "gov", "king", "queen", "prince", "princess", "premier", "sheriff")

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
		if !titles()[w] {
			continue
		}
		ends := k+1 == len(words) || strings.TrimSpace(text[locs[k][1]:locs[k+1][0]]) != "" ||
			inLower(phraseEnd(), words[k+1])
		if ends {
			return true
		}
	}
	return false
}

// phraseEnd are words that may follow the title ending an appositive.
var phraseEnd = lazySet("of", "for", "at", "in", "and", "who", "on", "with")

// commonAcronyms are acronyms of things, not bodies: diseases, measures,
// devices.
var commonAcronyms = lazySet("aids", "hiv", "adhd", "add", "ocd", "ptsd", "sars", "dna", "rna", "gdp", "ceo",
	"cfo", "suv", "tv", "gps", "iq", "mri", "usb", "atm", "dvd", "cd", "pc", "ok", "am", "pm", "est", "gmt",
	"mph", "ipo", "vip", "faq", "ad", "bc", "ii", "iii", "iv")

// possessive reports whether w ends in "'s": a name ends there
// ("Norland's Anna Berg" is two names).
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// afterTitle returns the words of run after its last title word ("New
// York Mayor Michael Bloomberg" gives "Michael Bloomberg"), or run when no
// title word stands before its last word.
func afterTitle(run []string) []string {
	for i := len(run) - 2; i >= 0; i-- {
		if inLower(titles(), strings.TrimSuffix(run[i], ".")) {
			return run[i+1:]
		}
	}
	return run
}
