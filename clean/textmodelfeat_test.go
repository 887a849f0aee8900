package clean

import (
	"slices"
	"strings"
	"testing"
)

// sentenceEndsRef is sentenceEnds as first written, byte by byte: the
// reference for the version that passes over eight bytes at a time.
func sentenceEndsRef(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '?', '!':
			j := i + 1
			for j < len(text) && strings.IndexByte("\"')]", text[j]) >= 0 {
				j++
			}
			if j == len(text) || text[j] == ' ' {
				n++
			}
		}
	}
	return n + strings.Count(text, "。")
}

func FuzzSentenceEnds(f *testing.F) {
	for _, s := range []string{
		"", "One. Two? Three!", "He said \"no.\" Then left.", "a.b", "x.)] y", "句子。句子。", "eight by eight bytes, then a stop.",
		"abcdefg. abcdefgh! abcdefgh?\"') x", "...!!!???", "\xff.\xfe ", "abcdefgh.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sentenceEnds(s), sentenceEndsRef(s); got != want {
			t.Errorf("sentenceEnds(%q) = %d, want %d", s, got, want)
		}
	})
}

// blockStatsRef is blockStats counting every word rune by rune, as it
// did before it counted a word of ASCII letters at once: the reference
// it must agree with.
func blockStatsRef(text string, pt *pageTerms, buf []byte) (textLineStats, []byte) {
	return wordStats(text, pt, buf, false)
}

// FuzzBlockStats holds blockStats to blockStatsRef: the same counts and
// the same terms, block after block.
func FuzzBlockStats(f *testing.F) {
	for _, s := range []string{
		"", "The ferry crews walked out on Tuesday.", "Ärger über die Fähre, sagte er!", "渡轮罢工第三天 ferry", "@name #tag | www.example.com http://x",
		"I think YOU and we said \"no\" to them", "ABC DEF ghi JKLM 12ab3 x1y2", "\xffbad\xfe bytes «quoted» “curly” ›",
	} {
		f.Add(s, "second block of Words")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		pt, ref := newPageTerms(2, len(a)+len(b)), newPageTerms(2, len(a)+len(b))
		var buf, rbuf []byte
		for _, s := range []string{a, b} {
			var got, want textLineStats
			got, buf = blockStats(s, pt, buf)
			want, rbuf = blockStatsRef(s, ref, rbuf)
			if got != want {
				t.Fatalf("blockStats(%q) = %+v, want %+v", s, got, want)
			}
		}
		if !slices.Equal(pt.ids, ref.ids) || !slices.Equal(pt.at, ref.at) || pt.n != ref.n {
			t.Fatalf("blockStats(%q, %q) terms %v %v, want %v %v", a, b, pt.ids, pt.at, ref.ids, ref.at)
		}
	})
}
