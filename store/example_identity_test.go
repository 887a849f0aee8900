package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"tidings/store"
)

// ExampleOpenWith opens a new SQLite store, adds an article, and shows
// that a second process would be refused and that an empty file is not
// taken for a store without Init.
func ExampleOpenWith() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "tidings-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tidings.db")

	st, err := store.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := store.Article{Key: "url:https://example.org/bridge", Text: "The bridge reopened\x00 on Monday."}
	created, _ := st.AddArticle(ctx, &a)
	fmt.Printf("created %v, id %d, text %q\n", created, a.ID, a.Text)

	_, err = store.Open(ctx, path)
	fmt.Println("second open refused:", errors.Is(err, store.ErrLocked))
	st.Close()

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	_, err = store.Open(ctx, empty)
	fmt.Println("empty file refused:", errors.Is(err, store.ErrNotStore))
	st, err = store.OpenWith(ctx, empty, store.Options{Init: true})
	fmt.Println("with Init:", err == nil)
	st.Close()
	// Output:
	// created true, id 1, text "The bridge reopened  on Monday."
	// second open refused: true
	// empty file refused: true
	// with Init: true
}
