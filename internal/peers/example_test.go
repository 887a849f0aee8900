package peers_test

import (
	"fmt"

	"tidings/internal/peers"
	"tidings/news"
)

func ExampleText() {
	arts := []news.Article{
		{ID: "a", Raw: "The bridge opened on Monday.\n"},
		{ID: "b", Raw: "  Crowds crossed the new bridge. "},
	}
	fmt.Printf("%q\n", peers.Text(arts))
	// Output: "The bridge opened on Monday.\n\nCrowds crossed the new bridge."
}
