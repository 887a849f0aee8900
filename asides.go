package tidings

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/clean"
)

// Asides: what of the dropped blocks the entity step reads. A results
// table, an itinerary or a numbered list inside an article is often cut
// by cleaning into lines it labels by their shape or place alone (a
// list of links, a line after the main region, debris); the names in
// them are the article's. Page furniture labelled by its words (a
// caption or credit, a byline, comments, a legal or cookie notice, an
// advertisement or job ad, a social post, a menu or a call to action)
// never is. Measured with `tidings eval-enrich --parts entities` (CoNLL
// testa typed F1 0.861 -> 0.867) and, for the furniture it must leave
// out, on the 990 copied pages of pages-dev (see docs/experiments.md).

// asides returns the texts of drops, the blocks cleaning left out of
// raw's article text, whose names belong to the article (see
// news.Article.Asides): the rows of a table (see tableRow) of kind
// navigation, promotion or debris that touch the article's text. A run
// of drops with no article text between them is read from each end that
// touches the text, up to its first block that is not a row (a title or
// dateline line with figures, "NEW YORK 1996-08-30", is passed over);
// in a page with furniture labelled by its words, a run counts only
// when it holds two rows or more (a lone line with a name and a date
// there is a comment's or a post's header), in bare text (a wire copy,
// a record's text) one is enough. HTML pages have none: go-trafilatura keeps an
// article's tables in its text, and the offsets of their drops are not
// into raw. Drops whose offsets do not fit raw in order give none.
func asides(raw string, isHTML bool, drops []clean.Drop) []string {
	if isHTML || len(drops) == 0 {
		return nil
	}
	prev := 0
	for _, d := range drops {
		if d.Start < prev || d.End < d.Start || d.End > len(raw) {
			return nil
		}
		prev = d.End
	}
	bare := true
	for _, d := range drops {
		bare = bare && !furnitureByWords(d)
	}
	// text[i] reports article text right before drops[i]; text[n] after
	// the last drop.
	n := len(drops)
	text := make([]bool, n+1)
	prev = 0
	for i, d := range drops {
		text[i] = strings.TrimSpace(raw[prev:d.Start]) != ""
		prev = d.End
	}
	text[n] = strings.TrimSpace(raw[prev:]) != ""
	take := make([]bool, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && !text[j] {
			j++
		}
		// drops[i:j] is one run between article text (or a page edge)
		if text[i] {
			for k := i; k < j && readRow(drops[k], take, k); k++ {
			}
		}
		if text[j] {
			for k := j - 1; k >= i && readRow(drops[k], take, k); k-- {
			}
		}
		rows := 0
		for k := i; k < j; k++ {
			if take[k] {
				rows++
			}
		}
		if !bare && rows < 2 {
			clear(take[i:j])
		}
		i = j
	}
	var out []string
	for i, d := range drops {
		if take[i] {
			out = append(out, d.Text)
		}
	}
	return out
}

// readRow marks take[k] when d is a row to read, and reports whether a
// run goes on past d: past a row, and past a title or dateline line
// with figures, which it does not read.
func readRow(d clean.Drop, take []bool, k int) bool {
	switch d.Kind {
	case clean.Navigation, clean.Promotion, clean.Debris:
		if tableRow(d.Text) {
			take[k] = true
			return true
		}
	case clean.Title, clean.Dateline:
		return strings.ContainsAny(d.Text, "0123456789")
	}
	return false
}

// furnitureByWords reports whether cleaning labelled d as furniture by
// its words or marks rather than by its shape or place: a caption or
// credit, comments, a legal notice, an advertisement, a social post, a
// menu (rule "navigation") or a call to action (rule "promotion", but
// not a bare line ending in a colon, "Scorers:", which opens a list).
func furnitureByWords(d clean.Drop) bool {
	switch d.Kind {
	case clean.Caption, clean.Comments, clean.Legal, clean.Advertisement, clean.Social:
		return true
	case clean.Navigation:
		return d.Rule == "navigation"
	case clean.Promotion:
		return d.Rule == "promotion" && !strings.HasSuffix(d.Text, ":")
	}
	return false
}

// tableRow reports whether s reads as a row of a table ([clean.TableRow])
// made mostly of names and figures: under a third of its words begin in
// lower case, where a headline or a sentence with a figure is mostly
// lower case ("Chef explains why he charges son Bobby, 17, rent").
func tableRow(s string) bool {
	if !clean.TableRow(s) {
		return false
	}
	words, lower := 0, 0
	for _, w := range strings.Fields(s) {
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return 3*lower < words
}
