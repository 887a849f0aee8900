package clean

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestLimits checks that hostile pages are refused before any tree is
// built, fast and in little memory (issue 18, row 3).
func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		page string
		want bool // refused
	}{
		{"bomb of tiny elements", strings.Repeat("<p><b>x</b><i>y</i></p>", 300_000), true},
		{"deep nesting", strings.Repeat("<div>", 1000) + "text", true},
		{"over 8 MiB", "<p>" + strings.Repeat("a ", 4<<20+10), true},
		{"unclosed paragraphs are not depth", strings.Repeat("<p>Para", 5000), false},
		{"ordinary page", "<html><body><article><h1>T</h1><p>One.</p><p>Two.</p></article></body></html>", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := Limits{}.Check(tc.page)
			runtime.ReadMemStats(&after)
			if got := errors.Is(err, ErrTooLarge); got != tc.want {
				t.Fatalf("Limits{}.Check(%s) = %v, want refused %v", tc.name, err, tc.want)
			}
			// The pages are up to 8 MiB; the check reads them without a
			// tree (about 1 MiB, twice that under the race detector).
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("Limits{}.Check(%s) allocated %d bytes, want at most 4 MiB", tc.name, alloc)
			}
		})
	}
}

// TestHTMLBomb checks that HTML refuses the bomb with ErrTooLarge.
func TestHTMLBomb(t *testing.T) {
	page := strings.Repeat("<p><b>x</b><i>y</i></p>", 300_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := HTML(page)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("HTML(bomb) error = %v, want ErrTooLarge", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("HTML(bomb) allocated %d bytes, want at most 4 MiB", alloc)
	}
}

// TestLargePage cleans a page of 8 MiB (real paragraphs, under the element
// limit) and bounds the memory it takes.
func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large page skipped in -short")
	}
	para := "<p>The harbour authority said on Monday that the new ferry would sail twice a day from May, weather permitting, and that fares would stay as they are for residents of the islands until the end of next year.</p>\n"
	var sb strings.Builder
	sb.WriteString("<html><body><article><h1>Ferry</h1>")
	for sb.Len()+len(para) < 8<<20-100 {
		sb.WriteString(para)
	}
	sb.WriteString("</article></body></html>")
	page := sb.String()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	sampled := make(chan uint64)
	go func() {
		var m runtime.MemStats
		peak := uint64(0)
		for {
			select {
			case <-done:
				sampled <- peak
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	_, err := HTML(page)
	close(done)
	peak := <-sampled
	runtime.ReadMemStats(&after)
	if err != nil && !errors.Is(err, ErrTooLarge) {
		t.Fatalf("HTML(8 MiB page) error = %v", err)
	}
	peak = max(peak, after.HeapAlloc)
	t.Logf("8 MiB page: %v, heap peak about %d MB (from %d MB)", err, peak>>20, before.HeapAlloc>>20)
	if peak-before.HeapAlloc > 200<<20 {
		t.Errorf("HTML(8 MiB page) heap grew by %d MB, want at most 200 MB", (peak-before.HeapAlloc)>>20)
	}
}
