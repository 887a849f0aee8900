package eval

import (
	"slices"
	"strings"
	"testing"
)

func TestPorterStem(t *testing.T) {
	t.Parallel()
	// Cases from the rules of ROUGE-1.5.5's stemmer (rouge-golden README).
	tests := []struct{ in, want string }{
		{"agreement", "agreem"}, {"element", "elem"}, {"very", "veri"}, {"1990s", "1990"},
		{"generation", "gener"}, {"mouse", "mous"}, {"says", "sai"}, {"caresses", "caress"},
		{"ponies", "poni"}, {"relational", "relat"}, {"hopping", "hop"}, {"filing", "file"},
		{"adjustment", "adjust"}, {"adoption", "adopt"}, {"controll", "control"}, {"is", "is"},
	}
	for _, tc := range tests {
		if got := porterStem(tc.in); got != tc.want {
			t.Errorf("porterStem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		o    Options
		want []string
	}{
		{"ascii_runs", "U.S.-led café naïve 5,000", Options{}, []string{"u", "s", "led", "caf", "na", "ve", "5", "000"}},
		{"word_limit_counts_raw_pieces", "a b-c d\ne f", Options{WordLimit: 4}, []string{"a", "b", "c", "d", "e"}},
		{"leading_space_counts_a_word", "  a b\nc d", Options{WordLimit: 3}, []string{"a", "b"}},
		{"byte_limit_cuts_inside_a_word", "abc def\nghi", Options{ByteLimit: 5}, []string{"abc", "d"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := tokenizer{o: tc.o}.summary(tc.in)
			if !slices.Equal(s.tokens, tc.want) {
				t.Errorf("tokens(%q) = %q, want %q", tc.in, s.tokens, tc.want)
			}
		})
	}
}

func TestParseArgs(t *testing.T) {
	t.Parallel()
	o, err := ParseArgs(strings.Fields("-n 2 -m -a -l 250 -x -2 4 -u -c 95 -r 1000 -f B -p 0.8 -t 0"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(o.Metrics(), ","); got != "ROUGE-1,ROUGE-2,ROUGE-SU4" || !o.BestModel || o.Alpha != 0.8 || o.WordLimit != 250 {
		t.Errorf("ParseArgs = %+v (metrics %s)", o, got)
	}
	for _, bad := range []string{"-n 9", "-t 1", "-l", "-q", "-f C", "-l 5 -b 5", "-u"} {
		if _, err := ParseArgs(strings.Fields(bad)); err == nil {
			t.Errorf("ParseArgs(%q) = nil error, want one", bad)
		}
	}
}

func FuzzROUGE(f *testing.F) {
	f.Add("the cat sat\non the mat", "the cat sat on the mat", uint8(0))
	f.Add("", "x", uint8(1))
	f.Add("A-b c\r\n  d", "  \n\n", uint8(2))
	f.Add("x", " \tone  two\vthree\xff ", uint8(1))
	f.Fuzz(func(t *testing.T, peer, ref string, mode uint8) {
		o := DefaultOptions()
		o.N, o.W, o.Skip, o.SU = 4, 1.2, 4, true
		switch mode % 3 {
		case 1:
			o.WordLimit = 5
		case 2:
			o.BestModel = true
		}
		check := func(r Result) {
			for i, s := range r.Scores {
				for _, v := range []float64{s.R, s.P, s.F} {
					if v < 0 || v > 1 || v != v {
						t.Fatalf("%s score %v out of [0,1] for peer %q ref %q", r.Names[i], v, peer, ref)
					}
				}
			}
		}
		r, err := Evaluate(peer, []string{ref, peer}, o, nil)
		if err != nil {
			t.Fatal(err)
		}
		check(r)
		// A text scored against itself scores 1 wherever it has units.
		self, _ := Evaluate(ref, []string{ref}, DefaultOptions(), nil)
		check(self)
		if n, pieces := countASCIIFields(ref), splitASCIISpace(ref); n != len(pieces) {
			t.Fatalf("countASCIIFields(%q) = %d, splitASCIISpace gives %d pieces", ref, n, len(pieces))
		}
		toks := tokenizer{o: DefaultOptions()}.summary(ref).tokens
		if s, _ := self.Get("ROUGE-L"); len(toks) > 0 && (s.R != 1 || s.P != 1 || s.F != 1) {
			t.Fatalf("ROUGE-L of %q against itself = %+v, want 1", ref, s)
		}
	})
}

func BenchmarkEvaluate(b *testing.B) {
	words := strings.Fields("the council voted on monday to close the old bridge for six weeks of repairs after engineers found a crack in a girder and ferries will run every fifteen minutes while the mayor asks drivers to use the ring road and shops fear lost trade")
	text := func(shift int) string {
		var sb strings.Builder
		for i := range 100 {
			sb.WriteString(words[(i*7+shift)%len(words)])
			if i%20 == 19 {
				sb.WriteByte('\n')
			} else {
				sb.WriteByte(' ')
			}
		}
		return sb.String()
	}
	peer := text(0)
	refs := []string{text(1), text(2), text(3), text(5)}
	o, _ := ParseArgs(strings.Fields("-n 4 -a -l 100 -2 4 -u -w 1.2"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(peer, refs, o, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestResampler requires a Resampler reused over many value sets to give
// Bootstrap's intervals exactly, and to fall back to it for other lengths.
func TestResampler(t *testing.T) {
	rng := newDrand48(7)
	for _, tc := range []struct{ n, resamples int }{{1, 10}, {5, 1000}, {50, 1000}, {44, 999}} {
		r := NewResampler(tc.n, tc.resamples)
		for trial := range 5 {
			vals := make([]float64, tc.n+trial%2) // odd trials: another length
			for i := range vals {
				vals[i] = round5(rng.next())
			}
			want := Bootstrap(vals, tc.resamples, 95)
			if got := r.Interval(vals, 95); got != want {
				t.Errorf("n %d resamples %d trial %d: Resampler %+v, Bootstrap %+v", tc.n, tc.resamples, trial, got, want)
			}
		}
	}
	if got := NewResampler(0, 1000).Interval(nil, 95); got != (Interval{}) {
		t.Errorf("no values: %+v, want zeros", got)
	}
}

func TestNewScorerErrors(t *testing.T) {
	o := DefaultOptions()
	o.Stem = true
	if _, err := NewScorer(o, nil); err == nil {
		t.Error("NewScorer with -m and no resources: nil error")
	}
	sc, _ := NewScorer(DefaultOptions(), nil)
	if _, err := sc.Models(nil); err == nil {
		t.Error("Models(nil): nil error")
	}
}

func BenchmarkScorer(b *testing.B) {
	words := strings.Fields("the council voted on monday to close the old bridge for six weeks of repairs after engineers found a crack in a girder and ferries will run every fifteen minutes while the mayor asks drivers to use the ring road and shops fear lost trade")
	text := func(shift int) string {
		var sb strings.Builder
		for i := range 100 {
			sb.WriteString(words[(i*7+shift)%len(words)])
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	refs := []string{text(1), text(2), text(3), text(5)}
	peers := []string{text(0), text(4), text(6), text(8)}
	o, _ := ParseArgs(strings.Fields("-n 4 -a -l 100 -x"))
	sc, _ := NewScorer(o, nil)
	ms, _ := sc.Models(refs)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sc.Evaluate(peers[i%len(peers)], ms)
	}
}
