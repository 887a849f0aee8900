package ner

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Labels are the BIO tags, O first.
var Labels = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// nLabels is the number of labels.
const nLabels = len(Labels)

// label returns the index of tag in Labels, or -1.
func label(tag string) int {
	for i, l := range Labels {
		if l == tag {
			return i
		}
	}
	return -1
}

// allowed reports whether label b may follow label a: an I- tag continues
// a name of its own type.
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a == b || a == b-1
}

// Gazetteer holds the word lists a model was trained with, lower-cased:
// names of places (one word or several), given names, capitalized words
// that name no entity (nationalities and the like), and the words most
// often written in lower case in the training data (Train fills Lower
// when it is empty), which count as seen in lower case in every
// document, however short.
type Gazetteer struct {
	Places, FirstNames, NonNames, Lower []string
}

// gazetteer is a Gazetteer as sets: what the lists say of each word,
// and the place names.
type gazetteer struct {
	words  map[string]wordInfo
	places map[string]bool
}

// wordInfo is what the gazetteer lists say of a lower-cased word.
type wordInfo struct {
	marks      uint8 // gzFirst, gzNon
	lower      bool  // among the words most often written in lower case
	placeWords int32 // the most words of a place name it starts, 0 if none
}

func newGazetteer(g Gazetteer) *gazetteer {
	z := &gazetteer{words: map[string]wordInfo{}, places: map[string]bool{}}
	set := func(w string, f func(*wordInfo)) {
		wi := z.words[w]
		f(&wi)
		z.words[w] = wi
	}
	for _, w := range g.Lower {
		set(w, func(wi *wordInfo) { wi.lower = true })
	}
	for _, p := range g.Places {
		z.places[p] = true
		if w := strings.Fields(p); len(w) > 0 {
			set(w[0], func(wi *wordInfo) { wi.placeWords = max(wi.placeWords, int32(min(len(w), math.MaxInt32))) })
		}
	}
	for _, f := range g.FirstNames {
		set(f, func(wi *wordInfo) { wi.marks |= gzFirst })
	}
	for _, n := range g.NonNames {
		set(n, func(wi *wordInfo) { wi.marks |= gzNon })
	}
	return z
}

// Gazetteer marks of a token.
const (
	gzPlaceB = 1 << iota
	gzPlaceI
	gzFirst
	gzNon
)

// sentence holds what the features of a sentence's tokens read. Its
// buffers are reused from one sentence to the next (see prepare).
type sentence struct {
	words, low, shapes []string
	gaz                []uint8
	caps               bool // every letter of the sentence is upper case (a headline, a dateline)
	lowerSeen          []bool

	// hist is what the document's earlier sentences labelled each
	// capitalized word (history.value; 0: nothing), set by setHistory.
	hist []uint8

	info  []wordInfo // what the gazetteer says of each word
	buf   []byte     // lower-cased words and shapes, made one string at the end of prepare
	spans []int32    // per word, where its lower case and shape are in buf (-1: not there)
	join  []byte     // the words of a place name, to look it up
}

// newSentence prepares the words of a sentence; lower reports whether a
// word is written in lower case elsewhere in the document (nil: never).
func newSentence(words []string, z *gazetteer, lower func(string) bool) *sentence {
	s := &sentence{}
	s.prepare(words, z, lower)
	return s
}

// prepare sets s to the words of a sentence, as newSentence does,
// reusing the buffers of s: the lower-cased words and shapes that differ
// from the words take one allocation together.
func (s *sentence) prepare(words []string, z *gazetteer, lower func(string) bool) {
	n := len(words)
	s.words = words
	s.low, s.shapes = resize(s.low, n), resize(s.shapes, n)
	s.lowerSeen, s.gaz, s.info = resize(s.lowerSeen, n), resize(s.gaz, n), resize(s.info, n)
	s.hist = resize(s.hist, n)
	clear(s.hist)
	s.spans = resize(s.spans, 3*n)
	buf := s.buf[:0]
	letters, upper := 0, 0
	for i, w := range words {
		ascii, hasUpper := asciiCase(w)
		s.spans[3*i] = -1
		switch {
		case ascii && !hasUpper:
			s.low[i] = w // strings.ToLower(w) is w
		case ascii:
			s.spans[3*i] = int32(len(buf))
			for j := 0; j < len(w); j++ {
				c := w[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		default:
			s.low[i] = strings.ToLower(w)
		}
		s.spans[3*i+1] = int32(len(buf))
		buf = appendShape(buf, w)
		s.spans[3*i+2] = int32(len(buf))
		if ascii {
			for j := 0; j < len(w); j++ {
				switch c := w[j]; {
				case 'A' <= c && c <= 'Z':
					letters++
					upper++
				case 'a' <= c && c <= 'z':
					letters++
				}
			}
		} else {
			for _, r := range w {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						upper++
					}
				}
			}
		}
	}
	str := string(buf)
	s.buf = buf
	for i, w := range words {
		if a := s.spans[3*i]; a >= 0 {
			s.low[i] = str[a:s.spans[3*i+1]]
		}
		s.shapes[i] = str[s.spans[3*i+1]:s.spans[3*i+2]]
		s.info[i] = z.words[s.low[i]]
		s.lowerSeen[i] = false
		if w != s.low[i] {
			s.lowerSeen[i] = s.info[i].lower || lower != nil && lower(s.low[i])
		}
	}
	s.caps = letters > 0 && upper == letters
	s.marks(z)
}

// resize returns b with length n, reusing its array when it is large
// enough; the elements are not cleared.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// marks sets the gazetteer marks of each token: the longest place name
// starting at a token marks it B and the tokens after I.
func (s *sentence) marks(z *gazetteer) {
	low := s.low
	for i := range low {
		s.gaz[i] = s.info[i].marks
	}
	for i := 0; i < len(low); {
		n := 0
		for k := min(int(s.info[i].placeWords), len(low)-i); k >= 1; k-- {
			if k == 1 {
				if z.places[low[i]] {
					n = k
				}
				break
			}
			s.join = append(s.join[:0], low[i]...)
			for _, w := range low[i+1 : i+k] {
				s.join = append(append(s.join, ' '), w...)
			}
			if z.places[string(s.join)] {
				n = k
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		s.gaz[i] |= gzPlaceB
		for k := i + 1; k < i+n; k++ {
			s.gaz[k] |= gzPlaceI
		}
		i += n
	}
}

// appendShape appends the shape of w to b: upper-case letters to X,
// lower-case to x, digits to d, with runs of more than two cut to two
// ("Xxx" for "Reuters", "dd-dd" for "1996-08").
func appendShape(b []byte, w string) []byte {
	var prev rune
	run := 0
	for _, r := range w {
		c := r
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'A' <= r && r <= 'Z':
				c = 'X'
			case 'a' <= r && r <= 'z':
				c = 'x'
			case '0' <= r && r <= '9':
				c = 'd'
			}
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == prev {
			run++
		} else {
			run = 1
		}
		prev = c
		if run <= 2 {
			b = utf8.AppendRune(b, c)
		}
	}
	return b
}

// hasher builds FNV-1a hashes of feature names without allocating.
type hasher uint32

const fnvOffset, fnvPrime = 2166136261, 16777619

func start(tmpl byte) hasher {
	return (hasher(fnvOffset) ^ hasher(tmpl)) * fnvPrime
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // a separator, so "ab"+"c" differs from "a"+"bc"
}

func (h hasher) num(n int) hasher {
	return (h ^ hasher(n&0xff)) * fnvPrime
}

// Feature templates.
const (
	fBias byte = iota
	fWord
	fWordAsIs
	fPrev1
	fNext1
	fPrev2
	fNext2
	fShape
	fShapePrev
	fShapeNext
	fShapeTri
	fPrefix
	fSuffix
	fFlags
	fLabel1
	fLabel1Word
	fGaz
	fGazPrev
	fGazNext
	fBigramPrev
	fBigramNext
	fCaps
	fLowerSeen
	fHist
)

const boundary = "\x00"

func (s *sentence) lowAt(i int) string {
	if i < 0 || i >= len(s.low) {
		return boundary
	}
	return s.low[i]
}

func (s *sentence) shapeAt(i int) string {
	if i < 0 || i >= len(s.shapes) {
		return boundary
	}
	return s.shapes[i]
}

func (s *sentence) gazAt(i int) int {
	if i < 0 || i >= len(s.gaz) {
		return 0xff
	}
	return int(s.gaz[i])
}

// affixes adds the hashes of w's prefixes and of lw's suffixes of one
// to four characters (lw is w lower-cased), shortest first.
func affixes(w, lw string, add func(hasher)) {
	n := utf8.RuneCountInString(w)
	for k, end := 1, 0; k <= 4 && k <= n; k++ {
		_, size := utf8.DecodeRuneInString(w[end:])
		end += size
		add(start(fPrefix).num(k).str(w[:end]))
	}
	for k, from := 1, len(w); k <= 4 && k <= n; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:from])
		from -= size
		add(start(fSuffix).num(k).str(lw[min(from, len(lw)):]))
	}
}

// static appends the hashes of the features of token i that do not
// depend on the label before it.
func (s *sentence) static(fs []uint32, i int) []uint32 {
	add := func(h hasher) { fs = append(fs, uint32(h)) }
	w, lw := s.words[i], s.low[i]
	add(start(fBias))
	add(start(fWord).str(lw))
	add(start(fWordAsIs).str(w))
	add(start(fPrev1).str(s.lowAt(i - 1)))
	add(start(fNext1).str(s.lowAt(i + 1)))
	add(start(fPrev2).str(s.lowAt(i - 2)))
	add(start(fNext2).str(s.lowAt(i + 2)))
	add(start(fShape).str(s.shapes[i]))
	add(start(fShapePrev).str(s.shapeAt(i - 1)))
	add(start(fShapeNext).str(s.shapeAt(i + 1)))
	add(start(fShapeTri).str(s.shapeAt(i - 1)).str(s.shapes[i]).str(s.shapeAt(i + 1)))
	affixes(w, lw, add)
	add(start(fFlags).num(s.flags(i)))
	add(start(fGaz).num(s.gazAt(i)))
	add(start(fGazPrev).num(s.gazAt(i - 1)).num(s.gazAt(i)))
	add(start(fGazNext).num(s.gazAt(i)).num(s.gazAt(i + 1)))
	add(start(fBigramPrev).str(s.lowAt(i - 1)).str(lw))
	add(start(fBigramNext).str(lw).str(s.lowAt(i + 1)))
	if s.caps {
		add(start(fCaps).str(lw))
	}
	if s.lowerSeen[i] {
		add(start(fLowerSeen).num(boolInt(i == 0)))
	}
	if s.hist[i] != 0 {
		add(start(fHist).num(int(s.hist[i])))
	}
	return fs
}

// transition appends the hashes of the features of token i that pair the
// label before it (-1 at the start of the sentence) with the token.
func (s *sentence) transition(fs []uint32, i, prev int) []uint32 {
	return append(fs, transitionOnly(prev), pair(s.pairBase(i), prev))
}

// transitionOnly is the feature of the label before alone.
func transitionOnly(prev int) uint32 {
	return uint32(start(fLabel1).num(prev))
}

// pairBase returns the hash of token i that pair extends with a label
// before: its word.
func (s *sentence) pairBase(i int) hasher {
	return start(fLabel1Word).str(s.low[i])
}

// pair returns the feature that pairs token i (its pairBase) with the
// label before.
func pair(base hasher, prev int) uint32 {
	return uint32(base.num(prev))
}

// flags packs the capitalisation pattern of token i: capitalized, all
// capitals, has a digit, a hyphen, a period, first of its sentence.
func (s *sentence) flags(i int) int {
	return wordFlags(s.words[i], s.low[i], i == 0)
}

// wordFlags packs the capitalisation pattern of word w, whose lower case
// is low, first of its sentence or not (see sentence.flags).
func wordFlags(w, low string, first bool) int {
	f := 0
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		f |= 1
	}
	if w != low && lettersUpper(w) {
		f |= 2
	}
	for j := 0; j < len(w); j++ {
		switch c := w[j]; {
		case '0' <= c && c <= '9':
			f |= 4
		case c == '-':
			f |= 8
		case c == '.':
			f |= 16
		}
	}
	if first {
		f |= 32
	}
	return f
}

// lettersUpper reports whether every letter of w is upper case.
func lettersUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// asciiCase reports whether w is all ASCII and, up to its first other
// byte, whether it holds an upper-case letter (a word that is ASCII with
// none is its own lower-cased form).
func asciiCase(w string) (ascii, hasUpper bool) {
	for j := 0; j < len(w); j++ {
		c := w[j]
		if c >= utf8.RuneSelf {
			return false, hasUpper
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		}
	}
	return true, hasUpper
}

// history is what the earlier sentences of a document labelled its
// capitalized words: per word, lower-cased, how many times each kind
// (histKind) was its label's.
type history map[string][histKinds]uint16

// histKinds are the kinds history counts: the four types of name, and O.
const histKinds = 5

// histKind returns the kind of label l, 1 to histKinds: its type (1 PER,
// 2 ORG, 3 LOC, 4 MISC), or 5 for O.
func histKind(l int) int {
	if l <= 0 {
		return histKinds
	}
	return (l + 1) / 2
}

// value returns the kind the document gave low most often (the first of
// the most), 0 if it gave it none.
func (h history) value(low string) uint8 {
	c, ok := h[low]
	if !ok {
		return 0
	}
	best := 0
	for k := 1; k < histKinds; k++ {
		if c[k] > c[best] {
			best = k
		}
	}
	return uint8(best + 1)
}

// add counts label l of capitalized word low.
func (h history) add(low string, l int) {
	c := h[low]
	if k := histKind(l) - 1; c[k] < math.MaxUint16 {
		c[k]++
	}
	h[low] = c
}

// capitalized reports whether the feature of history reads word w, whose
// lower case is low: a word that has an upper-case letter.
func capitalized(w, low string) bool { return w != low }

// setHistory sets what h says of the words of s.
func (s *sentence) setHistory(h history) {
	for i, w := range s.words {
		s.hist[i] = 0
		if len(h) > 0 && capitalized(w, s.low[i]) {
			s.hist[i] = h.value(s.low[i])
		}
	}
}

// record adds the labels of the capitalized words of s to h.
func (s *sentence) record(h history, labels []int) {
	for i, w := range s.words {
		if capitalized(w, s.low[i]) {
			h.add(s.low[i], labels[i])
		}
	}
}
