package server

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"tidings/internal/pgtest"
	"tidings/internal/synth"
	"tidings/store"
)

// storedPlacements returns every stored article's story and copied article,
// in id order.
func storedPlacements(t *testing.T, st store.Store) [][2]int64 {
	t.Helper()
	var out [][2]int64
	for after := int64(0); ; {
		page, err := st.Articles(context.Background(), after, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		for _, a := range page {
			out = append(out, [2]int64{a.Story, a.CopyOf})
			after = a.ID
		}
	}
}

// ingestAll posts arts[from:to] through s's ingest path.
func ingestAll(t *testing.T, s *Server, arts []synth.Article, from, to int) {
	t.Helper()
	for _, a := range arts[from:to] {
		in := store.Article{URL: a.URL, Outlet: a.Outlet, Title: a.Title, Published: a.Date, Raw: a.Raw}
		if _, err := s.ingest(context.Background(), in); err != nil {
			t.Fatalf("posting %s: %v", a.ID, err)
		}
	}
}

// TestServerRestart posts a synthetic stream to a server that saves its
// grouping state every 40 articles, stops it halfway (closed, or as if
// killed: without saving), starts it again and posts the rest: the
// stored placements are those of a server that ran on, and the started
// server restored the saved state rather than replaying every article.
// It runs on SQLite, and on PostgreSQL when TIDINGS_TEST_POSTGRES is set.
func TestServerRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: posts 300 articles four times")
	}
	arts := synth.Stream(synth.Options{Articles: 300, Days: 10, Seed: 7})
	opts := Options{Token: token, ReadRate: -1, WriteRate: -1, retireEvery: 40}
	backends := []struct {
		name string
		open func(t *testing.T, name string) store.Store
	}{
		{"sqlite", func(t *testing.T, name string) store.Store {
			return openStore(t, filepath.Join(t.TempDir(), name+".db"))
		}},
		{"postgres", func(t *testing.T, name string) store.Store {
			addr := pgtest.Fresh(t, "tidings_restart_"+name)
			if addr == "" {
				t.Skip("skipping: TIDINGS_TEST_POSTGRES is not set (.ci/postgres.sh starts one)")
			}
			st, err := store.Open(context.Background(), addr)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}},
	}
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			ctx := context.Background()
			st := be.open(t, "ran")
			s, err := New(ctx, st, opts)
			if err != nil {
				t.Fatal(err)
			}
			ingestAll(t, s, arts, 0, len(arts))
			s.Close()
			want := storedPlacements(t, st)
			for _, tc := range []struct {
				name   string
				closed bool
				at     int
				replay int // the articles the started server replays
			}{
				{"closed", true, 150, 0},
				{"killed", false, 150, 150 - 120}, // saved at 120
			} {
				t.Run(tc.name, func(t *testing.T) {
					st := be.open(t, tc.name)
					s, err := New(ctx, st, opts)
					if err != nil {
						t.Fatal(err)
					}
					ingestAll(t, s, arts, 0, tc.at)
					if tc.closed {
						s.Close()
					} else {
						s.worker.close() // the placer saves nothing
					}
					s, err = New(ctx, st, opts)
					if err != nil {
						t.Fatal(err)
					}
					if s.placer.replayed != tc.replay || s.placer.restored == 0 {
						t.Errorf("the started server restored %d articles and replayed %d, want some and %d",
							s.placer.restored, s.placer.replayed, tc.replay)
					}
					ingestAll(t, s, arts, tc.at, len(arts))
					s.Close()
					got := storedPlacements(t, st)
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("placements after a restart differ from a server that ran on:\n got %v\nwant %v", got, want)
					}
				})
			}
		})
	}
}
