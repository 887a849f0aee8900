// Package news holds the domain types that every pipeline stage of tidings
// shares: [Article], [Sentence], [Citation], [Summary] and [Brief].
//
// It is a leaf package: it imports only the standard library, and every stage
// package (ingest, clean, segment, summarize, render, eval) talks to the others
// through these types only.
//
// Offsets are bytes, never runes. A [Sentence] and a [Citation] carry the
// half-open byte range [Start, End) into the cleaned [Article.Text] of the
// article named by ArticleID, and the invariant that holds everywhere is
//
//	art.Text[c.Start:c.End] == the cited sentence's text
//
// See [Article.Span] for the checked accessor.
package news
