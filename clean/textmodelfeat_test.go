package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sentenceEndsRef is sentenceEnds as first written, byte by byte: the
// reference for the version that passes over eight bytes at a time.
func sentenceEndsRef(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '?', '!':
			j := i + 1
			for j < len(text) && strings.IndexByte("\"')]", text[j]) >= 0 {
				j++
			}
			if j == len(text) || text[j] == ' ' {
				n++
			}
		}
	}
	return n + strings.Count(text, "。")
}

func FuzzSentenceEnds(f *testing.F) {
	for _, s := range []string{
		"", "One. Two? Three!", "He said \"no.\" Then left.", "a.b", "x.)] y", "句子。句子。", "eight by eight bytes, then a stop.",
		"abcdefg. abcdefgh! abcdefgh?\"') x", "...!!!???", "\xff.\xfe ", "abcdefgh.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sentenceEnds(s), sentenceEndsRef(s); got != want {
			t.Errorf("sentenceEnds(%q) = %d, want %d", s, got, want)
		}
	})
}

// blockStatsRef is blockStats before it counted a word of ASCII letters
// at once: the reference it must agree with.
func blockStatsRef(text string, pt *pageTerms, buf []byte) (textLineStats, []byte) {
	var s textLineStats
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if statClass[r]&statSpace != 0 {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if statClass[c]&statSpace != 0 {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += s2
		}
		w := text[i:j]
		i = j
		s.words++
		letters, lower := 0, 0
		// A term is a run of letters and digits: termAt its start (-1
		// outside one), termRunes its runes so far.
		termAt, termRunes, han := -1, 0, false
		for k, r := range w {
			s.chars++
			if r < utf8.RuneSelf {
				// The same counts as below, from a table.
				switch c := statClass[r]; {
				case c&(statLetter|statDigit) != 0:
					if termAt < 0 {
						termAt, termRunes, han = k, 0, false
					}
					termRunes++
					if c&statLetter != 0 {
						letters++
						lower += int(bool01(c&statLower != 0))
					} else {
						s.digits++
					}
					continue
				case termAt >= 0:
					buf = addTerm(pt, w[termAt:k], termRunes, han, buf)
					termAt = -1
				}
				switch r {
				case ',':
					s.commas++
				case '!':
					s.exclaims++
				case '"':
					s.quotes++
				case '@', '|', '#':
					s.linkMarks++
				}
				continue
			}
			if isTermRune(r) {
				if termAt < 0 {
					termAt, termRunes, han = k, 0, unicode.Is(unicode.Han, r)
				}
				termRunes++
			} else if termAt >= 0 {
				buf = addTerm(pt, w[termAt:k], termRunes, han, buf)
				termAt = -1
			}
			switch {
			case unicode.IsLetter(r):
				letters++
				lower += int(bool01(unicode.IsLower(r)))
			case unicode.IsDigit(r):
				s.digits++
			case r == ',':
				s.commas++
			case r == '!':
				s.exclaims++
			case r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
				s.quotes++
				s.linkMarks += int(bool01(r == '»'))
			case r == '@' || r == '|' || r == '›' || r == '©' || r == '#':
				s.linkMarks++
			}
		}
		if termAt >= 0 {
			buf = addTerm(pt, w[termAt:], termRunes, han, buf)
		}
		s.letters += letters
		if unicode.IsUpper(r) {
			s.capitalised++
			if s.leadCaps == s.words-1 {
				s.leadCaps++
			}
		}
		if letters > 0 && letters <= 3 {
			s.short++
		}
		if len(w) >= 4 && (strings.Contains(w, "http") || strings.IndexByte(w, '.') >= 0 && (strings.Contains(w, "www.") || strings.Contains(w, ".com"))) {
			s.linkMarks++
		}
		if letters <= 8 {
			c := wordClasses[classKey(w)]
			s.person += int(bool01(c&personWord != 0))
			s.you += int(bool01(c&youWord != 0))
			s.we += int(bool01(c&weWord != 0))
			s.i += int(bool01(c&iWord != 0))
			s.function += int(bool01(c&functionWord != 0))
			s.youEarly = s.youEarly || c&youWord != 0 && s.words <= 5
		}
		if letters >= 2 && lower == 0 {
			s.caps++
		}
	}
	pt.at = append(pt.at, len(pt.ids))
	return s, buf
}

// FuzzBlockStats holds blockStats to blockStatsRef: the same counts and
// the same terms, block after block.
func FuzzBlockStats(f *testing.F) {
	for _, s := range []string{
		"", "The ferry crews walked out on Tuesday.", "Ärger über die Fähre, sagte er!", "渡轮罢工第三天 ferry", "@name #tag | www.example.com http://x",
		"I think YOU and we said \"no\" to them", "ABC DEF ghi JKLM 12ab3 x1y2", "\xffbad\xfe bytes «quoted» “curly” ›",
	} {
		f.Add(s, "second block of Words")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		pt, ref := newPageTerms(2, len(a)+len(b)), newPageTerms(2, len(a)+len(b))
		var buf, rbuf []byte
		for _, s := range []string{a, b} {
			var got, want textLineStats
			got, buf = blockStats(s, pt, buf)
			want, rbuf = blockStatsRef(s, ref, rbuf)
			if got != want {
				t.Fatalf("blockStats(%q) = %+v, want %+v", s, got, want)
			}
		}
		if !slices.Equal(pt.ids, ref.ids) || !slices.Equal(pt.at, ref.at) || pt.n != ref.n {
			t.Fatalf("blockStats(%q, %q) terms %v %v, want %v %v", a, b, pt.ids, pt.at, ref.ids, ref.at)
		}
	})
}
