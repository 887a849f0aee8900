package clean

import (
	"strings"
	"testing"
	"unicode"
)

// containsBits is the definition phraseSets.match must agree with: one
// strings.Contains per phrase.
func containsBits(s string, lists ...[]string) uint8 {
	var bits uint8
	for i, l := range lists {
		for _, p := range l {
			if strings.Contains(s, p) {
				bits |= 1 << i
			}
		}
	}
	return bits
}

func TestPhraseSets(t *testing.T) {
	t.Parallel()
	lists := [][]string{siteNotices, legalPhrases, jobPhrases, promoPhrases}
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"short", "abc"},
		{"prose", "the ferry crews walked out on tuesday morning, the union said."},
		{"notice at the end", "read the story. this copy is for your personal, non-commercial use only"},
		{"two lists", "privacy policy | sign up for our newsletter"},
		{"phrase cut short", "all rights reserve"},
		{"other script", "© 2024 新闻网 版权所有"},
		{"accents", "tous droits réservés à l'auteur"},
	}
	for _, l := range lists {
		for _, p := range l {
			tests = append(tests, struct{ name, text string }{"phrase " + p, "x " + p + " y"}, struct{ name, text string }{"bare " + p, p})
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got, want := rulePhrases().match(tc.text), containsBits(tc.text, lists...); got != want {
				t.Errorf("rulePhrases().match(%q) = %04b, want %04b", tc.text, got, want)
			}
		})
	}
}

func FuzzPhraseSets(f *testing.F) {
	f.Add("privacy policy and terms of use")
	f.Add("subscribe now to the newsletter")
	f.Fuzz(func(t *testing.T, s string) {
		lists := [][]string{siteNotices, legalPhrases, jobPhrases, promoPhrases}
		if got, want := rulePhrases().match(s), containsBits(s, lists...); got != want {
			t.Errorf("rulePhrases().match(%q) = %04b, want %04b", s, got, want)
		}
	})
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"spaces only", " \t\n "},
		{"ascii", "  The Ferry\tCrews  WALKED\n\nout "},
		{"unicode space and case", "Ärger\u00a0ÜBER  die\u2003Fähre"},
		{"invalid byte", "Bad \xff Byte"},
		{"invalid ascii-only", "\xffABC"},
		{"single-spaced", "The Ferry Crews WALKED out"},
		{"single-spaced unicode", "Ärger ÜBER die Fähre \xff İs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			want := strings.ToLower(strings.Join(strings.Fields(tc.in), " "))
			if got := normalize(tc.in); got != want {
				t.Errorf("normalize(%q) = %q, want %q", tc.in, got, want)
			}
			// The rules' state, which takes a single-spaced block's
			// lower case.
			if got := new(state).norm(tc.in); got != want {
				t.Errorf("state.norm(%q) = %q, want %q", tc.in, got, want)
			}
			if got := string(appendNormalize([]byte("x"), tc.in)); got != "x"+want {
				t.Errorf("appendNormalize(\"x\", %q) = %q, want %q", tc.in, got, "x"+want)
			}
		})
	}
}

func FuzzNorm(f *testing.F) {
	f.Add("Ärger\u00a0ÜBER  die\u2003Fähre")
	f.Add("The Ferry Crews \xff")
	f.Add("Eight ASCII bytes at a time,  THEN\ttwo  spaces and a tab; ABCDEFGH IJKLMNOP  QRSTUVWX")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got := new(state).norm(s); got != want {
			t.Errorf("state.norm(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendNormalize(nil, s)); got != want {
			t.Errorf("appendNormalize(nil, %q) = %q, want %q", s, got, want)
		}
	})
}

func TestEnglishCount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"english", "The cat and the dog WERE at THE door, that is all."},
		{"other", "Der Hund und die Katze"},
		{"unicode", "İs Ärger the thé \xff and"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			n, en := 0, 0
			for _, f := range strings.FieldsFunc(tc.in, func(r rune) bool { return !unicode.IsLetter(r) }) {
				n++
				if englishWords[strings.ToLower(f)] {
					en++
				}
			}
			if gn, gen := englishCount(tc.in); gn != n || gen != en {
				t.Errorf("englishCount(%q) = %d, %d, want %d, %d", tc.in, gn, gen, n, en)
			}
		})
	}
}
