package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// weightWordsByRunes is weightWords rune by rune with unicode's tables
// alone, the reference its ASCII step table must match.
func weightWordsByRunes(text string) int {
	n, dense := 0, 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r):
			dense++
			inWord = false
		case unicode.IsSpace(r):
			inWord = false
		case !inWord && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n++
			inWord = true
		}
	}
	return n + dense/2
}

func TestWeightWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       int
	}{
		{"empty", "", 0},
		{"words", "Ten homes were damaged.", 4},
		{"punctuation joins", "state-of-the-art, e.g. U.S.", 3},
		{"digits", "3 of 10", 3},
		{"tabs and newlines", "a\tb\nc\r\nd\fe\vf", 6},
		{"leading symbol", "#tag @name", 2},
		{"no-break space", "a\u00a0b", 2},
		{"accents", "Ärger über die Fähre", 4},
		{"han pairs", "渡轮罢工第三天", 3},
		{"mixed", "ferry 渡轮 strike", 3},
		{"invalid byte", "ab\xffcd", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := weightWords(tc.text); got != tc.want {
				t.Errorf("weightWords(%q) = %d, want %d", tc.text, got, tc.want)
			}
			if got := weightWordsByRunes(tc.text); got != tc.want {
				t.Errorf("weightWordsByRunes(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}

func FuzzWeightWords(f *testing.F) {
	for _, s := range []string{
		"", "Ten homes were damaged.", "a\tb\nc", "#tag @name", "a\u00a0b", "Ärger über die Fähre",
		"渡轮罢工第三天", "ferry 渡轮 strike", "ab\xffcd", "ひらがな カタカナ ภาษาไทย", "x\u2003y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := weightWords(s), weightWordsByRunes(s); got != want {
			t.Errorf("weightWords(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestWeightWordsRandom holds weightWords to the rune-wise reference on
// texts mostly of letters, digits and white space, where it counts eight
// bytes at a time, with now and then a byte that makes it step.
func TestWeightWordsRandom(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "Z", "9", "m", " ", " ", "\t", "\n", "\r", "\v", "\f", ".", ",", "\x00", "\x7f", "@", "[", "`", "{", "/", ":", "é", "渡", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(40) {
			p := pieces[rng.IntN(8)] // mostly words and spaces
			if rng.IntN(10) == 0 {
				p = pieces[rng.IntN(len(pieces))]
			}
			b.WriteString(p)
		}
		s := b.String()
		if got, want := weightWords(s), weightWordsByRunes(s); got != want {
			t.Fatalf("weightWords(%q) = %d, want %d", s, got, want)
		}
	}
}
