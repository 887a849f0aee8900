package jobs_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tidings/internal/jobs"
	"tidings/internal/pgtest"
)

// open opens a queue on a fresh database, or skips without PostgreSQL.
func openQueue(t *testing.T, url string) *jobs.Queue {
	t.Helper()
	q, err := jobs.Open(context.Background(), url, jobs.Options{Tick: 100 * time.Millisecond, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func freshURL(t *testing.T) string {
	t.Helper()
	url := pgtest.Fresh(t, "jobs")
	if url == "" {
		t.Skip("TIDINGS_TEST_POSTGRES is not set (.ci/postgres.sh starts a PostgreSQL): the job queue needs one")
	}
	return url
}

// idle are handlers that do nothing; tests replace what they watch.
func idle() jobs.Handlers {
	return jobs.Handlers{
		Prepare: func(context.Context, jobs.Prepare) (jobs.Result, error) { return jobs.Result{}, nil },
		Poll:    func(context.Context, int64) error { return nil },
		Brief:   func(context.Context, int64) error { return nil },
		Lead:    func(ctx context.Context, _ <-chan struct{}) { <-ctx.Done() },
	}
}

// TestLeaderFailover runs two queues on one database, ends the leader's
// database session from outside (as PostgreSQL does when the leader's
// process dies), and checks that the other takes over, that the old one
// stops leading, and that the two never lead at once.
func TestLeaderFailover(t *testing.T) {
	url := freshURL(t)
	var leaders atomic.Int32
	var overlap atomic.Bool
	led := make(chan int, 8)
	start := func(n int) *jobs.Queue {
		q := openQueue(t, url)
		h := idle()
		h.Lead = func(ctx context.Context, _ <-chan struct{}) {
			if leaders.Add(1) > 1 {
				overlap.Store(true)
			}
			led <- n
			<-ctx.Done()
			leaders.Add(-1)
		}
		if err := q.Start(h); err != nil {
			t.Fatal(err)
		}
		return q
	}
	qs := []*jobs.Queue{start(0), start(1)}
	first := waitLead(t, led)
	if !qs[first].Leading() || qs[1-first].Leading() {
		t.Fatalf("queue %d leads, but Leading says %v, %v", first, qs[0].Leading(), qs[1].Leading())
	}

	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	began := time.Now()
	// Of this database only: another test's servers may lead another
	// database of the same PostgreSQL at the same time.
	res, err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = 74696468 AND granted
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("ended %d sessions holding the leader lock, want 1", n)
	}
	next := waitLead(t, led)
	took := time.Since(began)
	if next == first {
		// The old leader may win the lock again after noticing: then it
		// must have stopped leading in between, which overlap checks.
		t.Logf("queue %d took the lead again", next)
	}
	if overlap.Load() {
		t.Error("two queues led at once")
	}
	t.Logf("leadership moved in %v (the session was ended; the tick is 100 ms, a new leader waits 3 ticks)", took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("leadership took %v to move, want under 5 s", took)
	}
}

func waitLead(t *testing.T, led <-chan int) int {
	t.Helper()
	select {
	case n := <-led:
		return n
	case <-time.After(10 * time.Second):
		t.Fatal("no queue leads after 10 s")
		return -1
	}
}

// TestPrepareAnswers checks that Prepare returns the result the handler
// recorded, whichever queue ran it, including a refusal, and one too
// long to be told with the job's end (read from the job).
func TestPrepareAnswers(t *testing.T) {
	url := freshURL(t)
	q := openQueue(t, url)
	h := idle()
	h.Prepare = func(_ context.Context, j jobs.Prepare) (jobs.Result, error) {
		if j.Title == "long" {
			return jobs.Result{Code: 502, Error: strings.Repeat("a long refusal ", 700)}, nil
		}
		if j.Raw == "" {
			return jobs.Result{Code: 422, Error: "no article text"}, nil
		}
		return jobs.Result{ID: int64(len(j.Raw)), Created: true}, nil
	}
	if err := q.Start(h); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		job  jobs.Prepare
		want jobs.Result
	}{
		{"stored", jobs.Prepare{Raw: "seven b"}, jobs.Result{ID: 7, Created: true}},
		{"refused", jobs.Prepare{Title: "empty"}, jobs.Result{Code: 422, Error: "no article text"}},
		{"refused at length", jobs.Prepare{Title: "long"}, jobs.Result{Code: 502, Error: strings.Repeat("a long refusal ", 700)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			began := time.Now()
			got, err := q.Prepare(ctx, tc.job)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Prepare(%+v) = %+v, want %+v", tc.job, got, tc.want)
			}
			t.Logf("answered in %v", time.Since(began).Round(time.Microsecond))
		})
	}
}

// TestPrepareTogether posts many Prepare jobs at once, so that they are
// inserted in groups, and checks that each post gets its own job's
// result and that each job is inserted once.
func TestPrepareTogether(t *testing.T) {
	url := freshURL(t)
	q := openQueue(t, url)
	h := idle()
	h.Prepare = func(_ context.Context, j jobs.Prepare) (jobs.Result, error) {
		return jobs.Result{ID: int64(len(j.Raw)), Created: true}, nil
	}
	if err := q.Start(h); err != nil {
		t.Fatal(err)
	}
	const posts = 300 // over maxInsert, so that groups are cut
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	for i := 1; i <= posts; i++ {
		wg.Go(func() {
			got, err := q.Prepare(ctx, jobs.Prepare{Raw: strings.Repeat("x", i)})
			if err != nil {
				t.Error(err)
				return
			}
			if got.ID != int64(i) {
				t.Errorf("post %d answered with the result of job %d", i, got.ID)
			}
		})
	}
	wg.Wait()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, distinct int
	if err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT args->>'raw') FROM river_job WHERE kind = 'tidings_prepare'`).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != posts || distinct != posts {
		t.Errorf("%d jobs inserted (%d distinct), want %d", n, distinct, posts)
	}
}

// TestBriefsCoalesce checks that a story asked for while its brief job
// waits gets no second job, and that one asked for while its job runs
// is reported back, to be asked for again.
func TestBriefsCoalesce(t *testing.T) {
	url := freshURL(t)
	q := openQueue(t, url)
	h := idle()
	var mu sync.Mutex
	var ran []int64
	running := make(chan struct{})
	release := make(chan struct{})
	h.Brief = func(_ context.Context, story int64) error {
		if story == 1 {
			close(running)
			<-release
		}
		mu.Lock()
		ran = append(ran, story)
		mu.Unlock()
		return nil
	}
	if err := q.Start(h); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := q.Briefs(ctx, []int64{1}); err != nil {
		t.Fatal(err)
	}
	<-running
	busy, err := q.Briefs(ctx, []int64{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(busy, []int64{1}) {
		t.Errorf("Briefs while story 1's job runs = %v, want [1]", busy)
	}
	close(release)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if n, err := q.Unfinished(ctx, 10); err == nil && n == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(ran)
	if !slices.Equal(ran, []int64{1, 2}) {
		t.Errorf("briefs run = %v, want [1 2]", ran)
	}
}

// TestBriefedTold runs two queues on one database, asks for the briefs
// of two stories, and checks that each queue's Briefed hears of both
// once their jobs ran (on whichever queue), after the 0 that says its
// listener began, and that BriefsUnfinished counts the jobs until then.
func TestBriefedTold(t *testing.T) {
	url := freshURL(t)
	ctx := context.Background()
	release := make(chan struct{})
	type told struct {
		queue int
		story int64
	}
	heard := make(chan told, 16)
	var qs []*jobs.Queue
	for n := range 2 {
		q := openQueue(t, url)
		h := idle()
		h.Brief = func(ctx context.Context, _ int64) error {
			select {
			case <-release:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		h.Briefed = func(story int64) { heard <- told{n, story} }
		if err := q.Start(h); err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	got := map[told]bool{}
	deadline := time.After(10 * time.Second)
	for len(got) < 2 { // each listener's 0
		select {
		case h := <-heard:
			got[h] = true
		case <-deadline:
			t.Fatalf("listeners began: heard %v, want a 0 from each queue", got)
		}
	}
	if _, err := qs[0].Briefs(ctx, []int64{7, 8}); err != nil {
		t.Fatal(err)
	}
	if n, err := qs[1].BriefsUnfinished(ctx, 10); err != nil || n != 2 {
		t.Errorf("BriefsUnfinished while the jobs wait = %d, %v; want 2", n, err)
	}
	close(release)
	for len(got) < 6 {
		select {
		case h := <-heard:
			got[h] = true
		case <-deadline:
			t.Fatalf("after the briefs: heard %v, want stories 7 and 8 on both queues", got)
		}
	}
	for _, want := range []told{{0, 7}, {0, 8}, {1, 7}, {1, 8}} {
		if !got[want] {
			t.Errorf("queue %d did not hear of story %d: heard %v", want.queue, want.story, got)
		}
	}
	// River marks the jobs completed a little after they return.
	for {
		n, err := qs[0].BriefsUnfinished(ctx, 10)
		if err == nil && n == 0 {
			break
		}
		select {
		case <-deadline:
			t.Fatalf("BriefsUnfinished after the jobs = %d, %v; want 0", n, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
