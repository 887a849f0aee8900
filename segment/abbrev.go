package segment

import "sync"

// The word lists below are ours, compiled from common newspaper usage
// (AP-style titles, state abbreviations, corporate suffixes).

// titles precede a name and never end a sentence.
var titles = lazySet(
	"mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "sen", "sens", "rep", "reps",
	"gov", "govs", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
	"adm", "cmdr", "cdr", "brig", "rev", "fr", "msgr", "hon", "pres", "supt",
	"det", "insp", "amb", "atty", "st", "mt", "ft", "no", "nos", "vs", "v",
	"gens", "lieut", "sr", "jr",
)

// abbreviations may end a sentence but usually do not.
var abbreviations = lazySet(
	"inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn",
	"ave", "blvd", "rd", "hwy", "etc", "approx", "est", "vol", "fig", "p", "pp",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
	"kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
	"neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
	"wyo", "al", "e.g", "i.e", "a.m", "p.m", "ph.d", "u.s", "u.k", "u.n",
)

var months = lazySet(
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)

// sentenceStarters are words that, after an abbreviation or initials, show
// that a new sentence has begun ("... based in the U.S. The company said").
var sentenceStarters = lazySet(
	"The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But",
	"And", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their",
	"Our", "As", "After", "Before", "When", "While", "If", "Some", "Many", "Most",
	"Officials", "Police", "Authorities", "However", "Meanwhile", "Still", "Yet",
	"Since", "Under", "For", "With", "By", "Now", "Then", "Last", "Earlier",
	"Later", "According",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lazySet returns a function that builds setOf(words...) on its first
// call and returns the same set from then on, so that no set is built
// at start-up by a command that never reads it.
func lazySet(words ...string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool { return setOf(words...) })
}
