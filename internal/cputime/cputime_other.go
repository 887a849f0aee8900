//go:build !unix

package cputime

import "time"

// Used returns 0: the processor time is read on Unix systems only.
func Used() time.Duration { return 0 }
