// Package enrich is the per-story enrichment stage of tidings: from a
// story's cleaned, segmented articles and its summary it finds the direct
// quotations and their speakers, the people, organisations and places
// mentioned, a timeline of dated events, how widely each summary sentence
// is reported, and where sources disagree.
//
// Names come from a trained tagger (internal/ner: an averaged perceptron
// over CoNLL-2003 news, embedded as data/ner.model.gz and loaded on first
// use); the rest is rules and small word lists written for English news:
// [Entities] reads the tagger's names in the words around them (titles,
// roles, "the mayor of X") and merges them per story (the kind most
// mentions give, short forms with full names); [Quotes] reads the
// quotation patterns of news prose ("...," Kerry said; said Lavrov; he
// told reporters, resolved to the last person named before it);
// [Timeline] resolves "on Sunday", "last week", "Friday night" and "March
// 3" against the article's publication date; [Support] counts the outlets
// behind each summary sentence; [Conflicts] flags different figures for
// the same counted thing in matching contexts, and opposing words for the
// same talks or meeting.
//
// Every finding carries citations (article ID and byte span into
// Article.Text). Batch per story, deterministic.
package enrich
