// Package enrich is the per-story enrichment stage of tidings: from a
// story's cleaned, segmented articles and its summary it finds the direct
// quotations and their speakers, the people, organisations and places
// mentioned, a timeline of dated events, how widely each summary sentence
// is reported, and where sources disagree.
//
// Everything is rules and small word lists written for English news, no
// trained model: [Quotes] takes every quoted piece, joins the pieces of
// one quotation (split by a cue, or reopened over paragraphs) and finds
// its speaker from the speech cues before and after it ("...," Kerry
// said; said Lavrov; X said: "..."; according to X), appositives, the
// sentence's subject, or the quotation before ("he" resolved to the last
// person named before it); [Entities] takes runs of capitalized
// words and classifies them by titles, keywords, gazetteers and context;
// [Timeline] reads every date expression ("on Sunday", "last week",
// "Friday night", "March 3", "in 1995") at its own precision, weekdays and
// yearless dates in the tense of their clause, against the article's
// publication date; [Support] counts the outlets behind each summary
// sentence; [Conflicts] flags different figures for the same counted thing
// in matching contexts, opposing words for the same talks in outlets' own
// statements, and, as a contrast of views, in two speakers' words.
//
// Every finding carries citations (article ID and byte span into
// Article.Text). Batch per story, deterministic.
package enrich
