package summarize

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/internal/vec"
	"tidings/news"
)

// supportBound is the smallest TF-IDF cosine at which a sentence of
// another article that passes the other checks of [space.supports]
// counts as reporting the same fact. It was chosen on 148 pairs of
// development-set sentences labelled by reading (testdata/citepairs.tsv,
// TestSupportPairs): with the checks, 0.36 gave the best F1, precision
// 0.83 and recall 0.83, where the cosine alone at the former bound of
// 0.45 had 0.65 and 0.62.
const supportBound = 0.36

// Cite returns the citations of sentence si of article ai: the sentence
// itself first, then, for every other article in order, its sentence
// most similar to it among those that report the same fact (see
// [space.supports]), never a caption's (see [inCaption]).
func Cite(ctx context.Context, arts []news.Article, ai, si int) ([]news.Citation, error) {
	if ai < 0 || ai >= len(arts) || si < 0 || si >= len(arts[ai].Sentences) {
		return nil, nil
	}
	sp := newSpace(arts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return cite(arts, sp, Candidate{Article: ai, Sentence: arts[ai].Sentences[si]}), nil
}

func cite(arts []news.Article, sp *space, c Candidate) []news.Citation {
	out := []news.Citation{citation(c.Sentence)}
	v, nv := sp.vectorNorm(c)
	// v as a weight for every term id, so that each sentence's dot
	// product with it is read off rather than merged: the products
	// are summed in the same order (of w's ids), the terms v lacks
	// adding zeros, so every cosine is the same number.
	dense := sp.dense()
	v.Dense(dense, 1)
	defer func() {
		for _, e := range v {
			dense[e.ID] = 0
		}
	}()
	var fact *claim // read when a first sentence comes near enough
	for ai := range arts {
		if ai == c.Article {
			continue
		}
		best, bestSim := -1, supportBound
		for si, w := range sp.vecs[ai] {
			sim := vec.CosineDot(vec.DotDense(w, dense), nv, sp.norms[ai][si])
			if sim < bestSim || (best >= 0 && sim == bestSim) {
				continue
			}
			if fact == nil {
				f := claimOf(c.Sentence.Text)
				fact = &f
			}
			if sp.supports(*fact, c.Sentence.Terms, arts[ai].Sentences[si], sim) && !inCaption(arts[ai], si) {
				best, bestSim = si, sim
			}
		}
		if best >= 0 {
			out = append(out, citation(arts[ai].Sentences[best]))
		}
	}
	return out
}

func citation(s news.Sentence) news.Citation {
	return news.Citation{ArticleID: s.ArticleID, Start: s.Start, End: s.End}
}

// contentBound is the smallest TF-IDF cosine of two sentences' terms,
// their key names left out, at which they share more than who they are
// about: "Floods killed 12 people, governor Petra Novak said" and
// "Governor Petra Novak visited a shelter" share the names and little
// else. 0.15 removed one false citation of the labelled pairs and no
// true one (0.20 lost one).
const contentBound = 0.15

// supports reports whether sentence b of another article reports the
// fact of a sentence of claim a and terms aTerms, whose TF-IDF cosine
// with b is cosine: the cosine reaches supportBound; b is no subheading
// (news.Sentence.Heading) and can be cited (see [citable]); it agrees
// with a on names, figures and quotations (see [agrees]); and the two
// share content beyond their names (see contentBound).
func (sp *space) supports(a claim, aTerms []string, b news.Sentence, cosine float64) bool {
	if cosine < supportBound || b.Heading || !citable(b.Text) {
		return false
	}
	cb := claimOf(b.Text)
	if !agrees(a, cb) {
		return false
	}
	names := append(slices.Clip(a.names), cb.names...)
	return vec.Cosine(sp.contentVector(aTerms, names), sp.contentVector(b.Terms, names)) >= contentBound
}

// contentVector is the TF-IDF vector of terms without those of names
// (a term is a name's when it begins the normalized name: the stem
// "american" of "Americans") and without numbers, weekdays and months,
// which [agrees] compares as figures.
func (sp *space) contentVector(terms, names []string) vec.Vector {
	ids := make([]int32, 0, len(terms))
	for _, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		if unicode.IsDigit(r) || weekdays[t] || citeStopWords[t] ||
			slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, t) }) {
			continue
		}
		if id, ok := sp.words.Lookup(t); ok {
			ids = append(ids, id)
		}
	}
	return vec.Counts(ids).Weighted(sp.idf)
}

// citable reports whether a sentence may be cited as reporting a fact: it
// ends like a sentence (a heading, a widget's label or a menu does not),
// is no byline ("By Jane Doe and Ali Kaya."), no photo caption's credit
// ("(AP Photo/Jane Doe)", "Photo: Getty Images") and no page furniture
// split by " | ". The clean stage drops most of them; these are the ones
// that reach a sentence. [inCaption] finds the sentences of a caption
// whose credit is a sentence of its own.
func citable(t string) bool {
	t = strings.TrimSpace(t)
	if !endsLikeSentence(t) || hasBar(t) {
		return false
	}
	return !bylineSentence(t) && !hasCredit(t)
}

// inCaption reports whether sentence si of a is part of a photo
// caption: its paragraph holds a caption's credit ("... governor Petra
// Novak said. (AP Photo/Jan Vesely)", the credit split off as a sentence
// of its own).
func inCaption(a news.Article, si int) bool {
	p := a.Sentences[si].Paragraph
	for _, step := range []int{-1, 1} {
		for i := si; i >= 0 && i < len(a.Sentences) && a.Sentences[i].Paragraph == p; i += step {
			if hasCredit(a.Sentences[i].Text) {
				return true
			}
		}
	}
	return false
}

func hasCredit(t string) bool {
	for _, credit := range captionCredits {
		if strings.Contains(t, credit) {
			return true
		}
	}
	return false
}

// captionCredits are the marks of a photo credit inside a caption, as
// agencies and papers write them.
var captionCredits = []string{"Photo/", "Photo:", "Photograph:", "Getty Images", "Image copyright", "Image caption", "Picture:"}

// bylineSentence reports whether t is a byline: "By", then at most six
// words that are names or joining words ("and", "in", an outlet's
// "staff").
func bylineSentence(t string) bool {
	rest, ok := strings.CutPrefix(t, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(t, "BY ")
	}
	if !ok {
		return false
	}
	words := strings.Fields(strings.TrimRight(rest, "."))
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !bylineJoins[strings.ToLower(strings.Trim(w, ","))] {
			return false
		}
	}
	return true
}

var bylineJoins = map[string]bool{"and": true, "in": true, "for": true, "of": true, "the": true, "staff": true, "correspondent": true, "writer": true, "reporter": true, "editor": true}

// claim holds what [agrees] compares in a sentence: the key names it
// mentions and the figures it gives.
type claim struct {
	// names are the sentence's capitalized words after its first (see
	// [normWord]), stop words and one-letter words aside: "Fischer",
	// "Iceland", "U.S".
	names []string
	// words holds every word of the sentence, normalized, the first
	// included, for finding names in it.
	words map[string]bool
	// figures are its numbers, each with the words beside it.
	figures []figure
	// quoted holds the normalized words the sentence quotes (see
	// [quotedWords]).
	quoted map[string]bool
}

// figure is one number of a sentence: its value as written without
// grouping commas ("1000", "2.7"), with "m", "bn" or "k" for a following
// "million", "billion" or "thousand", and the normalized words nearest
// before and after it (see [figureContext]), "" when none: what it
// counts or dates ("people", "stage", "March").
type figure struct {
	value         string
	before, after string
}

// nameShare is the least share of the two sentences' key names, taken
// together, that the other sentence mentions: a paraphrase may drop a
// title, a first name or a place ("Fischer is wanted by Washington" for
// "chess star Bobby Fischer ... US sanctions"), but two sentences with
// few names in common are about different actors. 0.25 gave the best F1
// on the labelled pairs (0.34 and 0.5 lost recall, none lost precision).
const nameShare = 0.25

// agrees reports whether a sentence of claim b may report the fact of a
// sentence of claim a: of the key names of both, at least nameShare are
// mentioned by the other sentence; of figures that count or date the
// same thing (the same word beside them), b gives none that a does not
// ("35 people" against "30 people", "stage 13" against "stage 15",
// "voted Friday" against "voted Monday" are different facts); and they
// do not quote two different statements (see [otherQuotation]).
func agrees(a, b claim) bool {
	if n := len(a.names) + len(b.names); n > 0 {
		found := mentioned(a.names, b.words) + mentioned(b.names, a.words)
		if float64(found) < nameShare*float64(n) {
			return false
		}
	}
	return !conflicting(a.figures, b.figures) && !otherQuotation(a.quoted, b.quoted)
}

// mentioned counts the names that words holds.
func mentioned(names []string, words map[string]bool) int {
	n := 0
	for _, name := range names {
		if words[name] {
			n++
		}
	}
	return n
}

// minQuoted is the fewest quoted words that make a quotation a
// statement of its own, and quotedShare the least share of the shorter
// quotation's words that two quotations must have in common to be the
// same statement.
const (
	minQuoted   = 3
	quotedShare = 0.34
)

// otherQuotation reports whether two sentences quote different
// statements: both quote minQuoted words or more and share less than
// quotedShare of the shorter quotation's words. The words around a
// quotation ("Nagin said as Rita barreled near Florida") are often the
// same in two reports of two statements.
func otherQuotation(x, y map[string]bool) bool {
	if len(x) < minQuoted || len(y) < minQuoted {
		return false
	}
	shared := 0
	for w := range x {
		if y[w] {
			shared++
		}
	}
	return float64(shared) < quotedShare*float64(min(len(x), len(y)))
}

// quotedWords returns the normalized words of t inside quotation marks,
// stop words aside: straight, curly or typed as two marks (“ and ”).
// A closing mark with no opening one before it ends a quotation that
// opened in an earlier sentence, so what precedes it is quoted.
func quotedWords(t string) map[string]bool {
	out := map[string]bool{}
	open, start := false, 0
	add := func(s string) {
		for _, tok := range wordTokens(s) {
			if w := normWord(tok.text); !tok.number && len(w) > 1 && !citeStopWords[w] && !figureFillers[w] {
				out[w] = true
			}
		}
	}
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		mark, opens, closes := 0, false, false
		switch {
		case strings.HasPrefix(t[i:], "``"):
			mark, opens = 2, true
		case strings.HasPrefix(t[i:], "''"):
			mark, closes = 2, true
		case r == '“':
			mark, opens = size, true
		case r == '”':
			mark, closes = size, true
		case r == '"':
			mark, opens, closes = size, !open, open
		}
		switch {
		case mark == 0:
		case opens && !open:
			open, start = true, i+mark
		case closes:
			add(t[start:i])
			open, start = false, i+mark
		}
		if mark == 0 {
			mark = size
		}
		i += mark
	}
	if open {
		add(t[start:])
	}
	return out
}

// conflicting reports whether some figure of x counts the same thing as
// one of y with another value, and y gives x's value for it nowhere. A
// figure of y that x does not count ("more than five days" beside "three
// days", in a sentence that says more), or that x gives too ("joined in
// 1964" beside "joined in 1964 and anchored from 1965"), is no conflict.
func conflicting(x, y []figure) bool {
	inX := make(map[string]bool, len(x))
	for _, f := range x {
		inX[f.value] = true
	}
	for _, f := range x {
		clash, same := false, false
		for _, g := range y {
			if !sameThing(f, g) {
				continue
			}
			if f.value == g.value {
				same = true
			} else if !inX[g.value] {
				clash = true
			}
		}
		if clash && !same {
			return true
		}
	}
	return false
}

func sameThing(f, g figure) bool {
	return (f.before != "" && f.before == g.before) || (f.after != "" && f.after == g.after)
}

// claimOf reads the names and figures of sentence text t.
func claimOf(t string) claim {
	toks := wordTokens(t)
	c := claim{words: make(map[string]bool, len(toks)), quoted: quotedWords(t)}
	seen := map[string]bool{}
	for i, tok := range toks {
		if tok.number {
			c.figures = append(c.figures, figureAt(toks, i))
			continue
		}
		w := normWord(tok.text)
		c.words[w] = true
		if i == 0 || !tok.capital || utf8.RuneCountInString(w) < 2 || citeStopWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		c.names = append(c.names, w)
	}
	return c
}

// token is a word or a number of a sentence.
type token struct {
	text    string
	capital bool // begins with an upper-case letter
	number  bool // a figure: digits, or a number word ("five")
}

// wordTokens splits t into words and numbers. A word keeps the
// apostrophes and hyphens inside it and a stop between two letters
// ("U.S", "a.m"); a number keeps the stops and commas between its digits
// ("1,000", "2.7"). A number word ("five", "twelve") is a number, and so
// is a weekday (see [weekdays]).
func wordTokens(t string) []token {
	// Room for a word per five bytes, about what news prose has, rather
	// than growing from none.
	out := make([]token, 0, len(t)/5+1)
	start := -1
	digits := false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(t[start:end], "'’-.,")
		start = -1
		if w == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(w)
		tok := token{text: w, capital: unicode.IsUpper(r)}
		if digits && unicode.IsDigit(r) {
			tok.number = true
			tok.text = strings.ReplaceAll(w, ",", "")
		} else if v, ok := numberWords[strings.ToLower(w)]; ok {
			tok.number, tok.text = true, v
		} else if weekdays[strings.ToLower(w)] {
			tok.number, tok.text = true, strings.ToLower(w)
		}
		out = append(out, tok)
	}
	for i, r := range t {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
				digits = unicode.IsDigit(r)
			}
		case start >= 0 && (r == '\'' || r == '’'):
			// Inside a word; trimmed at its ends by flush.
		case start >= 0 && (r == '.' || r == ',' || r == '-'):
			prev, _ := utf8.DecodeLastRuneInString(t[:i])
			next, _ := utf8.DecodeRuneInString(t[i+1:])
			inNumber := digits && unicode.IsDigit(prev) && unicode.IsDigit(next)
			inWord := !digits && r != ',' && unicode.IsLetter(prev) && unicode.IsLetter(next)
			if !inNumber && !inWord {
				flush(i)
			}
		default:
			flush(i)
		}
	}
	flush(len(t))
	return out
}

// numberWords are the number words that count things in news, as
// digits. "One" is left out: it is more often a pronoun ("one of the
// explosions") than a count.
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
	"fifteen": "15", "twenty": "20", "thirty": "30", "fifty": "50", "hundred": "100",
}

// weekdays date an event as figures do: "voted Friday" and "voted
// Monday" are two votes.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// magnitudes are the words that scale the number before them.
var magnitudes = map[string]string{"million": "m", "millions": "m", "billion": "bn", "billions": "bn", "thousand": "k", "thousands": "k", "trillion": "tn"}

// figureAt returns the figure of number token i of toks. A magnitude
// may be written joined to what it counts ("a 10-million-dollar prize").
func figureAt(toks []token, i int) figure {
	f := figure{value: toks[i].text}
	next := i + 1
	if next < len(toks) {
		head, rest, joined := strings.Cut(toks[next].text, "-")
		if m, ok := magnitudes[strings.ToLower(head)]; ok {
			f.value += m
			if joined {
				f.before = figureContext(toks, i-1, -1)
				f.after = normWord(rest)
				return f
			}
			next++
		}
	}
	f.before = figureContext(toks, i-1, -1)
	f.after = figureContext(toks, next, 1)
	return f
}

// figureContext returns the first word from toks[i] on, going by step,
// within three tokens, that tells what a figure counts: magnitudes and
// the words that only hedge or link it ("at least", "about", "of") are
// passed over, and another number ends the search with "".
func figureContext(toks []token, i, step int) string {
	for n := 0; n < 3 && i >= 0 && i < len(toks); n, i = n+1, i+step {
		t := toks[i]
		w := normWord(t.text)
		if t.number {
			return "" // "March 16, 2005": 2005 does not count March
		}
		if magnitudes[w] != "" || figureFillers[w] {
			continue
		}
		return w
	}
	return ""
}

// figureFillers are words beside a figure that do not say what it counts.
var figureFillers = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true,
	"at": true, "least": true, "about": true, "some": true, "nearly": true, "almost": true,
	"more": true, "than": true, "over": true, "around": true, "up": true, "as": true,
	"many": true, "much": true, "just": true, "only": true, "in": true, "on": true, "by": true,
	"from": true, "with": true, "for": true, "were": true, "was": true, "are": true, "is": true,
}

// normWord lower-cases w and drops a possessive and a plural "s", so
// that "Americans" meets "American" and "Fischer's" meets "Fischer".
func normWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.Trim(w, "'’")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

// citeStopWords are capitalized words that are not names: the
// function words and titles that open a clause or a quotation inside a
// sentence, and weekdays and months (dates are compared as figures).
var citeStopWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "or": true, "in": true,
	"on": true, "at": true, "of": true, "for": true, "to": true, "by": true, "with": true,
	"from": true, "he": true, "she": true, "it": true, "they": true, "we": true, "this": true,
	"that": true, "there": true, "his": true, "her": true, "their": true, "our": true, "its": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "minister": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "ap": true, "afp": true, "xinhua": true, "reuters": true,
}
