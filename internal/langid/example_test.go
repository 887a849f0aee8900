package whatlanggo_test

import (
	"fmt"

	"github.com/RadhiFadlillah/whatlanggo"
)

func Example() {
	for _, s := range []string{
		"The bridge will open to traffic by the end of the year.",
		"Die Brücke wird bis zum Ende des Jahres für den Verkehr geöffnet.",
		"Мост откроют для движения до конца года.",
		"12:30",
	} {
		fmt.Printf("%q\n", whatlanggo.DetectLang(s).Iso6391())
	}
	// Output:
	// "en"
	// "de"
	// "ru"
	// ""
}
