package clean

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTextTreeEval(t *testing.T) {
	// Feature 0 < 2 goes to node 1 (a leaf), else to node 2, which
	// splits on feature 1 < 0.5 (nodes 3 and 4).
	tree := textTree{
		feature:   []int16{0, -1, 1, -1, -1},
		threshold: []float32{2, 0, 0.5, 0, 0},
		left:      []int16{1, 0, 3, 0, 0},
		value:     []float32{0, -1, 0, 0.5, 2},
	}
	m := treeModel{trees: []textTree{tree, tree}, bias: 0.25}
	for _, tc := range []struct {
		f    []float64
		want float64
	}{
		{[]float64{1, 9}, 0.25 - 2},
		{[]float64{2, 0}, 0.25 + 1},
		{[]float64{3, 0.5}, 0.25 + 4},
	} {
		if got := m.score(tc.f); got != tc.want {
			t.Errorf("score(%v) = %v, want %v", tc.f, got, tc.want)
		}
	}
}

// TestFlatTrees: the trees laid out flat score every block as the
// trees do, to the last bit: on the tree above, on a tree deeper on one
// side, and on the shipped model with features at, above and below its
// thresholds.
func TestFlatTrees(t *testing.T) {
	shallow := textTree{
		feature:   []int16{0, -1, 1, -1, -1},
		threshold: []float32{2, 0, 0.5, 0, 0},
		left:      []int16{1, 0, 3, 0, 0},
		value:     []float32{0, -1, 0, 0.5, 2},
	}
	leaf := textTree{feature: []int16{-1}, value: []float32{0.125}}
	// Four deep on the left: walked by the general flat layout, not
	// sumShallow's.
	deep := textTree{
		feature:   []int16{0, 1, -1, 0, -1, 1, -1, -1, -1},
		threshold: []float32{1, 1, 0, 0.5, 0, 0.25, 0, 0, 0},
		left:      []int16{1, 3, 0, 5, 0, 7, 0, 0, 0},
		value:     []float32{0, 0, 3, 0, -2, 0, 0.75, -0.5, 1.5},
	}
	models := map[string]*treeModel{
		"deep":           {trees: []textTree{deep, shallow, deep, leaf, deep}, bias: 0.125},
		"two trees":      {trees: []textTree{shallow, shallow}, bias: 0.25},
		"a lone leaf":    {trees: []textTree{leaf, shallow}, bias: -1},
		"only leaves":    {trees: []textTree{leaf, leaf}, bias: 0.5},
		"shipped stage0": nil,
	}
	shipped, err := decodeTextModel(textModelData)
	if err != nil {
		t.Fatal(err)
	}
	models["shipped stage0"] = shipped.stages[0]
	models["shipped stage1"] = shipped.stages[len(shipped.stages)-1]
	for name, m := range models {
		t.Run(name, func(t *testing.T) {
			m.compile()
			if m.flat == nil {
				t.Fatal("compile() laid out no flat trees")
			}
			if got, want := m.flat.shallow != nil, name != "deep"; got != want {
				t.Fatalf("compile() laid the trees out shallow: %v, want %v", got, want)
			}
			var cuts []float64
			width := 2
			for _, tr := range m.trees {
				for i, f := range tr.feature {
					if f >= 0 {
						cuts = append(cuts, float64(tr.threshold[i]))
						width = max(width, int(f)+1)
					}
				}
			}
			cuts = append(cuts, 0, -1e9, 1e9)
			flat := m.flat
			for k := range 500 {
				f := make([]float64, width)
				for j := range f {
					c := cuts[(k*7+j*13)%len(cuts)]
					f[j] = c + float64((k+j)%3-1)*0.001*math.Abs(c)
				}
				m.flat = nil
				want := m.score(f)
				m.flat = flat
				if got := m.score(f); got != want {
					t.Fatalf("flat score(%v) = %v, the trees give %v", f, got, want)
				}
			}
		})
	}
}

func TestContextFeatures(t *testing.T) {
	s := []float64{-3, 1, 2, -1}
	f := make([]float64, len(contextNames))
	// Block 1's terms: ferr, crew, isla; block 2 holds ferr and isla,
	// block 3 crew.
	pt := &pageTerms{at: []int{0}}
	for _, text := range []string{"the harbour", "ferry crews island", "island ferries", "crews"} {
		blockStats(text, pt, nil)
	}
	contextFeatures(newPageScores(s, []float64{5, 10, 20, 0}, pt), 1, f)
	want := []float64{1, -3, 2, -10, -1, -0.25, -3, 2, 0, 1, -10, -10, 20.0 / 30, 1, 0, 50, 1, 1 - 1.5, 2.0 / 3, 2.0 / 3}
	for i := range want {
		if f[i] != want[i] {
			t.Errorf("%s = %v, want %v", contextNames[i], f[i], want[i])
		}
	}
}

func TestTextFeaturesFinite(t *testing.T) {
	for _, raw := range []string{"", "One line", readFixture(t, "ferry_strike.txt"), readFixture(t, "library_vote.txt")} {
		res := label(raw, blocks(raw), nil, "")
		f := textFeatures(res.Blocks, &res.Meta, nil).rows
		if len(f) != len(res.Blocks)*len(textFeatureNames) {
			t.Fatalf("%d features for %d blocks, want %d each", len(f), len(res.Blocks), len(textFeatureNames))
		}
		for i, v := range f {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("block %d: %s = %v", i/len(textFeatureNames), textFeatureNames[i%len(textFeatureNames)], v)
			}
		}
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestTextModelPage cleans copied pages we wrote: the article's
// paragraphs stay, the furniture around them goes. (The author's
// biography and the plea for donations after library_vote's article are
// still kept: the model does not yet tell them from the article.)
func TestTextModelPage(t *testing.T) {
	for _, tc := range []struct {
		file          string
		with, without []string
	}{
		{"ferry_strike.txt",
			[]string{"Crews on the three ferries", "The crews' union said", "On Skerry Island", "Ada Lind", "ready to meet the union"},
			[]string{"We use cookies", "Harbour lights return", "Deckhand, full time", "Sign up for our morning newsletter", "All rights reserved"}},
		{"library_vote.txt",
			[]string{"Eastbrook's town council voted", "38,000 dollars", "free computers", "Leah Brandt", "reserve fund", "reading hour"},
			[]string{"Skip to content", "Donate now", "Share this story", "Bakery on Mill Street", "Privacy policy"}},
	} {
		res, err := Text(readFixture(t, tc.file))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		for _, s := range tc.with {
			if !strings.Contains(res.Text, s) {
				t.Errorf("%s: article text lost %q", tc.file, s)
			}
		}
		for _, s := range tc.without {
			if strings.Contains(res.Text, s) {
				t.Errorf("%s: article text kept %q", tc.file, s)
			}
		}
	}
}

func TestBlockStatsTermsMatchContentTerms(t *testing.T) {
	for _, text := range []string{
		"", "The Ferries' crews WALKED out, said Ada.", "Über die Straße gingen 2026 Menschen",
		"東京都の知事が発表した", "mixed 中文字 words and ÉCOLE", "কুষ্টিয়া আসনের সংসদ ৭টার", "Привет мир дружба", "a b c dddd", "well-known (ferries)—crews",
	} {
		pt := pageTerms{at: []int{0}}
		blockStats("first block", &pt, nil)
		blockStats(text, &pt, nil)
		byID := make([]string, pt.n)
		for key, id := range pt.short {
			var b []byte
			for ; key != 0; key >>= 8 {
				b = append(b, byte(key))
			}
			byID[id] = string(b)
		}
		for term, id := range pt.long {
			byID[id] = term
		}
		var got []string
		for _, id := range pt.terms(1) {
			got = append(got, byID[id])
		}
		if want := contentTerms(text); !slices.Equal(got, want) {
			t.Errorf("blockStats(%q) terms %q, want %q", text, got, want)
		}
	}
}

// TestWordClassKeys: every word of a class fits classKey's 8 bytes, and
// a word is looked up as itself without the non-letters at its ends, in
// lower case.
func TestWordClassKeys(t *testing.T) {
	for _, l := range wordClassLists {
		for _, w := range strings.Fields(l.words) {
			if len(w) > 8 || classKey(w) == 0 {
				t.Errorf("class word %q: %d bytes, key %x", w, len(w), classKey(w))
			}
		}
	}
	for _, tc := range []struct {
		word string
		same string
	}{
		{"You,", "you"}, {"«Nous»", "nous"}, {"(FÜR)", "für"}, {"don't", "don't"}, {"'NÓS'.", "nós"},
		{"…", ""}, {"12", ""}, {"Straßenbahn", "straßenbahn"},
	} {
		if got, want := classKey(tc.word), classKey(tc.same); got != want {
			t.Errorf("classKey(%q) = %x, classKey(%q) = %x", tc.word, got, tc.same, want)
		}
	}
	if k := classKey("Straßenbahn"); k != 0 {
		t.Errorf("classKey(a word of 12 bytes) = %x, want 0", k)
	}
}

func TestBlockStats(t *testing.T) {
	pt := pageTerms{at: []int{0}}
	s, _ := blockStats(`Subscribe: you "get" our NEWS, and I say so! www.example.com`, &pt, nil)
	want := textLineStats{words: 10, chars: 51, letters: 44, commas: 1, capitalised: 3, short: 7, person: 3,
		linkMarks: 1, you: 1, we: 1, function: 1, caps: 1, i: 1, quotes: 2, exclaims: 1, leadCaps: 1, youEarly: true}
	if s != want {
		t.Errorf("blockStats = %+v\nwant %+v", s, want)
	}
}

// TestTextModelBounded: a page of more blocks than the model reads keeps
// the rules' labels, and its memory stays that of the rules.
func TestTextModelBounded(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("The council met on Monday and voted to keep the ferry running until the end of the year.\n\n")
	for i := range maxModelBlocks + 10 {
		sb.WriteString("Menu item ")
		sb.WriteString(strings.Repeat("x", i%5+1))
		sb.WriteString("\n\n")
	}
	res, err := Text(sb.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Blocks {
		if b.Rule == "text-model" {
			t.Fatalf("the model relabelled %q on a page of %d blocks", b.Text, len(res.Blocks))
		}
	}
}

// TestTextModelKeepsLoneArticle: a text whose only paragraph has no
// final punctuation keeps it.
func TestTextModelKeepsLoneArticle(t *testing.T) {
	res, err := Text("Flood warning\n\nRiver rising fast near the old mill with residents moving cars to higher ground")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "River rising fast") {
		t.Errorf("text %q lost the article", res.Text)
	}
}

// TestTextModelFile: the shipped model decodes, and encoding it again
// gives the embedded file byte for byte (the trainer writes the same
// bytes for the same model).
func TestTextModelFile(t *testing.T) {
	m, err := decodeTextModel(textModelData)
	if err != nil {
		t.Fatalf("decodeTextModel(textmodel.bin.gz): %v", err)
	}
	if textModel() == nil {
		t.Fatal("textModel() = nil")
	}
	if len(m.stages) == 0 || len(m.stages[0].trees) == 0 {
		t.Fatalf("model of %d stages", len(m.stages))
	}
	again, err := encodeTextModel(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, textModelData) {
		t.Errorf("encodeTextModel(decoded) gives %d bytes, the file has %d (or other bytes)", len(again), len(textModelData))
	}
}

// TestDecodeTextModelBad: a damaged file is an error, never a panic
// nor a model whose trees read past their features or loop.
func TestDecodeTextModelBad(t *testing.T) {
	m := &blockModel{threshold: 0.5, stages: []*treeModel{{bias: 0.1, trees: []textTree{{
		feature: []int16{3, -1, -1}, threshold: []float32{2}, left: []int16{1, 0, 0}, value: []float32{0, -1, 1},
	}}}}}
	good, err := encodeTextModel(m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeTextModel(good); err != nil {
		t.Fatalf("decodeTextModel(good) = %v", err)
	}
	gz := func(raw []byte) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(raw)
		zw.Close()
		return b.Bytes()
	}
	raw := ungzip(t, good)
	// The root's encoding: feature 3 (zigzag 6), threshold 2, left 1.
	root := []byte{6, 0, 0, 0, 0x40, 1}
	if !bytes.Contains(raw, root) {
		t.Fatalf("the encoding %v holds no root %v", raw, root)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("TXM2")},
		{"wrong magic", gz(append([]byte("TXM0"), raw[4:]...))},
		{"truncated", gz(raw[:len(raw)-3])},
		{"trailing bytes", gz(append(slices.Clone(raw), 0))},
		{"child before parent", gz(bytes.Replace(raw, root, []byte{6, 0, 0, 0, 0x40, 0}, 1))},
		{"children past the end", gz(bytes.Replace(raw, root, []byte{6, 0, 0, 0, 0x40, 2}, 1))},
		{"feature out of range", gz(bytes.Replace(raw, root, []byte{0x90, 3, 0, 0, 0, 0x40, 1}, 1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := decodeTextModel(tc.data); !errors.Is(err, errModelFile) {
				t.Errorf("decodeTextModel = %v, want errModelFile", err)
			}
		})
	}
}

func ungzip(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func FuzzParseTextModel(f *testing.F) {
	raw := ungzip(f, textModelData)
	f.Add(raw[:min(len(raw), 400)])
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := parseTextModel(data)
		if err != nil {
			return
		}
		// A model that decodes scores any page without panicking.
		feats := make([]float64, 2*len(textFeatureNames))
		m.scores(&pageFeatures{rows: feats, terms: &pageTerms{at: []int{0, 0, 0}}})
	})
}

// TestRepeatCounts: a block counts the other blocks of its normal form,
// whether their hashes say so or collide with blocks of another form.
func TestRepeatCounts(t *testing.T) {
	texts := []string{"Share  this", "share this", "The ferry sailed.", "SHARE THIS ", "Subscribe"}
	blocks := make([]Block, len(texts))
	for i, s := range texts {
		blocks[i] = Block{Text: s}
	}
	want := []int32{2, 2, 0, 2, 0}
	for _, tc := range []struct {
		name string
		hash func(i int) uint64
	}{
		{"distinct hashes", func(i int) uint64 { return uint64(len(normalize(texts[i]))) }},
		{"all hashes collide", func(int) uint64 { return 7 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			normHash, hashes := make([]uint64, len(texts)), map[uint64]int32{}
			for i := range texts {
				normHash[i] = tc.hash(i)
				hashes[normHash[i]]++
			}
			if got := repeatCounts(blocks, normHash, hashes); !slices.Equal(got, want) {
				t.Errorf("repeatCounts(%q) = %v, want %v", texts, got, want)
			}
		})
	}
}
