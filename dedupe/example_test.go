package dedupe_test

import (
	"fmt"

	"tidings/dedupe"
	"tidings/news"
)

// A wire story and its reprint under another masthead (a new headline,
// one word changed) fold into one article; another outlet's own report
// of the same event stays.
func ExampleFold() {
	wire := "The council voted on Tuesday to close the old harbour bridge to lorries from next month, after engineers found cracks in two of its steel supports. Cars and buses may still cross at twenty miles an hour while repairs are planned."
	reprint := "The council voted on Tuesday to close the old harbour bridge to lorries from next month, after engineers found cracks in two of its steel supports. Cars and buses can still cross at twenty miles an hour while repairs are planned."
	own := "Lorry drivers will have to take the ring road from next month: the harbour bridge is closing to heavy traffic, the council decided, because two supports are cracked."
	arts := []news.Article{
		{ID: "wire", Outlet: "Valley Wire", Text: wire},
		{ID: "echo", Outlet: "Northern Echo", Text: reprint},
		{ID: "post", Outlet: "Harbour Post", Text: own},
	}
	for _, a := range dedupe.Fold(arts, dedupe.Options{}) {
		fmt.Println(a.ID, a.Outlets())
	}
	// Output:
	// wire [Valley Wire Northern Echo]
	// post [Harbour Post]
}

// An Index matches each text against those added before it.
func ExampleIndex() {
	x := dedupe.NewIndex(dedupe.Options{})
	texts := []string{
		"Floods closed the coast road on Monday after a night of heavy rain, police said, and the council opened a shelter at the town hall.",
		"The Marlow rowing club won the autumn regatta on Saturday by two lengths.",
		"Floods closed the coast road on Monday after a night of heavy rain, police said, and the council opened a shelter in the town hall.",
	}
	for i, t := range texts {
		fmt.Println(i, "copies", x.Add(t))
	}
	// Output:
	// 0 copies -1
	// 1 copies -1
	// 2 copies 0
}
