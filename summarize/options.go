package summarize

import "time"

// Options controls a summary. The zero value gives a 120-word generic
// summary.
type Options struct {
	// Words is the word budget: the summary has at most this many
	// white-space separated words, and no sentence is cut. 0 means 120.
	Words int
	// Query holds the scoring terms (stems, as in news.Sentence.Terms) of
	// the question the summary should answer; nil means a generic summary.
	// Every method weighs sentences that share terms with it higher.
	Query []string
	// Redundancy is the largest TF-IDF cosine similarity allowed between
	// two chosen sentences, in (0, 1]; 0 means 0.5.
	Redundancy float64
	// Diversity is the weight of novelty against score in MMR selection,
	// in [0, 1); 0 means 0.3.
	Diversity float64
	// TimeLimit bounds the exact solver of [ILP]; when it runs out, the
	// best summary found so far is returned. 0 means 200ms.
	TimeLimit time.Duration
}

func (o Options) diversity() float64 {
	if o.Diversity > 0 && o.Diversity < 1 {
		return o.Diversity
	}
	return 0.3
}

func (o Options) words() int {
	if o.Words > 0 {
		return o.Words
	}
	return 120
}

func (o Options) redundancy() float64 {
	if o.Redundancy > 0 {
		return o.Redundancy
	}
	return 0.5
}

func (o Options) timeLimit() time.Duration {
	if o.TimeLimit > 0 {
		return o.TimeLimit
	}
	return 200 * time.Millisecond
}
