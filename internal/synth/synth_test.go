package synth

import "testing"

func TestWordsDistinct(t *testing.T) {
	t.Parallel()
	seen := map[string]int{}
	for i := range 200000 {
		w := word(i)
		if j, ok := seen[w]; ok {
			t.Fatalf("word(%d) = word(%d) = %q", i, j, w)
		}
		seen[w] = i
	}
}
