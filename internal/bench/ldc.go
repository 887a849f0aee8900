package bench

import (
	"regexp"
	"sync"
)

// ldcID matches the document ids of the LDC newswire corpora (Gigaword,
// AQUAINT, the DUC and TAC sets): a source code, an optional language,
// the date and a serial number ("APW19990707.0181",
// "AFP_ENG_20050119.0019").
var ldcID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Z]{3})(?:_[A-Z]{3})?_?\d{8}\.\d{4}$`) })

// ldcSources names the news services behind the LDC source codes.
var ldcSources = map[string]string{
	"AFP": "Agence France-Presse",
	"APW": "Associated Press",
	"CNA": "Central News Agency",
	"LTW": "Los Angeles Times-Washington Post",
	"NYT": "New York Times",
	"XIE": "Xinhua",
	"XIN": "Xinhua",
}

// ldcOutlet returns the news service an LDC document id names, or "".
// Only the outlet is taken: the date in the id is left alone, since a
// data set's clusters may gather documents from years apart.
func ldcOutlet(id string) string {
	m := ldcID().FindStringSubmatch(id)
	if m == nil {
		return ""
	}
	return ldcSources[m[1]]
}
