package summarize

import "tidings/news"

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
}

// newWords numbers the words of arts' sentences. A sentence's stems are
// numbered first, then its terms: the terms are the stems of some of its
// words, in order, so most are found by walking both lists with no
// look-up; any left over are looked up.
func newWords(arts []news.Article) *words {
	nStems, nTerms := 0, 0
	for _, a := range arts {
		for _, s := range a.Sentences {
			nStems += len(s.Stems)
			nTerms += len(s.Terms)
		}
	}
	// On the development sets a story has about a fifth as many
	// distinct stems as stems.
	w := &words{
		ids:   make(map[string]int32, nStems/4),
		stems: make([]int32, 0, nStems),
		terms: make([]int32, 0, nTerms),
		at:    make([][][2]int, len(arts)),
	}
	for ai, a := range arts {
		at := make([][2]int, len(a.Sentences)+1)
		for si, s := range a.Sentences {
			at[si] = [2]int{len(w.stems), len(w.terms)}
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
		at[len(a.Sentences)] = [2]int{len(w.stems), len(w.terms)}
		w.at[ai] = at
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
