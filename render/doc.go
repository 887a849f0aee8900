// Package render formats a [news.Brief] for people and programs: plain
// text with [n] citation markers and a numbered source list, Markdown, and
// JSON whose citations carry (article id, byte start, byte end) into each
// article's cleaned text. It only formats: it never scores or selects.
//
// Sources are numbered from 1 in the brief's article order; a marker [n]
// names source n, and a sentence's markers name each source once, in
// ascending order ("[1][2][4]"). A source line reads "outlet, "title",
// date — where", where is the article's URL, else its input id (a file's
// path). The Markdown form escapes Markdown's special characters in text
// taken from the articles. Output is deterministic.
//
// See ExampleText.
package render
