package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"tidings/store"
)

// Open creates and migrates a SQLite database on first use. Adding an
// article is idempotent on its key; stories are found again by full-text
// search over their titles and summaries.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "tidings-store-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "tidings.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	a := store.Article{Key: "https://example.org/floods", URL: "https://example.org/floods", Outlet: "Coastal Wire",
		Title: "Floods close coast road", Text: "Floods closed the coast road on Monday."}
	created, err := st.AddArticle(ctx, &a)
	fmt.Println("article", a.ID, "created", created, err)
	again := store.Article{Key: a.Key, Text: "the same page, fetched again"}
	created, err = st.AddArticle(ctx, &again)
	fmt.Println("article", again.ID, "created", created, err, "text:", again.Text)

	s := store.Story{Title: a.Title, Articles: 1, Summary: a.Text, Body: []byte(`{"id":"1"}`)}
	if err := st.PutStory(ctx, &s); err != nil {
		fmt.Println(err)
		return
	}
	if err := st.PlaceArticle(ctx, a.ID, s.ID, 0); err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []string{"floods", "regatta"} {
		found, err := st.Stories(ctx, store.Query{Search: q})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("search %q: %d stories", q, len(found))
		for _, f := range found {
			fmt.Printf(" [%d %q, %d article]", f.ID, f.Title, f.Articles)
		}
		fmt.Println()
	}
	_, err = st.Article(ctx, 99)
	fmt.Println("article 99 not found:", errors.Is(err, store.ErrNotFound))
	// Output:
	// article 1 created true <nil>
	// article 1 created false <nil> text: Floods closed the coast road on Monday.
	// search "floods": 1 stories [1 "Floods close coast road", 1 article]
	// search "regatta": 0 stories
	// article 99 not found: true
}
