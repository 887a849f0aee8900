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
	buf := &tagBuffers{lower: func(w string) bool { return lower[w] }}
	for ai := range arts {
		for _, s := range arts[ai].Sentences {
			ms = append(ms, mentions(tg, ai, s, lower, buf)...)
		}
		ms = append(ms, datelinePlaces(ai, &arts[ai])...)
		ms = append(ms, asideMentions(tg, ai, &arts[ai], lower, buf)...)
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
		out = append(out, mention{name: name, kind: news.Place, art: ai, sent: a.Sentences[0]})
	}
	return out
}

// asideMentions returns the names the tagger finds in a's asides
// (Article.Asides: blocks cleaning left out of the text that may belong
// to the article, such as the rows of a results table), each cited by
// a's first sentence, as no sentence of the text holds it; nil when a
// has no aside or no sentence.
func asideMentions(tg *ner.Tagger, ai int, a *news.Article, lower map[string]bool, buf *tagBuffers) []mention {
	if len(a.Asides) == 0 || len(a.Sentences) == 0 {
		return nil
	}
	var out []mention
	for _, text := range a.Asides {
		for _, m := range mentions(tg, ai, news.Sentence{ArticleID: a.ID, Text: text}, lower, buf) {
			m.sent = a.Sentences[0]
			out = append(out, m)
		}
	}
	return out
}

// lowerWords returns the words the articles write in lower case: such a
// word is not a name alone.
func lowerWords(arts []news.Article) map[string]bool {
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	lower := make(map[string]bool, size/64) // about the distinct words of news
	for _, a := range arts {
		for i, j := range wordsOf(a.Text) {
			if c := a.Text[i]; c < utf8.RuneSelf {
				if c < 'a' || c > 'z' {
					continue
				}
			} else if r, _ := utf8.DecodeRuneInString(a.Text[i:]); !unicode.IsLower(r) {
				continue
			}
			lower[a.Text[i:j]] = true
		}
	}
	return lower
}

// dropLowerPhrases drops the mentions of a name of several words that
// the articles also write in lower case ("Climate Change" beside "climate
// change"): a topic, not a name.
func dropLowerPhrases(arts []news.Article, ms []mention, lower map[string]bool) []mention {
	topic := map[string]bool{}
	for _, m := range ms {
		if _, seen := topic[m.name]; seen || !strings.Contains(m.name, " ") {
			continue
		}
		lname := strings.ToLower(m.name)
		all := true
		for _, w := range strings.Fields(lname) {
			all = all && lower[w]
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
	artsOf map[string]map[int]bool    // the articles of each name
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
		if strings.ToUpper(name) != name {
			continue
		}
		if k := nt.kinds[titleCase(name)]; k != 0 {
			nt.kinds[name] = k
		}
	}
}

// findWorks notes the articles of each name, and drops the names written
// as the title of a work in half their mentions or more, and twice at
// least ("Star Wars"): no person, place or body, nor the short form of
// one.
func (nt *nameTable) findWorks(ms []mention) {
	quoted, total := map[string]int{}, map[string]int{}
	nt.artsOf = map[string]map[int]bool{}
	for _, m := range ms {
		total[m.name]++
		if m.quoted {
			quoted[m.name]++
		}
		if nt.artsOf[m.name] == nil {
			nt.artsOf[m.name] = map[int]bool{}
		}
		nt.artsOf[m.name][m.art] = true
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
	n := 0
	for a := range nt.artsOf[short] {
		if nt.artsOf[long][a] {
			n++
		}
	}
	return 2*n >= len(nt.artsOf[short])
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
		arts map[int]bool
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
			e = &acc{e: news.Entity{Name: name, Kind: k, First: citation(m.sent)}, arts: map[int]bool{}}
			byName[name] = e
			order = append(order, name)
		}
		e.e.Mentions++
		if !e.arts[m.art] {
			e.arts[m.art] = true
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
