package groupcommit

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

type req struct {
	n     int
	sum   int // the sum of the n of its group
	group int // how many values its group held
}

func TestDo(t *testing.T) {
	tests := []struct {
		name    string
		callers int
		most    int // take's bound
	}{
		{"one caller", 1, 8},
		{"many callers, groups of 8", 200, 8},
		{"many callers, one at a time", 50, 1},
		{"take returns 0: still one", 20, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var g Group[*req]
			var mu sync.Mutex
			runs, ran := 0, 0
			running := false
			take := func(q []*req) int { return min(len(q), tc.most) }
			run := func(_ context.Context, group []*req) {
				mu.Lock()
				if running {
					t.Error("two runs at once")
				}
				running = true
				runs++
				ran += len(group)
				mu.Unlock()
				sum := 0
				for _, r := range group {
					sum += r.n
				}
				for _, r := range group {
					r.sum, r.group = sum, len(group)
				}
				mu.Lock()
				running = false
				mu.Unlock()
			}
			var wg sync.WaitGroup
			reqs := make([]*req, tc.callers)
			for i := range reqs {
				reqs[i] = &req{n: i + 1}
				wg.Add(1)
				go func(r *req) {
					defer wg.Done()
					g.Do(context.Background(), r, take, run)
					if r.group == 0 {
						t.Errorf("Do of %d returned before a run held it", r.n)
					}
				}(reqs[i])
			}
			wg.Wait()
			if ran != tc.callers {
				t.Errorf("runs held %d values, want %d (each once)", ran, tc.callers)
			}
			bound := max(tc.most, 1)
			for _, r := range reqs {
				if r.group > bound {
					t.Errorf("a group held %d values, want at most %d", r.group, bound)
				}
			}
			if !g.Idle() {
				t.Errorf("after all callers: a run still going or %d queued", g.Queued())
			}
		})
	}
}

func TestDoCancelledContext(t *testing.T) {
	var g Group[*req]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := &req{n: 1}
	g.Do(ctx, r, func(q []*req) int { return len(q) }, func(ctx context.Context, group []*req) {
		if ctx.Err() != nil {
			t.Error("run got the caller's cancellation")
		}
		group[0].group = 1
	})
	if r.group != 1 {
		t.Error("a cancelled caller's value was not run")
	}
}

func Example() {
	type write struct {
		line string
		at   int // the group's number, filled by run
	}
	var g Group[*write]
	groups := 0
	w := &write{line: "first"}
	g.Do(context.Background(), w,
		func(queued []*write) int { return min(len(queued), 64) },
		func(_ context.Context, group []*write) {
			groups++ // one commit for the whole group would go here
			for _, x := range group {
				x.at = groups
			}
		})
	fmt.Println(w.line, "written in group", w.at)
	// Output: first written in group 1
}
