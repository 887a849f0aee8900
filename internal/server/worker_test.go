package server

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"tidings"
	"tidings/news"
	"tidings/store"
)

// TestWorkerDue checks when the background summarizer's next round may
// begin: at once after one post, but during a burst of posts not before
// the rest after the last round, even when the posts come with short
// gaps (as on a busy machine), and at once when the burst is over.
func TestWorkerDue(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return now.Add(time.Duration(n) * time.Millisecond) }
	tests := []struct {
		name string
		// first and last touch, end and length of the last round, flush
		first, last, ended time.Time
		took               time.Duration
		flush              bool
		want               time.Duration
	}{
		{"one post, no round yet", ms(-10), ms(-10), time.Time{}, 0, false, 40 * time.Millisecond},
		{"one post, quiet since", ms(-60), ms(-60), time.Time{}, 0, false, 0},
		{"one post long after the last round", ms(-60), ms(-60), ms(-5000), 100 * time.Millisecond, false, 0},
		{"a gap in a burst, resting", ms(-500), ms(-60), ms(-100), 200 * time.Millisecond, false, 190 * time.Millisecond},
		{"a gap in a burst, rested", ms(-500), ms(-60), ms(-100 - briefRest*200), 200 * time.Millisecond, false, 0},
		{"posts go on, rested: a gap may start it", ms(-300), ms(-1), ms(-5000), 100 * time.Millisecond, false, 49 * time.Millisecond},
		{"posts go on, rest after the gathering", ms(-1200), ms(-1), ms(-100), time.Second, false, 249 * time.Millisecond},
		{"posts go on, gathered and rested", ms(-1200), ms(-1), ms(-2000 - briefRest*1000), time.Second, false, 0},
		{"the burst over, resting", ms(-3000), ms(-250), ms(-100), time.Second, false, 0},
		{"flush", ms(-1), ms(-1), ms(-1), time.Second, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &worker{first: tc.first, last: tc.last, ended: tc.ended, took: tc.took, flush: tc.flush}
			if got := w.due(now); got != tc.want {
				t.Errorf("due = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestWorkerKeep checks that the prepared form of a posted article that
// the worker keeps for the briefs (worker.keep) is what it would make of
// the stored article itself (segmented): the same fields but the raw
// input, the same headings and sentences, named with the stored id; and that keep leaves the posted
// form as it was and keeps nothing of an article whose text is not the
// stored one.
func TestWorkerKeep(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "keep.db"))
	s := &Server{p: &tidings.Pipeline{}}
	w := &worker{cache: map[int64]news.Article{}}
	page := `<html><head><title>Harbour bridge reopens</title></head><body><article><h1>Harbour bridge reopens</h1>
<p>The harbour bridge reopened on Monday after three weeks of repairs, the city said.</p>
<h2>Traffic</h2><p>Traffic was light in the morning. Buses ran on time, the operator said.</p></article></body></html>`
	tests := []struct {
		name string
		a    store.Article
	}{
		{"text", store.Article{Outlet: "Daily", Raw: "Dr. Smith spoke on Monday. The council met at 9 a.m.\n\nIt voted to reopen the road."}},
		{"html page with a subheading", store.Article{URL: "https://example.com/bridge", Raw: page, IsHTML: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			na, err := s.prepare(&a)
			if err != nil {
				t.Fatal(err)
			}
			before := slices.Clone(na.Sentences)
			if _, err := st.AddArticles(ctx, []*store.Article{&a}); err != nil {
				t.Fatal(err)
			}
			w.keep(&a, &na)
			stored, err := st.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := segmented(stored)
			want.Raw = "" // the worker does not keep it
			got, ok := w.cache[a.ID]
			if !ok {
				t.Fatal("nothing kept")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("kept\n%+v\nwant (segmented from the store)\n%+v", got, want)
			}
			if !reflect.DeepEqual(na.Sentences, before) {
				t.Error("keep changed the posted article's sentences")
			}
			other := na
			other.Text += " More."
			clear(w.cache)
			w.keep(&a, &other)
			if len(w.cache) != 0 {
				t.Error("kept an article whose text is not the stored one")
			}
		})
	}
}

// TestWorkerHeads checks that a story's brief is the same whichever way
// the worker reads its articles: whole (nothing held prepared), as heads
// with every text held, or as heads with one text read by id.
func TestWorkerHeads(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "heads.db"))
	s := &Server{p: &tidings.Pipeline{}}
	w := &worker{st: st, p: &tidings.Pipeline{}, cache: map[int64]news.Article{}}
	texts := []string{
		"The harbour bridge reopened on Monday after three weeks of repairs, the city council said.\n\nTraffic was light.",
		"City officials reopened the harbour bridge on Monday. Repairs had taken three weeks, the council said.",
		"Buses crossed the reopened harbour bridge on Monday, the operator said, after three weeks of repairs.",
	}
	var ids []int64
	for i, text := range texts {
		a := store.Article{Outlet: fmt.Sprint("Outlet ", i), Raw: text}
		if _, err := s.prepare(&a); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddArticles(ctx, []*store.Article{&a}); err != nil {
			t.Fatal(err)
		}
		if err := st.PlaceArticles(ctx, []store.Placement{{Article: a.ID, Story: 1}}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	body := func() string {
		t.Helper()
		if err := w.summarize(ctx, 1); err != nil {
			t.Fatal(err)
		}
		got, err := st.Story(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		return string(got.Body)
	}
	whole := body() // nothing held: read whole, and now held
	if len(w.cache) != len(texts) {
		t.Fatalf("%d articles held after a brief, want %d", len(w.cache), len(texts))
	}
	if got := body(); got != whole {
		t.Errorf("from the heads, every text held:\n%s\nwant\n%s", got, whole)
	}
	delete(w.cache, ids[1])
	if got := body(); got != whole {
		t.Errorf("from the heads, one text read by id:\n%s\nwant\n%s", got, whole)
	}
}

// TestWorkerRoundCovers checks that a round's brief of a story covers
// the touches made before it reads the story: a story touched again
// after the round began but before its turn is left clean, and one the
// round does not brief stays dirty.
func TestWorkerRoundCovers(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "round.db"))
	var ids []int64
	for range 3 {
		s := store.Story{Body: []byte("{}")}
		if err := st.PutStory(ctx, &s); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	w := &worker{st: st, p: &tidings.Pipeline{}, logger: slog.New(slog.DiscardHandler), cache: map[int64]news.Article{},
		stop: make(chan struct{}), dirty: map[int64]bool{}}
	// Touched again while the round was gathered: the first two are
	// in the round, the third is not.
	for _, id := range ids {
		w.dirty[id] = true
	}
	if !w.round(ids[:2]) {
		t.Fatal("round stopped")
	}
	if want := map[int64]bool{ids[2]: true}; !reflect.DeepEqual(w.dirty, want) {
		t.Errorf("dirty after the round = %v, want %v", w.dirty, want)
	}
}
