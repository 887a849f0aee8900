package enrich

import (
	"fmt"
	"regexp"
	"testing"
)

// wordPattern is what wordSpans writes out by hand.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’.\-]*`)

func spansByPattern(s string) [][2]int {
	var out [][2]int
	for _, l := range wordPattern.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{l[0], l[1]})
	}
	return out
}

// FuzzWordSpans checks wordSpans against the regular expression it
// replaces.
func FuzzWordSpans(f *testing.F) {
	for _, s := range []string{"", "O'Neill met U.S. officials in Jean-Paul's café.", "-'.x", "3,000 troops", "naïve ’quote’ 2.5", "\xff\xfeA.b", "日本 語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordSpans(s), spansByPattern(s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("wordSpans(%q) = %v, want %v", s, got, want)
		}
	})
}
