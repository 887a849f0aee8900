package summarize_test

import (
	"context"
	"fmt"

	"tidings/news"
	"tidings/segment"
	"tidings/summarize"
)

func ExampleCentroid() {
	arts := []news.Article{
		{ID: "a", Text: "The council closed the old bridge on Friday after engineers found a crack.\n\nRepairs will take six weeks, officials said."},
		{ID: "b", Text: "Engineers found a crack in the old bridge, and the council closed it on Friday.\n\nFerries will run every fifteen minutes during the closure."},
	}
	for i := range arts {
		segment.Article(&arts[i])
	}
	s, err := summarize.Centroid(context.Background(), arts, summarize.Options{Words: 30})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sent := range s.Sentences {
		fmt.Printf("%s [cited by %d]\n", sent.Text, len(sent.Citations))
	}
	// Output:
	// The council closed the old bridge on Friday after engineers found a crack. [cited by 2]
	// Repairs will take six weeks, officials said. [cited by 1]
	// Ferries will run every fifteen minutes during the closure. [cited by 1]
}

func ExampleILP() {
	arts := []news.Article{
		{ID: "a", Text: "The council closed the old bridge on Friday after engineers found a crack.\n\nRepairs will take six weeks, officials said."},
		{ID: "b", Text: "Engineers found a crack in the old bridge, and the council closed it on Friday.\n\nFerries will run every fifteen minutes during the closure."},
		{ID: "c", Text: "The old bridge was closed on Friday when engineers found a crack in a girder.\n\nFerries will run every fifteen minutes while it is shut."},
	}
	for i := range arts {
		segment.Article(&arts[i])
	}
	s, err := summarize.ILP(context.Background(), arts, summarize.Options{Words: 30})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sent := range s.Sentences {
		fmt.Printf("%s [cited by %d]\n", sent.Text, len(sent.Citations))
	}
	// Output:
	// Engineers found a crack in the old bridge, and the council closed it on Friday. [cited by 3]
	// Ferries will run every fifteen minutes during the closure. [cited by 2]
}
