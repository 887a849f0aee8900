package news_test

import (
	"fmt"
	"slices"
	"time"

	"tidings/news"
)

// A citation is a byte range into an article's cleaned text; Span returns
// the cited text, or an error when the citation does not fit the article.
func ExampleArticle_Span() {
	a := news.Article{ID: "post", Outlet: "Harbour Post", Text: "Floods closed the coast road. The council opened a shelter."}
	for _, c := range []news.Citation{
		{ArticleID: "post", Start: 30, End: 59},
		{ArticleID: "post", Start: 30, End: 99},
		{ArticleID: "wire", Start: 0, End: 5},
	} {
		text, err := a.Span(c)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%q\n", text)
	}
	// Output:
	// "The council opened a shelter."
	// error: news: citation [30,99) outside article "post" of 59 bytes
	// error: news: citation names article "wire", not "post"
}

// Outlets names every outlet that carried an article: its own, then those
// of the copies folded into it.
func ExampleArticle_Outlets() {
	a := news.Article{ID: "wire", Outlet: "Valley Wire", Copies: []news.Copy{
		{ID: "echo", Outlet: "Northern Echo"},
		{ID: "echo-2", Outlet: "Northern Echo"},
		{ID: "blog"},
	}}
	fmt.Println(a.Outlets())
	// Output:
	// [Valley Wire Northern Echo]
}

// CompareDates sorts undated articles after dated ones.
func ExampleCompareDates() {
	dates := []time.Time{
		{},
		time.Date(2026, time.March, 3, 0, 0, 0, 0, time.UTC),
		time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC),
	}
	slices.SortFunc(dates, news.CompareDates)
	for _, d := range dates {
		if d.IsZero() {
			fmt.Println("undated")
			continue
		}
		fmt.Println(d.Format(time.DateOnly))
	}
	// Output:
	// 2026-03-02
	// 2026-03-03
	// undated
}
