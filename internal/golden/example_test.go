package golden_test

import (
	"fmt"

	"tidings/internal/golden"
)

func ExampleDiff() {
	fmt.Print(golden.Diff("Brief (7 words)\nFloods closed the road. [1]\n", "Brief (8 words)\nFloods closed the road. [1]\n"))
	// Output:
	// @@ line 1
	// - Brief (7 words)
	// + Brief (8 words)
	//   Floods closed the road. [1]
}
