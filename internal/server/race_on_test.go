//go:build race

package server

// raceDetector says the tests run under -race, where the heaviest ones
// shorten themselves (the race detector makes them 5–10× slower).
const raceDetector = true
