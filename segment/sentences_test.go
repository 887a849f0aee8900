package segment

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"tidings/news"
)

type rule struct {
	Name string   `json:"name"`
	Text string   `json:"text"`
	Want []string `json:"want"`
}

func loadRules(tb testing.TB) []rule {
	tb.Helper()
	data, err := os.ReadFile("testdata/rules.json")
	if err != nil {
		tb.Fatal(err)
	}
	var rules []rule
	if err := json.Unmarshal(data, &rules); err != nil {
		tb.Fatalf("testdata/rules.json: %v", err)
	}
	return rules
}

func TestSentencesRules(t *testing.T) {
	t.Parallel()
	for _, r := range loadRules(t) {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			got := []string{}
			for _, sp := range Sentences(r.Text) {
				got = append(got, r.Text[sp.Start:sp.End])
			}
			if !slices.Equal(got, r.Want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", r.Text, got, r.Want)
			}
			checkSpans(t, r.Text, Sentences(r.Text))
		})
	}
}

// checkSpans asserts the package invariants on spans of text.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("span %d = [%d,%d) out of order or range (prev end %d, len %d)", i, sp.Start, sp.End, prev, len(text))
		}
		s := text[sp.Start:sp.End]
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("span %d = %q has surrounding white space", i, s)
		}
		prev = sp.End
	}
}

func TestWordsAndTerms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		words []string
		terms []string
	}{
		{"possessive", "Kerry's talks", []string{"kerry", "talks"}, []string{"kerri", "talk"}},
		{"contraction_is_stop_word", "It didn't rain", []string{"it", "didn't", "rain"}, []string{"rain"}},
		{"punctuation_and_numbers", "Troops (5,000) left—quickly.", []string{"troops", "5", "000", "left", "quickly"}, []string{"troop", "000", "left", "quick"}},
		{"curly_apostrophe", "Paris’ mayor", []string{"paris", "mayor"}, []string{"pari", "mayor"}},
		{"empty", "", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Words(tc.in); !slices.Equal(got, tc.words) {
				t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.words)
			}
			if got := Terms(tc.in); !slices.Equal(got, tc.terms) {
				t.Errorf("Terms(%q) = %q, want %q", tc.in, got, tc.terms)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"  one ", 1}, {"U.S.-led forces — here", 4}, {"a\tb\nc", 3},
		{"a\u00a0b\u2003c\u0085d", 4}, {"\xffa \xe2\x80 b", 3}, {"x\vy\fz\r", 3},
	}
	for _, tc := range tests {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// FuzzCountWords holds CountWords to its definition, the number of
// strings.Fields.
func FuzzCountWords(f *testing.F) {
	f.Add("U.S.-led forces — here")
	f.Add("a\u00a0b\xff\u2003 c")
	f.Fuzz(func(t *testing.T, s string) {
		want := len(strings.Fields(s))
		if got := CountWords(s); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
		if got := eachWord(s, func(wordEntry) {}); got != want {
			t.Errorf("eachWord(%q) counted %d words, want %d", s, got, want)
		}
	})
}

func FuzzSegment(f *testing.F) {
	for _, r := range loadRules(f) {
		f.Add(r.Text)
	}
	f.Add("\xff\xfe. A\n\n\n. \"?\" ...")
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Sentences(text))
		Terms(text)
	})
}

func BenchmarkSentences(b *testing.B) {
	var text string
	for _, r := range loadRules(b) {
		text += r.Text + "\n\n"
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}

// TestWordCache checks that words and terms from the cache match the
// stemmer's, from many goroutines at once and across a clearing of the
// cache, for words in any case, with a possessive, and too long to cache.
func TestWordCache(t *testing.T) {
	long := strings.Repeat("talk", maxCachedWord)
	words := []string{"talks", "Running", "MINISTERS", "agreed", "Agreement's", "generously", "ferries", "news", "The", "don't", long}
	want := make([]wordEntry, len(words))
	for i, w := range words {
		lw := strings.TrimSuffix(strings.ToLower(w), "'s")
		want[i] = wordEntry{word: lw, term: english.Stem(lw, true)}
		if IsStopWord(lw) {
			want[i].term = ""
		}
	}
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 2000; k++ {
				i := (g + k) % len(words)
				if got := entry(words[i]); got != want[i] {
					t.Errorf("entry(%q) = %+v, want %+v", words[i], got, want[i])
					return
				}
				if k == 1000 && g == 0 {
					wordCache.Lock()
					wordCache.m.clear()
					wordCache.Unlock()
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}

// TestArticleTermsAndStems checks each sentence's Terms and Stems against
// Terms and Words of its text, and that appending to one sentence's
// slices leaves the next sentence's alone (they share arrays).
func TestArticleTermsAndStems(t *testing.T) {
	a := news.Article{Text: "The Ministers' talks in Geneva ended on Tuesday. \"We agreed,\" Lavrov's aide said.\n\n— \n\nFerries ran; the port's cranes did not."}
	Article(&a)
	if len(a.Sentences) < 3 {
		t.Fatalf("Article gave %d sentences, want 3 or more", len(a.Sentences))
	}
	for i, s := range a.Sentences {
		var stems []string
		for _, w := range Words(s.Text) {
			if len(w) < 2 || IsStopWord(w) {
				stems = append(stems, w)
			} else {
				stems = append(stems, english.Stem(w, true))
			}
		}
		if !slices.Equal(s.Stems, stems) || s.Stems == nil {
			t.Errorf("sentence %d %q: Stems = %q, want %q", i, s.Text, s.Stems, stems)
		}
		if got, want := s.Terms, Terms(s.Text); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("sentence %d %q: Terms = %q, want %q", i, s.Text, got, want)
		}
	}
	next := slices.Clone(a.Sentences[1].Stems)
	_ = append(a.Sentences[0].Stems, "x")
	_ = append(a.Sentences[0].Terms, "x")
	if !slices.Equal(a.Sentences[1].Stems, next) || a.Sentences[1].Terms[0] == "x" {
		t.Errorf("appending to sentence 0 changed sentence 1: %q", a.Sentences[1].Stems)
	}
}

// FuzzWords checks Words and Terms, which read through the word cache
// with an ASCII fast path, against their definition: runs of letters and
// digits (apostrophes kept inside), lower-cased, a possessive and
// apostrophes at the ends trimmed; terms without stop words and one-letter
// words, stemmed.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "The Ministers' talks", "don't DON’T it's Lavrov’s", "İstanbul ǅemal straße 42nd", "a\xffb", strings.Repeat("x", 70) + " end"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, wantTerms []string
		start := -1
		flush := func(end int) {
			if start < 0 {
				return
			}
			w := strings.ToLower(s[start:end])
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			w = strings.Trim(w, "'’")
			if w != "" {
				want = append(want, w)
				if len(w) >= 2 && !IsStopWord(w) {
					wantTerms = append(wantTerms, english.Stem(w, true))
				}
			}
			start = -1
		}
		for i, r := range s {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if start < 0 {
					start = i
				}
			case (r == '\'' || r == '’') && start >= 0:
			default:
				flush(i)
			}
		}
		flush(len(s))
		if got := Words(s); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", s, got, want)
		}
		if got := Terms(s); !slices.Equal(got, wantTerms) {
			t.Errorf("Terms(%q) = %q, want %q", s, got, wantTerms)
		}
	})
}

// paragraphEndRef is paragraphEnd read byte by byte, as first written.
func paragraphEndRef(text string, start int) int {
	for i := start; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return j + 1
		}
	}
	return len(text)
}

// FuzzParagraphEnd holds paragraphEnd, which jumps from line break to
// line break, to the byte-wise reference from every start.
func FuzzParagraphEnd(f *testing.F) {
	f.Add("One.\nTwo.\n \t\r\nThree.\n\n")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		for start := range len(text) + 1 {
			if got, want := paragraphEnd(text, start), paragraphEndRef(text, start); got != want {
				t.Fatalf("paragraphEnd(%q, %d) = %d, want %d", text, start, got, want)
			}
		}
	})
}

// FuzzStopIn holds stopIn, which tests eight bytes at once, to
// splitByte byte by byte.
func FuzzStopIn(f *testing.F) {
	for _, s := range []string{"abcdefgh", "abc.efgh", "\nbcdefgh", "abcdefg?", "abcd!fgh", "ab\xe2\x80\xa6efg", "\x00\x01\x0b\x2d\x2f\x3e\x40\x7f", "////////"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i+8 <= len(s); i++ {
			w := s[i : i+8]
			want := false
			for j := range 8 {
				want = want || splitByte[w[j]]
			}
			if got := stopIn(load64(w)); got != want {
				t.Fatalf("stopIn(%q) = %v, want %v", w, got, want)
			}
		}
	})
}

// isInitialsRef is isInitials as first written, with strings.Split.
func isInitialsRef(w string) bool {
	if w == "" {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// FuzzIsInitials holds isInitials to the reading with strings.Split.
func FuzzIsInitials(f *testing.F) {
	for _, s := range []string{"", "F", "U.S", "U.S.", ".", "..", "D.C", "Mr", "É.Ü", "a..b", "\xff.\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isInitials(s), isInitialsRef(s); got != want {
			t.Errorf("isInitials(%q) = %v, want %v", s, got, want)
		}
	})
}
