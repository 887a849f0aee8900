// Package peers times tidings' default brief against other Go
// summarizers on the same cluster in one run, so that a speed figure can
// be read as a ratio that does not move with the shared machine's speed.
//
// It is a module of its own (internal/peers/go.mod) so that the peers'
// modules stay out of tidings' go.mod: only this benchmark needs them.
// The peers are github.com/JesusIslam/tldr (LexRank: sentence graph by
// Hamming distance, PageRank) and github.com/DavidBelicza/TextRank/v2
// (TextRank over words, sentences by relation weight). Each reads the
// cluster's articles as one text ([Text]) and picks five sentences;
// tidings cleans, segments and briefs the articles at 120 words, as
// tidings' own BenchmarkBrief does.
//
//	cd internal/peers && go test -run '^$' -bench . -cpu 1
//
// BenchmarkRatio runs one brief and one call of each peer per round and
// reports the median ratios of their processor times (peer ÷ tidings).
// The benchmarks skip when ../shared/data is absent.
package peers
