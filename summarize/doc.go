// Package summarize is the extractive summarization stage of tidings:
// from the segmented articles of one story it picks source sentences,
// verbatim, up to a word budget, and cites for each every article that
// reports the same fact.
//
// The work is split in three steps whose results are exported values:
// [Candidates] filters sentences that cannot stand alone in a summary
// (fragments, captions, sentences opening with an unresolved pronoun or a
// dangling quote), a summarizer scores them ([Centroid]), and [Select]
// picks them under the budget without redundancy and orders them to read
// well. [Cite] finds the supporting sentences of a chosen sentence in the
// other articles.
//
// Input: []news.Article with Sentences filled (see package segment).
// Output: a news.Summary whose citations satisfy
// art.Text[c.Start:c.End] == the supporting sentence. Batch, deterministic:
// ties are broken by article order and sentence index.
//
// See ExampleCentroid.
package summarize
