package jobs

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Waiting: a post waits for its Prepare job and then for its article's
// placement. Rather than poll for either, each process listens on one
// connection of its own: a worker that finished a Prepare job says so on
// doneChannel (the job id and its result, so the waiter reads nothing),
// and the leader, after placing, says on placedChannel the highest
// article id it placed. A waiter checks again when told, and every
// fallback in case a notification was lost (the listening connection
// died, say). A worker that rewrote a story's brief says so on
// briefedChannel (the story id), for the processes that keep stories in
// memory (Handlers.Briefed).

const (
	doneChannel    = "tidings_done"
	placedChannel  = "tidings_placed"
	briefedChannel = "tidings_briefed"
	fallback       = 100 * time.Millisecond
)

// waiters is what the listener wakes.
type waiters struct {
	mu     sync.Mutex
	done   map[int64]chan string // job id -> gets what the job's end told
	placed chan struct{}         // closed and replaced at each placement
}

func newWaiters() *waiters {
	return &waiters{done: map[int64]chan string{}, placed: make(chan struct{})}
}

// job returns the channel that gets the result told with job id's end
// (its Result as JSON, or "" when told without one), and a func to call
// when no longer waiting. One process waits once for a job.
func (w *waiters) job(id int64) (<-chan string, func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch, ok := w.done[id]
	if !ok {
		ch = make(chan string, 1)
		w.done[id] = ch
	}
	return ch, func() {
		w.mu.Lock()
		delete(w.done, id)
		w.mu.Unlock()
	}
}

// jobDone tells the waiter of job id, if any, what its end told.
func (w *waiters) jobDone(id int64, result string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if ch, ok := w.done[id]; ok {
		ch <- result
		delete(w.done, id)
	}
}

// placement returns the channel closed at the next placement.
func (w *waiters) placement() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.placed
}

func (w *waiters) wasPlaced() {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.placed)
	w.placed = make(chan struct{})
}

// listen runs the listening connection until ctx ends, connecting again
// after a failure.
func (q *Queue) listen(ctx context.Context, briefed func(story int64)) {
	defer close(q.unheard)
	for ctx.Err() == nil {
		err := q.listenOnce(ctx, briefed)
		if ctx.Err() != nil {
			return
		}
		q.opts.Logger.Warn("jobs: listening for finished work failed; connecting again", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (q *Queue) listenOnce(ctx context.Context, briefed func(story int64)) error {
	conn, err := pgx.Connect(ctx, q.url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `LISTEN `+doneChannel+`; LISTEN `+placedChannel+`; LISTEN `+briefedChannel); err != nil {
		return err
	}
	if briefed != nil {
		briefed(0) // what was said before this connection listened is unheard
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		switch n.Channel {
		case doneChannel:
			// "ID RESULT", or "ID" alone (a process of an older
			// version): the waiter reads the job then.
			v, result, _ := strings.Cut(n.Payload, " ")
			if id, err := strconv.ParseInt(v, 10, 64); err == nil {
				q.waiting.jobDone(id, result)
			}
		case placedChannel:
			q.waiting.wasPlaced()
		case briefedChannel:
			if id, err := strconv.ParseInt(n.Payload, 10, 64); err == nil && id > 0 && briefed != nil {
				briefed(id)
			}
		}
	}
}

// Placed tells the processes waiting for placements that the leader
// placed articles up to id (the waiters check their own).
func (q *Queue) Placed(ctx context.Context, id int64) error {
	if _, err := q.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, placedChannel, strconv.FormatInt(id, 10)); err != nil {
		return fmt.Errorf("jobs: placed: %w", err)
	}
	return nil
}

// AwaitPlaced calls placed, then again after each placement anywhere
// ([Queue.Placed]) and every 100 ms, until it reports true or fails, or
// ctx ends.
func (q *Queue) AwaitPlaced(ctx context.Context, placed func(ctx context.Context) (bool, error)) error {
	for {
		next := q.waiting.placement() // before checking: no placement is missed
		ok, err := placed(ctx)
		if err != nil || ok {
			return err
		}
		t := time.NewTimer(fallback)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-next:
		case <-t.C:
		}
		t.Stop()
	}
}
