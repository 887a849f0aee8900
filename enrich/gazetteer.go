package enrich

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// The long word lists are text files, one entry a line, each with a
// header naming its source. `tidings train-ner` stores them (and
// data/firstnames.txt) in the name tagger's model as its gazetteer.
var (
	//go:embed data/places.txt
	placesTxt string
	//go:embed data/nonnames.txt
	nonNamesTxt string
)

// wordList returns the set of the lines of data, leaving out blank lines
// and comment lines (those starting with #).
func wordList(data string) map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// places are the countries, regions and large cities that need no
// context to be known as places (data/places.txt); lower-cased.
var places = lazy(func() map[string]bool { return wordList(placesTxt) })

// geoWords mark a name of several words that ends with one as a place:
// features, buildings and areas ("Tallberg Airport", "Vell River").
var geoWords = lazySet("river", "bridge", "street", "square", "airport", "island", "islands", "mountains",
	"mountain", "lake", "sea", "ocean", "valley", "road", "palace", "palais", "estuary", "bay",
	"harbour", "harbor", "county", "province", "state", "city", "port", "avenue", "park", "gulf",
	"strait", "desert", "coast", "peninsula", "region", "district", "station", "stadium",
	"hills", "hill", "airfield", "canal", "border", "plain", "plains", "forest", "strip", "heights",
	"plateau", "delta")

// directions before a known place make a place of the whole name
// ("Northern California").
var directions = lazySet("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "greater", "upper", "lower", "saharan", "sub-saharan", "northeast", "northwest",
	"southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern")

// orgWords mark a name of several words that ends with one as an
// organisation ("Northline Air", "Harbour Coalition").
var orgWords = lazySet("air", "union", "company", "ministry", "party", "council", "nations", "bank", "agency",
	"corporation", "corp", "inc", "ltd", "group", "association", "university", "court", "committee",
	"commission", "department", "office", "authority", "police", "army", "navy", "institute",
	"foundation", "news", "times", "post", "press", "reuters", "wire", "herald", "daily", "gazette",
	"radio", "tv", "echo", "journal", "tribune", "guardian", "telegraph", "network", "parliament",
	"congress", "senate", "assembly", "government", "cabinet", "federation", "league", "club",
	"school", "college", "hospital", "church", "airlines", "airways", "motors", "systems", "services",
	"board", "organisation", "organization", "alliance", "front", "movement", "forces", "fund",
	"service", "centre", "center", "society", "trust", "bureau", "fc", "laboratory", "administration",
	"academy", "panel", "institutes", "centers", "centres", "program", "programme", "brotherhood",
	"coalition", "brigade", "brigades", "militia", "greens")

// titles before a name mark it as a person's; they are not part of it.
var titles = lazySet("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president",
	"minister", "secretary", "senator", "sen", "rep", "governor", "gov", "mayor", "general", "gen",
	"chancellor", "king", "queen", "prince", "princess", "pope", "judge", "chief", "envoy",
	"ambassador", "premier", "colonel", "col", "captain", "capt", "lieutenant", "sergeant", "professor",
	"prof", "rev", "father", "sheikh", "vice", "prime", "foreign", "defence", "defense", "interior",
	"finance", "deputy", "justice", "commissioner", "inspector", "director", "chairman", "chairwoman",
	"spokesman", "spokeswoman", "coach", "officer", "engineer", "leader", "counterpart", "lawyer",
	"attorney", "detective", "superintendent", "economist", "analyst", "bishop", "archbishop", "sheriff",
	"representative", "congressman", "congresswoman", "councilman", "councilwoman", "councillor", "lt", "sgt",
	"trooper", "pastor", "rabbi", "imam", "constable", "marshal", "admiral", "spokesperson", "commander",
	"principal", "supt", "meteorologist", "speaker", "administrator", "executive", "ceo", "manager",
	"founder", "correspondent", "reporter", "editor", "researcher", "scientist", "physician", "curator",
	"coordinator", "chairperson", "chair", "host", "anchor")

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
	return lazy(func() map[string]bool { return setOf(words...) })
}

// lazy returns a function that calls f on its first call and returns
// f's result from then on, as sync.OnceValue does, for an f that does not
// panic. Once the value is made, a call costs an atomic load and the
// value's: the package reads its word sets and patterns some fifteen
// thousand times a story, and sync.OnceValue's function, which goes
// through sync.Once.Do each time, cost three times as much (0.7M
// instructions of a 22M story).
func lazy[T any](f func() T) func() T {
	var (
		once sync.Once
		done atomic.Bool
		v    T
	)
	return func() T {
		if done.Load() {
			return v
		}
		once.Do(func() {
			v = f()
			done.Store(true)
		})
		return v
	}
}

// nonNames are capitalized words that name no person, organisation or
// place: nationalities and peoples, political groups, the net, aircraft
// makers' products aside (data/nonnames.txt). A name of one such word is
// left out.
var nonNames = lazy(func() map[string]bool { return wordList(nonNamesTxt) })

// inLower reports whether set holds strings.ToLower(w), without lower-casing
// w into a new string when it is ASCII and short (the look-up of a byte
// slice converted in place does not allocate).
func inLower(set map[string]bool, w string) bool {
	var b [32]byte
	if len(w) > len(b) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set[string(b[:len(w)])]
}
