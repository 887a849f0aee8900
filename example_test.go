package tidings_test

import (
	"context"
	"fmt"

	"tidings"
	"tidings/news"
)

func ExamplePipeline_Brief() {
	arts := []news.Article{
		{ID: "wire", Outlet: "Coastal Wire", Raw: "Floods closed the coast road on Monday after a night of heavy rain, police said.\n\nSign up for our newsletter"},
		{ID: "daily", Outlet: "Harbour Daily", Raw: "Police said heavy overnight rain flooded the coast road and closed it on Monday.\n\nThe council opened a shelter at the town hall for 40 families."},
	}
	p := &tidings.Pipeline{}
	b, err := p.Brief(context.Background(), "", arts, tidings.Options{Words: 40})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range b.Summary.Sentences {
		fmt.Print(s.Text)
		for _, c := range s.Citations {
			fmt.Printf(" [%s]", c.ArticleID)
		}
		fmt.Println()
	}
	// Output:
	// Police said heavy overnight rain flooded the coast road and closed it on Monday. [daily] [wire]
	// The council opened a shelter at the town hall for 40 families. [daily]
}
