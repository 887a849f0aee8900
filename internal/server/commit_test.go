package server

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"tidings/news"
	"tidings/store"
)

// TestCommitsGroup checks that posts queued while a commit runs are
// committed together next, each told its own outcome, and that an error
// reaches every post of its group.
func TestCommitsGroup(t *testing.T) {
	tests := []struct {
		name  string
		posts int
		fail  bool
	}{
		{"one", 1, false},
		{"ten", 10, false},
		{"more than a commit takes", maxCommit + 20, false},
		{"a failed commit", 5, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			release := make(chan struct{})
			var mu sync.Mutex
			var groups []int
			c := &commits{run: func(_ context.Context, arts []*store.Article, _ []*news.Article) ([]bool, error, error) {
				mu.Lock()
				first := len(groups) == 0
				groups = append(groups, len(arts))
				mu.Unlock()
				if first {
					<-release // the others queue meanwhile
				}
				if tc.fail {
					return nil, nil, errors.New("disk full")
				}
				created := make([]bool, len(arts))
				for i, a := range arts {
					a.Story = int64(len(a.Key)) // something of its own
					created[i] = a.Key[0] == 'n'
				}
				return created, nil, nil
			}}
			type outcome struct {
				created bool
				err     error
				story   int64
			}
			out := make([]outcome, tc.posts)
			var wg sync.WaitGroup
			post := func(i int) {
				defer wg.Done()
				a := &store.Article{Key: keyOf(i)}
				created, _, err := c.put(context.Background(), a, &news.Article{})
				out[i] = outcome{created, err, a.Story}
			}
			wg.Add(1)
			go post(0)
			for len(groupsOf(&mu, &groups)) == 0 {
				time.Sleep(time.Millisecond)
			}
			for i := 1; i < tc.posts; i++ {
				wg.Add(1)
				go post(i)
			}
			for queued(c) < tc.posts-1 {
				time.Sleep(time.Millisecond)
			}
			close(release)
			wg.Wait()
			got := groupsOf(&mu, &groups)
			total := 0
			for _, n := range got {
				if n > maxCommit {
					t.Errorf("a group of %d, over maxCommit %d", n, maxCommit)
				}
				total += n
			}
			if total != tc.posts {
				t.Errorf("groups %v commit %d posts, want %d", got, total, tc.posts)
			}
			if tc.posts > 1 && got[1] != min(tc.posts-1, maxCommit) {
				t.Errorf("groups %v: the second holds %d, want every post queued meanwhile (%d)", got, got[1], min(tc.posts-1, maxCommit))
			}
			for i, o := range out {
				switch {
				case tc.fail && o.err == nil:
					t.Errorf("post %d: no error from a failed commit", i)
				case !tc.fail && o.err != nil:
					t.Errorf("post %d: %v", i, o.err)
				case !tc.fail && (o.created != (i%2 == 0) || o.story != int64(len(keyOf(i)))):
					t.Errorf("post %d: created %v story %d, not its own outcome", i, o.created, o.story)
				}
			}
			if !c.group.Idle() {
				t.Errorf("after the posts: a commit still runs or %d queued", c.group.Queued())
			}
		})
	}
}

// keyOf is the key of post i: "n..." (new) for even i, "o...xx" (stored
// before) for odd, of lengths that differ.
func keyOf(i int) string {
	if i%2 == 1 {
		return fmt.Sprint("o", i, "xx")
	}
	return fmt.Sprint("n", i)
}

func groupsOf(mu *sync.Mutex, groups *[]int) []int {
	mu.Lock()
	defer mu.Unlock()
	return append([]int(nil), *groups...)
}

func queued(c *commits) int { return c.group.Queued() }

// TestCachedStore checks that a SQLite server's story reads give what
// was written last, however it was written.
func TestCachedStore(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "cache.db"))
	cs, ok := cacheStories(st, false).(*cachedStore)
	if !ok {
		t.Fatal("a SQLite store without a queue is not cached")
	}
	if c, ok := cacheStories(st, true).(*cachedStore); !ok || c.Exclusive() {
		t.Error("a shared server's store is not cached as shared")
	}
	s := store.Story{Title: "first", Body: []byte(`{"v":1}`), Seq: 3}
	if err := cs.PutStory(ctx, &s); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		write func() error
		body  string
		seq   int64
	}{
		{"after the insert", func() error { return nil }, `{"v":1}`, 3},
		{"after a rewrite without a seq", func() error {
			return cs.PutStory(ctx, &store.Story{ID: s.ID, Title: "second", Body: []byte(`{"v":2}`)})
		}, `{"v":2}`, 3},
		{"after SetStorySeq", func() error { return cs.SetStorySeq(ctx, s.ID, 9) }, `{"v":2}`, 9},
		// As a shared server's queue tells of another's write.
		{"after another's write, forgotten", func() error {
			if err := st.PutStory(ctx, &store.Story{ID: s.ID, Title: "third", Body: []byte(`{"v":3}`)}); err != nil {
				return err
			}
			if got, _ := cs.Story(ctx, s.ID); string(got.Body) != `{"v":2}` {
				t.Errorf("before forget: body %s, want the cached {\"v\":2}", got.Body)
			}
			cs.forget(s.ID)
			return nil
		}, `{"v":3}`, 9},
		{"after another's write, all forgotten", func() error {
			if err := st.PutStory(ctx, &store.Story{ID: s.ID, Title: "fourth", Body: []byte(`{"v":4}`)}); err != nil {
				return err
			}
			cs.forget(0)
			return nil
		}, `{"v":4}`, 9},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if err := step.write(); err != nil {
				t.Fatal(err)
			}
			for range 2 { // from the database, then from memory
				got, err := cs.Story(ctx, s.ID)
				if err != nil {
					t.Fatal(err)
				}
				if string(got.Body) != step.body || got.Seq != step.seq {
					t.Errorf("Story(%d) = body %s seq %d, want %s seq %d", s.ID, got.Body, got.Seq, step.body, step.seq)
				}
				got.Body[0] = 'X' // a caller's change stays its own
			}
		})
	}
	if _, err := cs.Story(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(999) = %v, want ErrNotFound", err)
	}
}
