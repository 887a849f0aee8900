// Package segment is the sentence and word splitting stage of tidings.
//
// Input: an article's cleaned text (paragraphs separated by blank lines).
// Output: sentences as byte spans [Start, End) into that text, and for each
// sentence its scoring terms (lowercased, stop words removed, Snowball
// stemmed). [Sentences] returns the spans of any text; [Article] fills
// [news.Article.Sentences].
//
// The splitter is rule based and written for news prose: titles and
// abbreviations ("Mr.", "Sen.", "Calif."), initials ("John F. Kerry",
// "U.S."), ellipses, quotations that end with "?" or "!" inside a sentence
// ("\"Who is that?\" the minister asked."), and headlines without a final
// period. The cases it must get right live in testdata/rules.json, the single
// source of truth for its test and benchmark.
//
// Invariants: spans are in order, non-overlapping, inside the text, never
// empty, and never start or end with white space. Offsets are bytes. The
// stage works per article and is safe to stream. Deterministic.
//
// See ExampleSentences.
package segment
