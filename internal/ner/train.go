package ner

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a labelled sentence: its words and their BIO tags (from
// Labels).
type Sentence struct {
	Words, Tags []string
}

// Document is the sentences of one article; the words it writes in lower
// case are a feature of its capitalized words.
type Document []Sentence

// ReadCoNLL reads a CoNLL-2003 file ("word POS chunk NER" lines, a blank
// line between sentences, "-DOCSTART-" lines between documents) and
// returns its documents with the IOB1 tags turned into BIO: an I- tag
// that does not continue a name of its type opens one (B-).
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var cur Sentence
	endSentence := func() {
		if len(cur.Words) > 0 {
			doc = append(doc, cur)
			cur = Sentence{}
		}
	}
	endDoc := func() {
		endSentence()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			endSentence()
		case f[0] == "-DOCSTART-":
			endDoc()
		case len(f) < 2:
			return nil, fmt.Errorf("ner: line %d: want word and tag, got %q", line, sc.Text())
		default:
			tag := f[len(f)-1]
			if strings.HasPrefix(tag, "I-") {
				prev := "O"
				if n := len(cur.Tags); n > 0 {
					prev = cur.Tags[n-1]
				}
				if len(prev) < 2 || prev[2:] != tag[2:] {
					tag = "B-" + tag[2:]
				}
			}
			if label(tag) < 0 {
				return nil, fmt.Errorf("ner: line %d: unknown tag %q", line, tag)
			}
			cur.Words = append(cur.Words, f[0])
			cur.Tags = append(cur.Tags, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	endDoc()
	return docs, nil
}

// TrainOptions controls Train. The zero value uses the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the data; 0 means 8.
	Epochs int
	// MinCount drops the features seen fewer times in the data; 0 means 2.
	MinCount int
	// Prune drops averaged weights smaller in magnitude; 0 means 0.01.
	Prune float64
	// Seed orders the sentences of each pass.
	Seed uint64
	// Gazetteer is stored in the model and read by its features.
	Gazetteer Gazetteer
	// LowerWords is how many of the words most often written in lower
	// case Train stores when Gazetteer.Lower is empty; 0 means 2000.
	LowerWords int
	// VocabMin is how many times a word form (as written) is seen in the
	// data to be in the model's vocabulary, whose scores are computed
	// once when the model is loaded (tagging a word of it is one look-up;
	// the labels are the same); 0 means 2.
	VocabMin int
	// Progress, when set, is called after each pass with its number and
	// the share of tokens it tagged right.
	Progress func(epoch int, accuracy float64)
	// AfterPass, when set, is called after each pass with its number and
	// the model of the weights averaged so far (without a vocabulary:
	// its labels are the same), to measure it on held-out data.
	AfterPass func(epoch int, m *Model)
	// Stop, when set, is called after each pass (after AfterPass) and
	// ends training when it returns true.
	Stop func(epoch int) bool
}

// lowerSet returns the lower-case words of a document.
func lowerSet(d Document) func(string) bool {
	set := map[string]bool{}
	for _, s := range d {
		for _, w := range s.Words {
			if w == strings.ToLower(w) {
				set[w] = true
			}
		}
	}
	return func(w string) bool { return set[w] }
}

// example is a prepared sentence of the training data.
type example struct {
	s    *sentence
	gold []int
}

// Train learns a model from docs with the averaged perceptron, tagging
// greedily with its own earlier labels as history.
func Train(docs []Document, opts TrainOptions) (*Model, error) {
	epochs, minCount, prune := opts.Epochs, opts.MinCount, opts.Prune
	if epochs == 0 {
		epochs = 8
	}
	if minCount == 0 {
		minCount = 2
	}
	if prune == 0 {
		prune = 0.01
	}
	if len(opts.Gazetteer.Lower) == 0 {
		opts.Gazetteer.Lower = commonLower(docs, cmp.Or(opts.LowerWords, 2000))
	}
	z := newGazetteer(opts.Gazetteer)
	var exs []example
	var starts []int // where each document's sentences start in exs
	for _, d := range docs {
		starts = append(starts, len(exs))
		lower := lowerSet(d)
		for _, s := range d {
			gold := make([]int, len(s.Tags))
			for i, t := range s.Tags {
				if gold[i] = label(t); gold[i] < 0 {
					return nil, fmt.Errorf("ner: unknown tag %q", t)
				}
			}
			exs = append(exs, example{newSentence(s.Words, z, lower), gold})
		}
	}
	// Count the features (transitions from the gold label before); keep
	// the frequent.
	// History from the gold labels of the document's earlier sentences.
	counts := map[uint32]int32{}
	var fs []uint32
	starts = append(starts, len(exs))
	hist := history{}
	for d := range len(starts) - 1 {
		clear(hist)
		for _, ex := range exs[starts[d]:starts[d+1]] {
			ex.s.setHistory(hist)
			for i := range ex.gold {
				fs = ex.s.static(fs[:0], i)
				fs = ex.s.transition(fs, i, at(ex.gold, i-1))
				for _, f := range fs {
					counts[f]++
				}
			}
			ex.s.record(hist, ex.gold)
		}
	}
	keys := make([]uint32, 0, len(counts))
	for f, c := range counts {
		if int(c) >= minCount {
			keys = append(keys, f)
		}
	}
	// Rows in hash order, so the model does not depend on map order.
	slices.Sort(keys)
	index := make(map[uint32]int32, len(keys))
	for i, f := range keys {
		index[f] = int32(i)
	}
	counts = nil
	p := &perceptron{index: index, w: make([]float64, len(keys)*nLabels), acc: make([]float64, len(keys)*nLabels), stamp: make([]int32, len(keys)*nLabels)}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7469646e6773))
	// Documents in a new order each pass, the sentences of each in
	// theirs: the labels the perceptron gave a document's earlier
	// sentences are a feature of the next (history), as they are when a
	// Tagger tags a text.
	order := make([]int, len(starts)-1)
	for i := range order {
		order[i] = i
	}
	var pred []int
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, d := range order {
			clear(hist)
			for _, ex := range exs[starts[d]:starts[d+1]] {
				p.step++
				ex.s.setHistory(hist)
				pred = p.tag(ex.s, pred)
				for i, g := range ex.gold {
					total++
					if pred[i] == g {
						right++
					}
				}
				p.learn(ex.s, ex.gold, pred)
				ex.s.record(hist, pred)
			}
		}
		if opts.Progress != nil {
			opts.Progress(epoch, float64(right)/float64(total))
		}
		if opts.AfterPass != nil {
			opts.AfterPass(epoch, p.average(keys, prune, z, opts.Gazetteer, nil))
		}
		if opts.Stop != nil && opts.Stop(epoch) {
			break
		}
	}
	m := p.average(keys, prune, z, opts.Gazetteer, vocabulary(docs, cmp.Or(opts.VocabMin, 2)))
	return m, nil
}

// average returns the model of p's averaged weights over the features
// keys (by row), those below prune in magnitude dropped.
func (p *perceptron) average(keys []uint32, prune float64, z *gazetteer, lists Gazetteer, words []string) *Model {
	w, acc, stamp, step := p.w, p.acc, p.stamp, p.step
	m := &Model{index: map[uint32]int32{}, gaz: z, lists: lists, words: words}
	for i, f := range keys {
		var row [nLabels]float32
		kept := false
		for l := range nLabels {
			cell := i*nLabels + l
			avg := (acc[cell] + float64(step-stamp[cell])*w[cell]) / float64(step)
			if math.Abs(avg) >= prune {
				row[l] = float32(avg)
				kept = true
			}
		}
		if kept {
			m.index[f] = int32(len(m.weights) / nLabels)
			m.weights = append(m.weights, row[:]...)
		}
	}
	m.pack()
	return m
}

// perceptron is the model being trained: weights, their running sums for
// the average (updated lazily: acc holds the sum up to stamp), and the
// number of sentences seen.
type perceptron struct {
	index  map[uint32]int32
	w, acc []float64
	stamp  []int32
	step   int32
	lt     lattice
	fs     []uint32
	rows   []int32
}

// rowsOf returns the rows of the known features among fs.
func (p *perceptron) rowsOf(fs []uint32) []int32 {
	p.rows = p.rows[:0]
	for _, f := range fs {
		if r, ok := p.index[f]; ok {
			p.rows = append(p.rows, r)
		}
	}
	return p.rows
}

func (p *perceptron) score(dst *[nLabels]float64, fs []uint32) {
	for _, r := range p.rowsOf(fs) {
		for l := range nLabels {
			dst[l] += p.w[int(r)*nLabels+l]
		}
	}
}

// tag decodes s with the current weights.
func (p *perceptron) tag(s *sentence, out []int) []int {
	p.lt.reset(len(s.words))
	for i := range s.words {
		p.score(&p.lt.static[i], s.static(p.fs[:0], i))
		for prev := -1; prev < nLabels; prev++ {
			if i == 0 && prev >= 0 {
				break
			}
			p.score(&p.lt.trans[i][prev+1], s.transition(p.fs[:0], i, prev))
		}
	}
	return p.lt.viterbi(out)
}

// update adds d to the weight of label l in each row.
func (p *perceptron) update(rows []int32, l int, d float64) {
	for _, r := range rows {
		cell := int(r)*nLabels + l
		p.acc[cell] += float64(p.step-p.stamp[cell]) * p.w[cell]
		p.stamp[cell] = p.step
		p.w[cell] += d
	}
}

// learn moves the weights towards gold and away from pred where they
// differ.
func (p *perceptron) learn(s *sentence, gold, pred []int) {
	for i := range gold {
		g, q := gold[i], pred[i]
		gp, qp := at(gold, i-1), at(pred, i-1)
		if g == q && gp == qp {
			continue
		}
		if g != q {
			rows := p.rowsOf(s.static(p.fs[:0], i))
			p.update(rows, g, 1)
			p.update(rows, q, -1)
		}
		p.update(p.rowsOf(s.transition(p.fs[:0], i, gp)), g, 1)
		p.update(p.rowsOf(s.transition(p.fs[:0], i, qp)), q, -1)
	}
}

// commonLower returns the n words written in lower case most often in
// docs (ties in byte order).
func commonLower(docs []Document, n int) []string {
	counts := map[string]int{}
	for _, d := range docs {
		for _, s := range d {
			for _, w := range s.Words {
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
					counts[w]++
				}
			}
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return words[:min(n, len(words))]
}

// vocabulary returns the word forms seen at least least times in docs, in
// byte order.
func vocabulary(docs []Document, least int) []string {
	counts := map[string]int{}
	for _, d := range docs {
		for _, s := range d {
			for _, w := range s.Words {
				counts[w]++
			}
		}
	}
	var words []string
	for w, c := range counts {
		if c >= least {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words
}

// at returns tags[i], or -1 outside the slice.
func at(tags []int, i int) int {
	if i < 0 {
		return -1
	}
	return tags[i]
}

// Score is a span-level result: names found with the right span and
// type, names tagged, names in the gold.
type Score struct {
	Right, Tagged, Gold int
}

// F1 returns the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	if s.Tagged+s.Gold == 0 {
		return 0
	}
	return 2 * float64(s.Right) / float64(s.Tagged+s.Gold)
}

// Evaluate tags the sentences of docs, each document with a Tagger, and
// scores the names against their tags, CoNLL style: a name is right when
// its span and type are.
func (m *Model) Evaluate(docs []Document) Score {
	var sc Score
	for _, d := range docs {
		lower := lowerSet(d)
		tg := m.NewTagger()
		for _, s := range d {
			gold := make([]int, len(s.Tags))
			for i, t := range s.Tags {
				gold[i] = max(label(t), 0)
			}
			want := map[Name]bool{}
			for _, n := range Names(gold) {
				want[n] = true
			}
			got := Names(tg.Tag(s.Words, lower))
			sc.Tagged += len(got)
			sc.Gold += len(want)
			for _, n := range got {
				if want[n] {
					sc.Right++
				}
			}
		}
		tg.Release()
	}
	return sc
}
