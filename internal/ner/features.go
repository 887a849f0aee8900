package ner

import (
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

// gazetteer is a Gazetteer as sets; maxPlace is the most words of a
// place name.
type gazetteer struct {
	places, first, non, lower map[string]bool
	placeStarts               map[string]int // first word of a place name -> most words of one
}

func newGazetteer(g Gazetteer) *gazetteer {
	z := &gazetteer{places: map[string]bool{}, first: map[string]bool{}, non: map[string]bool{}, lower: map[string]bool{}, placeStarts: map[string]int{}}
	for _, w := range g.Lower {
		z.lower[w] = true
	}
	for _, p := range g.Places {
		z.places[p] = true
		if w := strings.Fields(p); len(w) > 0 {
			z.placeStarts[w[0]] = max(z.placeStarts[w[0]], len(w))
		}
	}
	for _, f := range g.FirstNames {
		z.first[f] = true
	}
	for _, n := range g.NonNames {
		z.non[n] = true
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

// marks returns the gazetteer marks of each token of a sentence, whose
// lower-cased words are low: the longest place name starting at a token
// marks it B and the tokens after I.
func (z *gazetteer) marks(low []string) []uint8 {
	m := make([]uint8, len(low))
	for i := 0; i < len(low); i++ {
		if z.first[low[i]] {
			m[i] |= gzFirst
		}
		if z.non[low[i]] {
			m[i] |= gzNon
		}
	}
	for i := 0; i < len(low); {
		n := 0
		for k := min(z.placeStarts[low[i]], len(low)-i); k >= 1; k-- {
			if z.places[strings.Join(low[i:i+k], " ")] {
				n = k
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		m[i] |= gzPlaceB
		for k := i + 1; k < i+n; k++ {
			m[k] |= gzPlaceI
		}
		i += n
	}
	return m
}

// sentence holds what the features of a sentence's tokens read.
type sentence struct {
	words, low, shapes []string
	gaz                []uint8
	caps               bool // every letter of the sentence is upper case (a headline, a dateline)
	lowerSeen          []bool
}

// newSentence prepares the words of a sentence; lower reports whether a
// word is written in lower case elsewhere in the document (nil: never).
func newSentence(words []string, z *gazetteer, lower func(string) bool) *sentence {
	s := &sentence{words: words, low: make([]string, len(words)), shapes: make([]string, len(words)), lowerSeen: make([]bool, len(words))}
	letters, upper := 0, 0
	for i, w := range words {
		s.low[i] = strings.ToLower(w)
		s.shapes[i] = shape(w)
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if w != s.low[i] {
			s.lowerSeen[i] = z.lower[s.low[i]] || lower != nil && lower(s.low[i])
		}
	}
	s.caps = letters > 0 && upper == letters
	s.gaz = z.marks(s.low)
	return s
}

// shape maps a word to its shape: upper-case letters to X, lower-case to
// x, digits to d, with runs of more than two cut to two ("Xxx" for
// "Reuters", "dd-dd" for "1996-08").
func shape(w string) string {
	var b strings.Builder
	var prev rune
	run := 0
	for _, r := range w {
		c := r
		switch {
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
			b.WriteRune(c)
		}
	}
	return b.String()
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
	w := s.words[i]
	f := 0
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		f |= 1
	}
	if w != s.low[i] && allUpper(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, w)) {
		f |= 2
	}
	if strings.ContainsAny(w, "0123456789") {
		f |= 4
	}
	if strings.Contains(w, "-") {
		f |= 8
	}
	if strings.Contains(w, ".") {
		f |= 16
	}
	if i == 0 {
		f |= 32
	}
	return f
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
