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
	// dropped (headline): River bursts its banks
	// dropped (promotion): Sign up for our daily news emails
	// dropped (caption-credit): Residents were moved to the sports hall. (Ana Ruiz / Valley Herald)
}
