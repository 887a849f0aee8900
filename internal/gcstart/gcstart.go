package gcstart

import (
	"runtime"
	"runtime/debug"
	"sync"
)

// percent is the GOGC setting the process started with (-1 for off); the
// collector is off from here until Resume.
var percent = debug.SetGCPercent(-1)

// firstGoal is the heap the runtime lets a fresh process allocate before
// its first collection at GOGC=100 (its defaultHeapMinimum).
const firstGoal = 4 << 20

// Resume turns the collector back on. When GOGC is positive, the first
// collection waits until the heap has grown past what it holds now by
// what GOGC lets a fresh process allocate (firstGoal*GOGC/100); once that
// collection has run, the GOGC setting applies as usual. Calls after the
// first do nothing.
func Resume() { resume() }

var resume = sync.OnceFunc(func() {
	if percent <= 0 {
		debug.SetGCPercent(percent)
		return
	}
	// ReadMemStats rather than runtime/metrics, whose initialisation
	// alone takes about 0.2 ms.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap := ms.HeapAlloc
	// The runtime's goal before the first collection is
	// firstGoal*GOGC/100: raising GOGC by the share of firstGoal that the
	// heap already holds moves that goal past it by the usual allowance.
	debug.SetGCPercent(percent + int(heap*100/firstGoal))
	runtime.AddCleanup(new(sentinel), func(p int) { debug.SetGCPercent(p) }, percent)
})

// sentinel is an object nothing keeps: its cleanup runs after the first
// collection and restores the GOGC setting. It holds a pointer so that
// it is not placed in a tiny-allocation block, whose objects may never be
// cleaned up.
type sentinel struct{ _ *int }
