//go:build !unix

package enrich_test

import "time"

// cpuTime returns 0: the processor time is read on Unix systems only.
func cpuTime() time.Duration { return 0 }
