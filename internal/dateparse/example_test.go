package dateparser_test

import (
	"fmt"

	dateparser "github.com/markusmobius/go-dateparser"
)

func Example() {
	p := &dateparser.Parser{ParserTypes: []dateparser.ParserType{dateparser.AbsoluteTime}}
	cfg := &dateparser.Configuration{StrictParsing: true, PreferredDateSource: dateparser.Past}
	for _, s := range []string{"Donnerstag, 4. März 2021", "March 4th, 2021 10:30 pm", "4 de marzo de 2021", "Published 4 March 2021"} {
		d, err := p.Parse(cfg, s)
		if err != nil {
			fmt.Printf("%s: %v\n", s, err)
			continue
		}
		fmt.Printf("%s: %s\n", s, d.Time.Format("2006-01-02 15:04"))
	}
	// Output:
	// Donnerstag, 4. März 2021: 2021-03-04 00:00
	// March 4th, 2021 10:30 pm: 2021-03-04 22:30
	// 4 de marzo de 2021: 2021-03-04 00:00
	// Published 4 March 2021: dateparser: no date found
}
