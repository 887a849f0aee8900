//go:build !unix

package cluster

import "time"

// cpuTime returns 0 where the process's CPU time is not read: the
// benchmarks' cpu-µs/op then reads 0.
func cpuTime() time.Duration { return 0 }
