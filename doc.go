// Package tidings turns a pile of news articles into clear, cited stories.
//
// It is the thin façade over the pipeline stages, each its own package:
// clean (boilerplate removal), segment (sentences and terms), dedupe
// (near-duplicate folding), cluster (stories), summarize (extractive
// summaries with citations) and enrich (quotes, entities, timeline,
// support, conflicts). Reading inputs (package ingest) and formatting
// results (package render) are the caller's, on either side of it.
//
// A [Pipeline] holds one field per stage, each a one-method interface
// ([Cleaner], [Segmenter], [Deduper], [Clusterer], [Summarizer],
// [Enricher]) with a function adapter such as [SummarizerFunc]; a nil
// field means the stage's default. [Pipeline.Brief] summarizes articles
// about one event; [Pipeline.Stories] first splits a mixed pile into
// stories. [Grouper] is the incremental form of the grouping, for a
// service that receives articles one at a time.
//
// The library never writes to standard output or error; it logs through
// Pipeline.Logger when one is given. Output is deterministic: the same
// articles and options give the same stories (an ILP summary stopped by
// its time limit aside, see package summarize).
//
//	p := &tidings.Pipeline{}
//	brief, err := p.Brief(ctx, "", articles, tidings.Options{Words: 120})
//
// See ExamplePipeline_Brief and ExamplePipeline_Stories.
package tidings
