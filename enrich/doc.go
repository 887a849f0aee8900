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
// roles, "the mayor of X"), also in the blocks of an article that
// cleaning left out of its text but that belong to it (its dateline, the
// rows of a results table: Article.Dateline and Article.Asides; no
// other finding reads those), and merges them per story (the kind most
// mentions give, short forms with full names); [Quotes] takes every
// quoted piece, joins the pieces of one quotation (split by a cue, or
// reopened over paragraphs) and finds its speaker from the speech cues
// before and after it ("...," Kerry said; said Lavrov; X said: "...";
// according to X), appositives, the sentence's subject, or the quotation
// before ("he" resolved to the last person named before it);
// [Timeline] reads every date expression ("on Sunday", "last week",
// "Friday night", "March 3", "in 1995") at its own precision, weekdays and
// yearless dates in the tense of their clause, against the article's
// publication date, and days told from another ("the next day", "a day
// earlier", "on the 5th") against the day or month the article named
// last; [Support] counts the outlets behind each summary
// sentence; [Conflicts] flags different figures for the same counted thing
// in matching contexts, opposing words for the same talks in outlets' own
// statements, and, as a contrast of views, in two speakers' words.
//
// Every finding carries citations (article ID and byte span into
// Article.Text). Batch per story, deterministic.
package enrich
