package enrich

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestWordSet checks wordSet against a map[string]bool, through several
// growths, with words that share hashes' low bits and look-ups of words
// not added.
func TestWordSet(t *testing.T) {
	t.Parallel()
	for _, hint := range []int{0, 1, 100, 5000} {
		s, want := newWordSet(hint), map[string]bool{}
		r := rand.New(rand.NewPCG(1, uint64(hint)))
		for range 3000 {
			w := fmt.Sprintf("w%d", r.IntN(2000))
			s.add(w)
			want[w] = true
		}
		s.add("")
		if s.n != len(want) {
			t.Errorf("hint %d: %d words, want %d", hint, s.n, len(want))
		}
		for k := range 2500 {
			w := fmt.Sprintf("w%d", k)
			if got := s.has(w); got != want[w] {
				t.Errorf("hint %d: has(%q) = %v, want %v", hint, w, got, want[w])
			}
			if got := s.hasBytes([]byte(w)); got != want[w] {
				t.Errorf("hint %d: hasBytes(%q) = %v, want %v", hint, w, got, want[w])
			}
		}
		if s.has("") || s.hasBytes(nil) {
			t.Errorf("hint %d: the empty word is in the set", hint)
		}
	}
	var none *wordSet
	if none.has("a") {
		t.Error("a nil set holds a word")
	}
}

// TestLazy checks that lazy calls f once, on the first call, however
// many goroutines make it at once, and gives all of them its value (run
// with -race).
func TestLazy(t *testing.T) {
	t.Parallel()
	calls := 0
	get := lazy(func() map[string]bool {
		calls++
		return map[string]bool{"a": true}
	})
	if calls != 0 {
		t.Fatalf("f called %d times before the first call", calls)
	}
	var wg sync.WaitGroup
	got := make([]map[string]bool, 8)
	for i := range got {
		wg.Go(func() { got[i] = get() })
	}
	wg.Wait()
	for i, m := range got {
		if !m["a"] {
			t.Errorf("goroutine %d got %v", i, m)
		}
	}
	if calls != 1 {
		t.Errorf("f called %d times, want 1", calls)
	}
}

// TestWordSetNoAlloc checks that looking up a word's bytes makes no
// string of them (the words are longer than the 32 bytes a string
// conversion may take on the stack).
func TestWordSetNoAlloc(t *testing.T) {
	s := newWordSet(4)
	long := "internationalisation-of-the-ministerial-conference"
	s.add(long)
	hit, miss := []byte(long), []byte(long+"s")
	if n := testing.AllocsPerRun(100, func() {
		if !s.hasBytes(hit) || s.hasBytes(miss) {
			t.Fatal("wrong answer")
		}
	}); n != 0 {
		t.Errorf("hasBytes allocates %v times a call, want 0", n)
	}
}
