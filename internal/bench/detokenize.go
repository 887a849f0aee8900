package bench

import (
	"regexp"
	"strings"
	"sync"
)

// Pre-tokenized text (Penn Treebank style: "“ Yes , ” he said .") is
// common in research data sets. Its marks are counted to recognise it and
// undone so summaries read as prose.
var (
	ptbMarks = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(" (?:[,.;:?!]|'s|n't|'') |`` ") })

	spaceBefore = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(` ([,.;:?!%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)`)
	})

	spaceAfter = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([(\[{$]) `) })
)

// pretokenized reports whether text looks tokenized: at least one mark
// every 40 words.
func pretokenized(text string) bool {
	words := len(strings.Fields(text))
	return words > 0 && len(ptbMarks().FindAllStringIndex(text, -1))*40 >= words
}

// detokenize joins Penn Treebank tokens back into prose: “ and ” become
// straight double quotes, and spaces before punctuation and clitics go.
func detokenize(text string) string {
	var sb strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(detokenizeLine(line))
	}
	return sb.String()
}

func detokenizeLine(s string) string {
	s = spaceBefore().ReplaceAllString(s, "$1")
	s = spaceAfter().ReplaceAllString(s, "$1")
	// Quotes: an opening `` attaches to the next word, a closing '' to
	// the previous one.
	s = strings.ReplaceAll(s, "`` ", "\"")
	s = strings.ReplaceAll(s, "``", "\"")
	s = strings.ReplaceAll(s, " ''", "\"")
	s = strings.ReplaceAll(s, "''", "\"")
	s = strings.ReplaceAll(s, " -- ", " — ")
	return s
}

// wireQuotes turns the quotation marks of older wire copy, an opening
// quote written as two backticks and a closing one as two apostrophes in
// otherwise plain prose, into straight double quotes, as detokenize does,
// so that quotations are seen as such.
func wireQuotes(text string) string {
	return strings.NewReplacer("``", "\"", "''", "\"").Replace(text)
}
