package server

import (
	"strconv"

	"tidings"
	"tidings/news"
	"tidings/store"
)

// toNews turns a stored article into a raw pipeline article whose ID is
// the store id.
func toNews(a store.Article) news.Article {
	return news.Article{ID: strconv.FormatInt(a.ID, 10), Outlet: a.Outlet, Title: a.Title, Author: a.Author, URL: a.URL,
		Date: a.Published, Raw: a.Raw, IsHTML: a.IsHTML}
}

// segmented returns stored article a as a prepared pipeline article: its
// stored clean text, segmented (cleaning ran when it was stored).
func segmented(a store.Article) news.Article {
	na := toNews(a)
	na.Text = a.Text
	tidings.Segment(&na)
	return na
}
