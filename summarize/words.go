package summarize

import (
	"slices"

	"tidings/news"
)

// words numbers the stems and scoring terms of one story's sentences
// once, so that the TF-IDF space and the bigram concepts count integers
// rather than look each string up in maps of their own: a word id for
// every distinct stem or term string, and a term id, in the first-seen
// order of the sentences' Terms (the order a [vec.Vocab] would give),
// for every string that is some sentence's term.
type words struct {
	ids    map[string]int32 // word ids, in first-seen order
	termOf []int32          // by word id: its term id, or -1
	wordOf []int32          // by term id: its word id
	// stems and terms hold the word ids of every sentence's Stems and
	// the term ids of its Terms, article after article, sentence after
	// sentence; sentence si of article ai has
	// stems[at[ai][si][0]:at[ai][si+1][0]] and
	// terms[at[ai][si][1]:at[ai][si+1][1]].
	stems, terms []int32
	at           [][][2]int
	atBuf        [][2]int // the array of at's slices
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
	if w.ids == nil {
		// On the development sets a story has about a fifth as many
		// distinct stems as stems.
		w.ids = make(map[string]int32, nStems/4)
	} else {
		clear(w.ids)
	}
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
				w.stems = append(w.stems, w.id(st))
			}
			ids := w.stems[first:]
			j := 0
			for i, st := range s.Stems {
				if j < len(s.Terms) && s.Terms[j] == st {
					w.terms = append(w.terms, w.term(ids[i]))
					j++
				}
			}
			for _, t := range s.Terms[j:] {
				w.terms = append(w.terms, w.term(w.id(t)))
			}
		}
		w.atBuf = append(w.atBuf, [2]int{len(w.stems), len(w.terms)})
		w.at = append(w.at, w.atBuf[from:len(w.atBuf):len(w.atBuf)])
	}
	return w
}

// id returns the word id of s, numbering it when new.
func (w *words) id(s string) int32 {
	id, ok := w.ids[s]
	if !ok {
		id = int32(len(w.termOf))
		w.ids[s] = id
		w.termOf = append(w.termOf, -1)
	}
	return id
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
	id, ok := w.ids[term]
	if !ok || w.termOf[id] < 0 {
		return 0, false
	}
	return w.termOf[id], true
}

// Len returns the number of distinct terms.
func (w *words) Len() int { return len(w.wordOf) }

// nWords returns the number of distinct words (stems and terms).
func (w *words) nWords() int { return len(w.termOf) }
