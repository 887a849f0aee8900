package summarize

import (
	"slices"
	"unsafe"

	"tidings/news"
)

// words numbers the stems and scoring terms of one story's sentences
// once, so that the TF-IDF space and the bigram concepts count integers
// rather than look each string up in maps of their own: a word id for
// every distinct stem or term string, and a term id, in the first-seen
// order of the sentences' Terms (the order a [vec.Vocab] would give),
// for every string that is some sentence's term.
type words struct {
	// The word ids, in first-seen order: keys[id] is the word, and
	// slots an open-addressing table of id+1 by the word's hash (0
	// for an empty slot), at most half full. A table of our own rather
	// than a map: a brief looks up every stem of the story, and the
	// map's hashing and probing were most of the numbering's time.
	keys   []string
	slots  []int32
	termOf []int32 // by word id: its term id, or -1
	wordOf []int32 // by term id: its word id
	// stems and terms hold the word ids of every sentence's Stems and
	// the term ids of its Terms, article after article, sentence after
	// sentence; sentence si of article ai has
	// stems[at[ai][si][0]:at[ai][si+1][0]] and
	// terms[at[ai][si][1]:at[ai][si+1][1]].
	stems, terms []int32
	at           [][][2]int
	atBuf        [][2]int // the array of at's slices
	// byData maps strings by their bytes' address and length to their
	// word ids, an open-addressing table at most half full (nData
	// entries): the segmenter hands out one string for each word it
	// has cached, so most stems are found there without hashing or
	// comparing their bytes. Two strings of the same address and length
	// hold the same bytes, so a hit is always right; a string of the
	// same bytes elsewhere has its own entry, of the same id.
	byData []dataEntry
	nData  int
}

type dataEntry struct {
	data *byte // nil for an empty slot
	n    int
	id   int32
}

// newWords numbers the words of arts' sentences (see [words.fill]).
func newWords(arts []news.Article) *words { return new(words).fill(arts) }

// fill numbers the words of arts' sentences into w, reusing its memory,
// and returns w. A sentence's stems are numbered first, then its terms:
// the terms are the stems of some of its words, in order, so most are
// found by walking both lists with no look-up; any left over are looked
// up.
func (w *words) fill(arts []news.Article) *words {
	nStems, nTerms, nAt := 0, 0, 0
	for _, a := range arts {
		nAt += len(a.Sentences) + 1
		for _, s := range a.Sentences {
			nStems += len(s.Stems)
			nTerms += len(s.Terms)
		}
	}
	// On the development sets a story has about a fifth as many
	// distinct stems as stems.
	w.reset(nStems / 4)
	w.termOf, w.wordOf = w.termOf[:0], w.wordOf[:0]
	w.stems = slices.Grow(w.stems[:0], nStems)
	w.terms = slices.Grow(w.terms[:0], nTerms)
	w.atBuf = slices.Grow(w.atBuf[:0], nAt)
	w.at = slices.Grow(w.at[:0], len(arts))
	for _, a := range arts {
		from := len(w.atBuf)
		for _, s := range a.Sentences {
			w.atBuf = append(w.atBuf, [2]int{len(w.stems), len(w.terms)})
			first := len(w.stems)
			for _, st := range s.Stems {
				w.stems = append(w.stems, w.idOf(st))
			}
			ids := w.stems[first:]
			j := 0
			for i, st := range s.Stems {
				if j < len(s.Terms) && sameString(s.Terms[j], st) {
					w.terms = append(w.terms, w.term(ids[i]))
					j++
				}
			}
			for _, t := range s.Terms[j:] {
				w.terms = append(w.terms, w.term(w.idOf(t)))
			}
		}
		w.atBuf = append(w.atBuf, [2]int{len(w.stems), len(w.terms)})
		w.at = append(w.at, w.atBuf[from:len(w.atBuf):len(w.atBuf)])
	}
	return w
}

// reset empties the word ids, with room for about n words.
func (w *words) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(w.slots) < size {
		w.slots = make([]int32, size)
	} else {
		clear(w.slots)
	}
	clear(w.keys) // drop the last story's strings
	w.keys = w.keys[:0]
	if len(w.byData) < size {
		w.byData = make([]dataEntry, size)
	} else {
		clear(w.byData)
	}
	w.nData = 0
}

// wordHash hashes s (FNV-1a): any hash would do, since ids follow the
// order words are first seen, not the table's.
func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// find returns the slot of s in the table: the slot holding it, or the
// empty slot where it belongs.
func (w *words) find(s string) int {
	mask := len(w.slots) - 1
	for i := int(wordHash(s)) & mask; ; i = (i + 1) & mask {
		if v := w.slots[i]; v == 0 || w.keys[v-1] == s {
			return i
		}
	}
}

// lookup returns the word id of s, and false when it has none.
func (w *words) lookup(s string) (int32, bool) {
	if len(w.slots) == 0 {
		return 0, false
	}
	v := w.slots[w.find(s)]
	return v - 1, v != 0
}

// id returns the word id of s, numbering it when new.
func (w *words) id(s string) int32 {
	i := w.find(s)
	if v := w.slots[i]; v != 0 {
		return v - 1
	}
	id := int32(len(w.keys))
	w.keys = append(w.keys, s)
	w.slots[i] = id + 1
	w.termOf = append(w.termOf, -1)
	if 2*len(w.keys) > len(w.slots) {
		w.grow()
	}
	return id
}

// idOf is id(s), found by s's address when a string of the same
// address and length was numbered before (see [words.byData]).
func (w *words) idOf(s string) int32 {
	p := unsafe.StringData(s)
	if len(s) == 0 || len(w.byData) == 0 {
		return w.id(s)
	}
	mask := len(w.byData) - 1
	for i := dataHash(p, len(s)) & mask; ; i = (i + 1) & mask {
		e := &w.byData[i]
		if e.data == p && e.n == len(s) {
			return e.id
		}
		if e.data == nil {
			id := w.id(s)
			*e = dataEntry{p, len(s), id}
			if w.nData++; 2*w.nData > len(w.byData) {
				w.growData()
			}
			return id
		}
	}
}

// sameString is a == b, at once when both share their bytes (a term and
// its stem from the segmenter's cache do).
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// dataHash hashes a string's address and length (Fibonacci hashing: the
// high bits of the product, which the mask keeps after the shift).
func dataHash(p *byte, n int) int {
	return int((uint64(uintptr(unsafe.Pointer(p)))^uint64(n)<<48)*0x9E3779B97F4A7C15>>32) & 0x7fffffff
}

// growData doubles byData and places every entry again.
func (w *words) growData() {
	old := w.byData
	w.byData = make([]dataEntry, 2*len(old))
	mask := len(w.byData) - 1
	for _, e := range old {
		if e.data == nil {
			continue
		}
		i := dataHash(e.data, e.n) & mask
		for w.byData[i].data != nil {
			i = (i + 1) & mask
		}
		w.byData[i] = e
	}
}

// grow doubles the table and places every word again.
func (w *words) grow() {
	w.slots = make([]int32, 2*len(w.slots))
	for id, s := range w.keys {
		w.slots[w.find(s)] = int32(id) + 1
	}
}

// term returns the term id of word id, numbering it when new.
func (w *words) term(id int32) int32 {
	t := w.termOf[id]
	if t < 0 {
		t = int32(len(w.wordOf))
		w.termOf[id] = t
		w.wordOf = append(w.wordOf, id)
	}
	return t
}

// sentence returns the word ids of the stems and the term ids of the
// terms of sentence si of article ai.
func (w *words) sentence(ai, si int) (stems, terms []int32) {
	from, to := w.at[ai][si], w.at[ai][si+1]
	return w.stems[from[0]:to[0]:to[0]], w.terms[from[1]:to[1]:to[1]]
}

// Lookup returns the term id of term, and false when no sentence has it
// among its Terms.
func (w *words) Lookup(term string) (int32, bool) {
	id, ok := w.lookup(term)
	if !ok || w.termOf[id] < 0 {
		return 0, false
	}
	return w.termOf[id], true
}

// Len returns the number of distinct terms.
func (w *words) Len() int { return len(w.wordOf) }

// nWords returns the number of distinct words (stems and terms).
func (w *words) nWords() int { return len(w.termOf) }
