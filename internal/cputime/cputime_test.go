package cputime

import (
	"runtime"
	"testing"
)

func TestUsedGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("processor time is read on Unix systems only")
	}
	start := Used()
	if start <= 0 {
		t.Fatalf("Used() = %v at start, want > 0", start)
	}
	x := 0
	for i := 0; Used() == start && i < 1e9; i++ {
		x ^= i
	}
	if Used() <= start {
		t.Errorf("Used() did not grow after busy work (%d)", x)
	}
}
