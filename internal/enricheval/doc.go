// Package enricheval measures the enrich stage on the annotated news of
// the enrich-dev data set (../shared/data/enrich-dev, see its README),
// with the three measures that README defines:
//
//   - quotes: direct quotations of PolNeAR dev against its gold
//     attributions (token overlap of at least half the gold quote,
//     one-to-one, greedy), precision, recall and F1, and speaker accuracy
//     where the gold speaker is a named person;
//   - entities: per document, the typed (name, kind) set of CoNLL-2003
//     testa against its gold body set, micro precision, recall and F1, also
//     untyped and per kind;
//   - dates: full-day TIMEX3 dates of AQUAINT, by span (the entry's
//     expression overlaps a gold expression of the same day) and per
//     document (sets of day values).
//
// Each article is run alone through the whole pipeline, as `tidings
// stories --format json` does on a one-line JSONL file, so that one
// article makes one story. The scoring functions ([ScoreQuotes],
// [ScoreEntities], [ScoreDates]) are pure; [Run] reads the data and runs
// the pipeline. The harness is evaluation code: no stage package imports
// it. `tidings eval-enrich` prints its table.
package enricheval
