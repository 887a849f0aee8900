package render_test

import (
	"os"

	"tidings/news"
	"tidings/render"
)

func ExampleText() {
	text := "Floods closed the coast road on Monday."
	b := &news.Brief{
		Articles: []news.Article{{ID: "wire", Outlet: "Coastal Wire", Title: "Coast road shut", Text: text}},
		Summary: news.Summary{Words: 7, Sentences: []news.SummarySentence{{
			Text:      text,
			Origin:    news.Citation{ArticleID: "wire", Start: 0, End: len(text)},
			Citations: []news.Citation{{ArticleID: "wire", Start: 0, End: len(text)}},
		}}},
	}
	render.Text(os.Stdout, b)
	// Output:
	// Brief (7 words, 1 source)
	//
	// Floods closed the coast road on Monday. [1]
	//
	// Sources:
	// [1] Coastal Wire, "Coast road shut" — wire
}
