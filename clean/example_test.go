package clean_test

import (
	"fmt"
	"strings"

	"tidings/clean"
)

func ExampleText() {
	raw := "Source: Valley Herald\n\nRiver bursts its banks\n\nLENNING -- Heavy rain flooded three streets overnight, the council said.\n\nSign up for our daily news emails\n\nResidents were moved to the sports hall. (Ana Ruiz / Valley Herald)"
	res, err := clean.Text(raw)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s\n", res.Meta.Outlet, res.Meta.Title, res.Meta.Dateline)
	fmt.Println(res.Text)
	for _, d := range res.Dropped {
		fmt.Printf("dropped (%s): %s\n", d.Rule, d.Text)
	}
	// Output:
	// Valley Herald | River bursts its banks | LENNING
	// Heavy rain flooded three streets overnight, the council said.
	// dropped (source-line): Source: Valley Herald
	// dropped (first-line): River bursts its banks
	// dropped (promotion): Sign up for our daily news emails
	// dropped (caption-credit): Residents were moved to the sports hall. (Ana Ruiz / Valley Herald)
}

func ExampleClean() {
	page := "Menu\n\nNews\n\nSport\n\nFerry crews strike over winter timetable\n\nNovember 4, 2025 | By Mira Holt\n\n" +
		"Crews on the three ferries walked out on Tuesday morning, leaving about 2,000 passengers without a crossing.\n\n" +
		"Islanders stranded\n\n" +
		"On Skerry Island, the school bus waited at the slipway for an hour before the driver was told that no boat would come.\n\n" +
		"Most read\n\nHarbour lights return to Port Alder\n\n© 2025 Port Alder Courier. All rights reserved."
	res, err := clean.Clean(page, clean.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := res.Meta
	fmt.Printf("%s | %s (%s) | %s | %s (%s)\n", m.Title, m.Author, m.Sources["author"], m.Date.Format("2006-01-02"), m.Outlet, m.Sources["outlet"])
	for _, b := range res.Blocks {
		fmt.Printf("%-10s %-15s %s\n", b.Kind, b.Rule, b.Text)
	}
	// Output:
	// Ferry crews strike over winter timetable | Mira Holt (byline) | 2025-11-04 | Port Alder Courier (copyright)
	// navigation before-main     Menu
	// debris     lone-word       News
	// debris     lone-word       Sport
	// title      headline        Ferry crews strike over winter timetable
	// byline     byline          November 4, 2025 | By Mira Holt
	// body                       Crews on the three ferries walked out on Tuesday morning, leaving about 2,000 passengers without a crossing.
	// heading    section-heading Islanders stranded
	// body                       On Skerry Island, the school bus waited at the slipway for an hour before the driver was told that no boat would come.
	// promotion  promotion       Most read
	// promotion  read-more-list  Harbour lights return to Port Alder
	// legal      legal-notice    © 2025 Port Alder Courier. All rights reserved.
}

func ExamplePile() {
	// Two pages copied from one site: the same sidebar of headlines
	// around two stories.
	sidebar := "\n\nMost read\n\nFerry fares rise by a tenth from January.\n\nRovers sign a new goalkeeper for two seasons.\n\n© 2026 Port Alder Courier"
	first := "Library reopens after flood\n\nThe town library reopened on Monday, six months after a burst main flooded its reading rooms and ruined about 3,000 books.\n\n" +
		"Volunteers dried and catalogued the books that could be saved, the librarian said." + sidebar
	second := "Bus route cut to two runs a day\n\nThe regional bus company will run the coast route twice a day from March, down from six, citing a shortage of drivers.\n\n" +
		"Passengers' groups said the cut would leave the outer villages without a way to reach the clinic." + sidebar
	pile := clean.NewPile(0)
	pile.Add(first, clean.Options{})
	pile.Add(second, clean.Options{})
	alone, _ := clean.Text(first)
	res, err := pile.Clean(first, clean.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(alone.Text, "\n\n")+1, "blocks alone")
	fmt.Println(res.Text)
	for _, d := range res.Dropped {
		if d.Rule == "pile-repeat" {
			fmt.Printf("dropped (%s, %s): %s\n", d.Rule, d.Kind, d.Text)
		}
	}
	// Output:
	// 4 blocks alone
	// The town library reopened on Monday, six months after a burst main flooded its reading rooms and ruined about 3,000 books.
	//
	// Volunteers dried and catalogued the books that could be saved, the librarian said.
	// dropped (pile-repeat, promotion): Ferry fares rise by a tenth from January.
	// dropped (pile-repeat, promotion): Rovers sign a new goalkeeper for two seasons.
}
