package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"tidings/internal/groupcommit"
)

// Prepare is the job of making one article ready for placement: fetching
// its page (when Fetch), cleaning it and storing it.
type Prepare struct {
	// URL is the article's address; with Fetch, the page to fetch.
	URL string `json:"url,omitempty" river:"unique"`
	// Fetch asks for the page at URL to be fetched for Raw.
	Fetch bool `json:"fetch,omitempty"`
	// Fallback is a feed item's own content, used when its page cannot
	// be fetched; "" for none (the fetch's failure is the job's result).
	Fallback  string    `json:"fallback,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Raw is the article as posted, a page when IsHTML.
	Raw    string `json:"raw,omitempty"`
	IsHTML bool   `json:"is_html,omitempty"`
}

// Kind is River's name for the job.
func (Prepare) Kind() string { return "tidings_prepare" }

// Poll is the job of polling one feed.
type Poll struct {
	Feed int64 `json:"feed" river:"unique"`
}

// Kind is River's name for the job.
func (Poll) Kind() string { return "tidings_poll" }

// Brief is the job of re-making one story's brief from its articles.
type Brief struct {
	Story int64 `json:"story" river:"unique"`
}

// Kind is River's name for the job.
func (Brief) Kind() string { return "tidings_brief" }

// Result is what a Prepare job reports to whoever waits for it.
type Result struct {
	// ID is the stored article's id; Created tells whether this job
	// stored it (false: an article with its key was stored before).
	ID      int64 `json:"id,omitempty"`
	Created bool  `json:"created,omitempty"`
	// Code is an HTTP status for an article refused for what it is (no
	// text, too large, a fetch refused or failed), with Error saying
	// why; 0 when the article is stored.
	Code  int    `json:"code,omitempty"`
	Error string `json:"error,omitempty"`
}

// Handlers do the work of the jobs. A handler's error makes River try
// the job again later (with backoff, up to 25 attempts); a refusal that
// trying again cannot change belongs in Result.Code instead.
type Handlers struct {
	Prepare func(ctx context.Context, job Prepare) (Result, error)
	Poll    func(ctx context.Context, feed int64) error
	Brief   func(ctx context.Context, story int64) error
	// Lead runs while this process leads, until ctx ends (leadership
	// lost, or the queue closing). wake receives a value when a Prepare
	// job is done (it stored an article, or refused one), and every
	// Options.Tick.
	Lead func(ctx context.Context, wake <-chan struct{})
	// Briefed, when set, is told of each story whose brief a Brief job
	// rewrote, in any process (told by NOTIFY, so within milliseconds),
	// and with story 0 whenever such news may have been missed (the
	// listening connection began, or began again): any story may have
	// changed. It must not block.
	Briefed func(story int64)
}

// Options tunes a Queue; the zero value is fit for serving.
type Options struct {
	// Workers is how many Prepare and Poll jobs this process runs at
	// once; 0 means 4.
	Workers int
	// BriefWorkers is how many Brief jobs it runs at once; 0 means 1.
	// Briefs may lag (a story asked for while its job waits is made
	// once), posts wait for theirs: the briefs' own queue keeps them from
	// taking the cores that preparing and placing need.
	BriefWorkers int
	// JobTimeout bounds one run of a job; 0 means a minute.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running (its process may
	// have died) before it is run again; 0 (or anything not above
	// JobTimeout) means JobTimeout plus 30 s. River looks for such jobs
	// every 30 s, on its own leader.
	RescueAfter time.Duration
	// Tick is how often a leader checks its connection and wakes its
	// Lead handler without a Wake; 0 means a second.
	Tick time.Duration
	// Logger receives what goes wrong and leadership changes; nil
	// discards.
	Logger *slog.Logger
}

// Queue is a River client over one PostgreSQL database, with the leader
// election. Open it, then Start it with the handlers.
type Queue struct {
	url    string
	pool   *pgxpool.Pool
	opts   Options
	client *river.Client[pgx.Tx]

	stop    context.CancelFunc // ends the leader loop
	stopped chan struct{}      // closed when the leader loop returns
	leading atomic.Bool
	once    sync.Once

	waiting *waiters
	inserts groupcommit.Group[*insertReq] // the Prepare jobs of concurrent posts, grouped
	unheard chan struct{}                 // closed when the listener returns
}

// migrateLock is the advisory lock key that serializes migrations; the
// store migrates under the same key (store/sql.go), so that processes
// starting at once migrate one at a time.
const migrateLock = 74696467

// Open connects to the PostgreSQL database at url and brings River's
// tables up to date (rivermigrate). The queue runs nothing until Start.
func Open(ctx context.Context, url string, opts Options) (*Queue, error) {
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.BriefWorkers <= 0 {
		opts.BriefWorkers = 1
	}
	if opts.JobTimeout <= 0 {
		opts.JobTimeout = time.Minute
	}
	if opts.RescueAfter <= opts.JobTimeout {
		opts.RescueAfter = opts.JobTimeout + 30*time.Second
	}
	if opts.Tick <= 0 {
		opts.Tick = time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	// Each worker may hold one connection in InOrder while it stores
	// through the store's own pool; River's producer, its completer and
	// the posts waiting for their jobs need theirs beside.
	cfg.MaxConns = int32(2*opts.Workers + opts.BriefWorkers + 8)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	q := &Queue{url: url, pool: pool, opts: opts, stopped: make(chan struct{}), waiting: newWaiters(), unheard: make(chan struct{})}
	if err := q.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) migrate(ctx context.Context) error {
	m, err := rivermigrate.New(riverpgxv5.New(q.pool), nil)
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	// River's migrations each need a transaction of their own (one adds
	// an enum value that the next uses), so the lock that keeps other
	// processes waiting is a session's.
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	defer conn.Release()
	defer conn.Conn().Close(context.Background()) // drops the lock with the session
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("jobs: migrate: %w", err)
	}
	return nil
}

// Start begins working jobs with h and running for leadership; stop it
// with Close. Every field of h must be set.
func (q *Queue) Start(h Handlers) error {
	if h.Prepare == nil || h.Poll == nil || h.Brief == nil || h.Lead == nil {
		return errors.New("jobs: a handler is missing")
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, j *river.Job[Prepare]) error {
		res, err := h.Prepare(ctx, j.Args)
		if err != nil {
			return err
		}
		// The result is told at once with the job's id (the waiter
		// needs nothing more), and recorded with the job's completion,
		// which River writes in batches (every 250 ms when few), for a
		// waiter that missed the telling.
		out, err := json.Marshal(res)
		if err != nil {
			return err
		}
		if err := river.RecordOutput(ctx, json.RawMessage(out)); err != nil {
			return err
		}
		told := strconv.FormatInt(j.ID, 10)
		if len(out) <= maxTold {
			told += " " + string(out)
		}
		if _, err := q.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, doneChannel, told); err != nil {
			q.opts.Logger.Warn("jobs: telling a job is done", "err", err) // its waiter polls too
		}
		return nil
	}))
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, j *river.Job[Poll]) error {
		return h.Poll(ctx, j.Args.Feed)
	}))
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, j *river.Job[Brief]) error {
		if err := h.Brief(ctx, j.Args.Story); err != nil {
			return err
		}
		if _, err := q.pool.Exec(ctx, `SELECT pg_notify($1, $2)`, briefedChannel, strconv.FormatInt(j.Args.Story, 10)); err != nil {
			q.opts.Logger.Warn("jobs: telling a brief is rewritten", "err", err)
		}
		return nil
	}))
	client, err := river.NewClient(riverpgxv5.New(q.pool), &river.Config{
		Queues: map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: q.opts.Workers},
			briefQueue:         {MaxWorkers: q.opts.BriefWorkers},
		},
		Workers:              workers,
		JobTimeout:           q.opts.JobTimeout,
		RescueStuckJobsAfter: q.opts.RescueAfter,
		// A waiting client sees its article within milliseconds of its
		// job being inserted: River is told of inserts by NOTIFY, and
		// fetches at most this often.
		FetchCooldown: 5 * time.Millisecond,
		// A finished Prepare job holds the article as posted, which the
		// store holds too: keep it only as long as a waiter may need it.
		CompletedJobRetentionPeriod: time.Minute,
		Logger:                      q.opts.Logger,
	})
	if err != nil {
		return fmt.Errorf("jobs: %w", err)
	}
	q.client = client
	if err := client.Start(context.Background()); err != nil {
		return fmt.Errorf("jobs: start: %w", err)
	}
	ctx, stop := context.WithCancel(context.Background())
	q.stop = stop
	go q.lead(ctx, h.Lead)
	go q.listen(ctx, h.Briefed)
	return nil
}

// Close stops leading, lets the running jobs finish (for up to 10 s,
// then cancels them: they run again elsewhere) and closes the database
// pool. It may be called more than once.
func (q *Queue) Close() {
	q.once.Do(func() {
		if q.client != nil {
			q.stop()
			<-q.stopped
			<-q.unheard
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := q.client.Stop(ctx); err != nil {
				q.client.StopAndCancel(context.Background())
			}
			cancel()
		}
		q.pool.Close()
	})
}

// Leading reports whether this process leads now.
func (q *Queue) Leading() bool { return q.leading.Load() }

// Prepare inserts a Prepare job and waits until some process has run it,
// or ctx ends. A job refused for its input is a Result with Code set, not
// an error.
func (q *Queue) Prepare(ctx context.Context, job Prepare) (Result, error) {
	// The insert runs without ctx's cancellation: the group may hold the
	// jobs of other posts.
	req := &insertReq{job: job}
	q.inserts.Do(ctx, req, takeInsert, q.insert)
	if req.err != nil {
		return Result{}, fmt.Errorf("jobs: insert: %w", req.err)
	}
	return q.wait(ctx, req.id)
}

// Bounds of one group insert: its jobs, and their articles' bytes (a
// group holds at least one job however large).
const (
	maxInsert      = 128
	maxInsertBytes = 8 << 20
)

// insertReq is one Prepare job queued in Queue.inserts, which groups the
// jobs of the posts that come together into one insert, as the server's
// group commits do for articles (up to maxInsert jobs and
// maxInsertBytes). A River insert costs a transaction, an INSERT and a
// NOTIFY however many jobs it holds, and each NOTIFY of an insert sets
// the workers fetching: a group pays them once. Once inserted it holds
// the job's id or the error.
type insertReq struct {
	job Prepare
	id  int64
	err error
}

// takeInsert bounds a group to maxInsert jobs and, past its first job,
// maxInsertBytes.
func takeInsert(queued []*insertReq) int {
	n, size := 0, 0
	for n < len(queued) && n < maxInsert && (n == 0 || size+len(queued[n].job.Raw) <= maxInsertBytes) {
		size += len(queued[n].job.Raw)
		n++
	}
	return n
}

// insert inserts a group's jobs in one River insert and records each
// job's id or the error.
func (q *Queue) insert(ctx context.Context, group []*insertReq) {
	params := make([]river.InsertManyParams, len(group))
	for i, r := range group {
		params[i] = river.InsertManyParams{Args: r.job}
	}
	res, err := q.client.InsertMany(ctx, params)
	if err == nil && len(res) != len(group) {
		err = fmt.Errorf("%d jobs inserted of %d", len(res), len(group))
	}
	for i, r := range group {
		if r.err = err; err == nil {
			r.id = res[i].Job.ID
		}
	}
}

// Enqueue inserts Prepare jobs without waiting for them, one per URL:
// a job whose URL has a job not yet done, or done within the minute
// (River keeps finished jobs that long), is not inserted again; a job
// without a URL always is. For feed items.
func (q *Queue) Enqueue(ctx context.Context, jobs []Prepare) error {
	if len(jobs) == 0 {
		return nil
	}
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: j}
		if j.URL != "" {
			params[i].InsertOpts = &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
		}
	}
	if _, err := q.client.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("jobs: insert: %w", err)
	}
	return nil
}

// PollFeeds inserts a Poll job for each feed, at most one per feed in
// each period of length every (UTC-aligned), however many processes ask.
func (q *Queue) PollFeeds(ctx context.Context, feeds []int64, every time.Duration) error {
	if len(feeds) == 0 {
		return nil
	}
	params := make([]river.InsertManyParams, len(feeds))
	for i, f := range feeds {
		params[i] = river.InsertManyParams{Args: Poll{Feed: f}, InsertOpts: &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: every}}}
	}
	if _, err := q.client.InsertMany(ctx, params); err != nil {
		return fmt.Errorf("jobs: insert: %w", err)
	}
	return nil
}

// maxTold bounds the result told with a job's end: a NOTIFY's payload
// is under 8,000 bytes. A longer one (a refusal's long message) is read
// from the job.
const maxTold = 7000

// briefQueue is the River queue of the Brief jobs.
const briefQueue = "tidings_brief"

// briefStates are the states in which a story's Brief job keeps another
// from being inserted.
var briefStates = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateScheduled}

// Briefs inserts a Brief job for each story, unless one is waiting to
// run already: that one will read the story as it is now. It returns the
// stories whose job is running, which may have read the story before its
// latest change: ask again for those later.
func (q *Queue) Briefs(ctx context.Context, stories []int64) (running []int64, err error) {
	if len(stories) == 0 {
		return nil, nil
	}
	params := make([]river.InsertManyParams, len(stories))
	for i, s := range stories {
		params[i] = river.InsertManyParams{Args: Brief{Story: s}, InsertOpts: &river.InsertOpts{Queue: briefQueue,
			UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: briefStates}}}
	}
	res, err := q.client.InsertMany(ctx, params)
	if err != nil {
		return stories, fmt.Errorf("jobs: insert: %w", err)
	}
	for i, r := range res {
		if r.UniqueSkippedAsDuplicate && r.Job.State == rivertype.JobStateRunning {
			running = append(running, stories[i])
		}
	}
	return running, nil
}

// unfinished are the states of a job that has still to run, or to finish.
var unfinished = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateScheduled, rivertype.JobStateRetryable}

// Unfinished counts the jobs not yet done (waiting, running, or to be
// tried again), up to limit.
func (q *Queue) Unfinished(ctx context.Context, limit int) (int, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().States(unfinished...).First(max(limit, 1)))
	if err != nil {
		return 0, fmt.Errorf("jobs: list: %w", err)
	}
	return len(res.Jobs), nil
}

// BriefsUnfinished counts the Brief jobs not yet done, up to limit.
func (q *Queue) BriefsUnfinished(ctx context.Context, limit int) (int, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().Queues(briefQueue).States(unfinished...).First(max(limit, 1)))
	if err != nil {
		return 0, fmt.Errorf("jobs: list: %w", err)
	}
	return len(res.Jobs), nil
}

// wait waits until job id has its result: it takes the result told
// with the job's end (or kept from before the wait began: waiters.early),
// or reads the job when told without a result, and every 100 ms.
func (q *Queue) wait(ctx context.Context, id int64) (Result, error) {
	done, forget := q.waiting.job(id)
	defer forget()
	read := false // read the job at once
	for {
		if !read {
			t := time.NewTimer(fallback)
			select {
			case <-ctx.Done():
				t.Stop()
				return Result{}, ctx.Err()
			case out := <-done:
				t.Stop()
				var r Result
				if out != "" && json.Unmarshal([]byte(out), &r) == nil {
					return r, nil
				}
				done, read = nil, true // told without a result: read it
			case <-t.C:
			}
		}
		read = false
		row, err := q.client.JobGet(ctx, id)
		if err != nil {
			return Result{}, fmt.Errorf("jobs: job %d: %w", id, err)
		}
		if out := row.Output(); out != nil {
			// The work is done; the job's completion may come later.
			var r Result
			if err := json.Unmarshal(out, &r); err != nil {
				return Result{}, fmt.Errorf("jobs: job %d output: %w", id, err)
			}
			return r, nil
		}
		switch row.State {
		case rivertype.JobStateCompleted:
			return Result{}, fmt.Errorf("jobs: job %d completed without a result", id)
		case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
			msg := string(row.State)
			if n := len(row.Errors); n > 0 {
				msg = row.Errors[n-1].Error
			}
			return Result{}, fmt.Errorf("jobs: job %d failed: %s", id, msg)
		}
	}
}
