package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings"
	"tidings/internal/cputime"
	"tidings/internal/snap"
	"tidings/internal/synth"
	"tidings/internal/vec"
	"tidings/news"
	"tidings/store"
)

var (
	restartArticles = flag.String("restart.articles", "", "TestRestartScale: the store sizes to measure, comma-separated (200000,1000000 for the figures in docs/experiments.md); none skips it")
	restartDays     = flag.Float64("restart.days", 350, "TestRestartScale: days the largest store's articles span (350 days of 1,000,000 put 20,000 in the 7-day window); a smaller store holds the first articles of the same stream")
	restartDir      = flag.String("restart.dir", "", "TestRestartScale: the directory of the SQLite stores (restart-<n>.db), each built when missing and reused when there (default: a temporary one)")
	restartRuns     = flag.Int("restart.runs", 3, "TestRestartScale: restarts measured on each store; their median is the figure")
)

// memStore is the store of the build phase of TestRestartScale: the
// placer's writes, in memory, for one bulk import into SQLite after.
type memStore struct {
	store.Store // the methods the placer does not call: nil
	arts        []store.Article
	stories     []store.Story
	bySeq       map[int64]int64
	state       []byte
}

func (m *memStore) Lock(context.Context) (func(), error) { return func() {}, nil }

func (m *memStore) Articles(_ context.Context, after int64, _ int) ([]store.Article, error) {
	if after < int64(len(m.arts)) {
		return nil, fmt.Errorf("memStore: replay after %d of %d", after, len(m.arts))
	}
	return nil, nil
}

func (m *memStore) AddArticle(_ context.Context, a *store.Article) (bool, error) {
	a.ID, a.Added = int64(len(m.arts))+1, time.Now().UTC()
	m.arts = append(m.arts, *a)
	return true, nil
}

func (m *memStore) AddArticles(ctx context.Context, arts []*store.Article) ([]bool, error) {
	created := make([]bool, len(arts))
	for i, a := range arts {
		created[i], _ = m.AddArticle(ctx, a)
	}
	return created, nil
}

func (m *memStore) PlaceArticles(ctx context.Context, places []store.Placement) error {
	for _, p := range places {
		m.PlaceArticle(ctx, p.Article, p.Story, p.CopyOf)
	}
	return nil
}

func (m *memStore) PlaceArticle(_ context.Context, id, story, copyOf int64) error {
	m.arts[id-1].Story, m.arts[id-1].CopyOf = story, copyOf
	return nil
}

func (m *memStore) StoryBySeq(_ context.Context, seq int64) (int64, error) {
	if id, ok := m.bySeq[seq]; ok {
		return id, nil
	}
	return 0, store.ErrNotFound
}

func (m *memStore) PutStory(_ context.Context, s *store.Story) error {
	s.ID, s.Updated = int64(len(m.stories))+1, time.Now().UTC()
	m.stories = append(m.stories, *s)
	m.bySeq[s.Seq] = s.ID
	return nil
}

func (m *memStore) PutState(_ context.Context, _ string, data []byte) error {
	m.state = data
	return nil
}

// prepare returns synthetic article a as the server stores it, and
// prepared.
func prepare(a synth.Article) (store.Article, news.Article, error) {
	in := store.Article{URL: a.URL, Key: a.URL, Outlet: a.Outlet, Title: a.Title, Published: a.Date, Raw: a.Raw}
	na := toNews(in)
	if _, err := new(tidings.Pipeline).Prepare(&na); err != nil {
		return in, na, fmt.Errorf("article %s: %w", a.ID, err)
	}
	in.Text = na.Text
	return in, na, nil
}

// prepared is prepare, failing t on an error.
func prepared(t testing.TB, a synth.Article) (store.Article, news.Article) {
	t.Helper()
	sa, na, err := prepare(a)
	if err != nil {
		t.Fatal(err)
	}
	return sa, na
}

// streamed is an article of the stream, with its stored and prepared
// forms when the build places it.
type streamed struct {
	a   synth.Article
	sa  store.Article
	na  news.Article
	err error
	ok  bool // sa and na are set
}

// prepareStream yields the first n articles of the stream opts makes, in
// order, in batches; it prepares the first build of them on every core,
// the next batch while the caller places one. It stops when done is
// closed.
func prepareStream(opts synth.Options, n, build int, done <-chan struct{}) <-chan []streamed {
	const batchSize = 1024
	out := make(chan []streamed, 2)
	workers := runtime.GOMAXPROCS(0)
	go func() {
		defer close(out)
		batch := make([]streamed, 0, batchSize)
		flush := func() bool {
			var wg sync.WaitGroup
			for w := range workers {
				wg.Go(func() {
					for i := w; i < len(batch); i += workers {
						if s := &batch[i]; s.ok {
							s.sa, s.na, s.err = prepare(s.a)
						}
					}
				})
			}
			wg.Wait()
			select {
			case out <- batch:
				batch = make([]streamed, 0, batchSize)
				return true
			case <-done:
				return false
			}
		}
		i := 0
		for a := range synth.Each(opts) {
			if i == n {
				break
			}
			batch = append(batch, streamed{a: a, ok: i < build})
			i++
			if len(batch) == batchSize && !flush() {
				return
			}
		}
		if len(batch) > 0 {
			flush()
		}
	}()
	return out
}

// restartSize is one store of TestRestartScale: the stream's first n
// articles.
type restartSize struct {
	n     int
	path  string
	build bool // the store is missing: this run builds it
	// Of the stream: the date of the latest of the n articles, how many
	// lie in the 7 days and the 8 days before it (the clustering window,
	// and with the day of lateSlack), and the articles after the n.
	last     time.Time
	in7, in8 int
	next     []synth.Article
	want     []store.Article // next as the placer that built the store and ran on placed them
	dates    []time.Time     // of the latest articles, to count in7 and in8
}

// restartStream walks the stream of TestRestartScale once, through the
// largest size and restartMore articles after it. It places the articles
// of the sizes it builds with a placer over a memStore, and at each such
// size imports what the placer stored into the size's SQLite file, then
// records how the placer that ran on places the next articles.
func restartStream(t *testing.T, sizes []*restartSize, days float64) {
	ctx := context.Background()
	const more = restartMore
	largest := sizes[len(sizes)-1].n
	build := 0 // the articles to place
	for _, s := range sizes {
		if s.build {
			build = max(build, s.n+more)
		}
	}
	mem := &memStore{bySeq: map[int64]int64{}}
	p := newPlacer(mem, Options{}.Cluster, func(int64) {})
	p.unsaved = true // the snapshot of each size is saved when it is imported
	done := make(chan struct{})
	defer close(done)
	total := largest + more
	opts := synth.Options{Articles: total, Days: days * float64(total) / float64(largest), Seed: 1}
	start, cpu0 := time.Now(), cputime.Used()
	i := 0
	for batch := range prepareStream(opts, total, build, done) {
		for _, x := range batch {
			for _, s := range sizes {
				switch {
				case i < s.n && i >= s.n-restartDates:
					s.dates = append(s.dates, x.a.Date)
				case i >= s.n && i < s.n+more:
					s.next = append(s.next, x.a)
				}
			}
			if x.ok {
				if x.err != nil {
					t.Fatal(x.err)
				}
				if _, placeErr, err := p.put(ctx, &x.sa, &x.na); err != nil || placeErr != nil {
					t.Fatalf("placing article %d: %v %v", i+1, err, placeErr)
				}
			}
			i++
			for _, s := range sizes {
				switch {
				case !s.build:
				case i == s.n:
					if err := p.close(ctx); err != nil {
						t.Fatal(err)
					}
					t.Logf("placed %d articles in %v (CPU %v), %d stories; the placer holds %d; snapshot %d bytes",
						i, time.Since(start).Round(time.Second), (cputime.Used() - cpu0).Round(time.Second), len(mem.stories), len(p.ids), len(mem.state))
					importRestartStore(t, s.path, mem, s.n)
				case i > s.n && i <= s.n+more:
					s.want = append(s.want, x.sa)
				}
			}
			if build > 0 && i%100000 == 0 {
				t.Logf("%d articles in %v (CPU %v); the placer holds %d", i, time.Since(start).Round(time.Second), (cputime.Used() - cpu0).Round(time.Second), len(p.ids))
			}
		}
	}
	if i != total {
		t.Fatalf("the stream has %d articles, want %d", i, total)
	}
	for _, s := range sizes {
		s.last = s.dates[len(s.dates)-1]
		for _, d := range s.dates {
			if !d.Before(s.last.Add(-7 * 24 * time.Hour)) {
				s.in7++
			}
			if !d.Before(s.last.Add(-8 * 24 * time.Hour)) {
				s.in8++
			}
		}
		if s.in8 == len(s.dates) && len(s.dates) < s.n {
			t.Fatalf("more than %d of the first %d articles in the last 8 days: raise restartDates", restartDates, s.n)
		}
	}
}

const (
	// restartMore is how many articles TestRestartScale places after a
	// restart, to compare with the placer that ran on.
	restartMore = 200
	// restartDates is how many of the latest articles of a size the
	// test keeps the dates of, to count those in the window.
	restartDates = 200000
)

// importRestartStore imports into the SQLite store at path the first n
// articles the build placed, its stories and the placer's snapshot: the
// store as a server that placed them and closed leaves it.
func importRestartStore(t *testing.T, path string, mem *memStore, n int) {
	ctx := context.Background()
	start := time.Now()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	imp := st.(store.Importer)
	const chunk = 50000
	for i := 0; i < n; i += chunk {
		// A copy: Import normalizes what it is given.
		if err := imp.Import(ctx, slices.Clone(mem.arts[i:min(i+chunk, n)]), nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Import(ctx, nil, slices.Clone(mem.stories)); err != nil {
		t.Fatal(err)
	}
	if err := st.PutState(ctx, stateName, mem.state); err != nil {
		t.Fatal(err)
	}
	t.Logf("imported %d articles and %d stories into %s in %v", n, len(mem.stories), path, time.Since(start).Round(time.Second))
}

// restartRun is what one restart measured.
type restartRun struct {
	wall, cpu          time.Duration
	heap               int64 // bytes the started server holds
	restored, replayed int
}

// restart opens the store at path and starts a server on it, measuring
// the start; it returns the server, to be closed with its store.
func restart(t *testing.T, path string) (*Server, store.Store, restartRun) {
	ctx := context.Background()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cputime.Used()
	start := time.Now()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ctx, st, Options{Token: token, ReadRate: -1, WriteRate: -1})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	r := restartRun{wall: time.Since(start), cpu: cputime.Used() - cpu0}
	runtime.GC()
	runtime.ReadMemStats(&after)
	r.heap = int64(after.HeapAlloc) - int64(before.HeapAlloc)
	r.restored, r.replayed = s.placer.restored, s.placer.replayed
	return s, st, r
}

// median returns the median of xs (the upper one of an even count).
func median[T int64 | time.Duration](xs []T) T {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys[len(ys)/2]
}

// snapshotVocab reads the clusterer's vocabulary out of placer snapshot
// data (window.go, tidings.Grouper.AppendBinary,
// cluster.Clusterer.AppendBinary): its terms and their document
// frequencies, the part of the state that grows with the history.
func snapshotVocab(data []byte) (terms []string, df []int, err error) {
	r := snap.NewReader(data)
	r.Uint()
	r.Float()
	r.Int()
	r.Float()
	r.Int()
	r.Int()
	r.Int()
	r.Time()
	for range r.Count(5) {
		r.Int()
		r.Int()
		r.Int()
		r.Int()
		r.Uint()
	}
	for range r.Count(1) {
		r.Uint()
	}
	for range r.Count(2) {
		r.Uint()
		r.Int()
	}
	g := snap.NewReader(r.Bytes())
	g.Uint()
	for range g.Count(2) {
		g.Uint()
		g.Uint()
	}
	g.Bytes()
	c := snap.NewReader(g.Bytes())
	c.Uint()
	for range c.Count(1) {
		terms = append(terms, c.String())
	}
	for range c.Count(1) {
		df = append(df, int(c.Uint()))
	}
	return terms, df, errors.Join(r.Err(), g.Err(), c.Err())
}

// vocabHeap returns the heap that a vocabulary of terms with their
// document frequencies holds, built alone as the clusterer builds its
// own (vec.Vocab and a slice of frequencies).
func vocabHeap(terms []string, df []int) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := vec.NewVocab()
	for _, t := range terms {
		v.ID(strings.Clone(t))
	}
	f := slices.Clone(df)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	runtime.KeepAlive(f)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// countSmall returns how many of fs are at most k.
func countSmall(fs []int, k int) int {
	n := 0
	for _, f := range fs {
		if f <= k {
			n++
		}
	}
	return n
}

// copyFile copies the file at from to to.
func copyFile(t *testing.T, from, to string) {
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRestartScale measures restarts over large stores: for each size n
// of -restart.articles it builds, unless -restart.dir has it, a SQLite
// store of the first n articles of one synthetic stream, the largest n
// spread over -restart.days days (placed by the server's placer over an
// in-memory store, the articles prepared on every core, then imported in
// bulk), starts a server on it -restart.runs times and logs the median
// CPU and wall time of the start, the heap the started server holds,
// what it restored and replayed, and the vocabulary its snapshot holds
// (what grows with the history). The start must take at most 2 s of CPU,
// hold no more articles than twice those of the last 8 days, and read
// no article the snapshot holds. Then it places 200 more articles and,
// when it built the store, checks that they land as with the placer
// that built it and ran on. Run (building both stores is about 14 minutes of
// CPU, an hour of wall time on a shared 2-core machine; 4.2 GB resident):
//
//	go test -run TestRestartScale -v -timeout 3h ./internal/server -args -restart.articles=200000,1000000 -restart.days=350 -restart.dir=/tmp/restart
func TestRestartScale(t *testing.T) {
	var sizes []*restartSize
	dir := *restartDir
	if dir == "" {
		dir = t.TempDir()
	}
	for f := range strings.SplitSeq(*restartArticles, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			t.Fatalf("-restart.articles: %q is not a count of articles", f)
		}
		path := filepath.Join(dir, fmt.Sprintf("restart-%d.db", n))
		_, err = os.Stat(path)
		sizes = append(sizes, &restartSize{n: n, path: path, build: err != nil})
	}
	if len(sizes) == 0 {
		t.Skip("skipping: set -restart.articles (200000,1000000 for the documented figures)")
	}
	slices.SortFunc(sizes, func(a, b *restartSize) int { return a.n - b.n })
	restartStream(t, sizes, *restartDays)
	var medians []restartRun
	for _, sz := range sizes {
		var runs []restartRun
		var s *Server
		var st store.Store
		for run := range max(*restartRuns, 1) {
			if s != nil {
				s.Close()
				st.Close()
			}
			var r restartRun
			s, st, r = restart(t, sz.path)
			runs = append(runs, r)
			t.Logf("%d stored, restart %d: wall %v, CPU %v, heap %.1f MB; restored %d, replayed %d",
				sz.n, run+1, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), float64(r.heap)/1e6, r.restored, r.replayed)
		}
		m := restartRun{restored: runs[0].restored, replayed: runs[0].replayed}
		var walls, cpus []time.Duration
		var heaps []int64
		for _, r := range runs {
			walls, cpus, heaps = append(walls, r.wall), append(cpus, r.cpu), append(heaps, r.heap)
		}
		m.wall, m.cpu, m.heap = median(walls), median(cpus), median(heaps)
		medians = append(medians, m)
		snapshot, err := st.State(context.Background(), stateName)
		if err != nil {
			t.Fatal(err)
		}
		terms, df, err := snapshotVocab(snapshot)
		if err != nil {
			t.Fatalf("reading the vocabulary of the snapshot: %v", err)
		}
		vocabBytes := 0
		for _, t := range terms {
			vocabBytes += len(t) + 1
		}
		t.Logf("%d stored: the vocabulary has %d terms (%d of them in no more than 2 articles), about %.1f MB of the snapshot; alone it holds %.1f MB of heap",
			sz.n, len(terms), countSmall(df, 2), float64(vocabBytes+len(df)*2)/1e6, float64(vocabHeap(terms, df))/1e6)
		t.Logf("restart over %d stored articles (%d in the last 7 days, %d in the last 8): median of %d: wall %v, CPU %v; restored %d articles, replayed %d; heap %.1f MB, %.0f bytes per article held; snapshot %.1f MB",
			sz.n, sz.in7, sz.in8, len(runs), m.wall.Round(time.Millisecond), m.cpu.Round(time.Millisecond), m.restored, m.replayed,
			float64(m.heap)/1e6, float64(m.heap)/float64(max(m.restored, 1)), float64(len(snapshot))/1e6)
		// CPU time, not wall time: on a machine other work shares, the
		// wall time measures the others too.
		if m.cpu > 2*time.Second {
			t.Errorf("%d stored: restart took %v of CPU, want at most 2s", sz.n, m.cpu)
		}
		if m.replayed != 0 {
			t.Errorf("%d stored: the restart replayed %d articles, want 0 after a close", sz.n, m.replayed)
		}
		if m.restored > 2*sz.in8 {
			t.Errorf("%d stored: the restart holds %d articles, more than twice the %d of the last 8 days", sz.n, m.restored, sz.in8)
		}
		checkNext(t, sz, s, st, dir)
	}
	if len(medians) > 1 {
		a, b := medians[0], medians[len(medians)-1]
		t.Logf("%d stored vs %d: restart CPU ×%.2f, wall ×%.2f, heap ×%.2f, articles held ×%.2f",
			sizes[len(sizes)-1].n, sizes[0].n, float64(b.cpu)/float64(a.cpu), float64(b.wall)/float64(a.wall),
			float64(b.heap)/float64(a.heap), float64(b.restored)/float64(a.restored))
	}
}

// checkNext places the articles after size sz with the restarted server
// s (over st, whose file is sz.path) and, when the run built the store,
// checks that they land as the placer that built it placed them. When
// the store is to be kept (dir is -restart.dir), it places them in a
// copy, so that the store stays as built.
func checkNext(t *testing.T, sz *restartSize, s *Server, st store.Store, dir string) {
	ctx := context.Background()
	if *restartDir != "" {
		s.Close()
		st.Close()
		cp := filepath.Join(t.TempDir(), "copy.db")
		copyFile(t, sz.path, cp)
		if _, err := os.Stat(sz.path + "-wal"); err == nil {
			copyFile(t, sz.path+"-wal", cp+"-wal")
		}
		var err error
		if st, err = store.Open(ctx, cp); err != nil {
			t.Fatal(err)
		}
		if s, err = New(ctx, st, Options{Token: token, ReadRate: -1, WriteRate: -1}); err != nil {
			st.Close()
			t.Fatal(err)
		}
	}
	defer st.Close()
	defer s.Close()
	for i, a := range sz.next {
		sa, na := prepared(t, a)
		if _, placeErr, err := s.placer.put(ctx, &sa, &na); err != nil || placeErr != nil {
			t.Fatalf("placing article %d after the restart: %v %v", sz.n+i+1, err, placeErr)
		}
		if !sz.build {
			continue
		}
		if sb := sz.want[i]; sa.ID != sb.ID || sa.Story != sb.Story || sa.CopyOf != sb.CopyOf {
			t.Errorf("article %d: restarted server: id %d story %d copy of %d; the placer that ran on: %d %d %d",
				sz.n+i+1, sa.ID, sa.Story, sa.CopyOf, sb.ID, sb.Story, sb.CopyOf)
		}
	}
	if sz.build {
		t.Logf("%d stored: the %d articles posted after the restart were placed as by the placer that ran on", sz.n, len(sz.next))
	}
}

// readsStore is a store that records what is read of it: each call of
// a method that reads articles or stories, and the article rows read.
type readsStore struct {
	store.Store
	mu       sync.Mutex
	calls    []string
	articles int   // article rows read
	after    int64 // the lowest id Articles was asked to read after; -1: not asked
}

func (r *readsStore) record(call string, rows int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call)
	r.articles += rows
}

func (r *readsStore) Articles(ctx context.Context, after int64, limit int) ([]store.Article, error) {
	arts, err := r.Store.Articles(ctx, after, limit)
	r.record("Articles", len(arts))
	r.mu.Lock()
	if r.after < 0 || after < r.after {
		r.after = after
	}
	r.mu.Unlock()
	return arts, err
}

func (r *readsStore) Article(ctx context.Context, id int64) (store.Article, error) {
	r.record("Article", 1)
	return r.Store.Article(ctx, id)
}

func (r *readsStore) StoryArticles(ctx context.Context, id int64) ([]store.Article, error) {
	arts, err := r.Store.StoryArticles(ctx, id)
	r.record("StoryArticles", len(arts))
	return arts, err
}

func (r *readsStore) Story(ctx context.Context, id int64) (store.Story, error) {
	r.record("Story", 0)
	return r.Store.Story(ctx, id)
}

func (r *readsStore) Stories(ctx context.Context, q store.Query) ([]store.Story, error) {
	r.record("Stories", 0)
	return r.Store.Stories(ctx, q)
}

func (r *readsStore) StoryBySeq(ctx context.Context, seq int64) (int64, error) {
	r.record("StoryBySeq", 0)
	return r.Store.StoryBySeq(ctx, seq)
}

func (r *readsStore) HasArticle(ctx context.Context, key string) (bool, error) {
	r.record("HasArticle", 0)
	return r.Store.HasArticle(ctx, key)
}

func (r *readsStore) Feeds(ctx context.Context) ([]store.Feed, error) {
	r.record("Feeds", 0)
	return r.Store.Feeds(ctx)
}

// TestRestartReadsTail is the small, default version of
// TestRestartScale: a server that saves its grouping state every 40
// articles places 90 synthetic articles and stops as if killed (without
// saving), then starts again, and is closed and started once more. Each
// start reads the snapshot and the articles stored after it, and
// nothing else: no article the snapshot holds, no story but those of
// the replayed articles (by sequence number), no list of stories. (The
// store's part, that these reads search an index rather than scan a
// table, is store.TestStartPlans.)
func TestRestartReadsTail(t *testing.T) {
	const n, every = 90, 40
	ctx := context.Background()
	arts := synth.Stream(synth.Options{Articles: n, Days: 10, Seed: 3})
	opts := Options{Token: token, ReadRate: -1, WriteRate: -1, retireEvery: every}
	st := openStore(t, filepath.Join(t.TempDir(), "tail.db"))
	s, err := New(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, arts, 0, n)
	s.worker.close() // killed: the placer saves nothing
	for _, tc := range []struct {
		name   string
		replay int
	}{
		{"killed", n % every}, // saved at 80
		{"closed", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := &readsStore{Store: st, after: -1}
			s, err := New(ctx, rs, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			p := s.placer
			rs.mu.Lock()
			defer rs.mu.Unlock()
			if p.replayed != tc.replay || p.restored != n-tc.replay {
				t.Errorf("the start restored %d articles and replayed %d, want %d and %d", p.restored, p.replayed, n-tc.replay, tc.replay)
			}
			if rs.articles != tc.replay || rs.after != int64(n-tc.replay) {
				t.Errorf("the start read %d articles, from after id %d; want %d, after %d", rs.articles, rs.after, tc.replay, n-tc.replay)
			}
			for _, c := range rs.calls {
				if c != "Articles" && c != "StoryBySeq" {
					t.Errorf("the start called %s; reads: %v", c, rs.calls)
					break
				}
			}
			if by := strings.Count(strings.Join(rs.calls, " "), "StoryBySeq"); by > tc.replay {
				t.Errorf("the start looked up %d stories by sequence number for %d replayed articles", by, tc.replay)
			}
		})
	}
}
