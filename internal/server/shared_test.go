package server

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tidings"
	"tidings/internal/jobs"
	"tidings/internal/pgtest"
	"tidings/store"
)

// helperEnv names the database a helper server process serves; see
// TestSharedHelper.
const helperEnv = "TIDINGS_SHARED_HELPER"

// soloEnv, set beside helperEnv, makes the helper a server without the
// queue, placing in its requests as a SQLite server does: the baseline.
const soloEnv = "TIDINGS_SHARED_SOLO"

// TestSharedHelper is not a test: TestSharedKill runs the test binary
// again with only this function and helperEnv set, as one server process
// of a shared PostgreSQL database, and kills it with SIGKILL. It prints
// "serving on http://ADDR" and, when it comes to lead, the queue's
// "leading" line, on standard error.
func TestSharedHelper(t *testing.T) {
	url := os.Getenv(helperEnv)
	if url == "" {
		t.Skip("a server process of TestSharedKill, run by it")
	}
	ctx := context.Background()
	var s *Server
	var prof *os.File
	if path := os.Getenv("TIDINGS_SHARED_PROFILE"); path != "" {
		// A CPU profile of each server process, written on SIGTERM.
		f, err := os.Create(fmt.Sprintf("%s.%d", path, os.Getpid()))
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		prof = f
		// And where its goroutines wait: blocking of 100 µs or more, and
		// one contended lock in 10, written beside it on SIGTERM.
		runtime.SetBlockProfileRate(int(100 * time.Microsecond))
		runtime.SetMutexProfileFraction(10)
	}
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	go func() {
		// On SIGTERM: the leader's figures, and the profile.
		<-term
		if s != nil {
			fmt.Fprintf(os.Stderr, "leader placed %d articles busy %d ns\n", s.leadStats.articles.Load(), s.leadStats.busy.Load())
		}
		if prof != nil {
			pprof.StopCPUProfile()
			prof.Close()
			for _, name := range []string{"block", "mutex"} {
				if f, err := os.Create(prof.Name() + "." + name); err == nil {
					pprof.Lookup(name).WriteTo(f, 0)
					f.Close()
				}
			}
		}
		os.Exit(0)
	}()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	var q *jobs.Queue
	if os.Getenv(soloEnv) == "" {
		// TIDINGS_FIREHOSE_WORKERS: the Prepare jobs a server runs at
		// once (2 unless set; TestFirehose passes it on).
		workers, _ := strconv.Atoi(os.Getenv("TIDINGS_FIREHOSE_WORKERS"))
		if workers <= 0 || workers > 64 {
			workers = 2
		}
		q, err = jobs.Open(ctx, url, jobs.Options{Workers: workers, JobTimeout: 3 * time.Second, RescueAfter: 4 * time.Second,
			Tick: 200 * time.Millisecond, Logger: logger})
		if err != nil {
			t.Fatal(err)
		}
	} else {
		fmt.Fprintln(os.Stderr, "jobs: leading (a server of its own, without the queue)")
	}
	s, err = New(ctx, st, Options{Token: token, Queue: q, ReadRate: -1, WriteRate: -1, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	s.ackWait = 5 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "serving on http://%s\n", ln.Addr())
	go s.Run(ctx)
	t.Fatal(http.Serve(ln, s.Handler())) // until killed
}

// sharedAck is an article TestSharedKill got a 2xx answer for.
type sharedAck struct {
	id   int64
	text string
}

// startHelper runs one server process on the database at url and returns
// it, its base URL, and a channel closed when it says it leads.
func startHelper(t *testing.T, url string, env ...string) (*exec.Cmd, string, <-chan time.Time) {
	cmd, base, leads, _ := startHelperStats(t, url, env...)
	return cmd, base, leads
}

// startHelperStats is startHelper that also returns a channel that gets
// the helper's "leader placed N articles busy NS" line, sent on SIGTERM.
func startHelperStats(t *testing.T, url string, env ...string) (*exec.Cmd, string, <-chan time.Time, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSharedHelper$", "-test.v")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+url), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	base := make(chan string, 1)
	leads := make(chan time.Time, 1)
	stats := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if os.Getenv("TIDINGS_SHARED_ECHO") != "" {
				fmt.Println(line)
			}
			if _, rest, ok := strings.Cut(line, "serving on "); ok {
				base <- strings.Fields(rest)[0]
			}
			if strings.Contains(line, "jobs: leading") {
				leads <- time.Now()
			}
			if strings.HasPrefix(line, "leader placed ") {
				stats <- line
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case b := <-base:
		return cmd, b, leads, stats
	case <-time.After(20 * time.Second):
		t.Fatal("a server process did not start in 20 s")
		return nil, "", nil, nil
	}
}

// TestSharedKill runs two server processes on one PostgreSQL database,
// posts articles to both from four clients, kills the leader with
// SIGKILL in the middle, and checks that the other takes over and
// finishes everything: every acknowledged article is stored once and
// placed, the stories are those one server would make of the same
// articles, no job is left unfinished, and every brief counts its
// story's articles.
func TestSharedKill(t *testing.T) {
	if os.Getenv(helperEnv) != "" {
		t.Skip("in a helper process")
	}
	if testing.Short() {
		t.Skip("runs two server processes")
	}
	url := pgtest.Fresh(t, "tidings_shared")
	if url == "" {
		t.Skip("TIDINGS_TEST_POSTGRES is not set (.ci/postgres.sh starts a PostgreSQL): sharing needs one")
	}
	began := time.Now()
	cmdA, baseA, leadsA := startHelper(t, url)
	cmdB, baseB, leadsB := startHelper(t, url)
	procs := []*exec.Cmd{cmdA, cmdB}
	bases := []string{baseA, baseB}
	var leader int
	select {
	case <-leadsA:
		leader = 0
	case <-leadsB:
		leader = 1
	case <-time.After(20 * time.Second):
		t.Fatal("no server leads after 20 s")
	}
	survivorLeads := []<-chan time.Time{leadsA, leadsB}[1-leader]

	const want = 160
	var (
		mu       sync.Mutex
		acked    []sharedAck
		lat      []time.Duration
		killedAt time.Time
		dead     = make(chan struct{})
		once     sync.Once
		wg       sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second}
	stop := time.Now().Add(30 * time.Second)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 19))
			for i := 0; time.Now().Before(stop); i++ {
				mu.Lock()
				n := len(acked)
				mu.Unlock()
				if n >= want {
					return
				}
				text := syntheticArticle(r, i)
				body, _ := json.Marshal(map[string]string{"outlet": fmt.Sprint("Outlet ", w), "text": text})
				// Each post goes to a server in turn; a post that gets no
				// 2xx is sent again, to the other server (posting again
				// is safe), until it is acknowledged.
				for try := i; time.Now().Before(stop); try++ {
					to := (w + try) % 2
					t0 := time.Now()
					req, _ := http.NewRequest("POST", bases[to]+"/api/articles", strings.NewReader(string(body)))
					req.Header.Set("Authorization", "Bearer "+token)
					req.Header.Set("Content-Type", "application/json")
					resp, err := client.Do(req)
					if err != nil {
						continue
					}
					var p posted
					json.NewDecoder(resp.Body).Decode(&p)
					resp.Body.Close()
					if resp.StatusCode/100 != 2 {
						continue
					}
					mu.Lock()
					acked = append(acked, sharedAck{p.ID, text})
					lat = append(lat, time.Since(t0))
					n := len(acked)
					mu.Unlock()
					if n == want/4 {
						once.Do(func() {
							procs[leader].Process.Signal(syscall.SIGKILL)
							mu.Lock()
							killedAt = time.Now()
							mu.Unlock()
							close(dead)
						})
					}
					break
				}
			}
		}()
	}
	var tookOver time.Time
	select {
	case <-dead:
		select {
		case tookOver = <-survivorLeads:
		case <-time.After(20 * time.Second):
			t.Fatal("the other server did not lead within 20 s of the kill")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("too few posts acknowledged to kill in the middle")
	}
	wg.Wait()
	posting := time.Since(began)
	if len(acked) < want {
		t.Fatalf("%d posts acknowledged in 30 s, want %d", len(acked), want)
	}
	slices.Sort(lat)
	t.Logf("%d posts acknowledged through 2 servers (one killed after %d): p50 %v, p99 %v; the other led %v after the kill",
		len(acked), want/4, lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond),
		tookOver.Sub(killedAt).Round(time.Millisecond))

	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Every job finishes, those the killed server was running included
	// (River runs them again after RescueAfter; it looks every 30 s).
	drained := waitFor(t, 45*time.Second, func() bool { return settledDB(db, true) })
	t.Logf("every job finished and every brief current %v after the kill (%v after the posts)", time.Since(killedAt).Round(time.Millisecond), drained.Round(time.Millisecond))
	var unplaced int
	db.QueryRow(`SELECT COUNT(*) FROM articles WHERE story = 0`).Scan(&unplaced)
	if unplaced != 0 {
		t.Errorf("%d stored articles are not placed", unplaced)
	}

	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkShared(t, st, acked)
	t.Logf("whole test %v (posting %v)", time.Since(began).Round(time.Millisecond), posting.Round(time.Millisecond))
}

// checkShared checks the store after TestSharedKill: each acknowledged
// article is stored once, with its text; the stories are those a single
// grouper makes of the stored articles in id order; and each story's
// brief counts its articles.
func checkShared(t *testing.T, st store.Store, acked []sharedAck) {
	t.Helper()
	ctx := context.Background()
	all := storedArticles(t, st)
	byID := map[int64]store.Article{}
	for _, a := range all {
		byID[a.ID] = a
	}
	texts := map[string]int{}
	for _, a := range acked {
		got, ok := byID[a.id]
		switch {
		case !ok:
			t.Errorf("acknowledged article %d is not stored", a.id)
		case got.Story == 0:
			t.Errorf("acknowledged article %d is not placed", a.id)
		case strings.TrimSpace(got.Text) != strings.TrimSpace(a.text):
			t.Errorf("acknowledged article %d holds another text", a.id)
		}
		texts[a.text]++
	}
	stored := map[string]int{}
	for _, a := range all {
		stored[strings.TrimSpace(a.Text)]++
	}
	for text := range texts {
		if n := stored[strings.TrimSpace(text)]; n != 1 {
			t.Errorf("an acknowledged text is stored %d times, want once", n)
		}
	}

	// One grouper over the same articles, in id order, as one server
	// would place them.
	g := tidings.NewGrouper(tidings.StoryOptions{})
	group := map[int64]int{}
	ids := make([]int64, len(all))
	for i, a := range all {
		na := segmented(a)
		_, grp, moved := g.Add(&na)
		group[a.ID] = grp
		for _, m := range moved {
			group[all[m.Article].ID] = m.Story
		}
		ids[i] = a.ID
	}
	// The two partitions must match: the same articles together.
	storyOf := map[int]int64{}
	groupOf := map[int64]int{}
	for _, id := range ids {
		s, grp := byID[id].Story, group[id]
		if want, ok := storyOf[grp]; ok && want != s {
			t.Errorf("article %d is in story %d, but one server puts it with the articles of story %d", id, s, want)
		}
		if want, ok := groupOf[s]; ok && want != grp {
			t.Errorf("story %d holds articles that one server puts in two stories (%d and %d)", s, want, grp)
		}
		storyOf[grp], groupOf[s] = s, grp
	}
	count := map[int64]int{}
	for _, a := range all {
		count[a.Story]++
	}
	for s, n := range count {
		rec, err := st.Story(ctx, s)
		if err != nil {
			t.Errorf("story %d: %v", s, err)
			continue
		}
		if rec.Articles != n {
			t.Errorf("story %d's brief counts %d articles, it has %d", s, rec.Articles, n)
		}
	}
	if !t.Failed() {
		t.Logf("%d articles stored (%d acknowledged) in %d stories, as one server places them; every brief current", len(all), len(acked), len(count))
	}
}

// settledDB reports whether the database has no unfinished job (when
// queue: River's jobs are there) and no story whose brief counts another
// number of articles than it holds (the leader gathers changed stories
// for a second before it queues their briefs, so no job alone is not
// enough).
func settledDB(db *sql.DB, queue bool) bool {
	var jobs, stale int
	if queue {
		db.QueryRow(`SELECT COUNT(*) FROM river_job WHERE state IN ('available', 'pending', 'running', 'scheduled', 'retryable')`).Scan(&jobs)
	}
	err := db.QueryRow(`SELECT COUNT(*) FROM stories s LEFT JOIN (SELECT story, COUNT(*) AS n FROM articles WHERE story <> 0 GROUP BY story) a
		ON a.story = s.id WHERE s.articles <> COALESCE(a.n, 0)`).Scan(&stale)
	return err == nil && jobs == 0 && stale == 0
}

// waitFor polls ok every 100 ms until it holds, failing the test after
// limit; it returns how long it waited.
func waitFor(t *testing.T, limit time.Duration, ok func() bool) time.Duration {
	t.Helper()
	began := time.Now()
	for !ok() {
		if time.Since(began) > limit {
			t.Fatalf("not done after %v", limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return time.Since(began)
}
