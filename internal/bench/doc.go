// Package bench is the evaluation harness of tidings: it reads the
// evaluation data sets, applies their scoring conventions, runs the
// pipeline over them and scores the result, returning structs that
// cmd/tidings only formats ("tidings eval", "tidings rouge", "tidings
// stories --score", "tidings brief --in --out"). The stage packages carry
// nothing of it; [eval] stays the pure metrics (ROUGE, B-cubed).
//
// Data sets are JSONL files of clusters (../shared/data/README.md): one
// [Cluster] per line, its articles, optional [Topic] and human
// [Reference] summaries. [ReadClusters] and [LoadClusters] read them;
// a document id in the LDC form ("APW19990707.0181") gives its news
// service as outlet, and pre-tokenized text is joined back into prose.
// [Line] and [SplitMultiNews] let [ingest] read the same files, and
// Multi-News text whose articles are separated by "|||||", as plain
// inputs ([IngestOptions]).
//
// [ConventionFor] gives a data set's budget, ROUGE options and whether
// it is query-focused. [Run] summarizes every cluster with each
// [System] and scores the summaries ([Score]); [ScoreStories] groups
// the articles of data-set files into stories and scores the grouping
// against the true clusters, with [Nearest] and [Reassign] as bounds of
// what the clustering vectors allow.
//
// Deterministic: the same data gives the same figures, except the
// seconds per cluster and summaries whose summarizer reached its time
// limit. See ExampleRun.
package bench
