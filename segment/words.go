package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"tidings/news"
)

// Article fills a.Sentences from a.Text: spans, words, terms and stems,
// and Heading for a sentence inside one of a.Headings. It replaces any
// sentences a already had.
//
// The Terms and Stems of all the sentences share two arrays, each
// sentence's slices capped at their length, so that appending to one
// copies it rather than writing into the next sentence's.
func Article(a *news.Article) {
	spans := Sentences(a.Text)
	a.Sentences = make([]news.Sentence, len(spans))
	// Ends of each sentence's stems and terms in the shared arrays.
	ends := make([][2]int, len(spans))
	// News prose has about one word per six bytes, half of them terms.
	stems := make([]string, 0, len(a.Text)/5)
	terms := make([]string, 0, len(a.Text)/10)
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
		}
		a.Sentences[i].Words = eachWord(text, func(e wordEntry) {
			if e.term == "" {
				stems = append(stems, e.word)
				return
			}
			stems = append(stems, e.term)
			terms = append(terms, e.term)
		})
		ends[i] = [2]int{len(stems), len(terms)}
		for h < len(a.Headings) && a.Headings[h][1] <= sp.Start {
			h++
		}
		a.Sentences[i].Heading = h < len(a.Headings) && a.Headings[h][0] < sp.End
	}
	var from [2]int
	for i, to := range ends {
		s := &a.Sentences[i]
		if to[0] > from[0] {
			s.Stems = stems[from[0]:to[0]:to[0]]
		} else {
			s.Stems = []string{}
		}
		if to[1] > from[1] {
			s.Terms = terms[from[1]:to[1]:to[1]]
		}
		from = to
	}
}

// wordEntry is what the words of a text come to: the word, lower-cased
// with its quotes and possessive trimmed ("" when nothing is left), and
// its term: its stem, or "" for a stop word or a one-letter word.
type wordEntry struct {
	word, term string
}

// wordCache remembers the entry of each word as it appears in texts
// (before lower-casing): news vocabulary repeats, and lower-casing,
// stop-word checks and stemming were most of segmentation's time. It is
// cleared when it holds wordCacheSize words, and holds no word of more
// than maxCachedWord bytes, so memory stays bounded.
var wordCache struct {
	sync.RWMutex
	m wordTable
}

// wordTable maps words to their entries: a hash table with open
// addressing over one array, filled and cleared but never deleted from.
// Every word of every text is looked up, and the general map's hashing
// and probing were a third of segmenting a text of cached words.
type wordTable struct {
	// slots holds, for each word, its hash in the high half and its
	// place in words plus one in the low; 0 is an empty slot. Its
	// length is a power of two, at most half of it full.
	slots []uint64
	words []cachedWord
}

type cachedWord struct {
	raw string
	e   wordEntry
}

// hashWord hashes a word (FNV-1a).
func hashWord(s string) uint32 { return hashOn(fnvOffset, s) }

// hashOn is the FNV-1a hash h of some bytes carried on over the bytes of s.
func hashOn(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// The constants of 32-bit FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// get returns the entry of raw, whose hash is h, and whether the table
// holds it.
func (t *wordTable) get(raw string, h uint32) (wordEntry, bool) {
	if len(t.slots) == 0 {
		return wordEntry{}, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			return wordEntry{}, false
		}
		if uint32(v>>32) == h {
			if w := &t.words[uint32(v)-1]; w.raw == raw {
				return w.e, true
			}
		}
	}
}

// put records e as the entry of raw, whose hash is h and which the
// table does not hold.
func (t *wordTable) put(raw string, h uint32, e wordEntry) {
	t.words = append(t.words, cachedWord{raw, e})
	if 2*len(t.words) > len(t.slots) {
		t.slots = make([]uint64, max(1024, 2*len(t.slots)))
		for j, w := range t.words {
			t.place(hashWord(w.raw), j)
		}
		return
	}
	t.place(h, len(t.words)-1)
}

func (t *wordTable) place(h uint32, j int) {
	mask := uint32(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = uint64(h)<<32 | uint64(j+1)
}

// len returns the number of words held.
func (t *wordTable) len() int { return len(t.words) }

// clear empties the table, keeping its memory.
func (t *wordTable) clear() {
	clear(t.slots)
	clear(t.words) // let the words' strings go
	t.words = t.words[:0]
}

const (
	wordCacheSize = 1 << 17
	maxCachedWord = 64
)

// entry returns the entry of raw, a maximal run of letters, digits and
// apostrophes starting with a letter or digit.
func entry(raw string) wordEntry {
	if len(raw) > maxCachedWord {
		return newEntry(raw)
	}
	h := hashWord(raw)
	wordCache.RLock()
	e, ok := wordCache.m.get(raw, h)
	wordCache.RUnlock()
	if ok {
		return e
	}
	e = newEntry(raw)
	// raw and e may share the memory of the whole text raw came from.
	key := strings.Clone(raw)
	e.word = strings.Clone(e.word)
	if e.term == e.word {
		e.term = e.word
	} else {
		e.term = strings.Clone(e.term)
	}
	wordCache.Lock()
	if wordCache.m.len() >= wordCacheSize {
		wordCache.m.clear()
	}
	// Another goroutine may have put raw since the look-up above.
	if _, ok := wordCache.m.get(raw, h); !ok {
		wordCache.m.put(key, h, e)
	}
	wordCache.Unlock()
	return e
}

func newEntry(raw string) wordEntry {
	w := strings.ToLower(raw)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.Trim(w, "'’")
	if len(w) < 2 || IsStopWord(w) {
		return wordEntry{word: w}
	}
	return wordEntry{word: w, term: english.Stem(w, true)}
}

// eachWord calls f with the entry of each word of s (see [Words]), in
// order, and returns CountWords(s), counted in the same pass. It holds the
// word cache's read lock while it reads the cache, so f must not read it
// (call entry) itself. Each word is hashed as it is read.
func eachWord(s string, f func(wordEntry)) int {
	n, inField := 0, false // CountWords' count and state
	start := -1            // where the word being read starts
	var h uint32           // hashWord of s[start:i]
	wordCache.RLock()
	for i := 0; i < len(s); {
		c := s[i]
		if asciiWord[c] {
			// A run of ASCII letters and digits is read at once: only
			// its first byte can start a word or a field.
			if start < 0 {
				start, h = i, fnvOffset
			}
			if !inField {
				inField = true
				n++
			}
			for ; i < len(s) && asciiWord[s[i]]; i++ {
				h = (h ^ uint32(s[i])) * fnvPrime
			}
			continue
		}
		var class uint8
		size := 1
		if c < utf8.RuneSelf {
			class = asciiClass[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				class = classWord
			case r == '’':
				class = classApostrophe
			case unicode.IsSpace(r):
				class = classSpace
			}
		}
		switch class {
		case classWord:
			if start < 0 {
				start, h = i, fnvOffset
			}
			h = hashOn(h, s[i:i+size])
		case classApostrophe:
			// Kept inside a word; trimmed at its ends by newEntry.
			// Outside a word there is nothing to flush.
			if start >= 0 {
				h = hashOn(h, s[i:i+size])
			}
		default:
			if start >= 0 {
				if e := cachedEntry(s[start:i], h); e.word != "" {
					f(e)
				}
				start = -1
			}
		}
		if class == classSpace {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
		i += size
	}
	if start >= 0 {
		if e := cachedEntry(s[start:], h); e.word != "" {
			f(e)
		}
	}
	wordCache.RUnlock()
	return n
}

// cachedEntry returns the entry of raw, whose hash is h, with the word
// cache's read lock held (and held again on return).
func cachedEntry(raw string, h uint32) wordEntry {
	if len(raw) > maxCachedWord {
		return newEntry(raw)
	}
	if e, ok := wordCache.m.get(raw, h); ok {
		return e
	}
	if h != hashWord(raw) {
		panic("segment: a word hashed out of step with its bytes")
	}
	wordCache.RUnlock()
	e := entry(raw)
	wordCache.RLock()
	return e
}

// asciiWord marks the ASCII letters and digits (classWord), and no byte
// of 0x80 or more.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == classWord
	}
	return t
}()

// The classes of runes eachWord tells apart: a letter or digit, an
// apostrophe, white space (unicode.IsSpace), anything else (0).
const (
	classWord = 1 + iota
	classApostrophe
	classSpace
)

// asciiClass is the class of each ASCII rune.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = classWord
		case c == '\'':
			t[c] = classApostrophe
		case asciiSpace[c]:
			t[c] = classSpace
		}
	}
	return t
}()

// CountWords returns the number of white-space separated words in s, the
// unit of every word budget in tidings.
func CountWords(s string) int { return fieldsUpTo(s, len(s)) }

// asciiSpace marks the ASCII runes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Words returns the lower-cased words of s: maximal runs of letters and
// digits, with apostrophes inside a word kept ("don't") and a possessive
// "'s" dropped.
func Words(s string) []string {
	var out []string
	eachWord(s, func(e wordEntry) { out = append(out, e.word) })
	return out
}

// Terms returns the scoring terms of s: its [Words] without stop words and
// one-letter words, each reduced to its Snowball (Porter2) English stem.
func Terms(s string) []string {
	var out []string
	eachWord(s, func(e wordEntry) {
		if e.term != "" {
			out = append(out, e.term)
		}
	})
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
