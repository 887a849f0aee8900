package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Resources are ROUGE-1.5.5's data files: the WordNet exception table used
// before Porter stemming (-m) and the SMART stop-word list (-s).
type Resources struct {
	// Exceptions maps an inflected form to its base form.
	Exceptions map[string]string
	// StopWords is the stop-word set.
	StopWords map[string]bool
}

// Data file names inside a resource directory.
const (
	ExceptionsFile = "wordnet-2.0-exceptions.tsv"
	StopWordsFile  = "smart_common_words.txt"
)

// LoadResources reads ExceptionsFile ("inflected<TAB>base" lines) and
// StopWordsFile (one word a line) from dir.
func LoadResources(dir string) (*Resources, error) {
	res := &Resources{Exceptions: map[string]string{}, StopWords: map[string]bool{}}
	err := readLines(filepath.Join(dir, ExceptionsFile), func(n int, line string) error {
		infl, base, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("line %d: want inflected<TAB>base", n)
		}
		res.Exceptions[infl] = base
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines(filepath.Join(dir, StopWordsFile), func(_ int, line string) error {
		if w := strings.TrimSpace(line); w != "" {
			res.StopWords[w] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func readLines(path string, f func(n int, line string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		if err := f(n, line); err != nil {
			return fmt.Errorf("eval: %s: %w", path, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eval: %s: %w", path, err)
	}
	return nil
}

// Score is one metric's recall, precision and F-measure, each rounded to
// five decimals the way ROUGE-1.5.5 prints them (F is computed from the
// rounded R and P).
type Score struct {
	R, P, F float64
}

// Result is the scores of one peer against its models, by metric name in
// Options.Metrics order.
type Result struct {
	Names  []string
	Scores []Score
}

// Get returns the score of metric name and whether it was computed.
func (r Result) Get(name string) (Score, bool) {
	for i, n := range r.Names {
		if n == name {
			return r.Scores[i], true
		}
	}
	return Score{}, false
}

// Evaluate scores peer against the model (reference) summaries. Texts hold
// one sentence per line, as ROUGE-1.5.5's SPL input. res may be nil when
// neither Stem nor Stop is set; otherwise it returns an error. To score
// many peers, a [Scorer] keeps the references' tokens between calls.
func Evaluate(peer string, models []string, o Options, res *Resources) (Result, error) {
	s, err := NewScorer(o, res)
	if err != nil {
		return Result{}, err
	}
	m, err := s.Models(models)
	if err != nil {
		return Result{}, err
	}
	return s.Evaluate(peer, m), nil
}

// summary is a tokenized text: all tokens, and the tokens of each line
// (for ROUGE-L and -W).
type summary struct {
	tokens []string
	lines  [][]string
}

type tokenizer struct {
	o   Options
	res *Resources
	// stems caches the stem of each word of more than 3 letters (-m).
	stems map[string]string
}

// summary tokenizes text the way ROUGE-1.5.5 reads an SPL file.
func (t tokenizer) summary(text string) summary {
	var lines []string
	for l := range strings.SplitSeq(lowerASCII(text), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	var s summary
	// ROUGE-N and -S read the truncated text as one sequence.
	for _, l := range t.truncate(lines, false) {
		s.tokens = t.tokens(s.tokens, l)
	}
	if t.o.LCS || t.o.W > 0 {
		for _, l := range t.truncate(lines, true) {
			s.lines = append(s.lines, t.tokens(nil, l))
		}
	}
	return s
}

// truncate applies -l or -b to the lines. For the LCS reader (lcs true)
// ROUGE-1.5.5 never adds to its byte count under -b, so each line is cut
// on its own and only a line of N bytes or more ends the text.
func (t tokenizer) truncate(lines []string, lcs bool) []string {
	switch {
	case t.o.WordLimit > 0:
		var out []string
		count := 0
		for _, l := range lines {
			if n := countASCIIFields(l); count+n < t.o.WordLimit {
				out = append(out, l)
				count += n
				continue
			}
			pieces := splitASCIISpace(l)
			out = append(out, strings.Join(pieces[:t.o.WordLimit-count], " "))
			return out
		}
		return out
	case t.o.ByteLimit > 0:
		var out []string
		count := 0
		for _, l := range lines {
			if count+len(l) < t.o.ByteLimit {
				out = append(out, l)
				if !lcs {
					count += len(l)
				}
				continue
			}
			out = append(out, l[:t.o.ByteLimit-count])
			return out
		}
		return out
	}
	return lines
}

// splitASCIISpace splits like Perl's split(/\s+/): on runs of ASCII white
// space, with an empty first piece when the line starts with white space,
// and no piece at all for a line of white space only.
func splitASCIISpace(l string) []string {
	pieces := strings.FieldsFunc(l, isASCIISpace)
	if len(pieces) > 0 && isASCIISpace(rune(l[0])) {
		pieces = append([]string{""}, pieces...)
	}
	return pieces
}

// countASCIIFields returns len(splitASCIISpace(l)) without making the
// pieces.
func countASCIIFields(l string) int {
	n := 0
	for i := 0; i < len(l); i++ {
		if !isASCIISpace(rune(l[i])) && (i == 0 || isASCIISpace(rune(l[i-1]))) {
			n++
		}
	}
	if n > 0 && isASCIISpace(rune(l[0])) {
		n++ // Perl's empty first piece
	}
	return n
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// tokens appends to out the tokens of a lower-cased line: maximal runs of
// [a-z0-9], stop words removed (-s), stemmed (-m).
func (t tokenizer) tokens(out []string, l string) []string {
	for i := 0; i < len(l); {
		if !isTokenByte(l[i]) {
			i++
			continue
		}
		j := i
		for j < len(l) && isTokenByte(l[j]) {
			j++
		}
		tok := l[i:j]
		i = j
		if t.o.Stop && t.res.StopWords[tok] {
			continue
		}
		if t.o.Stem && len(tok) > 3 {
			tok = t.stem(tok)
		}
		out = append(out, tok)
	}
	return out
}

// stem returns the WordNet base form of tok, or else its Porter stem.
func (t tokenizer) stem(tok string) string {
	if st, ok := t.stems[tok]; ok {
		return st
	}
	st, ok := t.res.Exceptions[tok]
	if !ok {
		st = porterStem(tok)
	}
	if t.stems != nil {
		t.stems[strings.Clone(tok)] = st // tok shares the line's memory
	}
	return st
}

func isTokenByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// score rounds R = rh/rd and P = ph/pd to five decimals and computes F
// from the rounded values. A zero denominator gives 0.
func (o Options) score(rh, rd, ph, pd float64) Score {
	var s Score
	if rd > 0 {
		s.R = round5(rh / rd)
	}
	if pd > 0 {
		s.P = round5(ph / pd)
	}
	s.F = o.fMeasure(s.R, s.P)
	return s
}

func (o Options) fMeasure(r, p float64) float64 {
	a := o.Alpha
	den := (1-a)*p + a*r
	if den == 0 {
		return 0
	}
	return round5(r * p / den)
}

// round5 rounds x to five decimals as C's printf("%.5f") does: the
// correctly rounded decimal of the double, ties to even.
func round5(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return v
}

// weight is ROUGE-W's f(k) = k^w, computed as C's pow() rounds it.
func weight(k, w float64) float64 { return pow(k, w) }

// Format prints x with five decimals, as ROUGE-1.5.5 does.
func Format(x float64) string { return strconv.FormatFloat(x, 'f', 5, 64) }
