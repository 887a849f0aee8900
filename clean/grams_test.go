package clean

import (
	"strings"
	"testing"
)

// gramSubs are strings the rules ask a block's grams about.
var gramSubs = []string{"/", "(", ":", "|", "©", "ſ", "cookie", "(c)", "copyright", "getty images", "follow ", " second",
	"photo credit", "bild via", "crédit", "zdjęcie", "fot.", "a", "zz"}

// checkGrams holds the grams of s's lower case to what the rules take
// from them: contains is strings.Contains on the lower case, and on s
// itself for ASCII strings without capitals and for "©"; hasByte of an
// ASCII byte other than a letter is whether s holds it.
func checkGrams(t *testing.T, s string, subs []string) {
	t.Helper()
	lower := strings.ToLower(s)
	g := (*state)(nil).grams(lower)
	for _, sub := range subs {
		if sub == "" {
			continue
		}
		if got, want := g.contains(lower, sub), strings.Contains(lower, sub); got != want {
			t.Errorf("grams of %q: contains(lower, %q) = %v, want %v", lower, sub, got, want)
		}
		if sub == "©" || isASCII(sub) && sub == strings.ToLower(sub) {
			if got, want := g.contains(s, sub), strings.Contains(s, sub); got != want {
				t.Errorf("grams of ToLower(%q): contains(s, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
	for c := byte(0); c < 0x80; c++ {
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			continue
		}
		if got, want := g.hasByte(c), strings.IndexByte(s, c) >= 0; got != want {
			t.Errorf("grams of ToLower(%q): hasByte(%q) = %v, want %v", s, c, got, want)
		}
	}
}

func TestGrams(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "a", "Photo: Priya Nand", "(AP Photo/Jane Doe)", "© 2023 The Independent", "COPYRIGHT (C) 2014",
		"We use Cookies to improve your experience", "Follow us on Twitter", "Wait 1 SECOND to continue",
		"Foto: Christof Stache", "Crédit photo : AFP", "Zdjęcie: PAP", "İstanbul \u212a ſ", "bad \xff\xc2 bytes ©\xa9",
	} {
		checkGrams(t, s, append(gramSubs, strings.Fields(strings.ToLower(s))...))
	}
}

func FuzzGrams(f *testing.F) {
	f.Add("Photo: Priya Nand", "photo")
	f.Add("\xc2\xa9\xe2©", "©")
	f.Fuzz(func(t *testing.T, s, sub string) {
		checkGrams(t, s, append(gramSubs, sub))
	})
}
