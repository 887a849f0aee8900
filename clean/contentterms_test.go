package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// contentTermsByFields is contentTerms as the lower-cased text's fields
// of letters and digits, the reference its one pass must match.
func contentTermsByFields(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(f)
		if unicode.Is(unicode.Han, r[0]) {
			for i := 0; i+1 < len(r); i++ {
				out = append(out, string(r[i:i+2]))
			}
			continue
		}
		if len(r) >= 4 {
			out = append(out, string(r[:4]))
		}
	}
	return out
}

func FuzzContentTerms(f *testing.F) {
	for _, s := range []string{
		"", "The FERRY crews' strike, day 3", "İSTANBUL ferries \xff broke", "渡轮罢工第三天 ferry", "a b cd efgh",
		"Ärger über die Fähre", "x渡轮", "渡轮x", "ΣΊΣΥΦΟΣ ΣΟΦΟΣ", "ǅemal ǈubav",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := contentTerms(s), contentTermsByFields(s); !slices.Equal(got, want) {
			t.Errorf("contentTerms(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzAppendLower: appendLower is unicode.ToLower rune by rune (an
// invalid byte U+FFFD), after what buf holds.
func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "FERRY", "Fähre", "ÄRGER", "İs", "ab\xffCD", "渡轮"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte("x")
		for _, r := range s {
			want = utf8.AppendRune(want, unicode.ToLower(r))
		}
		if got := appendLower([]byte("x"), s); string(got) != string(want) {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
