package segment_test

import (
	"fmt"

	"tidings/segment"
)

func ExampleSentences() {
	text := `"Who is that?" the minister asked. Mr. Lavrov smiled.`
	for _, sp := range segment.Sentences(text) {
		fmt.Printf("[%d,%d) %s\n", sp.Start, sp.End, text[sp.Start:sp.End])
	}
	// Output:
	// [0,34) "Who is that?" the minister asked.
	// [35,53) Mr. Lavrov smiled.
}
