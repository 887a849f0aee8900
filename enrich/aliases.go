package enrich

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/news"
)

// findAliases maps the names of the story that are other forms of
// another to that one (nt.alias), and gives their articles to it:
//   - an acronym to the one name of several words whose initials it
//     spells, of the same kind or a place or body ("U.S." to "United
//     States", "EU" to "European Union");
//   - a person's name to another with the same last word and a given
//     name within two edits of its own, sharing the first letter
//     ("Sergei Lavrov" to "Sergey Lavrov"): the most mentioned form
//     stays (ties: the first in byte order).
func (nt *nameTable) findAliases() {
	nt.alias = map[string]string{}
	names := make([]string, 0, len(nt.kinds))
	for n := range nt.kinds {
		names = append(names, n)
	}
	slices.Sort(names)
	byInitials := map[string][]string{}
	for _, n := range names {
		if k := nt.kinds[n]; k != news.Person && strings.Contains(n, " ") {
			if in := initials(n); len(in) >= 2 {
				byInitials[in] = append(byInitials[in], n)
			}
		}
	}
	for _, n := range names {
		if k := nt.kinds[n]; k == news.Person || strings.Contains(n, " ") {
			continue
		}
		if long := byInitials[acronymLetters(n)]; len(long) == 1 {
			nt.alias[n] = long[0]
		}
	}
	bySurname := map[string][]string{}
	for _, n := range names {
		if nt.kinds[n] == news.Person && strings.Contains(n, " ") {
			last := n[strings.LastIndex(n, " ")+1:]
			bySurname[last] = append(bySurname[last], n)
		}
	}
	for _, group := range bySurname {
		// The most mentioned first, so that each variant goes to it.
		slices.SortStableFunc(group, func(a, b string) int { return cmp.Compare(nt.total[b], nt.total[a]) })
		for i, a := range group {
			if nt.alias[a] != "" {
				continue
			}
			for _, b := range group[i+1:] {
				if nt.alias[b] == "" && variants(a, b) {
					nt.alias[b] = a
				}
			}
		}
	}
	for from, to := range nt.alias {
		nt.artsOf[to] = unionArts(nt.artsOf[to], nt.artsOf[from])
	}
}

// initials returns the upper-case first letters of the words of name
// that are not "of", "the", "and" or "for": "USA" for "United States of
// America".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "&":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// acronymLetters returns the letters of a one-word name written in
// capitals, dots left out ("US" for "U.S."), or "" for any other name.
func acronymLetters(name string) string {
	letters := strings.ReplaceAll(name, ".", "")
	if n := utf8.RuneCountInString(letters); n < 2 || n > 6 {
		return ""
	}
	for _, r := range letters {
		if !unicode.IsUpper(r) {
			return ""
		}
	}
	return letters
}

// variants reports whether two people's names of the same last word
// differ only in a variant spelling of the given names: "Sergey Lavrov"
// and "Sergei Lavrov", not "Anna Berg" and "Tomas Berg".
func variants(a, b string) bool {
	ga := strings.ToLower(a[:strings.LastIndex(a, " ")])
	gb := strings.ToLower(b[:strings.LastIndex(b, " ")])
	if ga == gb || ga[0] != gb[0] || min(len(ga), len(gb)) < 4 {
		return false
	}
	return editDistance(ga, gb) <= 2
}

// editDistance returns the Levenshtein distance between a and b, in
// runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
