package enrich

import (
	"strings"
	"testing"
)

// TestBigrams checks that mayHold never says no to a string the text
// holds, and says no to some it does not.
func TestBigrams(t *testing.T) {
	t.Parallel()
	text := `"We have agreed to work with the Ukrainian government," Sergei Lavrov said in Paris.`
	var g bigrams
	g.fill(text)
	for i := range len(text) {
		for j := i; j <= len(text) && j <= i+12; j++ {
			if !g.mayHold(text[i:j]) {
				t.Fatalf("mayHold(%q) = false, but the text holds it", text[i:j])
			}
		}
	}
	for _, s := range []string{"Kerry", "John Kerry", "Qatar", "Zhou"} {
		if strings.Contains(text, s) {
			t.Fatalf("the text holds %q", s)
		}
		if g.mayHold(s) {
			t.Errorf("mayHold(%q) = true, want false", s)
		}
	}
}

// FuzzBigrams checks that mayHold says yes to every part of the text.
func FuzzBigrams(f *testing.F) {
	f.Add("Kerry met Lavrov", 2, 9)
	f.Fuzz(func(t *testing.T, text string, i, j int) {
		if i < 0 || j < i || j > len(text) {
			return
		}
		var g bigrams
		g.fill(text)
		if !g.mayHold(text[i:j]) {
			t.Errorf("mayHold(%q) = false in %q", text[i:j], text)
		}
	})
}
