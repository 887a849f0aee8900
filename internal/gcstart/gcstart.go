package gcstart

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"
)

// percent is the GOGC setting the process started with (-1 for off); the
// collector is off from here until Resume.
var percent = debug.SetGCPercent(-1)

// Resume turns the collector back on. When GOGC is positive, it is
// doubled until the first collection has run, and then restored: the
// runtime's goal for a process's first collection is 4 MB × GOGC/100, so
// doubling it leaves the program, beyond the 4.4 MB package
// initialisation allocates, about the allowance of a fresh process.
// Calls after the first do nothing.
//
// The heap is not measured (runtime.ReadMemStats flushes the allocation
// caches, which costs 185 page faults in "tidings help", and
// runtime/metrics's own initialisation 0.24 ms): were initialisation to
// allocate more than twice the first goal, the first collection would
// come at the program's first allocations, as it would without gcstart.
func Resume() { resume() }

var resume = sync.OnceFunc(func() {
	if percent <= 0 {
		debug.SetGCPercent(percent)
		return
	}
	debug.SetGCPercent(2 * min(percent, math.MaxInt32/2))
	runtime.AddCleanup(new(sentinel), func(p int) { debug.SetGCPercent(p) }, percent)
})

// sentinel is an object nothing keeps: its cleanup runs after the first
// collection and restores the GOGC setting. It holds a pointer so that
// it is not placed in a tiny-allocation block, whose objects may never be
// cleaned up.
type sentinel struct{ _ *int }
