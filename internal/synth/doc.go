// Package synth makes synthetic news streams for scale tests and
// benchmarks: articles of made-up words (so no third-party text), each
// of a known story, dated in order over a span of days, with a few exact
// reprints. The same Options give the same articles. The streams are
// meant for timing and for comparing two ways of placing the same
// articles, not for judging clustering quality. Its Example is in
// example_test.go.
package synth
