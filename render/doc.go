// Package render formats a [news.Brief] for people and programs: plain
// text with [n] citation markers and a numbered source list, Markdown, and
// JSON whose citations carry (article id, byte start, byte end) into each
// article's cleaned text. It only formats: it never scores or selects.
//
// Sources are numbered from 1 in the brief's article order; a marker [n]
// names source n. Output is deterministic.
//
// See ExampleText.
package render
