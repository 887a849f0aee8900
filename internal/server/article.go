package server

import (
	"encoding/json"
	"strconv"

	"tidings"
	"tidings/news"
	"tidings/render"
	"tidings/store"
)

// cleaning is what the server stores of cleaning beside an article's text
// (store.Article.Cleaning, as JSON): where each metadata field was found,
// the offsets of the subheadings in the text, and the asides (the dropped
// blocks whose names are the article's: news.Article.Asides), so that an
// article read back from the store is the one cleaning made.
type cleaning struct {
	Found    *render.JSONFound `json:"found,omitempty"`
	Headings [][2]int          `json:"headings,omitempty"`
	Asides   []string          `json:"asides,omitempty"`
}

// encodeCleaning returns what of prepared article na the store keeps in
// store.Article.Cleaning.
func encodeCleaning(na *news.Article) string {
	b, err := json.Marshal(cleaning{Found: render.FoundJSON(na.Found), Headings: na.Headings, Asides: na.Asides})
	if err != nil {
		return ""
	}
	return string(b)
}

// toNews turns a stored article into a raw pipeline article whose ID is
// the store id, with where its metadata was found, its subheadings and
// its asides when the store has them.
func toNews(a store.Article) news.Article {
	na := news.Article{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, Title: a.Title, Author: a.Author, URL: a.URL,
		Date: a.Published, Raw: a.Raw, IsHTML: a.IsHTML}
	var c cleaning
	if a.Cleaning != "" && json.Unmarshal([]byte(a.Cleaning), &c) == nil {
		if f := c.Found; f != nil {
			na.Found = news.Found{Title: f.Title, Outlet: f.Outlet, Author: f.Author, Date: f.Date}
		}
		for _, h := range c.Headings {
			if h[0] < 0 || h[1] < h[0] || h[1] > len(a.Text) {
				break // offsets that do not fit the text are not trusted
			}
			na.Headings = append(na.Headings, h)
		}
		na.Asides = c.Asides
	}
	return na
}

// segmented returns stored article a as a prepared pipeline article: its
// stored clean text, segmented (cleaning ran when it was stored).
func segmented(a store.Article) news.Article {
	na := toNews(a)
	na.Text = a.Text
	tidings.Segment(&na)
	return na
}
