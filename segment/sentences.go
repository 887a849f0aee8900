package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is the byte range [Start, End) of one sentence in the text given to
// [Sentences], with the index of the paragraph that holds it.
type Span struct {
	Start, End int
	Paragraph  int
}

// Sentences splits text into sentences and returns their spans in order.
// Paragraphs (runs of text separated by a blank line) never share a
// sentence, and a short line without final punctuation (a headline, a
// subheading) ends its sentence at the line break. Empty or all-space text
// gives no spans.
func Sentences(text string) []Span {
	// News sentences run to about 150 bytes: room for most texts' at
	// once, rather than the six or so doublings from none.
	spans := make([]Span, 0, len(text)/128+1)
	para := 0
	for start := 0; start < len(text); {
		end := paragraphEnd(text, start)
		if s, e := trimSpace(text, start, end); s < e {
			spans = splitParagraph(text, s, e, para, spans)
			para++
		}
		start = end
	}
	return spans
}

// paragraphEnd returns the end of the paragraph starting at start: the
// position just after the next blank line, or len(text).
func paragraphEnd(text string, start int) int {
	for i := start; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k
		// A blank line: "\n" followed by optional spaces and another "\n".
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return j + 1
		}
	}
	return len(text)
}

// splitParagraph appends the sentences of text[start:end] to spans.
func splitParagraph(text string, start, end, para int, spans []Span) []Span {
	sentStart := start
	emit := func(e int) {
		if s, e := trimSpace(text, sentStart, e); s < e {
			spans = append(spans, Span{Start: s, End: e, Paragraph: para})
		}
	}
	for i := start; i < end; {
		// Only a line break and sentence-final punctuation matter here;
		// any other ASCII byte is passed over without decoding.
		if !splitByte[text[i]] {
			i++
			// Eight bytes at a time while none of them is one to stop at.
			for i+8 <= end && !stopIn(load64(text[i:i+8])) {
				i += 8
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\n':
			if lineBreakEndsSentence(text, sentStart, i, end) {
				emit(i)
				sentStart = i + 1
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			// Runs of terminators: "?!", "...".
			for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			for j < end && strings.HasPrefix(text[j:end], "…") {
				j += len("…")
			}
			j = skipClosers(text, j, end)
			if j < end && isBoundary(text, sentStart, i, j, end) {
				emit(j)
				sentStart = j
			}
			i = j
			continue
		}
		i += size
	}
	emit(end)
	return spans
}

// splitByte marks the bytes splitParagraph stops at: a line break,
// sentence-final punctuation, and every byte of a rune that is not ASCII
// ("…" among them).
var splitByte = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	t['\n'], t['.'], t['!'], t['?'] = true, true, true, true
	return t
}()

// stopIn reports whether any of the eight bytes of x is one splitByte
// marks: a line break, '.', '!', '?', or a byte of 0x80 or more.
func stopIn(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// A byte of x^c*ones is 0 where x holds c, and (y-ones)&^y&highs is
	// not 0 exactly when some byte of y is 0. (Written out, so that it
	// is inlined.)
	a, b, c, d := x^'\n'*ones, x^'.'*ones, x^'!'*ones, x^'?'*ones
	return ((a-ones)&^a|(b-ones)&^b|(c-ones)&^c|(d-ones)&^d|x)&highs != 0
}

// load64 returns the first eight bytes of s, s[0] lowest (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// closers are the characters that may follow a sentence's final
// punctuation and still belong to it.
const closers = "\"')]’”»"

func skipClosers(text string, j, end int) int {
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if !strings.ContainsRune(closers, r) {
			break
		}
		j += size
	}
	return j
}

// isBoundary reports whether the terminator at text[p] whose sentence would
// end at j (after closing quotes) ends a sentence.
func isBoundary(text string, sentStart, p, j, end int) bool {
	// A boundary needs white space after it.
	r, _ := utf8.DecodeRuneInString(text[j:end])
	if !unicode.IsSpace(r) {
		return false
	}
	next, nextWord := nextStart(text, j, end)
	if next == 0 {
		return false
	}
	// The next sentence must start like one: an upper-case letter, a digit,
	// or an opening quote or bracket followed by one.
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
		return false
	}
	if text[p] != '.' || (j > p+1 && text[p+1] == '.') {
		// "?", "!" and ellipses before a capital end the sentence, but
		// not a quotation followed by its speaker: `"You're fired!"
		// Palin said.`
		return !(text[p] != '.' && quoteCloses(text, p, j) && isAttribution(text, j, end))
	}
	word := wordBefore(text, sentStart, p)
	lw := strings.ToLower(word)
	switch {
	case titles()[lw]:
		// "Mr. Lavrov", "Sen. Feinstein": a title never ends a sentence.
		return false
	case unicode.IsDigit(next) && (abbreviations()[lw] || months()[lw]):
		// "No. 5", "Jan. 6".
		return false
	case isInitials(word):
		// "John F. Kerry", "U.S. Secretary": split only before a word that
		// usually starts a sentence ("... in the U.S. The talks").
		return sentenceStarters()[nextWord]
	case abbreviations()[lw] || months()[lw]:
		return sentenceStarters()[nextWord]
	}
	return true
}

// quoteCloses reports whether a quotation mark follows the terminator at
// text[p] before j.
func quoteCloses(text string, p, j int) bool {
	return strings.ContainsAny(text[p:j], "\"'’”»")
}

// reportingVerbs are the verbs that introduce a speaker after a quotation.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "tells": true,
	"added": true, "adds": true, "wrote": true, "writes": true, "shouted": true, "replied": true,
	"recalled": true, "exclaimed": true, "joked": true, "quipped": true, "tweeted": true,
	"yelled": true, "declared": true, "insisted": true, "continued": true,
}

// isAttribution reports whether text from j starts with a short clause
// that names a speaker and ends the sentence: "Palin said.", "said the
// mayor.", "Palin told Fox News." (at most six words, with a reporting
// verb first or last, or "told" or "asked" and at most three words after
// it).
func isAttribution(text string, j, end int) bool {
	rest := text[j:min(end, j+80)]
	k := strings.IndexAny(rest, ".!?,;:\"“”")
	if k < 0 || (rest[k] != '.' && rest[k] != '!' && rest[k] != '?') {
		return false
	}
	words := strings.Fields(rest[:k])
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		if !reportingVerbs[lw] {
			continue
		}
		// "said Palin", "Palin said", "Palin told Fox News"; not "The
		// crowd said nothing and stayed".
		if i == 0 || i == len(words)-1 || (lw == "told" || lw == "tells" || lw == "asked") && len(words)-i <= 4 {
			return true
		}
	}
	return false
}

// nextStart returns the first letter or digit of the next sentence after
// white space at j, skipping opening quotes and brackets, and the word it
// begins.
func nextStart(text string, j, end int) (rune, string) {
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsSpace(r) || strings.ContainsRune("\"'([“‘«", r) {
			j += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return 0, ""
		}
		k := j
		for k < end {
			r2, s2 := utf8.DecodeRuneInString(text[k:end])
			if !unicode.IsLetter(r2) {
				break
			}
			k += s2
		}
		return r, text[j:k]
	}
	return 0, ""
}

// wordBefore returns the run of letters and periods that ends at text[p]
// (the period itself excluded), e.g. "U.S" or "Calif".
func wordBefore(text string, sentStart, p int) string {
	i := p
	for i > sentStart {
		r, size := utf8.DecodeLastRuneInString(text[sentStart:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return text[i:p]
}

// isInitials reports whether w is a single letter ("F") or dotted letters
// ("U.S", "D.C"): every part between its stops one rune. The parts are
// cut off one at a time rather than split into a new slice: it is asked
// of the word before nearly every full stop.
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for {
		part, rest, more := strings.Cut(w, ".")
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		if !more {
			return true
		}
		w = rest
	}
}

// lineBreakEndsSentence reports whether the single line break at text[i]
// ends the running sentence: the line before it is a headline-like line (a
// few words, no final punctuation) or the next line starts a list item.
func lineBreakEndsSentence(text string, sentStart, i, end int) bool {
	lineStart := strings.LastIndexByte(text[sentStart:i], '\n') + 1 + sentStart
	line := strings.TrimSpace(text[lineStart:i])
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(",;:-–—(", last) {
		return false
	}
	if strings.ContainsRune(".!?…"+closers, last) {
		return true
	}
	return fieldsUpTo(line, 10) < 10
}

// fieldsUpTo is min(len(strings.Fields(s)), most), counted without the
// slice.
func fieldsUpTo(s string, most int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < most; {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
