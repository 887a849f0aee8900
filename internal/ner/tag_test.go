package ner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// latticeTag tags words as Tag did before its decoder was made fast: one
// map look-up per feature (the static ones, and the pair of the word with
// each label before), the scores in a lattice, lattice.viterbi.
// scale is the quantisation step of m's weights; hist is what the
// sentences before labelled (nil: none, as Model.Tag has).
func latticeTag(m *Model, scale float32, words []string, lower func(string) bool, hist history) []int {
	add := func(dst *[nLabels]float64, fs ...uint32) {
		var sum [nLabels]int32
		for _, f := range fs {
			if r, ok := m.index[f]; ok {
				for l := range nLabels {
					sum[l] += int32(math.Round(float64(m.weights[int(r)*nLabels+l] / scale)))
				}
			}
		}
		for l := range sum {
			dst[l] += float64(sum[l])
		}
	}
	s := newSentence(words, m.gaz, lower)
	s.setHistory(hist)
	var lt lattice
	lt.reset(len(words))
	for i := range words {
		add(&lt.static[i], s.static(nil, i)...)
		for p := -1; p < nLabels; p++ {
			if i == 0 && p >= 0 {
				break
			}
			add(&lt.trans[i][p+1], transitionOnly(p))
			add(&lt.trans[i][p+1], pair(s.pairBase(i), p))
		}
	}
	return lt.viterbi(nil)
}

// TestTagAsLattice checks that Tag, and a Tagger that tags all the
// sentences of a document, label the fixture sentences (and the CoNLL-2003
// development set, when the data is there) with the committed model
// exactly as latticeTag does, with no history for Tag and, for the
// Tagger, the labels of the sentences it tagged before.
func TestTagAsLattice(t *testing.T) {
	m, sents, lower := benchSentences(t)
	isLower := func(w string) bool { return lower[w] }
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var tg *Tagger
	var hist history
	histories := 0 // sentences whose history changed a label
	check := func(words []string, lower func(string) bool) {
		t.Helper()
		want := latticeTag(m, scale, words, lower, nil)
		if got := m.Tag(words, lower); !slices.Equal(got, want) {
			t.Errorf("Tag(%q) = %v, want %v", words, got, want)
		}
		wantHist := latticeTag(m, scale, words, lower, hist)
		if got := tg.Tag(words, lower); !slices.Equal(got, wantHist) {
			t.Errorf("Tagger.Tag(%q) = %v, want %v", words, got, wantHist)
		}
		if !slices.Equal(want, wantHist) {
			histories++
		}
		s := newSentence(words, m.gaz, lower)
		s.record(hist, wantHist)
		if len(hist) > maxWords {
			clear(hist)
		}
	}
	newTagger := func() {
		tg, hist = m.NewTagger(), history{}
	}
	newTagger()
	for _, s := range sents {
		check(s, isLower)
		check(s, nil)
	}
	check([]string{"İSTANBUL", "\xff", "ǅemal", "Ⅻ", "new", "york", "NEW", "YORK"}, nil)
	check([]string{"NEW", "YORK", "CITY", "1996-08-30"}, nil)
	// More words than a Tagger keeps: it forgets them and goes on.
	for k := range 2 * maxWords / 1000 {
		words := make([]string, 1000)
		for i := range words {
			words[i] = fmt.Sprintf("Word%d", k*1000+i)
		}
		words[0], words[1] = "Paris", "said"
		check(words, nil)
	}
	f, err := os.Open("../../../shared/data/enrich-dev/entities/eng.testa")
	if err != nil {
		t.Skipf("CoNLL-2003 data not found: %v", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		newTagger()
		lower := lowerSet(d)
		for _, s := range d {
			check(s.Words, lower)
		}
	}
	if histories == 0 {
		t.Error("no sentence of eng.testa labelled otherwise for the document's history")
	}
}

// TestFNVInverse checks the inverse the pair table relies on.
func TestFNVInverse(t *testing.T) {
	if got := fnvInverse * fnvPrime; got != 1 {
		t.Errorf("fnvInverse * fnvPrime = %d, want 1", got)
	}
}

// TestAppend checks that AppendTokens and AppendTags extend what dst
// holds with what Tokenize and Tag return.
func TestAppend(t *testing.T) {
	m, sents, lower := benchSentences(t)
	isLower := func(w string) bool { return lower[w] }
	tg := m.NewTagger()
	defer tg.Release()
	head := []int{7, 8}
	for _, s := range sents[:min(len(sents), 20)] {
		got := tg.AppendTags(slices.Clone(head), s, isLower)
		if want := append(slices.Clone(head), tg.Tag(s, isLower)...); !slices.Equal(got, want) {
			t.Errorf("AppendTags(%v, %q) = %v, want %v", head, s, got, want)
		}
	}
	first := Token{"x", 0, 1}
	for _, text := range []string{"", "(Reuters) Mr. Holm's U.S. talks.", "  a  b "} {
		got := AppendTokens([]Token{first}, text)
		if want := append([]Token{first}, Tokenize(text)...); !slices.Equal(got, want) {
			t.Errorf("AppendTokens(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestTransRowBound checks that a transRow's bounds, 16-bit differences
// to its moveRow's, give the highest and lowest score to the O and B-
// tags after each label before exactly, over random weights at the
// extremes of 16 bits and over the committed model's vocabulary.
func TestTransRowBound(t *testing.T) {
	check := func(mv *moveRow, r *transRow) {
		t.Helper()
		for p := range r.ob {
			hi, lo := int32(math.MinInt32), int32(math.MaxInt32)
			for k := range r.ob[p] {
				x := mv.ob[p][k] + int32(r.ob[p][k])
				hi, lo = max(hi, x), min(lo, x)
			}
			if got := mv.hi[p] + int32(r.hi[p]); got != hi {
				t.Errorf("row %d: highest %d, want %d (moves %v, pairs %v)", p, got, hi, mv.ob[p], r.ob[p])
			}
			if got := mv.lo[p] + int32(r.lo[p]); got != lo {
				t.Errorf("row %d: lowest %d, want %d (moves %v, pairs %v)", p, got, lo, mv.ob[p], r.ob[p])
			}
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	extreme := func() int16 {
		switch rnd.IntN(4) {
		case 0:
			return math.MaxInt16
		case 1:
			return math.MinInt16
		}
		return int16(rnd.IntN(1<<16) - 1<<15)
	}
	for range 2000 {
		var mv moveRow
		var r transRow
		for p := -1; p < nLabels; p++ {
			var w, pw weights
			for l := range w {
				w[l], pw[l] = extreme(), extreme()
			}
			mv.set(p, &w)
			if rnd.IntN(3) > 0 {
				r.set(p, &pw)
			}
		}
		mv.bound()
		r.bound(&mv)
		check(&mv, &r)
	}
	m, _, _ := benchSentences(t)
	rows := 0
	for i := range m.vocab {
		if r := m.vocab[i].trans; r != &m.table.noPairs {
			check(&m.table.moves, r)
			rows++
		}
	}
	if rows == 0 {
		t.Error("no word of the vocabulary pairs with the label before")
	}
}

// TestLookupWords checks that a Tagger finds, for each token, the scores
// of that very word, among words whose heads (wordKey) are alike: of
// seven bytes and eight, with a zero byte at the end, long ones that
// differ only in their last byte, and vocabulary words; in a sentence and
// again in the next, in the other order, for a Tagger and for Model.Tag.
func TestLookupWords(t *testing.T) {
	m, _, _ := benchSentences(t)
	long := strings.Repeat("x", 300)
	words := []string{"", "\x00", "a", "a\x00", "\x00a", "abcdefg", "abcdefg\x00", "abcdefgh", "abcdefgi",
		"abcdefghijklmnop", "abcdefghijklmnoq", long + "a", long + "b", long, "the", "The", "said", "Paris", "PARIS", "é", "É"}
	for i, a := range words {
		for _, b := range words[i+1:] {
			if _, ha := wordKey(a); len(a) <= shortWord && len(b) <= shortWord {
				if _, hb := wordKey(b); ha == hb {
					t.Errorf("%q and %q have the same head %#x", a, b, ha)
				}
			}
		}
	}
	back := slices.Clone(words)
	slices.Reverse(back)
	tg := m.NewTagger()
	defer tg.Release()
	for _, memo := range []bool{true, false} {
		for _, ws := range [][]string{words, back, slices.Concat(words, back)} {
			tg.lookup(ws, memo)
			for i, e := range tg.st.ws {
				if e.word != ws[i] {
					t.Errorf("lookup (memo %v): token %d %q has the scores of %q", memo, i, ws[i], e.word)
				}
			}
		}
	}
}
