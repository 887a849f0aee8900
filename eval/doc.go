// Package eval measures summary quality: ROUGE as the ROUGE-1.5.5 scorer
// computes it, to five decimals, with its bootstrap averages and
// confidence intervals.
//
// ROUGE-N (1 to 4), ROUGE-L (summary-level union LCS), ROUGE-W, ROUGE-S and
// ROUGE-SU with a skip distance; stemming (WordNet exceptions, then
// Porter), stop-word removal, word or byte truncation, model averaging or
// best model, and the F-measure weight all follow ROUGE-1.5.5, whose
// options [ParseArgs] accepts in its own syntax ("-n 4 -m -a -l 100 -x").
// The rules are those pinned down by ../shared/data/rouge-golden, whose
// vectors the tests reproduce.
//
// The stemmer's WordNet exception table and the stop-word list are
// ROUGE-1.5.5's data files; they are third-party data and are loaded at run
// time with [LoadResources], never shipped.
//
// Pure functions, no I/O besides LoadResources, deterministic (the
// bootstrap reproduces ROUGE-1.5.5's Perl drand48 sequence).
//
// See ExampleEvaluate.
package eval
