package summarize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"tidings/news"
)

// TestWordsByData checks that words numbers stems by their bytes
// whatever their addresses: strings of one word in separate memory, the
// same memory shared, prefixes of one another at one address, and
// enough distinct strings to grow the address table.
func TestWordsByData(t *testing.T) {
	t.Parallel()
	shared := "port"
	buf := "ports"
	many := func(n int, clone bool) []string {
		var out []string
		for i := range n {
			w := fmt.Sprintf("w%d", i%97)
			if clone {
				w = strings.Clone(w)
			}
			out = append(out, w)
		}
		return out
	}
	tests := []struct {
		name  string
		stems [][]string // by sentence
	}{
		{"separate memory", [][]string{{"port", strings.Clone("port"), "strike"}, {strings.Clone("strike"), strings.Clone("port")}}},
		{"shared memory", [][]string{{shared, shared, "strike"}, {shared}}},
		{"prefixes at one address", [][]string{{buf[:4], buf, buf[:3]}, {buf[:5], "port", "por"}}},
		{"empty", [][]string{{"", "a", ""}, {}}},
		{"many cloned", [][]string{many(3000, true), many(500, true)}},
		{"many shared", [][]string{many(3000, false), many(500, false)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := news.Article{ID: "a"}
			for _, st := range tc.stems {
				// The terms: the stems of two bytes or more, every other
				// one a copy in memory of its own.
				var terms []string
				for k, s := range st {
					if len(s) >= 2 {
						if k%2 == 1 {
							s = strings.Clone(s)
						}
						terms = append(terms, s)
					}
				}
				a.Sentences = append(a.Sentences, news.Sentence{ArticleID: "a", Stems: st, Terms: terms})
			}
			// Two articles, so that the second finds every word known.
			arts := []news.Article{a, a}
			var want []int32
			ids := map[string]int32{}
			for range arts {
				for _, st := range tc.stems {
					for _, s := range st {
						id, ok := ids[s]
						if !ok {
							id = int32(len(ids))
							ids[s] = id
						}
						want = append(want, id)
					}
				}
			}
			var wantTerms []int32
			termIDs := map[string]int32{}
			for _, a := range arts {
				for _, s := range a.Sentences {
					for _, t := range s.Terms {
						id, ok := termIDs[t]
						if !ok {
							id = int32(len(termIDs))
							termIDs[t] = id
						}
						wantTerms = append(wantTerms, id)
					}
				}
			}
			w := newWords(arts)
			if !slices.Equal(w.terms, wantTerms) {
				t.Errorf("words numbered the terms %v, want %v", w.terms, wantTerms)
			}
			if !slices.Equal(w.stems, want) {
				t.Errorf("words numbered %v, want %v", w.stems, want)
			}
			if w.nWords() != len(ids) {
				t.Errorf("words holds %d words, want %d", w.nWords(), len(ids))
			}
			for s, id := range ids {
				if got, ok := w.lookup(s); !ok || got != id {
					t.Errorf("lookup(%q) = %d, %v, want %d", s, got, ok, id)
				}
			}
		})
	}
}
