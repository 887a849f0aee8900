package summarize

import (
	"strings"
	"testing"

	"tidings/news"
	"tidings/segment"
)

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
		{`“We will not tolerate abuse of this nature," the vice president said.`, true},
		{`"We will not tolerate abuse of this nature,” the vice president said.`, true},
		{`The talks ended.” Then the minister left.`, false},
		{`He said “it is “over”.`, false},
		{`"Yes," he said, "and "no."`, false},
	}
	for _, tc := range tests {
		if got := quotesBalanced(tc.text); got != tc.want {
			t.Errorf("quotesBalanced(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestAuthorSpeaks(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{`As my colleague Ana Ruiz reported, the ferry resumed on Monday.`, true},
		{`I spoke to the captain on Monday.`, true},
		{`"I spoke to the captain," the minister said.`, false},
		{`The minister said “my door is open” on Monday.`, false},
		{`The minister said “my door is open” and I agree.`, true},
		{`The US and Norland signed the treaty.`, false},
		{`We take your questions every week.`, false},
		{`The ferry's Iberian route reopened.`, false},
	}
	for _, tc := range tests {
		if got := authorSpeaks(tc.text); got != tc.want {
			t.Errorf("authorSpeaks(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestStandaloneRejectsFurniture(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The council approved the new harbour budget on Monday evening.", true},
		{"The mayor waved to the crowd at the harbour. | Getty Mayor opens the new harbour wall.", false},
	} {
		s := news.Sentence{Text: tc.text, Words: len(strings.Fields(tc.text)), Terms: segment.Terms(tc.text)}
		if got := Standalone(s); got != tc.want {
			t.Errorf("Standalone(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
