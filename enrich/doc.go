// Package enrich is the per-story enrichment stage of tidings: from a
// story's cleaned, segmented articles and its summary it finds the direct
// quotations and their speakers, the people, organisations and places
// mentioned, a timeline of dated events, how widely each summary sentence
// is reported, and where sources disagree.
//
// Everything is rules and small word lists written for English news, no
// trained model: [Quotes] reads the quotation patterns of news prose
// ("...," Kerry said; said Lavrov; he told reporters, resolved to the
// last person named before it); [Entities] takes runs of capitalized
// words and classifies them by titles, keywords, gazetteers and context;
// [Timeline] resolves "on Sunday", "last week", "Friday night" and "March
// 3" against the article's publication date; [Support] counts the outlets
// behind each summary sentence; [Conflicts] flags different figures for
// the same counted thing in matching contexts, and opposing words for the
// same talks or meeting.
//
// Every finding carries citations (article ID and byte span into
// Article.Text). Batch per story, deterministic.
package enrich
