package gcstart

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent reads the current GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

func TestResume(t *testing.T) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.NumGC != 0 {
		t.Errorf("%d collections before Resume, want none", ms.NumGC)
	}
	if p := gcPercent(); p != -1 {
		t.Fatalf("GOGC before Resume is %d, want -1 (off)", p)
	}
	Resume()
	raised := gcPercent()
	if percent > 0 && raised != 2*percent {
		t.Errorf("GOGC after Resume is %d, want twice the process's %d", raised, percent)
	}
	if percent <= 0 && raised != percent {
		t.Errorf("GOGC after Resume is %d, want the process's %d", raised, percent)
	}
	Resume() // a second call changes nothing
	if p := gcPercent(); p != raised {
		t.Errorf("GOGC after a second Resume is %d, want %d", p, raised)
	}
	// After one collection the process's own setting applies.
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != percent && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if p := gcPercent(); p != percent {
		t.Errorf("GOGC after the first collection is %d, want the process's %d", p, percent)
	}
}
