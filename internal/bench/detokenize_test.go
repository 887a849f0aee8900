package bench

import "testing"

func TestDetokenize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"quotes_and_commas", "`` The generals will talk later today , '' an official said .", "\"The generals will talk later today,\" an official said."},
		{"clitics", "Let 's see . It is n't over .", "Let's see. It isn't over."},
		{"brackets_and_money", "a fine ( $ 5 ) was paid ; 10 % more", "a fine ($5) was paid; 10% more"},
		{"prose_untouched", "He said: \"Fine.\"", "He said: \"Fine.\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := detokenize(tc.in); got != tc.want {
				t.Errorf("detokenize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if pretokenized("A plain sentence, written as prose.") {
		t.Error("pretokenized(prose) = true, want false")
	}
	if !pretokenized("`` Yes , '' he said .") {
		t.Error("pretokenized(PTB text) = false, want true")
	}
}

func TestWireQuotes(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"``We will rebuild,'' the mayor said.", "\"We will rebuild,\" the mayor said."},
		{"drugs called ``NSAIDs'' for pain", "drugs called \"NSAIDs\" for pain"},
		{"the mayor's plan", "the mayor's plan"},
	}
	for _, tc := range tests {
		if got := wireQuotes(tc.in); got != tc.want {
			t.Errorf("wireQuotes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
