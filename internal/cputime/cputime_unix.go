//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Used returns the processor time the process has used, user and
// system, or 0 when it cannot be read.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
