// Package clean is the cleaning stage of tidings: it turns a raw article
// (HTML page or scraped text) into its body text, free of the noise of
// real news pages, and lifts metadata out of that noise.
//
// Input: raw HTML or text. Output: a [Result] holding the cleaned text
// (paragraphs separated by "\n\n"), the metadata found (title, outlet,
// author, date, dateline), every dropped block with the name of the rule
// that dropped it, and a map from cleaned offsets back to the raw input.
//
// HTML goes through go-trafilatura for the main text and metadata first; the
// text rules then run on its output. The text rules (rules.go) are an ordered
// list of named block rules: photo captions and credits, navigation and
// promotions, "Read more" lists, bylines and datelines, social handles,
// section headings and blocks repeated inside one article. Every rule names
// where its heuristic comes from.
//
// Invariants: the cleaned text is valid UTF-8 when the input is; every kept
// piece of it is a verbatim substring of the input (or of trafilatura's text
// for HTML), so [Result.Map] is monotonic and [Result.RawOffset] is exact.
// The stage works per article and is safe to stream. Deterministic.
//
// See ExampleText.
package clean
