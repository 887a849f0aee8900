package groupcommit

import (
	"context"
	"sync"
)

// Group queues values of type T (typically a pointer to a request that
// run fills with its outcome) and runs them in groups. The zero value is
// ready to use; a Group must not be copied after first use.
type Group[T any] struct {
	mu    sync.Mutex // guards queue, done and busy
	queue []T
	done  []chan bool // done[i] tells queue[i]'s caller
	busy  bool        // a caller is running a group
}

// Do queues v and returns once a run that held v is over. take is given
// the queued values, v's group first, and returns how many of them form
// the group (at least 1 is taken whatever it returns); run gets the group
// and records each value's outcome in the value itself, which its caller
// reads after Do returns. run is called without ctx's cancellation: the
// group may hold the values of other callers.
func (g *Group[T]) Do(ctx context.Context, v T, take func(queued []T) int, run func(ctx context.Context, group []T)) {
	done := make(chan bool, 1)
	g.mu.Lock()
	g.queue = append(g.queue, v)
	g.done = append(g.done, done)
	lead := !g.busy
	g.busy = true
	g.mu.Unlock()
	if !lead {
		// false: a run that held v is over; true: v's caller runs the
		// next group itself.
		lead = <-done
	}
	if lead {
		g.run(context.WithoutCancel(ctx), take, run)
	}
}

// run runs the group at the head of the queue and tells each of its
// callers; then it hands the next group to the first caller still
// queued, or marks that no run is going on.
func (g *Group[T]) run(ctx context.Context, take func([]T) int, run func(context.Context, []T)) {
	g.mu.Lock()
	n := min(max(take(g.queue), 1), len(g.queue))
	group, dones := g.queue[:n:n], g.done[:n:n]
	g.queue, g.done = g.queue[n:], g.done[n:]
	g.mu.Unlock()

	run(ctx, group)

	g.mu.Lock()
	var next chan bool
	if len(g.queue) > 0 {
		next = g.done[0]
	} else {
		g.busy = false
		g.queue, g.done = nil, nil // let the backing arrays go
	}
	g.mu.Unlock()
	for _, d := range dones[1:] {
		d <- false
	}
	if next != nil {
		next <- true
	}
}

// Queued returns how many values wait for a run (those of a run going on
// not counted).
func (g *Group[T]) Queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// Idle reports whether no run is going on and no value waits.
func (g *Group[T]) Idle() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return !g.busy && len(g.queue) == 0
}
