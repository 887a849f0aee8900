// Package tidings turns a pile of news articles into clear, cited stories.
//
// It is the thin façade over the pipeline stages, each its own package:
// ingest (reading inputs), clean (boilerplate removal), segment (sentences
// and terms), summarize (extractive summaries with citations) and render
// (text, Markdown, JSON). A [Pipeline] wires them; a nil stage field means
// the stage's default. The library never writes to standard output or
// error; it logs through Options.Logger when one is given.
//
//	p := tidings.Pipeline{}
//	brief, err := p.Brief(ctx, "", articles, tidings.Options{Words: 120})
//
// See ExamplePipeline_Brief.
package tidings
