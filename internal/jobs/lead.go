package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Advisory lock keys. leaderLock is the store's ingest lock
// (store/sql.go, Store.Lock), so that a leader also excludes a process
// that places articles the older way, under that lock, article by
// article. orderLock serializes the storing of articles (InOrder).
const (
	leaderLock = 74696468
	orderLock  = 74696470
)

// InOrder runs store while holding a lock that every process of the
// database takes to store an article, so that articles are committed in
// the order of their ids: the leader, reading the articles after the last
// it placed, then never misses one committed late with a lower id. store
// must commit before it returns. The statement that releases the lock
// also wakes the leader (on doneChannel, for no job: id 0), to place
// what was stored without waiting for a job's end or its tick.
func (q *Queue) InOrder(ctx context.Context, store func() error) error {
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("jobs: order lock: %w", err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, orderLock); err != nil {
		conn.Conn().Close(context.Background()) // the lock may be held: drop the session
		conn.Release()
		return fmt.Errorf("jobs: order lock: %w", err)
	}
	err = store()
	if _, uerr := conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1), pg_notify($2, '0')`, orderLock, doneChannel); uerr != nil {
		conn.Conn().Close(context.Background())
	}
	conn.Release()
	return err
}

// lead runs for leadership until ctx ends: each term waits for the lock,
// runs fn while it holds it, and ends when its connection fails.
func (q *Queue) lead(ctx context.Context, fn func(ctx context.Context, wake <-chan struct{})) {
	defer close(q.stopped)
	for ctx.Err() == nil {
		err := q.term(ctx, fn)
		if ctx.Err() != nil {
			return
		}
		q.opts.Logger.Warn("jobs: leadership term ended; running again", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(q.opts.Tick):
		}
	}
}

// term is one term of leadership: it connects, waits for the lock, and
// then runs fn until ctx ends or the connection fails, waking fn on each
// notification and every Tick.
func (q *Queue) term(ctx context.Context, fn func(ctx context.Context, wake <-chan struct{})) error {
	conn, err := pgx.Connect(ctx, q.url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	// A Prepare job done, wherever it ran, has stored an article (or
	// refused one), and so has a process that released the order lock
	// (InOrder): the leader wakes to place it.
	if _, err := conn.Exec(ctx, `LISTEN `+doneChannel); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, leaderLock); err != nil {
		return err
	}
	// A leader whose session ended while its process lives (the
	// database restarted, the network failed) notices within two ticks
	// (a tick without notification, then a ping that fails or times
	// out) and stops; wait that long, and a tick more for it to stop,
	// before beginning, so that two leaders never work at once.
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(3 * q.opts.Tick):
	}
	if err := conn.Ping(ctx); err != nil {
		return err
	}
	q.leading.Store(true)
	defer q.leading.Store(false)
	q.opts.Logger.Info("jobs: leading: this process places the articles")
	tctx, cancel := context.WithCancel(ctx)
	wake := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(tctx, wake)
	}()
	defer func() {
		cancel()
		<-done
	}()
	for {
		wctx, stop := context.WithTimeout(ctx, q.opts.Tick)
		_, err := conn.WaitForNotification(wctx)
		stop()
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil && !pgconn.Timeout(err):
			return err
		case err != nil:
			// No notification this tick: is the session, and so the
			// lock, still there?
			pctx, stop := context.WithTimeout(ctx, q.opts.Tick)
			err := conn.Ping(pctx)
			stop()
			if err != nil {
				return err
			}
		}
		select {
		case wake <- struct{}{}:
		default:
		}
		select { // fn stopped on its own: end the term
		case <-done:
			return fmt.Errorf("jobs: the leader's work returned")
		default:
		}
	}
}
