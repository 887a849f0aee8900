package enrich

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/internal/ner"
	"tidings/news"
)

// Entities returns the people, organisations and places the articles
// mention, the most mentioned first (ties by name). The names and their
// kinds come from the name tagger, read in the words around them (see
// mentions); per story, a name's kind is the one most of its mentions
// give, and a name seen only in a short form ("Berg") counts towards the
// full one ("Anna Berg") when one full name of a person ends with it. The
// places of an article's dateline (Article.Dateline, "PARIS, France") are
// places it mentions, cited by its first sentence, which the dateline
// headed; so are the names in its asides (Article.Asides, such as the
// rows of a results table that cleaning left out of the text), which no
// sentence of the text holds. It returns nil if the tagger's model does not load (a broken build; the
// package's tests load it).
func Entities(arts []news.Article) []news.Entity {
	m, err := tagger()
	if err != nil {
		return nil
	}
	lower := lowerWords(arts)
	tg := m.NewTagger() // one per story: a word's weights are read once
	defer tg.Release()
	var ms []mention
	buf := &tagBuffers{lower: lower.has}
	for ai := range arts {
		for _, s := range arts[ai].Sentences {
			ms = mentions(ms, tg, ai, s, lower, buf)
		}
		ms = append(ms, datelinePlaces(ai, &arts[ai])...)
		ms = asideMentions(ms, tg, ai, &arts[ai], lower, buf)
	}
	ms = dropLowerPhrases(arts, ms, lower)
	nt := voteKinds(ms)
	nt.kindCapitals()
	nt.findWorks(ms)
	nt.findAliases()
	nt.findFullNames()
	nt.doubtPersons()
	return nt.tally(arts, ms)
}

// datelinePlaces returns the places of a's dateline ("KIEV", "PARIS,
// France": one a part between commas, in title case when written in
// capitals) as mentions in a's first sentence; nil when a has no
// dateline or no sentence.
func datelinePlaces(ai int, a *news.Article) []mention {
	if a.Dateline == "" || len(a.Sentences) == 0 {
		return nil
	}
	var out []mention
	for part := range strings.SplitSeq(a.Dateline, ",") {
		name := strings.Trim(strings.TrimSpace(part), ".")
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || len(name) < 2 || strings.ContainsAny(name, "0123456789") {
			continue // "Dec 1" in "LIMA, Dec 1" is no place
		}
		if strings.ToUpper(name) == name {
			name = titleCase(name)
		}
		out = append(out, mention{name: name, kind: news.Place, art: ai, cite: citation(a.Sentences[0])})
	}
	return out
}

// asideMentions appends to out the names the tagger finds in a's asides
// (Article.Asides: blocks cleaning left out of the text that may belong
// to the article, such as the rows of a results table), each cited by
// a's first sentence, as no sentence of the text holds it, and returns
// the extended slice (out itself when a has no aside or no sentence).
func asideMentions(out []mention, tg *ner.Tagger, ai int, a *news.Article, lower *wordSet, buf *tagBuffers) []mention {
	if len(a.Asides) == 0 || len(a.Sentences) == 0 {
		return out
	}
	first := citation(a.Sentences[0])
	for _, text := range a.Asides {
		from := len(out)
		out = mentions(out, tg, ai, news.Sentence{ArticleID: a.ID, Text: text}, lower, buf)
		for i := from; i < len(out); i++ {
			out[i].cite = first
		}
	}
	return out
}

// lowerWords returns the words the articles write in lower case: such a
// word is not a name alone.
func lowerWords(arts []news.Article) *wordSet {
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	lower := newWordSet(size / 24) // about the distinct lower-case words of a story's news (25 to 35 bytes each), so that the set rarely grows
	for _, a := range arts {
		addLowerWords(lower, a.Text)
	}
	return lower
}

// addLowerWords adds to set the words of s (as wordsOf reads them) that
// begin with a lower-case letter. A word of ASCII letters from a to z
// first, as most are, is hashed as it is read, not read again by add.
func addLowerWords(set *wordSet, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				i += n
				continue
			}
			j := wordEnd(s, i+n)
			if unicode.IsLower(r) {
				set.add(s[i:j])
			}
			i = j
			continue
		}
		if asciiWord(c) != wordStart {
			i++
			continue
		}
		if c < 'a' || c > 'z' {
			i = wordEnd(s, i+1)
			continue
		}
		h := (fnvOffset ^ uint32(c)) * fnvPrime
		j := i + 1
		for j < len(s) && s[j] < utf8.RuneSelf && asciiWord(s[j]) != 0 {
			h = (h ^ uint32(s[j])) * fnvPrime
			j++
		}
		if j < len(s) && s[j] >= utf8.RuneSelf { // the word may go on past ASCII
			if e := wordEnd(s, j); e > j {
				j = e
				h = wordHash(s[i:j])
			}
		}
		set.addHashed(s[i:j], h)
		i = j
	}
}

// dropLowerPhrases drops the mentions of a name of several words that
// the articles also write in lower case ("Climate Change" beside "climate
// change"): a topic, not a name.
func dropLowerPhrases(arts []news.Article, ms []mention, lower *wordSet) []mention {
	topic := map[string]bool{}
	for _, m := range ms {
		if _, seen := topic[m.name]; seen || !strings.Contains(m.name, " ") {
			continue
		}
		lname := strings.ToLower(m.name)
		all := true
		for _, w := range strings.Fields(lname) {
			all = all && lower.has(w)
		}
		topic[m.name] = false
		for i := 0; all && i < len(arts) && !topic[m.name]; i++ {
			topic[m.name] = strings.Contains(arts[i].Text, lname)
		}
	}
	return slices.DeleteFunc(ms, func(m mention) bool { return topic[m.name] })
}

// nameTable is what Entities learns of each name across the story.
type nameTable struct {
	kinds  map[string]news.EntityKind // the kind of each name kept
	votes  map[string]*kindVotes      // the kinds its mentions give
	cued   map[string]bool            // a title, role or verb of speech makes a person of it
	works  map[string]bool            // titles of works ("Star Wars")
	artsOf map[string][]int           // the articles of each name, in order (see addArt)
	full   map[string]string          // a person's last name -> full name, "" when two share it
	total  map[string]int             // mentions of each name
	alias  map[string]string          // another form of a name -> the name (see findAliases)
}

// kindVotes counts the mentions of a name by the kind each gives
// (news.Person, news.Organization, news.Place).
type kindVotes [news.Place + 1]int

// vote returns the mentions of name that give kind k.
func (nt *nameTable) vote(name string, k news.EntityKind) int {
	if v := nt.votes[name]; v != nil {
		return v[k]
	}
	return 0
}

// voteKinds gives each name the kind most of its mentions give (ties: a
// person, then the kind seen first).
func voteKinds(ms []mention) *nameTable {
	nt := &nameTable{kinds: map[string]news.EntityKind{}, votes: map[string]*kindVotes{}, cued: map[string]bool{}}
	for _, m := range ms {
		if m.cued {
			nt.cued[m.name] = true
		}
		v := nt.votes[m.name]
		if v == nil {
			v = &kindVotes{}
			nt.votes[m.name] = v
			nt.kinds[m.name] = m.kind
		}
		v[m.kind]++
		best := nt.kinds[m.name]
		if v[m.kind] > v[best] || v[m.kind] == v[best] && m.kind == news.Person {
			nt.kinds[m.name] = m.kind
		}
	}
	return nt
}

// kindCapitals gives a name in capitals ("GENEVA" in a dateline) the kind
// of the same name in ordinary case, rather than an acronym's.
func (nt *nameTable) kindCapitals() {
	for name := range nt.kinds {
		if hasLowerASCII(name) || strings.ToUpper(name) != name { // most names have a lower-case ASCII letter, which strings.ToUpper changes
			continue
		}
		if k := nt.kinds[titleCase(name)]; k != 0 {
			nt.kinds[name] = k
		}
	}
}

// hasLowerASCII reports whether s holds a byte from 'a' to 'z'.
func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// findWorks notes the articles of each name, and drops the names written
// as the title of a work in half their mentions or more, and twice at
// least ("Star Wars"): no person, place or body, nor the short form of
// one.
func (nt *nameTable) findWorks(ms []mention) {
	quoted, total := map[string]int{}, map[string]int{}
	nt.artsOf = map[string][]int{}
	for _, m := range ms {
		total[m.name]++
		if m.quoted {
			quoted[m.name]++
		}
		if arts, added := addArt(nt.artsOf[m.name], m.art); added {
			nt.artsOf[m.name] = arts
		}
	}
	nt.total = total
	nt.works = map[string]bool{}
	for name := range total {
		if quoted[name] > 0 && 2*quoted[name] >= total[name] {
			nt.works[name] = true
			delete(nt.kinds, name)
		}
	}
}

// findFullNames maps the last word of each person's name of several words
// to that name, or to "" when two people share it.
func (nt *nameTable) findFullNames() {
	nt.full = map[string]string{}
	for name, k := range nt.kinds {
		if k != news.Person || !strings.Contains(name, " ") || nt.alias[name] != "" {
			continue
		}
		last := name[strings.LastIndex(name, " ")+1:]
		if prev, ok := nt.full[last]; ok && prev != name {
			nt.full[last] = "" // ambiguous: two people share it
			continue
		}
		nt.full[last] = name
	}
}

// doubtPersons doubts the one-word names of people that nothing cues as
// a person (a title, a role, a verb of speech) and that end no person's
// full name: such a name takes its most common other kind when some of
// its mentions give one ("Ostrava has massed troops" beside "the
// ministers of Ostrava"), else it is left out (news introduces a person
// by full name or title).
func (nt *nameTable) doubtPersons() {
	for name, k := range nt.kinds {
		if k != news.Person || strings.Contains(name, " ") || nt.cued[name] {
			continue
		}
		if _, short := nt.full[name]; short {
			continue
		}
		best := news.EntityKind(0)
		for _, o := range []news.EntityKind{news.Place, news.Organization} {
			if n := nt.vote(name, o); n > 0 && (best == 0 || n > nt.vote(name, best)) {
				best = o
			}
		}
		if best != 0 {
			nt.kinds[name] = best
		} else {
			delete(nt.kinds, name) // "who has studied Zelvamin": an unknown word, no person
		}
	}
}

// joins reports whether short, a short form, joins its full name long:
// when long is written out in at least half the articles that use short,
// as news writing introduces a person by full name ("Ritalin", in 20
// articles, is not short for "Kyle Ritalin", a misreading of "giving
// Kyle Ritalin").
func (nt *nameTable) joins(short, long string) bool {
	s, l := nt.artsOf[short], nt.artsOf[long]
	n := 0
	for i, j := 0, 0; i < len(s) && j < len(l); {
		switch {
		case s[i] < l[j]:
			i++
		case s[i] > l[j]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return 2*n >= len(s)
}

// addArt adds article a to arts, a set of articles in increasing order
// (a slice, not a map: most names are in few articles, and the mentions
// come in article order, so a is most often appended or there already),
// and reports whether it was not there.
func addArt(arts []int, a int) ([]int, bool) {
	if n := len(arts); n == 0 || arts[n-1] < a {
		return append(arts, a), true
	}
	i, found := slices.BinarySearch(arts, a)
	if found {
		return arts, false
	}
	return slices.Insert(arts, i, a), true
}

// unionArts returns the articles of a or b (sets as addArt keeps them),
// in increasing order.
func unionArts(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out, i = append(out, a[i]), i+1
		case a[i] > b[j]:
			out, j = append(out, b[j]), j+1
		default:
			out, i, j = append(out, a[i]), i+1, j+1
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// entityName returns the name a mention counts towards: the full name
// for a short form of a person's, unless its own mentions show it is
// something else ("Washington", a place, beside "Denzel Washington"),
// and the name another form stands for (see findAliases). A title, role or verb of speech ("President Clinton", "Dahl said")
// joins it to the full name wherever that is written; else it joins as
// joins says.
func (nt *nameTable) entityName(name string) string {
	if a := nt.alias[name]; a != "" {
		return a
	}
	f := nt.full[name]
	if f == "" || strings.Contains(name, " ") || nt.works[name] {
		return name
	}
	if nt.kinds[name] == news.Person && (nt.cued[name] || nt.joins(name, f)) {
		return f
	}
	return name
}

// tally counts the mentions, articles and outlets of each kept name and
// returns the entities, the most mentioned first (ties by name).
func (nt *nameTable) tally(arts []news.Article, ms []mention) []news.Entity {
	type acc struct {
		e    news.Entity
		arts []int // see addArt
	}
	byName := map[string]*acc{}
	var order []string
	outs := make([][]string, len(arts)) // outlets of each article, once
	for _, m := range ms {
		name := nt.entityName(m.name)
		k := nt.kinds[name]
		if k == 0 {
			continue
		}
		e := byName[name]
		if e == nil {
			e = &acc{e: news.Entity{Name: name, Kind: k, First: m.cite}}
			byName[name] = e
			order = append(order, name)
		}
		e.e.Mentions++
		if seen, added := addArt(e.arts, m.art); added {
			e.arts = seen
			e.e.Articles++
			if outs[m.art] == nil {
				outs[m.art] = outlets(&arts[m.art])
			}
			e.e.Outlets = addUnique(e.e.Outlets, outs[m.art]...)
		}
	}
	out := make([]news.Entity, 0, len(order))
	for _, n := range order {
		out = append(out, byName[n].e)
	}
	slices.SortStableFunc(out, func(a, b news.Entity) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	return out
}
