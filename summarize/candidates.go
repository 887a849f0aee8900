package summarize

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// Candidate is a sentence eligible for a summary.
type Candidate struct {
	// Article is the index of the sentence's article in the input slice.
	Article int
	// Sentence is the source sentence.
	Sentence news.Sentence
	// Position is the sentence's index among its article's sentences,
	// divided by their number: 0 for the lead, towards 1 at the end.
	Position float64
	// Score is the summarizer's score; higher is better.
	Score float64
	// Published is the article's publication date; zero when unknown.
	Published time.Time
	// Span is how many of its article's sentences, from Sentence.Index on,
	// the candidate covers: 0 or 1 for one sentence, more for a quotation
	// that sentence splitting cut in parts (see [quotation]); Sentence is
	// then the whole span.
	Span int
}

// Minimum and maximum length, in words, of a sentence that may stand in a
// summary on its own.
const (
	minWords = 6
	maxWords = 60
)

// Candidates returns the sentences of arts that can stand alone in a
// summary, in article then sentence order; a subheading
// (news.Sentence.Heading) never is one. When no sentence passes the
// filters (a story of fragments), it returns every sentence of at least
// three words instead, so a story always gets a summary when it has text.
func Candidates(arts []news.Article) []Candidate {
	return candidates(arts, false)
}

// candidates is [Candidates]; with spans, a sentence that cannot stand
// alone may still be part of a candidate of several sentences:
//
//   - a quotation that sentence splitting cut in parts ("We are ready. |
//     We will win," he said.) is a candidate, whole (see [quotation]);
//   - in a story of one article, a sentence that points back ("She also
//     asked …", a quotation opening with "We") is a candidate together
//     with the one to maxPassageBack sentences before it that give it its
//     context (see [passage]). With several articles the cover prefers
//     the facts that outlets share; with one, the article's own
//     narrative is all there is.
//
// Only the ILP takes them: the methods that score sentences one by one
// lost with quotations on multiling (centroid ROUGE-2 0.1878 → 0.1813,
// textrank 0.1687 → 0.1600).
func candidates(arts []news.Article, spans bool) []Candidate {
	return appendCandidates(nil, arts, spans)
}

// appendCandidates is [candidates] building in out's memory: it returns
// out[:0] with the candidates appended.
func appendCandidates(out []Candidate, arts []news.Article, spans bool) []Candidate {
	total := 0
	for _, a := range arts {
		total += len(a.Sentences)
	}
	out = slices.Grow(out[:0], total/2)
	for ai, a := range arts {
		n := len(a.Sentences)
		joined := map[[2]int]bool{} // first sentence and span of joined candidates
		for k, s := range a.Sentences {
			if s.Heading {
				continue
			}
			c := Candidate{Article: ai, Sentence: s, Position: float64(s.Index) / float64(max(n, 1)), Published: a.Date}
			if Standalone(s) {
				out = append(out, c)
				continue
			}
			if !spans {
				continue
			}
			if q, span, ok := quotation(a, k); ok {
				c.Sentence, c.Span = q, span
				out = append(out, c)
				joined[[2]int{q.Index, span}] = true
			} else if len(arts) == 1 {
				// (The end of a quotation joined back to its start is the
				// quotation's candidate already.)
				if q, span, ok := passage(a, k); ok && !joined[[2]int{q.Index, span}] {
					c.Sentence, c.Span = q, span
					c.Position = float64(q.Index) / float64(max(n, 1))
					out = append(out, c)
				}
			}
		}
	}
	if len(out) == 0 {
		return looseCandidates(arts)
	}
	return out
}

// looseCandidates returns the candidates of a story of fragments (see
// [Candidates]): every sentence of at least three words that is no
// subheading and has a term.
func looseCandidates(arts []news.Article) []Candidate {
	var loose []Candidate
	for ai, a := range arts {
		n := len(a.Sentences)
		for _, s := range a.Sentences {
			if !s.Heading && s.Words >= 3 && len(s.Terms) > 0 {
				loose = append(loose, Candidate{Article: ai, Sentence: s, Position: float64(s.Index) / float64(max(n, 1)), Published: a.Date})
			}
		}
	}
	return loose
}

// Standalone reports whether s can appear in a summary out of its context:
// it has minWords to maxWords words, ends like a sentence, has balanced
// quotes, is not split by " | " (page furniture: "caption | Getty
// headline"), does not open with a pronoun or connective whose referent
// is in the sentence before, and does not speak as its writer ("As my
// colleague reported") outside a quotation.
func Standalone(s news.Sentence) bool {
	return standalone(s, maxWords)
}

// standalone is [Standalone] with most words at most.
func standalone(s news.Sentence, most int) bool {
	if s.Words < minWords || s.Words > most || len(s.Terms) < 3 {
		return false
	}
	t := s.Text
	if !endsLikeSentence(t) || !quotesBalanced(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“'‘", first) {
		return false
	}
	if strings.HasSuffix(t, "?") || bareQuote(t) || hasBar(t) {
		return false
	}
	return !isDanglingOpener(strings.TrimRight(firstWord(t), ",;:")) && !authorSpeaks(t) && !listEntry(t)
}

// isDanglingOpener reports whether w, lower-cased, is one of
// danglingOpeners. An ASCII word is lower-cased into a buffer rather
// than a new string: it is the first word of every sentence.
func isDanglingOpener(w string) bool {
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return danglingOpeners[strings.ToLower(w)]
		}
	}
	if len(w) > len(buf) {
		return false // longer than any opener
	}
	b := buf[:len(w)]
	for i := range b {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return danglingOpeners[string(b)]
}

// listEntry reports whether t is an entry of a listing rather than a
// sentence: a title in capitals, of two words or more, then a colon or ",
// by", then text in ordinary case ("THE UNFINISHED PRESIDENCY, by Douglas
// Brinkley.", "STAR WARS: EPISODE I: Science fiction."). A sentence all in
// capitals (a transcript) is not one.
func listEntry(t string) bool {
	// The title runs to the first colon or comma. A lower-case ASCII
	// letter before it rules the title out, and most sentences have one
	// in their first bytes, so the scan stops there rather than search
	// the whole sentence for a colon.
	i := 0
	for ; i < len(t) && t[i] != ':' && t[i] != ','; i++ {
		if 'a' <= t[i] && t[i] <= 'z' {
			return false
		}
	}
	if i == 0 || i == len(t) {
		return false
	}
	return listTitle(t, i)
}

// listTitle reports whether t[:i], up to its colon or comma at i, is a
// listing's title in capitals of two words or more, followed by ": " or
// ", by " and text in ordinary case (see [listEntry]).
func listTitle(t string, i int) bool {
	head, rest := t[:i], t[i:]
	if t[i] == ',' && !strings.HasPrefix(rest, ", by ") {
		return false
	}
	words := strings.Fields(head)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return strings.ToUpper(rest) != rest
}

// firstPerson are the words of a writer speaking of themselves. "We" and
// "our" are left out: outside quotation marks they are as often a
// paper's or a group's voice in reported speech, and "US" is a country.
var firstPerson = map[string]bool{"I": true, "I'm": true, "I've": true, "my": true, "My": true, "me": true}

// authorSpeaks reports whether t, outside quotation marks, speaks in the
// first person ("As my Washington Post colleague reported"): in a brief
// from many outlets the writer it refers to is missing.
//
// Words are runs of letters and apostrophes, and no quotation mark is
// part of one, so t is read only at the bytes that can matter: a
// quotation mark ('"', and the lead byte 0xE2 of “ and ”) turns quoting
// on or off, and a word starting with 'I', 'M' or 'm' (those of
// firstPerson) is read to its end. Eight bytes holding none of them are
// passed over at once.
func authorSpeaks(t string) bool {
	quoted := false
	for i := 0; i < len(t); {
		for i+8 <= len(t) && !firstPersonStopIn(load64(t[i:i+8])) {
			i += 8
		}
		if i == len(t) {
			break
		}
		switch c := t[i]; c {
		case '"':
			quoted = !quoted
			i++
		case 0xE2:
			r, size := utf8.DecodeRuneInString(t[i:])
			if r == '“' || r == '”' {
				quoted = !quoted
			}
			i += size
		case 'I', 'M', 'm':
			if i > 0 && wordEndsAt(t, i) {
				i++ // inside a word
				continue
			}
			// A word starts at i; read to its end.
			start := i
			for i < len(t) {
				if c := t[i]; c < utf8.RuneSelf {
					if !wordByte[c] {
						break
					}
					i++
				} else if r, size := utf8.DecodeRuneInString(t[i:]); unicode.IsLetter(r) || r == '’' {
					i += size
				} else {
					break
				}
			}
			if !quoted && isFirstPerson(t[start:i]) {
				return true
			}
		default:
			i++
		}
	}
	return false
}

// wordEndsAt reports whether t[:i] ends in a letter or an apostrophe:
// whether a word of authorSpeaks runs on at i.
func wordEndsAt(t string, i int) bool {
	if c := t[i-1]; c < utf8.RuneSelf {
		return wordByte[c]
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return unicode.IsLetter(r) || r == '’'
}

// firstPersonStopIn reports whether any of the eight bytes of x is one
// authorSpeaks stops at: '"', 0xE2, 'I', 'M' or 'm'.
func firstPersonStopIn(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// A byte of x^c*ones is 0 where x holds c, and (y-ones)&^y&highs is
	// not 0 exactly when some byte of y is 0. (Written out, so that it
	// is inlined.)
	a, b, c, d, e := x^'"'*ones, x^0xE2*ones, x^'I'*ones, x^'M'*ones, x^'m'*ones
	return ((a-ones)&^a|(b-ones)&^b|(c-ones)&^c|(d-ones)&^d|(e-ones)&^e)&highs != 0
}

// load64 returns the first eight bytes of s, s[0] lowest (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordByte marks the ASCII bytes of a word for authorSpeaks: letters
// and the straight apostrophe.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || c == '\''
	}
	return t
}()

// isFirstPerson reports whether w, with curly apostrophes made straight,
// is one of firstPerson; it looks up only words that could be ("I’ve",
// the longest, is 6 bytes).
func isFirstPerson(w string) bool {
	if len(w) == 0 || len(w) > 6 || w[0] != 'I' && w[0] != 'm' && w[0] != 'M' {
		return false
	}
	return firstPerson[strings.ReplaceAll(w, "’", "'")]
}

// danglingOpeners are first words that point back to a previous sentence:
// personal and demonstrative pronouns and discourse connectives.
var danglingOpeners = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true,
	"his": true, "its": true, "their": true, "them": true, "this": true, "these": true,
	"those": true, "that": true, "such": true, "both": true, "but": true, "and": true,
	"or": true, "so": true, "also": true, "however": true, "instead": true,
	"still": true, "yet": true, "then": true, "thus": true, "therefore": true,
	"meanwhile": true, "moreover": true, "furthermore": true, "besides": true,
	"otherwise": true, "nevertheless": true, "nonetheless": true, "there": true,
	"here": true, "other": true, "another": true, "others": true, "we": true,
	"i": true, "you": true, "our": true, "my": true, "your": true, "later": true,
}

// firstWord returns the first word of s, its opening quotes and
// brackets ("“'‘() trimmed: up to the first white space. It reads
// bytes, and decodes only from a byte of 0x80 or more: strings.TrimLeft
// with the curly quotes in its set and IndexFunc decoded every rune.
func firstWord(s string) string {
	for len(s) > 0 {
		if c := s[0]; c == '"' || c == '\'' || c == '(' {
			s = s[1:]
		} else if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘") {
			s = s[len("“"):]
		} else {
			break
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return s[:i]
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return s[:i]
		}
		i += size
	}
	return s
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// hasBar reports whether t holds " | ", as strings.Contains does.
func hasBar(t string) bool {
	// strings.Contains stops at every space; a bar is rare.
	for i := 1; i+1 < len(t); i++ {
		k := strings.IndexByte(t[i:len(t)-1], '|')
		if k < 0 {
			return false
		}
		if i += k; t[i-1] == ' ' && t[i+1] == ' ' {
			return true
		}
	}
	return false
}

// endsLikeSentence reports whether t ends in '.', '!' or '?', before
// any closing quotation marks and brackets ("\"'’”)").
func endsLikeSentence(t string) bool {
	for len(t) > 0 {
		r, size := utf8.DecodeLastRuneInString(t)
		switch r {
		case '"', '\'', '’', '”', ')':
			t = t[:len(t)-size]
			continue
		}
		return r == '.' || r == '!' || r == '?'
	}
	return false
}

// quotesBalanced reports whether every quotation the sentence opens is
// closed in it and none it closes was opened before it. Curly and
// straight marks pair with each other (scraped text often opens with “
// and closes with "); a straight mark opens unless it follows a word or
// a stop and comes before a space, a stop or the end: `MESSAGE." It said
// "...` ends a quotation begun in an earlier sentence.
func quotesBalanced(t string) bool {
	open, ok := scanQuotes(t, false)
	return ok && !open
}

// scanQuotes reads the quotation marks of t, as [quotesBalanced] does,
// from a state where a quotation is open or not, and returns whether one
// is open at the end; ok is false when a mark cannot pair.
func scanQuotes(t string, open bool) (stillOpen, ok bool) {
	// Only '"', '“' (E2 80 9C) and '”' (E2 80 9D) matter, and a UTF-8
	// lead byte such as E2 never sits inside another rune, so the scan
	// jumps from one '"' or E2 byte to the next: nq and ne are the next
	// of each at or after i (len(t) when there is none), found again
	// with IndexByte once i passes them.
	nq, ne := -1, -1
	for i := 0; i < len(t); i++ {
		if nq < i {
			nq = indexFrom(t, i, '"')
		}
		if ne < i {
			ne = indexFrom(t, i, 0xE2)
		}
		if i = min(nq, ne); i == len(t) {
			break
		}
		var r rune
		switch c := t[i]; {
		case c == '"':
			r = '"'
		case c == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x9C:
			r = '“'
		case c == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x9D:
			r = '”'
		default:
			continue
		}
		switch r {
		case '“':
			if open {
				return open, false
			}
			open = true
		case '”':
			if !open {
				return open, false
			}
			open = false
		case '"':
			if open {
				open = false
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(t[:i])
			after, _ := utf8.DecodeRuneInString(t[i+1:])
			closes := i > 0 && !unicode.IsSpace(before) && !strings.ContainsRune("([{—–-", before) &&
				(i+1 == len(t) || unicode.IsSpace(after) || unicode.IsPunct(after))
			if closes {
				return open, false
			}
			open = true
		}
	}
	return open, true
}

// indexFrom returns the index of the first c in t at or after i, or
// len(t) when there is none.
func indexFrom(t string, i int, c byte) int {
	if k := strings.IndexByte(t[i:], c); k >= 0 {
		return i + k
	}
	return len(t)
}

// bareQuote reports whether t is a quotation with no speaker: it opens
// with a quote mark and closes with one.
func bareQuote(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("\"“", first) && strings.ContainsRune("\"”", last)
}

// maxQuotationSentences is the most sentences a quotation candidate
// joins.
const maxQuotationSentences = 4

// A passage is at most maxPassageBack sentences and the one that needs
// them, of maxPassageWords words at most.
const (
	maxPassageBack  = 3
	maxPassageWords = 2 * maxWords
)

// passage returns sentence k of a joined with the fewest sentences before
// it that make a text able to stand alone (see [Standalone], with up to
// maxPassageWords words), and how many sentences that is: "Those
// accounts were removed." needs the sentence that names them. Like a
// quotation, it is one span of the article's text, cited like a
// sentence; unlike one it may cross a paragraph break (keeping to one
// paragraph gave less than half the gain on single articles, see
// README).
func passage(a news.Article, k int) (news.Sentence, int, bool) {
	last := a.Sentences[k]
	if last.Words < 3 || len(last.Terms) == 0 || bareQuote(last.Text) {
		return news.Sentence{}, 0, false
	}
	for j := k - 1; j >= 0 && j >= k-maxPassageBack; j-- {
		if !contextSentence(a, j) {
			break
		}
		q := joinSentences(a, j, k)
		if q.Words > maxPassageWords {
			break
		}
		check := q
		var ok bool
		if check.Text, ok = continuedQuotations(a, j, k); ok && standalone(check, maxPassageWords) {
			return q, k - j + 1, true
		}
	}
	return news.Sentence{}, 0, false
}

// contextSentence reports whether sentence j of a may open or continue
// a passage: it is no subheading and ends like a sentence (not a
// heading or a widget's text),
// is no quotation without its speaker, and only white space lies between
// it and the next sentence (nothing that cleaning dropped).
func contextSentence(a news.Article, j int) bool {
	s, next := a.Sentences[j], a.Sentences[j+1]
	return !s.Heading && endsLikeSentence(s.Text) && !bareQuote(s.Text) &&
		next.Start >= s.End && strings.TrimSpace(a.Text[s.End:next.Start]) == ""
}

// continuedQuotations returns the text of sentences j to k of a with the
// mark that reopens a quotation at the head of a paragraph left out: by
// the convention of a quotation over several paragraphs, each opens with
// a mark and only the last closes, so `"We are ready. ¶ "We will win."`
// is one quotation. ok is false when a quotation open at the end of a
// paragraph is not reopened at the head of the next: where it ends is
// unclear.
func continuedQuotations(a news.Article, j, k int) (text string, ok bool) {
	var sb strings.Builder
	open := false
	for i := j; i <= k; {
		e := i
		for e < k && a.Sentences[e+1].Paragraph == a.Sentences[i].Paragraph {
			e++
		}
		t := a.Text[a.Sentences[i].Start:a.Sentences[e].End]
		if open {
			r, size := utf8.DecodeRuneInString(t)
			if r != '"' && r != '“' {
				return "", false
			}
			t = t[size:]
		}
		if i > j {
			sb.WriteString(" ")
		}
		sb.WriteString(t)
		open, _ = scanQuotes(t, open)
		i = e + 1
	}
	return sb.String(), true
}

// joinSentences returns sentences j to k of a as one sentence.
func joinSentences(a news.Article, j, k int) news.Sentence {
	first, last := a.Sentences[j], a.Sentences[k]
	q := news.Sentence{
		ArticleID: first.ArticleID, Index: first.Index, Paragraph: first.Paragraph,
		Start: first.Start, End: last.End, Text: a.Text[first.Start:last.End],
	}
	for _, s := range a.Sentences[j : k+1] {
		q.Words += s.Words
		q.Terms = append(q.Terms, s.Terms...)
		q.Stems = append(q.Stems, s.Stems...)
	}
	return q
}

// quotation returns sentence k of a joined with the sentences after it,
// in its paragraph, up to the one that closes the quotation it opens,
// and how many sentences that is: one span of the article's text, cited
// like a sentence, when it can stand alone (see [Standalone]).
func quotation(a news.Article, k int) (news.Sentence, int, bool) {
	first := a.Sentences[k]
	if quotesBalanced(first.Text) || !strings.ContainsAny(first.Text, "\"“") {
		return news.Sentence{}, 0, false
	}
	q := first
	for n := 2; n <= maxQuotationSentences && k+n-1 < len(a.Sentences); n++ {
		next := a.Sentences[k+n-1]
		if next.Paragraph != first.Paragraph || q.Words+next.Words > maxWords ||
			next.Start < q.End || strings.TrimSpace(a.Text[q.End:next.Start]) != "" {
			break
		}
		q = joinSentences(a, k, k+n-1)
		if quotesBalanced(q.Text) {
			if Standalone(q) {
				return q, n, true
			}
			break
		}
	}
	return news.Sentence{}, 0, false
}
