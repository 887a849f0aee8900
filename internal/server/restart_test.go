package server

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"tidings"
	"tidings/internal/synth"
	"tidings/news"
	"tidings/store"
)

var (
	restartArticles = flag.Int("restart.articles", 0, "TestRestartScale: articles to store (1000000 for the figure in docs/experiments.md); 0 skips it")
	restartDays     = flag.Float64("restart.days", 350, "TestRestartScale: days the articles span (350 days of 1,000,000 put 20,000 in the 7-day window)")
	restartDB       = flag.String("restart.db", "", "TestRestartScale: the SQLite file to build, or to reuse when it exists (default: a temporary one)")
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

// prepared returns synthetic article a as the server stores it, and
// prepared.
func prepared(t testing.TB, a synth.Article) (store.Article, news.Article) {
	in := store.Article{URL: a.URL, Key: a.URL, Outlet: a.Outlet, Title: a.Title, Published: a.Date, Raw: a.Raw}
	na := toNews(in)
	if _, err := new(tidings.Pipeline).Prepare(&na); err != nil {
		t.Fatalf("article %s: %v", a.ID, err)
	}
	in.Text = na.Text
	return in, na
}

// restartStream walks the synthetic stream of TestRestartScale once:
// it places its first n articles with a placer over a memStore when
// build is set, and returns the dates of the first n, the articles after
// them, and the memStore and placer of the build (nil without).
func restartStream(t *testing.T, n, more int, days float64, build bool) (dates []time.Time, next []synth.Article, mem *memStore, p *placer) {
	ctx := context.Background()
	if build {
		mem = &memStore{bySeq: map[int64]int64{}}
		p = newPlacer(mem, Options{}.Cluster, func(int64) {})
	}
	start := time.Now()
	i := 0
	for a := range synth.Each(synth.Options{Articles: n + more, Days: days * float64(n+more) / float64(n), Seed: 1}) {
		if i >= n {
			next = append(next, a)
			continue
		}
		dates = append(dates, a.Date)
		i++
		if !build {
			continue
		}
		sa, na := prepared(t, a)
		if _, placeErr, err := p.put(ctx, &sa, &na); err != nil || placeErr != nil {
			t.Fatalf("placing article %d: %v %v", i, err, placeErr)
		}
		if i%100000 == 0 {
			t.Logf("placed %d articles in %v; the placer holds %d", i, time.Since(start).Round(time.Second), len(p.ids))
		}
	}
	if build {
		if err := p.close(ctx); err != nil {
			t.Fatal(err)
		}
		t.Logf("placed %d articles in %v, %d stories; snapshot %d bytes", n, time.Since(start).Round(time.Second), len(mem.stories), len(mem.state))
	}
	return dates, next, mem, p
}

// importRestartStore imports what the build placed into the SQLite
// store at path, with the placer's snapshot.
func importRestartStore(t *testing.T, path string, mem *memStore) {
	ctx := context.Background()
	start := time.Now()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	imp := st.(store.Importer)
	const chunk = 50000
	for i := 0; i < len(mem.arts); i += chunk {
		if err := imp.Import(ctx, mem.arts[i:min(i+chunk, len(mem.arts))], nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Import(ctx, nil, mem.stories); err != nil {
		t.Fatal(err)
	}
	if err := st.PutState(ctx, stateName, mem.state); err != nil {
		t.Fatal(err)
	}
	t.Logf("imported into %s in %v", path, time.Since(start).Round(time.Second))
}

// TestRestartScale measures a restart over a large store: it builds a
// SQLite store of -restart.articles synthetic articles spread over
// -restart.days days (placed by the server's placer, then imported in
// bulk), starts a server on it and logs the start's time and the heap
// it holds, then places 200 more articles and checks that they land as
// with the placer that built the store (when it built it). Run:
//
//	go test -run TestRestartScale -v -timeout 2h -restart.articles 1000000 ./internal/server
func TestRestartScale(t *testing.T) {
	n := *restartArticles
	if n <= 0 {
		t.Skip("skipping: set -restart.articles (1000000 for the documented figure)")
	}
	const more = 200
	path := *restartDB
	if path == "" {
		path = filepath.Join(t.TempDir(), "restart.db")
	}
	_, err := os.Stat(path)
	dates, next, mem, built := restartStream(t, n, more, *restartDays, err != nil)
	if mem != nil {
		importRestartStore(t, path, mem)
	}
	in := 0
	for _, d := range dates {
		if !d.Before(dates[n-1].Add(-7 * 24 * time.Hour)) {
			in++
		}
	}
	ctx := context.Background()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := New(ctx, st, Options{Token: token, ReadRate: -1, WriteRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	p := s.placer
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("restart over %d stored articles (%d in the last 7 days): %v (CPU %v); restored %d articles, replayed %d; heap %.1f MB, %.0f bytes per article held",
		n, in, took.Round(time.Millisecond), cpu.Round(time.Millisecond), p.restored, p.replayed, float64(heap)/1e6, float64(heap)/float64(max(p.restored, 1)))
	// CPU time, not wall time: on a machine other work shares, the wall
	// time measures the others too.
	if cpu > 2*time.Second {
		t.Errorf("restart took %v of CPU, want at most 2s", cpu)
	}
	// The next articles, placed by the restarted server and by the
	// placer that built the store.
	for i, a := range next {
		sa, na := prepared(t, a)
		if _, placeErr, err := p.put(ctx, &sa, &na); err != nil || placeErr != nil {
			t.Fatalf("placing article %d after the restart: %v %v", n+i, err, placeErr)
		}
		if built == nil {
			continue
		}
		sb, nb := prepared(t, a)
		if _, placeErr, err := built.put(ctx, &sb, &nb); err != nil || placeErr != nil {
			t.Fatalf("placing article %d: %v %v", n+i, err, placeErr)
		}
		if sa.ID != sb.ID || sa.Story != sb.Story || sa.CopyOf != sb.CopyOf {
			t.Errorf("article %d: restarted server: id %d story %d copy of %d; the placer that ran on: %d %d %d",
				n+i, sa.ID, sa.Story, sa.CopyOf, sb.ID, sb.Story, sb.CopyOf)
		}
	}
	s.Close()
}
