package segment

import (
	"strings"
	"testing"

	"tidings/news"
)

func TestArticleMarksHeadings(t *testing.T) {
	const text = "Ministers met on Monday. They agreed.\n\nWhat comes next?\n\nA second round is planned. It opens in May.\n\nWho will attend? Nobody knows."
	span := func(s string) [2]int {
		i := strings.Index(text, s)
		return [2]int{i, i + len(s)}
	}
	q1, q2 := span("What comes next?"), span("Who will attend? Nobody knows.")
	tests := []struct {
		name     string
		headings [][2]int
		want     []bool // Heading of each sentence
	}{
		{"none", nil, []bool{false, false, false, false, false, false, false}},
		{"one", [][2]int{q1}, []bool{false, false, true, false, false, false, false}},
		{"two, the last of two sentences", [][2]int{q1, q2}, []bool{false, false, true, false, false, true, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := news.Article{ID: "a", Text: text, Headings: tc.headings}
			Article(&a)
			if len(a.Sentences) != len(tc.want) {
				t.Fatalf("%d sentences, want %d", len(a.Sentences), len(tc.want))
			}
			for i, s := range a.Sentences {
				if s.Heading != tc.want[i] {
					t.Errorf("sentence %d %q: Heading = %v, want %v", i, s.Text, s.Heading, tc.want[i])
				}
			}
		})
	}
}
