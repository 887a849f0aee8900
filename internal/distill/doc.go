// Package distiller is tidings' stand-in for
// github.com/markusmobius/go-domdistiller, wired in by a replace directive
// in tidings' go.mod (like internal/dateparse, internal/langid and
// internal/emoji for the modules they stand in for).
//
// go-trafilatura v1.12.2 uses go-domdistiller in one place: the last
// fallback candidate of its extraction (external.go,
// createFallbackGenerators), which it asks for only when its own text and
// go-readability's are both shorter than its MinExtractedSize (250
// runes), and keeps only when the candidate passes its length tests. Yet
// go-domdistiller's packages initialise in every tidings command, HTML or
// not: its word counter builds Unicode range tables (about 3.5 ms and
// 1.7 MB) and its pagination code compiles regular expressions (about
// 2 ms), a third of the CPU time of `tidings help` (issue 19).
//
// The distiller gives tidings nothing. On the 990 pages of pages-dev,
// with the distiller's candidate replaced by an empty one in every
// go-trafilatura run, `tidings clean --format json` gives the same bytes
// on every page, and `tidings eval-pages --form html` the same segment
// precision, recall and F, date, author and title figures; no page's
// content is the distiller's text; go-trafilatura asks for the candidate
// on about 7 pages. So this package implements exactly the API
// go-trafilatura compiles against, [Apply] with [Options] and [Result],
// and returns no candidate, which go-trafilatura skips as it skips an
// empty one. It is written from scratch, with no code of the original.
package distiller
