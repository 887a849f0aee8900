package enrich

import "tidings/news"

// Story fills the enrichment fields of st from its articles and summary.
func Story(st *news.Story) {
	st.Entities = Entities(st.Articles)
	qs := newQuoteSet(st.Articles, st.Entities) // read once, for quotes and conflicts
	st.Quotes = qs.quotes()
	st.Timeline = Timeline(st.Articles)
	st.Support = Support(st.Articles, st.Summary)
	st.Conflicts = qs.conflicts()
}

// quoteSet holds the quotations of each article of a story (quoteUnits),
// each read once, on first use, for Quotes and Conflicts.
type quoteSet struct {
	arts   []news.Article
	people []string // the people of the story's entities
	units  [][]quoteUnit
	read   []bool
}

func newQuoteSet(arts []news.Article, ents []news.Entity) *quoteSet {
	var people []string
	for _, e := range ents {
		if e.Kind == news.Person {
			people = append(people, e.Name)
		}
	}
	return &quoteSet{arts: arts, people: people, units: make([][]quoteUnit, len(arts)), read: make([]bool, len(arts))}
}

// of returns quoteUnits of the ai-th article.
func (qs *quoteSet) of(ai int) []quoteUnit {
	if !qs.read[ai] {
		qs.units[ai], qs.read[ai] = quoteUnits(&qs.arts[ai], qs.people), true
	}
	return qs.units[ai]
}

// outlet names the source of a for counting: its outlet, else its ID.
func outlet(a *news.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

// outlets returns the names of every source that carried a: its own and
// its copies'.
func outlets(a *news.Article) []string {
	out := a.Outlets()
	if len(out) == 0 {
		out = []string{a.ID}
	}
	return out
}

// addUnique appends the names of add that list does not hold yet.
func addUnique(list []string, add ...string) []string {
	for _, s := range add {
		found := false
		for _, x := range list {
			if x == s {
				found = true
				break
			}
		}
		if !found {
			list = append(list, s)
		}
	}
	return list
}

func citation(s news.Sentence) news.Citation {
	return news.Citation{ArticleID: s.ArticleID, Start: s.Start, End: s.End}
}

// Support returns, for each sentence of sum in order, the outlets of the
// articles its citations name (and of their copies).
func Support(arts []news.Article, sum news.Summary) []news.Support {
	byID := map[string]*news.Article{}
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
	}
	out := make([]news.Support, 0, len(sum.Sentences))
	for _, s := range sum.Sentences {
		var names []string
		for _, c := range s.Citations {
			if a := byID[c.ArticleID]; a != nil {
				names = addUnique(names, outlets(a)...)
			}
		}
		out = append(out, news.Support{Outlets: names, Single: len(names) == 1})
	}
	return out
}
