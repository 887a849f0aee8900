// Package vec holds the sparse term vectors shared by the stages that
// compare text: a [Vocab] that maps terms to dense ids, [Vector] (sorted
// sparse weights), TF-IDF weighting and cosine similarity. Pure functions,
// deterministic, no I/O.
package vec
