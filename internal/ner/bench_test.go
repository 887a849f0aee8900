package ner

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tidings/internal/cputime"
)

// benchSentences reads the committed model and the words of the enrich
// fixture piles (articles written for the project's tests), split into
// sentences at a final period, question or exclamation mark, and the
// words the piles write in lower case.
func benchSentences(tb testing.TB) (*Model, [][]string, map[string]bool) {
	f, err := os.Open("../../enrich/data/ner.model.gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		tb.Fatal(err)
	}
	var sents [][]string
	lower := map[string]bool{}
	for _, pile := range []string{"../../enrich/testdata/pile.txt", "../../enrich/testdata/pile2.txt"} {
		data, err := os.ReadFile(pile)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var s []string
			for _, tk := range Tokenize(line) {
				s = append(s, tk.Text)
				if r, _ := utf8.DecodeRuneInString(tk.Text); unicode.IsLower(r) {
					lower[tk.Text] = true
				}
				if tk.Text == "." || tk.Text == "?" || tk.Text == "!" {
					sents, s = append(sents, s), nil
				}
			}
			if len(s) > 0 {
				sents = append(sents, s)
			}
		}
	}
	return m, sents, lower
}

// BenchmarkTag tags the sentences of the enrich fixture piles with the
// committed model: one op is the whole set (about a thousand tokens).
func BenchmarkTag(b *testing.B) {
	m, sents, lower := benchSentences(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	isLower := func(w string) bool { return lower[w] }
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s, isLower)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

// BenchmarkTagger tags the same sentences as BenchmarkTag with one new
// Tagger per op, as enrich tags a story: each word's weights are read
// once per op.
func BenchmarkTagger(b *testing.B) {
	m, sents, lower := benchSentences(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	isLower := func(w string) bool { return lower[w] }
	b.ReportAllocs()
	for b.Loop() {
		tg := m.NewTagger()
		for _, s := range sents {
			tg.Tag(s, isLower)
		}
		tg.Release()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

// BenchmarkRead loads the committed model: decompressing it, packing its
// table and scoring its vocabulary.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("../../enrich/data/ner.model.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Used() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
