package synth_test

import (
	"fmt"

	"tidings/internal/synth"
)

// A stream is the same for the same options.
func ExampleStream() {
	a := synth.Stream(synth.Options{Articles: 100, Seed: 1})
	b := synth.Stream(synth.Options{Articles: 100, Seed: 1})
	stories := map[int]bool{}
	for _, x := range a {
		stories[x.Story] = true
	}
	fmt.Println(len(a), a[99].Raw == b[99].Raw, len(stories) > 5, a[0].Date.Before(a[99].Date))
	// Output: 100 true true true
}
