package summarize

import "testing"

func TestQuotesBalanced(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`The minister said "talks went well" on Monday.`, true},
		{`"Talks went well," the minister said.`, true},
		{`He called it "a good day."`, true},
		{`The minister said "talks went well.`, false},
		{`SPECIAL MESSAGE." It was a bulletin that said "MOST OF THE AREA IS FLOODED.`, false},
		{`It was fun as it seemed."It sucks," she says.`, true},
		{`The minister said “talks went well” on Monday.`, true},
		{`The minister said “talks went well on Monday.`, false},
	}
	for _, tc := range tests {
		if got := quotesBalanced(tc.text); got != tc.want {
			t.Errorf("quotesBalanced(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
