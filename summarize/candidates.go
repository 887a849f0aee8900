package summarize

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// Candidate is a sentence eligible for a summary.
type Candidate struct {
	// Article is the index of the sentence's article in the input slice.
	Article int
	// Sentence is the source sentence.
	Sentence news.Sentence
	// Position is the sentence's index among its article's sentences,
	// divided by their number: 0 for the lead, towards 1 at the end.
	Position float64
	// Score is the summarizer's score; higher is better.
	Score float64
	// Published is the article's publication date; zero when unknown.
	Published time.Time
}

// Minimum and maximum length, in words, of a sentence that may stand in a
// summary on its own.
const (
	minWords = 6
	maxWords = 60
)

// Candidates returns the sentences of arts that can stand alone in a
// summary, in article then sentence order. When no sentence passes the
// filters (a story of fragments), it returns every sentence of at least
// three words instead, so a story always gets a summary when it has text.
func Candidates(arts []news.Article) []Candidate {
	return candidates(arts, false)
}

// candidates is [Candidates]; withPassages also lets a sentence that
// cannot stand alone, because it leans on the one before ("He added
// ...", the rest of a quotation), stand as a passage with the sentences
// before it when together they can (see [passage]).
func candidates(arts []news.Article, withPassages bool) []Candidate {
	var out, loose []Candidate
	for ai, a := range arts {
		n := len(a.Sentences)
		for k, s := range a.Sentences {
			c := Candidate{Article: ai, Sentence: s, Position: float64(s.Index) / float64(max(n, 1)), Published: a.Date}
			if s.Words >= 3 && len(s.Terms) > 0 {
				loose = append(loose, c)
			}
			if Standalone(s) {
				out = append(out, c)
			} else if p, ok := passage(a, k); ok && withPassages {
				c.Sentence = p
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		return loose
	}
	return out
}

// Standalone reports whether s can appear in a summary out of its context:
// it has minWords to maxWords words, ends like a sentence, has balanced
// quotes, and does not open with a pronoun or connective whose referent is
// in the sentence before.
func Standalone(s news.Sentence) bool {
	if s.Words < minWords || s.Words > maxWords || len(s.Terms) < 3 {
		return false
	}
	t := s.Text
	if !endsLikeSentence(t) || !quotesBalanced(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“'‘", first) {
		return false
	}
	if strings.HasSuffix(t, "?") || bareQuote(t) {
		return false
	}
	w := strings.ToLower(strings.TrimRight(firstWord(t), ",;:"))
	return !danglingOpeners[w]
}

// danglingOpeners are first words that point back to a previous sentence:
// personal and demonstrative pronouns and discourse connectives.
var danglingOpeners = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true,
	"his": true, "its": true, "their": true, "them": true, "this": true, "these": true,
	"those": true, "that": true, "such": true, "both": true, "but": true, "and": true,
	"or": true, "so": true, "also": true, "however": true, "instead": true,
	"still": true, "yet": true, "then": true, "thus": true, "therefore": true,
	"meanwhile": true, "moreover": true, "furthermore": true, "besides": true,
	"otherwise": true, "nevertheless": true, "nonetheless": true, "there": true,
	"here": true, "other": true, "another": true, "others": true, "we": true,
	"i": true, "you": true, "our": true, "my": true, "your": true, "later": true,
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"“'‘(")
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

func endsLikeSentence(t string) bool {
	t = strings.TrimRight(t, "\"'’”)")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?'
}

// quotesBalanced reports whether every opened quotation is closed: curly
// quotes pair up and straight double quotes are even, the first of them
// an opening one.
func quotesBalanced(t string) bool {
	if strings.Count(t, "\"")%2 != 0 || strings.Count(t, "“") != strings.Count(t, "”") {
		return false
	}
	// The first straight quote must not close one: `MESSAGE." It said
	// "...` ends a quotation begun in an earlier sentence and opens one
	// that goes on after it.
	if i := strings.IndexByte(t, '"'); i > 0 {
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+1:])
		closes := !unicode.IsSpace(before) && !strings.ContainsRune("([{—–-", before) &&
			(i+1 == len(t) || unicode.IsSpace(after) || unicode.IsPunct(after))
		return !closes
	}
	return true
}

// bareQuote reports whether t is a quotation with no speaker: it opens
// with a quote mark and closes with one.
func bareQuote(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("\"“", first) && strings.ContainsRune("\"”", last)
}

// passageBack is how many sentences before it a sentence that cannot
// stand alone may take into its passage. Passages of up to maxWords words
// and passageBack+1 sentences, chosen on the development sets (ILP ROUGE-2
// without / with passages of up to 4 sentences: multinews-dev F 0.15641 /
// 0.15886, multiling 0.21194 / 0.21363, duc2006 0.10468 / 0.10474,
// tac2009 0.11622 / 0.11617). Only the ILP takes passages: the greedy
// methods lost with them (centroid on multiling 0.18776 / 0.18087,
// submodular on multinews-dev F 0.13306 / 0.12550).
const passageBack = 3

// passage returns sentence k of a joined with the fewest sentences before
// it, in its paragraph, that make a span which can stand alone: a pronoun
// with its referent, a quotation with its speaker. The passage is one
// span of the article's text, so it is cited like a sentence.
func passage(a news.Article, k int) (news.Sentence, bool) {
	last := a.Sentences[k]
	p := last
	for back := 1; back <= passageBack && k-back >= 0; back++ {
		first := a.Sentences[k-back]
		if first.Paragraph != last.Paragraph || p.Words+first.Words > maxWords ||
			strings.TrimSpace(a.Text[first.End:p.Start]) != "" {
			break
		}
		p = news.Sentence{
			ArticleID: first.ArticleID,
			Index:     first.Index,
			Paragraph: first.Paragraph,
			Start:     first.Start,
			End:       last.End,
			Text:      a.Text[first.Start:last.End],
			Words:     first.Words + p.Words,
			Terms:     append(slices.Clip(first.Terms), p.Terms...),
			Stems:     append(slices.Clip(first.Stems), p.Stems...),
		}
		if Standalone(p) {
			return p, true
		}
	}
	return news.Sentence{}, false
}
