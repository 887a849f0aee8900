package clean_test

import (
	"fmt"

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
