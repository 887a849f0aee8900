package ner

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"punctuation split off", `(Reuters) Talks ended, he said.`, []string{"(", "Reuters", ")", "Talks", "ended", ",", "he", "said", "."}},
		{"abbreviations keep their period", "Mr. Holm met U.S. envoys at Acme Corp. on Monday.", []string{"Mr.", "Holm", "met", "U.S.", "envoys", "at", "Acme", "Corp.", "on", "Monday", "."}},
		{"final abbreviation", "He lives in the U.S.", []string{"He", "lives", "in", "the", "U.S."}},
		{"clitics", "Norland's envoy didn't come.", []string{"Norland", "'s", "envoy", "did", "n't", "come", "."}},
		{"quotes", `"We will strike," Holm said.`, []string{`"`, "We", "will", "strike", ",", `"`, "Holm", "said", "."}},
		{"capitals sentence end", "Talks ended in GENEVA.", []string{"Talks", "ended", "in", "GENEVA", "."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			toks := Tokenize(tc.text)
			var got []string
			for _, tk := range toks {
				got = append(got, tk.Text)
				if tc.text[tk.Start:tk.End] != tk.Text {
					t.Errorf("token %q has span %d:%d = %q", tk.Text, tk.Start, tk.End, tc.text[tk.Start:tk.End])
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// tokenizeByRunes is Tokenize as first written: each run between
// spaces decoded rune by rune, and whether it ends the text read from
// what follows it.
func tokenizeByRunes(text string) []Token {
	var out []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitWord(out, text, i, j, strings.TrimSpace(text[j:]) == "")
		i = j
	}
	return out
}

// cliticByLowering is clitic by its definition.
func cliticByLowering(w string) int {
	for _, c := range clitics {
		if strings.HasSuffix(strings.ToLower(w), c) {
			return len(c)
		}
	}
	return 0
}

func FuzzTokenize(f *testing.F) {
	f.Add(`(Reuters) "Mr. Holm's" U.S. talks.`)
	f.Add("’s’ ... ((")
	f.Add("We DON’T know.\u00a0 It's Mr. X's  \u2003")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokenize(s), tokenizeByRunes(s); !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q) = %v, want %v", s, got, want)
		}
		for _, w := range strings.Fields(s) {
			if got, want := clitic(w), cliticByLowering(w); got != want && utf8.ValidString(w) {
				t.Fatalf("clitic(%q) = %d, want %d", w, got, want)
			}
		}
		end := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v after %d in %q", tk, end, s)
			}
			end = tk.End
		}
	})
}

func TestNames(t *testing.T) {
	tags := []int{label("B-PER"), label("I-PER"), 0, label("B-LOC"), label("B-LOC"), label("I-LOC"), label("B-MISC")}
	want := []Name{{0, 2, Person}, {3, 4, Place}, {4, 6, Place}, {6, 7, Misc}}
	if got := Names(tags); !slices.Equal(got, want) {
		t.Errorf("Names(%v) = %v, want %v", tags, got, want)
	}
}

// toyDocs is a small training set written for this test: names of
// people after "said" and places after "in".
func toyDocs() []Document {
	var d Document
	people := []string{"Anna Berg", "Viktor Sal", "Petra Holm", "Lena Ortiz"}
	places := []string{"Kessel", "Tallberg", "Marden", "Ostrava"}
	for i := range 40 {
		p := strings.Fields(people[i%len(people)])
		s := Sentence{}
		s.Words = append(s.Words, "talks", "in", places[(i/4)%len(places)], "ended", ",", "said")
		s.Tags = append(s.Tags, "O", "O", "B-LOC", "O", "O", "O")
		s.Words = append(s.Words, p...)
		s.Tags = append(s.Tags, "B-PER", "I-PER")
		d = append(d, s)
	}
	return []Document{d}
}

func TestTrainWriteRead(t *testing.T) {
	opts := TrainOptions{Epochs: 3, MinCount: 1, Gazetteer: Gazetteer{Places: []string{"kessel"}, FirstNames: []string{"anna"}}}
	m, err := Train(toyDocs(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if sc := m.Evaluate(toyDocs()); sc.F1() < 0.99 {
		t.Errorf("training set F1 = %.3f (%+v), want 1", sc.F1(), sc)
	}
	var b1, b2 bytes.Buffer
	if _, err := m.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	m2, err := Train(toyDocs(), opts)
	if err != nil {
		t.Fatal(err)
	}
	m2.WriteTo(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two trainings on the same data wrote different models")
	}
	r, err := Read(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Features() != m.Features() || !slices.Equal(r.Gazetteer().Places, []string{"kessel"}) {
		t.Errorf("read back %d features, gazetteer %v; want %d, [kessel]", r.Features(), r.Gazetteer(), m.Features())
	}
	words := strings.Fields("talks in Marden ended , said Viktor Sal")
	if got, want := r.Tag(words, nil), m.Tag(words, nil); !slices.Equal(got, want) {
		t.Errorf("read model tags %v, trained model %v", got, want)
	}
	if got := Names(r.Tag(words, nil)); !slices.Equal(got, []Name{{2, 3, Place}, {6, 8, Person}}) {
		t.Errorf("Names(Tag(%q)) = %v", words, got)
	}
}

func TestReadRejects(t *testing.T) {
	var good bytes.Buffer
	m, err := Train(toyDocs(), TrainOptions{Epochs: 1, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	m.WriteTo(&good)
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"cut short", good.Bytes()[:good.Len()/2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tc.data)); err == nil {
				t.Error("Read: no error")
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	m, _ := Train(toyDocs(), TrainOptions{Epochs: 1, MinCount: 1})
	m.WriteTo(&good)
	f.Add(good.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		if m, err := Read(bytes.NewReader(data)); err == nil {
			m.Tag([]string{"Anna", "said"}, nil)
		}
	})
}

func TestZeroModel(t *testing.T) {
	var m *Model
	if got := m.Tag([]string{"Anna", "Berg"}, nil); !slices.Equal(got, []int{0, 0}) {
		t.Errorf("nil model tags %v, want O O", got)
	}
}

// TestCoNLL trains briefly on the CoNLL-2003 training file and checks
// the development F1 when the data is there.
func TestCoNLL(t *testing.T) {
	if testing.Short() {
		t.Skip("short: training takes seconds")
	}
	read := func(name string) []Document {
		f, err := os.Open("../../../shared/data/enrich-dev/entities/" + name)
		if err != nil {
			t.Skipf("CoNLL-2003 data not found: %v", err)
		}
		defer f.Close()
		docs, err := ReadCoNLL(f)
		if err != nil {
			t.Fatal(err)
		}
		return docs
	}
	train, dev := read("eng.train"), read("eng.testa")
	if len(train) != 946 || len(dev) != 216 {
		t.Fatalf("read %d and %d documents, want 946 and 216", len(train), len(dev))
	}
	m, err := Train(train[:300], TrainOptions{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	sc := m.Evaluate(dev)
	t.Logf("300 documents, 2 passes: testa F1 %.3f", sc.F1())
	if sc.F1() < 0.7 {
		t.Errorf("testa F1 %.3f below 0.7", sc.F1())
	}
}

// TestClitic checks that clitic finds the clitics in any case as
// strings.ToLower and strings.HasSuffix do, and the premise of its byte
// comparison: no letter outside ASCII lower-cases to a letter of a
// clitic.
func TestClitic(t *testing.T) {
	t.Parallel()
	want := func(w string) int {
		for _, c := range clitics {
			if strings.HasSuffix(strings.ToLower(w), c) {
				return len(c)
			}
		}
		return 0
	}
	for _, w := range []string{"didn't", "DIDN'T", "Norland's", "NORLAND'S", "we’RE", "İ'S", "K'D", "'M", "s", "", "\xff's", "İ", "they'Ve", "o’LL", "N’T"} {
		if got := clitic(w); got != want(w) {
			t.Errorf("clitic(%q) = %d, want %d", w, got, want(w))
		}
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			for _, c := range clitics {
				if strings.ContainsRune(c, l) {
					t.Errorf("%U lower-cases to %q, a letter of clitic %q", r, l, c)
				}
			}
		}
	}
}

// TestPunctSwitches checks the switches of isLeadPunct and isTrailPunct
// against the strings they stand for, on every rune up to U+FFFF.
func TestPunctSwitches(t *testing.T) {
	for _, tc := range []struct {
		name  string
		is    func(rune) bool
		punct string
	}{
		{"lead", isLeadPunct, leadPunct},
		{"trail", isTrailPunct, trailPunct},
	} {
		for r := rune(0); r <= 0xffff; r++ {
			if got, want := tc.is(r), strings.ContainsRune(tc.punct, r); got != want {
				t.Errorf("%s %q: %v, want %v", tc.name, r, got, want)
			}
		}
	}
}

// TestSpaceAt checks spaceAt against unicode.IsSpace on every rune up to
// U+FFFF and on a byte that is no UTF-8.
func TestSpaceAt(t *testing.T) {
	for r := rune(0); r <= 0xffff; r++ {
		s := string(r) + "x"
		want := 0
		if unicode.IsSpace(r) {
			want = utf8.RuneLen(r)
		}
		if got := spaceAt(s, 0); got != want {
			t.Errorf("spaceAt(%q) = %d, want %d", s, got, want)
		}
	}
	if got := spaceAt("\xff", 0); got != 0 {
		t.Errorf("spaceAt(\\xff) = %d, want 0", got)
	}
}

// TestTrainAfterPass checks that AfterPass sees a model after each pass,
// the one of the last pass tagging as the trained model does, and that
// Stop ends training.
func TestTrainAfterPass(t *testing.T) {
	var passes []int
	var last *Model
	opts := TrainOptions{Epochs: 5, MinCount: 1,
		AfterPass: func(epoch int, m *Model) { passes, last = append(passes, epoch), m },
		Stop:      func(epoch int) bool { return epoch == 3 },
	}
	m, err := Train(toyDocs(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(passes, []int{1, 2, 3}) {
		t.Fatalf("AfterPass saw passes %v, want [1 2 3]", passes)
	}
	words := strings.Fields("talks in Marden ended , said Viktor Sal")
	if got, want := last.Tag(words, nil), m.Tag(words, nil); !slices.Equal(got, want) {
		t.Errorf("the last pass's model tags %v, the trained model %v", got, want)
	}
	if got, want := last.Features(), m.Features(); got != want {
		t.Errorf("the last pass's model has %d features, the trained model %d", got, want)
	}
}
