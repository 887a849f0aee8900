package server

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tidings/internal/pgtest"
	"tidings/store"
)

// TestFirehose feeds TIDINGS_FIREHOSE synthetic articles (skipped when
// unset) from 8 clients (TIDINGS_FIREHOSE_CLIENTS) into one server
// process on SQLite ("sqlite"), one on PostgreSQL without the queue
// ("solo"), then 1, 2 and 3 server processes sharing one PostgreSQL
// database (TIDINGS_FIREHOSE_SERVERS, say "sqlite,solo,1", to choose),
// each on a fresh database, and reports acknowledged articles a second,
// p50 and p99 of the acknowledgement, the lag from the last
// acknowledgement until every brief is current, and the CPU seconds of
// the leader and of the others. TIDINGS_FIREHOSE_READERS clients (0 when
// unset) read GET /api/stories/{id} of the stories acknowledged so far
// all the while, and their rate and p50 and p99 are reported too, then
// read for readAlone more once every brief is current, alone, to report
// the servers' CPU a read (TIDINGS_FIREHOSE_READ: "gzip", Go's client's
// default; "plain"; or "revalidate", with If-None-Match; see
// startReaders);
// TIDINGS_FIREHOSE_WORKERS sets each shared server's Prepare workers (2
// unless set). With TIDINGS_FIREHOSE_KILL=1, a run of 2 or more shared
// servers kills the leader with SIGKILL once half the articles are
// acknowledged, and the clients post again to the other servers what
// the dead one did not answer, and what a live one answered 503 (its
// job was held by the dead one: posting again is safe). It checks what TestSharedKill checks:
// every acknowledged article stored once and placed, the stories those
// of one grouper. Bounded: 120 s of posting at most per run. Loopback
// only:
//
//	TIDINGS_FIREHOSE=1000 go test -run TestFirehose -v ./internal/server
func TestFirehose(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TIDINGS_FIREHOSE"))
	if n <= 0 || os.Getenv(helperEnv) != "" {
		t.Skip("set TIDINGS_FIREHOSE=N to feed N articles into shared servers")
	}
	counts := []int{sqliteRun, 0, 1, 2, 3}
	if v := os.Getenv("TIDINGS_FIREHOSE_SERVERS"); v != "" {
		counts = nil
		for f := range strings.SplitSeq(v, ",") {
			f = strings.TrimSpace(f)
			k, err := strconv.Atoi(f)
			switch f {
			case "solo":
				k, err = 0, nil
			case "sqlite":
				k, err = sqliteRun, nil
			}
			if err != nil || k < sqliteRun || k > 8 {
				t.Fatalf("TIDINGS_FIREHOSE_SERVERS=%q: want counts from 1 to 8, solo or sqlite, comma-separated", v)
			}
			counts = append(counts, k)
		}
	}
	for _, k := range counts {
		name := fmt.Sprint(k, "servers")
		switch k {
		case 0:
			name = "solo"
		case sqliteRun:
			name = "sqlite"
		}
		t.Run(name, func(t *testing.T) {
			if k != sqliteRun && os.Getenv("TIDINGS_TEST_POSTGRES") == "" {
				t.Skip("TIDINGS_TEST_POSTGRES is not set (.ci/postgres.sh starts a PostgreSQL): sharing needs one")
			}
			firehose(t, k, n)
		})
	}
}

// sqliteRun is the count of servers that stands for one server on a
// SQLite file.
const sqliteRun = -1

// firehose runs the firehose into servers shared servers, or into one
// server without the queue when servers is 0 (on SQLite when it is
// sqliteRun).
func firehose(t *testing.T, servers, n int) {
	var url string
	var env []string
	switch servers {
	case sqliteRun:
		url = filepath.Join(t.TempDir(), "firehose.db")
		servers, env = 1, []string{soloEnv + "=1"}
	case 0:
		url = pgtest.Fresh(t, "tidings_firehose")
		servers, env = 1, []string{soloEnv + "=1"}
	default:
		url = pgtest.Fresh(t, "tidings_firehose")
	}
	sqlite := !strings.HasPrefix(url, "postgres")
	var procs []*exec.Cmd
	var bases []string
	var leads []<-chan time.Time
	var stats []<-chan string
	for range servers {
		cmd, base, l, st := startHelperStats(t, url, env...)
		procs, bases, leads, stats = append(procs, cmd), append(bases, base), append(leads, l), append(stats, st)
	}
	leader := -1
	deadline := time.After(20 * time.Second)
	for leader < 0 {
		for i, l := range leads {
			select {
			case <-l:
				leader = i
			default:
			}
		}
		select {
		case <-deadline:
			t.Fatal("no server leads after 20 s")
		case <-time.After(10 * time.Millisecond):
		}
	}
	cpu0 := cpuTimes(t, procs)

	var (
		mu      sync.Mutex
		acked   []sharedAck
		lat     []time.Duration
		stories []int64 // the stories acknowledged so far
		seen    = map[int64]bool{}
		next    int
		wg      sync.WaitGroup
	)
	// The server killed (TIDINGS_FIREHOSE_KILL), once it is: -1 before.
	kill := os.Getenv("TIDINGS_FIREHOSE_KILL") == "1" && servers >= 2
	killed := -1
	again := 0 // posts made again after the kill
	var killedAt time.Duration
	var killCPU time.Duration
	// base returns the server for post or read i: i's turn, or the next
	// live one after a kill. The caller holds mu.
	base := func(i int) string {
		k := i % servers
		if k == killed {
			k = (k + 1) % servers
		}
		return bases[k]
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	stop := time.Now().Add(120 * time.Second)
	began := time.Now()
	clients := 8
	if c, err := strconv.Atoi(os.Getenv("TIDINGS_FIREHOSE_CLIENTS")); err == nil && c > 0 && c <= 256 {
		clients = c
	}
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1000))
			for time.Now().Before(stop) {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				text := syntheticArticle(r, i)
				body, _ := json.Marshal(map[string]string{"outlet": fmt.Sprint("Outlet ", w), "text": text})
				t0 := time.Now()
				var resp *http.Response
				var err error
				for try := 0; ; try++ {
					mu.Lock()
					if try > 0 {
						again++
					}
					b, dead := base(i+try), killed >= 0
					mu.Unlock()
					req, _ := http.NewRequest("POST", b+"/api/articles", strings.NewReader(string(body)))
					req.Header.Set("Authorization", "Bearer "+token)
					req.Header.Set("Content-Type", "application/json")
					resp, err = client.Do(req)
					if kill && err == nil && resp.StatusCode == http.StatusServiceUnavailable && try < 5 {
						// Its job was not done in time (the dead
						// server held it until the queue rescued it):
						// posting again is safe, the answer says.
						resp.Body.Close()
						continue
					}
					if err == nil || !kill || try >= servers+5 {
						break
					}
					if !dead {
						time.Sleep(10 * time.Millisecond) // the kill is under way
					}
					// The server died with the post: post it again
					// elsewhere (the same article is one article).
				}
				if err != nil {
					t.Errorf("post %d: %v", i, err)
					continue
				}
				var p posted
				json.NewDecoder(resp.Body).Decode(&p)
				resp.Body.Close()
				if resp.StatusCode/100 != 2 {
					t.Errorf("post %d: %d", i, resp.StatusCode)
					continue
				}
				mu.Lock()
				acked = append(acked, sharedAck{p.ID, text})
				lat = append(lat, time.Since(t0))
				if kill && killed < 0 && len(acked) >= n/2 {
					// Kill -9 of the leader in the middle of the posts.
					killCPU = cpuTimes(t, procs[leader:leader+1])[0]
					procs[leader].Process.Kill()
					killed, killedAt = leader, time.Since(began)
				}
				if p.Story != 0 && !seen[p.Story] {
					seen[p.Story] = true
					stories = append(stories, p.Story)
				}
				mu.Unlock()
			}
		}()
	}
	readers, _ := strconv.Atoi(os.Getenv("TIDINGS_FIREHOSE_READERS"))
	readers = min(max(readers, 0), 256)
	mode := cmp.Or(os.Getenv("TIDINGS_FIREHOSE_READ"), "gzip")
	// pick returns a story acknowledged so far and reader w's server, or
	// 0 when there is none yet.
	pick := func(w int, r *rand.Rand) (int64, string) {
		mu.Lock()
		defer mu.Unlock()
		if len(stories) == 0 {
			return 0, ""
		}
		return stories[r.IntN(len(stories))], base(w)
	}
	posting := make(chan struct{})
	var rwg sync.WaitGroup
	var reads []time.Duration
	var readErrs, notModified int
	var readTook time.Duration
	startReaders(readers, mode, 2000, pick, posting, &rwg, &mu, &reads, &readErrs, &notModified)
	wg.Wait()
	took := time.Since(began)
	close(posting)
	rwg.Wait()
	readTook = took // the readers start at the first story and end with the posts
	if len(acked) == 0 {
		t.Fatal("no post acknowledged")
	}

	driver, dsn := "pgx", url
	if sqlite {
		driver, dsn = "sqlite", "file:"+url+"?mode=ro&_pragma=busy_timeout(5000)"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lag := waitFor(t, 60*time.Second, func() bool { return settledDB(db, !sqlite) })
	cpu1 := cpuTimes(t, procs)
	if killed >= 0 {
		cpu1[killed] = killCPU // what it had used when it was killed
		t.Logf("the leader (server %d) killed with SIGKILL after %v, at %d acknowledged; %d posts made again (to the others, or after a 503)",
			killed, killedAt.Round(time.Millisecond), n/2, again)
	}
	slices.Sort(lat)
	var others time.Duration
	for i := range procs {
		if i != leader {
			others += cpu1[i] - cpu0[i]
		}
	}
	lead := cpu1[leader] - cpu0[leader]
	what := fmt.Sprint(servers, " servers")
	if sqlite {
		what = "SQLite, 1 server"
	} else if env != nil {
		what = "PostgreSQL, 1 server without the queue"
	}
	t.Logf("%s, %d clients: %d articles acknowledged in %v: %.0f/s, p50 %v, p99 %v; every brief current %v after the last; CPU: leader %.2f s, the others %.2f s in all",
		what, clients, len(acked), took.Round(time.Millisecond), float64(len(acked))/took.Seconds(),
		lat[len(lat)/2].Round(100*time.Microsecond), lat[len(lat)*99/100].Round(100*time.Microsecond), lag.Round(time.Millisecond),
		lead.Seconds(), others.Seconds())
	var peaks []string
	for i, kb := range peakRSS(procs) {
		if i != killed && kb > 0 {
			peaks = append(peaks, fmt.Sprintf("%.0f MB", float64(kb)/1024))
		}
	}
	t.Logf("peak resident memory of each server (VmHWM): %s", strings.Join(peaks, ", "))
	if readers > 0 {
		logReads(t, fmt.Sprintf("meanwhile %d readers (%s)", readers, mode), reads, readTook, readErrs, notModified, 0)
		// The readers alone, the briefs current: the server CPU a read
		// takes, which the load of the machine changes little.
		alone := make(chan struct{})
		var awg sync.WaitGroup
		var areads []time.Duration
		var aerrs, anm int
		c0 := cpuTimes(t, procs)
		t0 := time.Now()
		startReaders(readers, mode, 3000, pick, alone, &awg, &mu, &areads, &aerrs, &anm)
		time.Sleep(readAlone)
		close(alone)
		awg.Wait()
		aTook := time.Since(t0)
		var cpu time.Duration
		for i, c := range cpuTimes(t, procs) {
			if i != killed {
				cpu += c - c0[i]
			}
		}
		logReads(t, fmt.Sprintf("then %d readers (%s) alone", readers, mode), areads, aTook, aerrs, anm, cpu)
	}

	rows, err := db.Query(`SELECT kind, COUNT(*) FROM river_job GROUP BY kind ORDER BY kind`)
	if err == nil {
		var kinds []string
		for rows.Next() {
			var kind string
			var n int
			rows.Scan(&kind, &n)
			kinds = append(kinds, fmt.Sprint(kind, " ", n))
		}
		rows.Close()
		t.Logf("jobs kept (finished within the minute): %s", strings.Join(kinds, ", "))
	}
	for _, p := range procs {
		p.Process.Signal(syscall.SIGTERM) // writes the profile, when asked for
	}
	if sqlite {
		// The SQLite store is for one process: let the server's go.
		exited := make(chan struct{})
		go func() { procs[0].Wait(); close(exited) }()
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Fatal("the SQLite server did not exit 10 s after SIGTERM")
		}
	}
	if env == nil && killed < 0 {
		select {
		case line := <-stats[leader]:
			var placedN, busy int64
			fmt.Sscanf(line, "leader placed %d articles busy %d ns", &placedN, &busy)
			if placedN > 0 {
				per := time.Duration(busy / placedN)
				t.Logf("the leader placed %d articles after its first replay, busy %v: %v an article, so at most %.0f articles/s however many servers",
					placedN, time.Duration(busy).Round(time.Millisecond), per.Round(time.Microsecond), float64(time.Second)/float64(per))
			}
		case <-time.After(5 * time.Second):
			t.Log("the leader did not tell its figures")
		}
	}

	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkShared(t, st, acked)
}

// cpuTimes returns the user and system CPU time each process has used,
// from /proc (Linux); zero where it cannot be read.
func cpuTimes(t *testing.T, procs []*exec.Cmd) []time.Duration {
	t.Helper()
	out := make([]time.Duration, len(procs))
	for i, p := range procs {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.Process.Pid))
		if err != nil {
			continue
		}
		// Fields after the command's closing parenthesis: state is the
		// first, utime the 12th and stime the 13th, in clock ticks.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		k, _ := strconv.ParseInt(f[12], 10, 64)
		out[i] = time.Duration(u+k) * 10 * time.Millisecond // USER_HZ is 100 on Linux
	}
	return out
}

// peakRSS returns the peak resident set of each process in kB (VmHWM in
// /proc/PID/status, Linux); zero where it cannot be read.
func peakRSS(procs []*exec.Cmd) []int64 {
	out := make([]int64, len(procs))
	for i, p := range procs {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.Process.Pid))
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(b)) {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				out[i], _ = strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			}
		}
	}
	return out
}

// readAlone is how long the readers read after the posts, alone.
const readAlone = 3 * time.Second

// startReaders starts n readers of GET /api/stories/{id}, each reading
// stories that pick gives (seeded by seed) until stop is closed; then
// each adds its latencies, errors and 304 answers to *reads, *errs and
// *notModified under mu, and is done with wg. In mode "gzip" they read
// as Go's client does by default (Accept-Encoding: gzip, decoded on the
// way); "plain" asks for no encoding; "revalidate" is gzip with
// If-None-Match of the tag each reader last saw of the story, so a
// story unchanged since is answered 304 without a body.
func startReaders(n int, mode string, seed uint64, pick func(int, *rand.Rand) (int64, string), stop chan struct{},
	wg *sync.WaitGroup, mu *sync.Mutex, reads *[]time.Duration, errs, notModified *int) {
	tr := &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: mode == "plain"}
	client := &http.Client{Timeout: 30 * time.Second, Transport: tr}
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), seed))
			tags := map[int64]string{}
			var mine []time.Duration
			bad, nm := 0, 0
			for {
				select {
				case <-stop:
					mu.Lock()
					*reads, *errs, *notModified = append(*reads, mine...), *errs+bad, *notModified+nm
					mu.Unlock()
					return
				default:
				}
				id, b := pick(w, r)
				if id == 0 {
					time.Sleep(time.Millisecond)
					continue
				}
				req, _ := http.NewRequest("GET", fmt.Sprint(b, "/api/stories/", id), nil)
				if tag := tags[id]; mode == "revalidate" && tag != "" {
					req.Header.Set("If-None-Match", tag)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					bad++
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch {
				case err == nil && resp.StatusCode == http.StatusNotModified && req.Header.Get("If-None-Match") != "":
					nm++
				case err != nil || resp.StatusCode != http.StatusOK:
					bad++
					continue
				}
				if mode == "revalidate" {
					tags[id] = resp.Header.Get("ETag")
				}
				mine = append(mine, time.Since(t0))
			}
		}()
	}
}

// logReads logs what readers did: reads a second, p50 and p99, errors,
// 304 answers and, when cpu is not 0, the servers' CPU a read.
func logReads(t *testing.T, who string, reads []time.Duration, took time.Duration, errs, notModified int, cpu time.Duration) {
	t.Helper()
	slices.Sort(reads)
	if len(reads) == 0 {
		t.Errorf("%s: no read answered (%d errors)", who, errs)
		return
	}
	per := ""
	if cpu > 0 {
		per = fmt.Sprintf("; server CPU %.2f s, %.1f µs a read", cpu.Seconds(), float64(cpu.Microseconds())/float64(len(reads)))
	}
	t.Logf("%s: GET /api/stories/{id} %.0f/s, p50 %v, p99 %v, %d errors, %d answered 304%s",
		who, float64(len(reads))/took.Seconds(), reads[len(reads)/2].Round(10*time.Microsecond),
		reads[len(reads)*99/100].Round(10*time.Microsecond), errs, notModified, per)
}
