package clean

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// TestDecideSpan: the article is one run with gaps; a gap inside it
// costs gap, so a short dip is kept and a lone block far from the
// article is dropped unless it scores over the cost of the gap.
func TestDecideSpan(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scores []float64
		dense  int
		gap    float64
		want   []bool
	}{
		{"one by one at gap 0", []float64{1, -1, 2, -0.5, 3}, 4, 0, []bool{true, false, true, false, true}},
		{"a dip inside is kept", []float64{2, -0.5, 2}, 0, 1, []bool{true, true, true}},
		{"a deep dip is a gap", []float64{2, -3, 2}, 0, 1, []bool{true, false, true}},
		{"a weak outlier is dropped", []float64{0.5, -2, -2, 3, 2}, 3, 1, []bool{false, false, false, true, true}},
		{"a strong outlier stays", []float64{1.5, -2, -2, 3, 2}, 3, 1, []bool{true, false, false, true, true}},
		{"the densest block stays", []float64{1, 1, -5, 1}, 2, 1, []bool{true, true, true, true}},
		{"a trailing block after a gap", []float64{3, -4, 0.5}, 0, 1, []bool{true, false, false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blocks := make([]Block, len(tc.scores))
			for i := range blocks {
				blocks[i].Kind = Body
			}
			keep := make([]bool, len(blocks))
			decideSpan(blocks, keep, tc.scores, 0, tc.dense, tc.gap)
			if !slices.Equal(keep, tc.want) {
				t.Errorf("decideSpan(%v, gap %v) = %v, want %v", tc.scores, tc.gap, keep, tc.want)
			}
		})
	}
}

// TestDecideSpanFixed: a block the model does not decide (a byline)
// keeps its label and does not break the article's run.
func TestDecideSpanFixed(t *testing.T) {
	blocks := []Block{{Kind: Body}, {Kind: Byline, Rule: "byline"}, {Kind: Body}, {Kind: Body}}
	keep := []bool{false, true, false, false}
	decideSpan(blocks, keep, []float64{2, -9, -0.5, 2}, 0, 0, 1)
	if want := []bool{true, true, true, true}; !slices.Equal(keep, want) {
		t.Errorf("keep = %v, want %v", keep, want)
	}
}

// TestLexiconFile: a model's lexicon survives the file, short and long
// terms alike, and a damaged term is an error.
func TestLexiconFile(t *testing.T) {
	m := &blockModel{stages: []*treeModel{{trees: []textTree{{feature: []int16{-1}, value: []float32{1}}}}}, lexicon: &termLexicon{short: map[uint64]float32{}, long: map[string]float32{}}}
	for k, v := range map[string]float32{"foll": 2.5, "twit": 1.25, "réfé": -0.5, "新闻": 0.75, "ünter": -1} {
		m.lexicon.set(k, v)
	}
	b, err := encodeTextModel(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeTextModel(b)
	if err != nil {
		t.Fatal(err)
	}
	wk, wv := m.lexicon.sorted()
	gk, gv := got.lexicon.sorted()
	if !slices.Equal(wk, gk) || !slices.Equal(wv, gv) {
		t.Errorf("lexicon %v %v after the file, want %v %v", gk, gv, wk, wv)
	}
	// The values reach the features: a block of "Follow" and "Twitter".
	pt := newPageTerms(1, 64)
	blockStats("Follow us on Twitter", pt, nil)
	rows := make([]float64, len(lexNames))
	lexFeatures(pt, got.lexicon, rows, len(lexNames), 0)
	if want := []float64{(2.5 + 1.25) / 2, 2.5, 1.25, 1}; !slices.Equal(rows, want) {
		t.Errorf("lexFeatures = %v, want %v", rows, want)
	}
	m.lexicon.long["bad\x00term"] = 1
	bad, err := encodeTextModel(m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeTextModel(bad); !errors.Is(err, errModelFile) {
		t.Errorf("a term with a zero byte: %v, want errModelFile", err)
	}
	delete(m.lexicon.long, "bad\x00term")
	m.lexicon.short[0x6c6c6f66] = float32(math.NaN())
	bad, _ = encodeTextModel(m)
	if _, err := decodeTextModel(bad); !errors.Is(err, errModelFile) {
		t.Errorf("a NaN value: %v, want errModelFile", err)
	}
}
