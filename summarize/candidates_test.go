package summarize

import (
	"slices"
	"testing"

	"tidings/news"
	"tidings/segment"
)

// TestPassages checks which sentences that cannot stand alone become
// passages with the sentences before them, and that a passage is one span
// of its article's text.
func TestPassages(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // candidate texts with passages
	}{
		{
			name: "pronoun takes its referent",
			text: "The harbour master closed the port on Monday morning. He said the storm would pass by Wednesday.",
			want: []string{
				"The harbour master closed the port on Monday morning.",
				"The harbour master closed the port on Monday morning. He said the storm would pass by Wednesday.",
			},
		},
		{
			name: "quotation takes its speaker",
			text: `"The quay is under water. Nobody can load a ship today," the harbour master told reporters on Monday.`,
			want: []string{
				`"The quay is under water. Nobody can load a ship today," the harbour master told reporters on Monday.`,
			},
		},
		{
			name: "not across paragraphs",
			text: "The harbour master closed the port on Monday morning.\n\nHe said the storm would pass by Wednesday.",
			want: []string{"The harbour master closed the port on Monday morning."},
		},
		{
			name: "standalone sentences are not joined",
			text: "The harbour master closed the port on Monday morning. The ferry company cancelled every crossing until Wednesday.",
			want: []string{
				"The harbour master closed the port on Monday morning.",
				"The ferry company cancelled every crossing until Wednesday.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{ID: "a", Text: tc.text}
			segment.Article(&a)
			var got []string
			for _, c := range candidates([]news.Article{a}, true) {
				if a.Text[c.Sentence.Start:c.Sentence.End] != c.Sentence.Text {
					t.Errorf("candidate %q is not the span [%d,%d) of its article", c.Sentence.Text, c.Sentence.Start, c.Sentence.End)
				}
				got = append(got, c.Sentence.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("candidates =\n  %q\nwant\n  %q", got, tc.want)
			}
			for _, c := range Candidates([]news.Article{a}) {
				if !slices.ContainsFunc(a.Sentences, func(s news.Sentence) bool { return s.Start == c.Sentence.Start && s.End == c.Sentence.End }) {
					t.Errorf("Candidates gave %q, which is not one sentence", c.Sentence.Text)
				}
			}
		})
	}
}

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
