package segment

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"

	"tidings/news"
)

// Article fills a.Sentences from a.Text: spans, words, terms and stems,
// and Heading for a sentence inside one of a.Headings. It replaces any
// sentences a already had.
func Article(a *news.Article) {
	spans := Sentences(a.Text)
	a.Sentences = make([]news.Sentence, len(spans))
	h := 0 // the first heading that does not end before the sentence
	for i, sp := range spans {
		text := a.Text[sp.Start:sp.End]
		a.Sentences[i] = news.Sentence{
			ArticleID: a.ID,
			Index:     i,
			Paragraph: sp.Paragraph,
			Start:     sp.Start,
			End:       sp.End,
			Text:      text,
			Words:     CountWords(text),
		}
		a.Sentences[i].Terms, a.Sentences[i].Stems = termsAndStems(text)
		for h < len(a.Headings) && a.Headings[h][1] <= sp.Start {
			h++
		}
		a.Sentences[i].Heading = h < len(a.Headings) && a.Headings[h][0] < sp.End
	}
}

// stemCache remembers the stems of words seen: news vocabulary repeats, and
// stemming was half of segmentation's time. It is cleared when it holds
// stemCacheSize words, so memory stays bounded.
var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: make(map[string]string)}

const stemCacheSize = 1 << 17

// stem returns the Snowball English stem of the lower-case word w.
func stem(w string) string {
	stemCache.RLock()
	s, ok := stemCache.m[w]
	stemCache.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(w, true)
	// w and s may share the memory of the whole text w came from.
	key := strings.Clone(w)
	if s == w {
		s = key
	} else {
		s = strings.Clone(s)
	}
	stemCache.Lock()
	if len(stemCache.m) >= stemCacheSize {
		clear(stemCache.m)
	}
	stemCache.m[key] = s
	stemCache.Unlock()
	return s
}

// termsAndStems returns the [Terms] of s and the stems of all its words.
func termsAndStems(s string) (terms, stems []string) {
	words := Words(s)
	stems = make([]string, len(words))
	for i, w := range words {
		if len(w) < 2 || IsStopWord(w) {
			stems[i] = w
			continue
		}
		stems[i] = stem(w)
		terms = append(terms, stems[i])
	}
	return terms, stems
}

// CountWords returns the number of white-space separated words in s, the
// unit of every word budget in tidings.
func CountWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// Words returns the lower-cased words of s: maximal runs of letters and
// digits, with apostrophes inside a word kept ("don't") and a possessive
// "'s" dropped.
func Words(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(s[start:end])
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, "'’")
		if w != "" {
			out = append(out, w)
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0:
			// Kept inside a word; trimmed at its ends by flush.
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// Terms returns the scoring terms of s: its [Words] without stop words and
// one-letter words, each reduced to its Snowball (Porter2) English stem.
func Terms(s string) []string {
	words := Words(s)
	out := words[:0]
	for _, w := range words {
		if len(w) < 2 || IsStopWord(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// Names returns the terms (as [Terms] stems them) of the capitalized
// words of sentence s after its first word: the words of the names it
// mentions, "Kerry", "Geneva", "Reuters". Stop words are left out, so a
// capitalized "The" inside a title is not a name.
func Names(s string) []string {
	var out []string
	first := true
	for _, f := range strings.Fields(s) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f == "" {
			continue
		}
		if first {
			first = false
			continue
		}
		r := []rune(f)
		if !unicode.IsUpper(r[0]) || len(r) < 2 {
			continue
		}
		out = append(out, Terms(f)...)
	}
	return out
}
