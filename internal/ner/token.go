package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark of a text and its byte span
// [Start, End) in the text.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits text into tokens as the CoNLL-2003 files are tokenized:
// at spaces, with punctuation split off both ends of a word ("(Reuters)"
// gives "(", "Reuters", ")"), and the clitics 's, n't, 're, 've, 'll, 'd
// and 'm split off its end. A final period stays on an abbreviation
// ("U.S.", "Mr.", "Corp.") unless it ends the text.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5+1), text) // about one token in five bytes of news text
}

// AppendTokens appends the tokens of text, as Tokenize splits it, to dst
// and returns the extended slice: a caller tokenizing many texts can
// reuse one.
func AppendTokens(dst []Token, text string) []Token {
	out := dst
	// A run ends the text when only spaces follow it.
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	for i := 0; i < len(text); {
		// A space (the test of spaceAt written out for an ASCII byte).
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				i++
				continue
			}
		} else if n := spaceAt(text, i); n > 0 {
			i += n
			continue
		}
		// The run at i; plain, when it is ASCII letters and digits only.
		j, plain := i, true
		for j < len(text) {
			for j < len(text) && asciiAlnum[text[j]] {
				j++
			}
			if j == len(text) {
				break
			}
			if c := text[j]; c < utf8.RuneSelf {
				if asciiSpace[c] != 0 {
					break
				}
				plain = false
				j++
				continue
			}
			if spaceAt(text, j) > 0 {
				break
			}
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
			plain = false
		}
		if plain {
			// One token: nothing to split off either end (no punctuation,
			// no period, no clitic without its apostrophe).
			out = append(out, Token{text[i:j], i, j})
		} else {
			out = splitWord(out, text, i, j, j >= end)
		}
		i = j
	}
	return out
}

// spaceAt returns the length of the space (unicode.IsSpace) at byte i
// of text, or 0 when the rune there is no space: an ASCII byte is read
// from a table, without decoding.
func spaceAt(text string, i int) int {
	if c := text[i]; c < utf8.RuneSelf {
		return int(asciiSpace[c])
	}
	if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
}

// asciiAlnum is true for the ASCII letters and digits (and false for
// the bytes above ASCII).
var asciiAlnum = func() (t [256]bool) { // indexed by any byte: no bounds check
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// asciiSpace is 1 for the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// isLeadPunct and isTrailPunct report whether r is one of leadPunct or
// trailPunct: a switch for an ASCII rune, without searching the string.
func isLeadPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '$':
		return true
	}
	return r >= utf8.RuneSelf && strings.ContainsRune(leadPunct, r)
}

func isTrailPunct(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', ',', ';', ':', '!', '?', '%':
		return true
	}
	return r >= utf8.RuneSelf && strings.ContainsRune(trailPunct, r)
}

// leading and trailing punctuation split off a word.
// (isLeadPunct and isTrailPunct list their ASCII runes again.)
const (
	leadPunct  = `([{"'“‘$«`
	trailPunct = `)]}"'”’,;:!?%»`
)

// clitics split off the end of a word, longest first.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// splitWord appends the tokens of text[i:j], a run without spaces; last
// reports whether the run ends the text.
func splitWord(out []Token, text string, i, j int, last bool) []Token {
	var buf [4]Token
	tail := buf[:0] // split off the end, in reverse order
	for i < j {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isLeadPunct(r) || i+n == j {
			break
		}
		out = append(out, Token{text[i : i+n], i, i + n})
		i += n
	}
	for i < j {
		w := text[i:j]
		r, n := rune(w[len(w)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(w)
		}
		switch {
		case isTrailPunct(r) && len(w) > n:
			tail = append(tail, Token{w[len(w)-n:], j - n, j})
			j -= n
			continue
		case r == '.' && len(w) > 1 && !abbreviation(w, last && len(tail) == 0):
			tail = append(tail, Token{".", j - 1, j})
			j--
			continue
		}
		if c := clitic(w); c > 0 && c < len(w) {
			tail = append(tail, Token{w[len(w)-c:], j - c, j})
			j -= c
		}
		break
	}
	if i < j {
		out = append(out, Token{text[i:j], i, j})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// clitic returns the length of the clitic that ends w, in any case, or 0.
func clitic(w string) int {
	// Every clitic has an apostrophe in its last five bytes: most words
	// have none there.
	if tail := w[max(0, len(w)-5):]; strings.IndexByte(tail, '\'') < 0 && !strings.Contains(tail, "’") {
		return 0
	}
	for _, c := range clitics {
		if hasSuffixFold(w, c) {
			return len(c)
		}
	}
	return 0
}

// hasSuffixFold reports whether w ends with suffix, a lower-case clitic,
// in any case: whether strings.ToLower(w) ends with it, without the
// allocation. Only the ASCII capitals lower-case to the letters of a
// clitic (the other letters that lower-case to ASCII, U+0130 and the
// Kelvin sign, give i and k), and its apostrophes have no case, so the
// bytes of w can be compared one for one.
func hasSuffixFold(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	w = w[len(w)-len(suffix):]
	for i := 0; i < len(suffix); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// abbreviation reports whether w, which ends in a period, keeps it: a
// word with another period ("U.S."), or a capitalized word of up to four
// letters ("Mr.", "Corp.", "Jan."), unless end says the period ends the
// text and w has no other period.
func abbreviation(w string, end bool) bool {
	body := w[:len(w)-1]
	if strings.Contains(body, ".") {
		return true
	}
	if end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body)
	return unicode.IsUpper(r) && utf8.RuneCountInString(body) <= 4 && !allUpper(body)
}

func allUpper(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
