package gcstart_test

import (
	"fmt"

	"tidings/internal/gcstart"
)

// A main package imports gcstart and calls Resume before its work.
func ExampleResume() {
	gcstart.Resume()
	fmt.Println("collector on")
	// Output: collector on
}
