package bench

import "strings"

// Convention is how a data set's summaries are scored
// (../shared/data/README.md).
type Convention struct {
	// Words is the summary budget in words.
	Words int
	// ROUGE is ROUGE-1.5.5's options, as on its command line.
	ROUGE string
	// Query reports whether the task is query-focused: the cluster topic
	// steers the summary.
	Query bool
}

// ConventionFor returns the convention of a data set by its "dataset"
// field: tac*, duc2006*, multiling*, multinews*, and for any other name
// 100 words scored with "-n 2 -m -a".
func ConventionFor(dataset string) Convention {
	switch {
	case strings.HasPrefix(dataset, "tac"):
		return Convention{100, "-n 4 -m -a -l 100 -x", false}
	case strings.HasPrefix(dataset, "duc2006"):
		return Convention{250, "-n 2 -m -a -l 250 -x -2 4 -u", true}
	case strings.HasPrefix(dataset, "multiling"):
		return Convention{250, "-n 2 -m -a -l 250 -x", false}
	case strings.HasPrefix(dataset, "multinews"):
		return Convention{260, "-n 2 -m -a", false}
	}
	return Convention{100, "-n 2 -m -a", false}
}
