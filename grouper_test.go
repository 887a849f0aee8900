package tidings_test

import (
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"tidings"
	"tidings/cluster"
)

// TestGrouperAddKeyed checks that articles added by keys made
// beforehand, concurrently and out of order (tidings.NewGroupKey), are
// placed as Add places them: the same copied article, story and moves
// at every step, copies and moves among them.
func TestGrouperAddKeyed(t *testing.T) {
	arts := synthPrepared(t, 1500, 10)
	// Copies, to take the near-duplicate path too.
	for i := 100; i < 110; i++ {
		arts = append(arts, arts[i*7])
	}
	// Out of date order, as posts come: articles join stories before
	// their fellows, and some move once these come.
	r := rand.New(rand.NewPCG(19, 1))
	r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	keys := make([]*tidings.GroupKey, len(arts))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := len(arts) - 1 - w; i >= 0; i -= 4 {
				keys[i] = tidings.NewGroupKey(&arts[i])
			}
		})
	}
	wg.Wait()
	// A loose threshold and a short settle, for moves.
	opts := tidings.StoryOptions{Cluster: cluster.Options{Settle: 3, Threshold: 0.25}}
	byArticle, byKey := tidings.NewGrouper(opts), tidings.NewGrouper(opts)
	copies, moves := 0, 0
	for i := range arts {
		c1, s1, m1 := byArticle.Add(&arts[i])
		c2, s2, m2 := byKey.AddKeyed(keys[i])
		if c1 != c2 || s1 != s2 || !reflect.DeepEqual(m1, m2) {
			t.Fatalf("article %d: Add: copy of %d, story %d, moved %v; AddKeyed: %d, %d, %v", i, c1, s1, m1, c2, s2, m2)
		}
		if c1 >= 0 {
			copies++
		}
		moves += len(m1)
	}
	if copies < 10 {
		t.Errorf("%d copies found, want at least the 10 made", copies)
	}
	if moves == 0 {
		t.Error("no article moved")
	}
	t.Logf("%d articles, %d copies, %d moves", len(arts), copies, moves)
}
