// Package dedupe is the near-duplicate stage of tidings: it folds wire
// copies and syndicated reprints (the same text under another masthead,
// with small edits) into one canonical article that records every outlet
// that carried it (news.Article.Copies).
//
// Each article's cleaned text becomes a set of word shingles (runs of
// [ShingleWords] lower-cased words), summarized by a MinHash signature
// of [Hashes] values; locality-sensitive hashing over bands of the
// signature finds the candidate pairs, and a pair is a duplicate when its
// estimated Jaccard similarity is at least Options.Threshold (Broder,
// 1997; Indyk and Motwani, 1998). Cost grows linearly with the input.
//
// [Index] is incremental: each added article is matched against those
// added before it. [Fold] is the batch form, which adds articles in input
// order, so the first printing of a text is its canonical article.
// Exact and near duplicates inside one article are the clean stage's job.
// Deterministic: no randomness, no map order in results.
package dedupe
