package tidings_test

import (
	"context"
	"fmt"

	"tidings"
	"tidings/cluster"
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

func ExamplePipeline_Stories() {
	arts := []news.Article{
		{ID: "wire", Outlet: "Coastal Wire", Title: "Floods close coast road", Raw: "Floods closed the coast road near Marlow on Monday after a night of heavy rain, police said."},
		{ID: "daily", Outlet: "Harbour Daily", Title: "Coast road flooded near Marlow", Raw: "Police said heavy overnight rain flooded the coast road near Marlow and closed it on Monday."},
		{ID: "sport", Outlet: "Harbour Daily", Title: "Marlow rowers win regatta", Raw: "The Marlow rowing club won the autumn regatta on Saturday by two lengths."},
	}
	p := &tidings.Pipeline{}
	stories, err := p.Stories(context.Background(), arts, tidings.StoryOptions{Brief: tidings.Options{Words: 30}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range stories {
		var ids []string
		for _, a := range st.Articles {
			ids = append(ids, a.ID)
		}
		fmt.Printf("story %s %v: %s\n", st.ID, ids, tidings.SummaryText(st.Summary))
	}
	// Output:
	// story 1 [wire daily]: Police said heavy overnight rain flooded the coast road near Marlow and closed it on Monday.
	// story 2 [sport]: The Marlow rowing club won the autumn regatta on Saturday by two lengths.
}

// A stage is replaced by setting its field; here the clusterer puts
// every article in a story of its own.
func ExampleClustererFunc() {
	arts := []news.Article{
		{ID: "a", Raw: "Floods closed the coast road on Monday after a night of heavy rain, police said."},
		{ID: "b", Raw: "Police said heavy overnight rain flooded the coast road and closed it on Monday."},
	}
	p := &tidings.Pipeline{Clusterer: tidings.ClustererFunc(func(_ context.Context, arts []news.Article, _ cluster.Options) ([][]int, error) {
		stories := make([][]int, len(arts))
		for i := range arts {
			stories[i] = []int{i}
		}
		return stories, nil
	})}
	stories, err := p.Stories(context.Background(), arts, tidings.StoryOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range stories {
		fmt.Println(st.ID, st.Articles[0].ID)
	}
	// Output:
	// 1 a
	// 2 b
}
