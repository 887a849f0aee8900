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

// maxEarly bounds the ends of jobs that a waiters keeps for a waiter
// not yet come: the ends told of every process's jobs, so a second or
// more of them at a thousand posts a second.
const maxEarly = 4096

// waiters is what the listener wakes.
type waiters struct {
	mu     sync.Mutex
	done   map[int64]chan string // job id -> gets what the job's end told
	placed chan struct{}         // closed and replaced at each placement
	// upTo is the highest article id told placed (0 before the first
	// telling this listening connection heard).
	upTo int64
	// early holds what the ends of the last maxEarly jobs that nobody
	// waited for told, in case their waiter comes late: a job may end
	// before the process that inserted it begins to wait. ring holds
	// their ids, oldest at next.
	early map[int64]string
	ring  [maxEarly]int64
	next  int
	// told holds the placements that the last tellings of placements
	// told (Queue.Placed), the last maxEarly of them; toldRing their
	// article ids, oldest at toldNext.
	told     map[int64]Placement
	toldRing [maxEarly]int64
	toldNext int
}

func newWaiters() *waiters {
	return &waiters{done: map[int64]chan string{}, placed: make(chan struct{}), early: map[int64]string{}, told: map[int64]Placement{}}
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
		if result, told := w.early[id]; told {
			delete(w.early, id)
			ch <- result
		} else {
			w.done[id] = ch
		}
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
		return
	}
	// Nobody waits yet: keep it for a while.
	if old := w.ring[w.next]; old != 0 {
		delete(w.early, old)
	}
	w.ring[w.next], w.next = id, (w.next+1)%maxEarly
	w.early[id] = result
}

// placement returns the channel closed at the next placement, and the
// highest article id told placed so far.
func (w *waiters) placement() (<-chan struct{}, int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.placed, w.upTo
}

// wasPlaced wakes the waiters for placements: the leader placed the
// articles up to id (0 when not told), among them those of told.
func (w *waiters) wasPlaced(id int64, told []Placement) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.upTo = max(w.upTo, id)
	for _, pl := range told {
		if old := w.toldRing[w.toldNext]; old != 0 {
			delete(w.told, old)
		}
		w.toldRing[w.toldNext], w.toldNext = pl.Article, (w.toldNext+1)%maxEarly
		w.told[pl.Article] = pl
	}
	close(w.placed)
	w.placed = make(chan struct{})
}

// toldPlacement returns the placement of article id told with the
// placements, if it was.
func (w *waiters) toldPlacement(id int64) (Placement, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	pl, ok := w.told[id]
	return pl, ok
}

// unheard forgets the placements told: the listening connection begins
// again, and what was told meanwhile was not heard.
func (w *waiters) unheard() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.upTo = 0
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
	q.waiting.unheard()
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
			// "0" is the wake of an article stored without a job
			// (InOrder): nobody waits for it.
			v, result, _ := strings.Cut(n.Payload, " ")
			if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
				q.waiting.jobDone(id, result)
			}
		case placedChannel:
			q.waiting.wasPlaced(parsePlaced(n.Payload))
		case briefedChannel:
			if id, err := strconv.ParseInt(n.Payload, 10, 64); err == nil && id > 0 && briefed != nil {
				briefed(id)
			}
		}
	}
}

// Placement is where the leader placed an article: its story, and the
// article it is a copy of (0 for none).
type Placement struct {
	Article, Story, CopyOf int64
}

// Placed tells the processes waiting for placements that the leader
// placed articles up to id, and where it placed those of told: as many
// as the notification holds (under maxTold bytes; a waiter asks the
// store for the others).
func (q *Queue) Placed(ctx context.Context, id int64, told []Placement) error {
	if _, err := q.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, placedChannel, placedPayload(id, told)); err != nil {
		return fmt.Errorf("jobs: placed: %w", err)
	}
	return nil
}

// placedPayload is the payload of a telling of placements: "ID", then
// " ARTICLE:STORY:COPYOF" for each placement told, up to maxTold bytes.
func placedPayload(id int64, told []Placement) string {
	b := strconv.AppendInt(nil, id, 10)
	for _, pl := range told {
		n := len(b)
		b = append(b, ' ')
		b = strconv.AppendInt(b, pl.Article, 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, pl.Story, 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, pl.CopyOf, 10)
		if len(b) > maxTold {
			b = b[:n]
			break
		}
	}
	return string(b)
}

// parsePlaced reads what placedPayload wrote: 0 and nothing for a
// payload it cannot read; the placements it can read of the rest.
func parsePlaced(payload string) (int64, []Placement) {
	head, rest, _ := strings.Cut(payload, " ")
	id, err := strconv.ParseInt(head, 10, 64)
	if err != nil || id < 0 {
		return 0, nil
	}
	var told []Placement
	for f := range strings.FieldsSeq(rest) {
		a, sc, _ := strings.Cut(f, ":")
		st, c, _ := strings.Cut(sc, ":")
		var pl Placement
		var e1, e2, e3 error
		pl.Article, e1 = strconv.ParseInt(a, 10, 64)
		pl.Story, e2 = strconv.ParseInt(st, 10, 64)
		pl.CopyOf, e3 = strconv.ParseInt(c, 10, 64)
		if e1 == nil && e2 == nil && e3 == nil && pl.Article > 0 && pl.Story > 0 && pl.Article <= id {
			told = append(told, pl)
		}
	}
	return id, told
}

// ToldPlacement returns where the leader placed article id, when it told
// so with the placements this process heard lately ([Queue.Placed]);
// else false, and the store knows.
func (q *Queue) ToldPlacement(id int64) (Placement, bool) {
	return q.waiting.toldPlacement(id)
}

// AwaitPlaced waits for the placement of article id: it calls placed
// once the leader tells ([Queue.Placed]) that it placed id, and every
// 100 ms, until placed reports true or fails, or ctx ends. It calls it
// at once only when id was told placed already: the post that waits for
// its article's placement has just stored it, and asking before the
// leader tells would cost a query for nothing.
func (q *Queue) AwaitPlaced(ctx context.Context, id int64, placed func(ctx context.Context) (bool, error)) error {
	next, upTo := q.waiting.placement() // before checking: no placement is missed
	check := upTo >= id
	for {
		if check {
			next, _ = q.waiting.placement()
			ok, err := placed(ctx)
			if err != nil || ok {
				return err
			}
		}
		t := time.NewTimer(fallback)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-next:
			// Told of a placement: check when it took id in, or when
			// the telling does not say how far (an older process).
			var upTo int64
			next, upTo = q.waiting.placement()
			check = upTo >= id || upTo == 0
		case <-t.C:
			check = true
		}
		t.Stop()
	}
}
