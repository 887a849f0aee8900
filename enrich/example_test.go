package enrich_test

import (
	"fmt"
	"time"

	"tidings/enrich"
	"tidings/news"
	"tidings/segment"
)

// Story fills a story's quotes, names, timeline and disagreements from
// its segmented articles.
func ExampleStory() {
	published := time.Date(2026, time.March, 4, 0, 0, 0, 0, time.UTC) // a Wednesday
	arts := []news.Article{
		{ID: "post", Outlet: "Harbour Post", Date: published, Text: "Dock workers in Marlow walked out on Monday over pay. \"We will stay out until the port talks to us,\" said Maria Lind, who leads the Marlow Dockers Union. About 300 workers at the Marlow docks joined the strike over pay."},
		{ID: "wire", Outlet: "Valley Wire", Date: published, Text: "Some 500 workers at the Marlow docks joined the strike over pay, the union said. The port authority said it would meet the union on Friday."},
	}
	for i := range arts {
		segment.Article(&arts[i]) // enrich reads the sentences
	}
	st := news.Story{Brief: news.Brief{ID: "1", Articles: arts}}
	enrich.Story(&st)
	for _, q := range st.Quotes {
		fmt.Printf("quote: %s: %q\n", q.Speaker, q.Text)
	}
	for _, e := range st.Entities {
		fmt.Printf("%s: %s\n", e.Kind, e.Name)
	}
	for _, ev := range st.Timeline {
		fmt.Printf("%s (%s): %s\n", ev.Date.Format(time.DateOnly), ev.Expression, ev.Outlets)
	}
	for _, c := range st.Conflicts {
		fmt.Printf("%s about %s:", c.Kind, c.Subject)
		for _, cl := range c.Claims {
			fmt.Printf(" %s (%s)", cl.Value, cl.Outlet)
		}
		fmt.Println()
	}
	// Output:
	// quote: Maria Lind: "We will stay out until the port talks to us"
	// person: Maria Lind
	// place: Marlow
	// organization: Marlow Dockers Union
	// 2026-03-02 (on Monday): [Harbour Post]
	// 2026-03-06 (on Friday): [Valley Wire]
	// figures about workers: 300 (Harbour Post) 500 (Valley Wire)
}
