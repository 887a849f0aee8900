package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestAddArticles(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		first := Article{Key: "k0", Text: "stored before"}
		if _, err := s.AddArticle(ctx, &first); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			keys []string
			want []bool
		}{
			{"new ones", []string{"k1", "k2", "k3"}, []bool{true, true, true}},
			{"one stored before", []string{"k4", "k0", "k5"}, []bool{true, false, true}},
			{"a key twice", []string{"k6", "k6"}, []bool{true, false}},
			{"none", nil, nil},
			{"more than one statement holds", many(maxAddRows + 10), trues(maxAddRows + 10)},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var arts []*Article
				for i, k := range tc.keys {
					arts = append(arts, &Article{Key: k, Text: fmt.Sprint(tc.name, " ", i)})
				}
				created, err := s.AddArticles(ctx, arts)
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(created) != fmt.Sprint(tc.want) {
					t.Fatalf("AddArticles(%v) created %v, want %v", tc.keys, created, tc.want)
				}
				var last int64
				for i, a := range arts {
					got, err := s.Article(ctx, a.ID)
					if err != nil || got.Key != a.Key || got.Text != a.Text {
						t.Errorf("article %d (%s) reads back %+v, %v", i, a.Key, got, err)
					}
					if created[i] {
						if a.ID <= last {
							t.Errorf("article %d has id %d, not above %d", i, a.ID, last)
						}
						last = a.ID
					}
				}
			})
		}
		t.Run("no key: nothing stored", func(t *testing.T) {
			arts := []*Article{{Key: "k7", Text: "x"}, {Text: "no key"}}
			if _, err := s.AddArticles(ctx, arts); err == nil {
				t.Fatal("AddArticles with an article without a key: no error")
			}
			if ok, err := s.HasArticle(ctx, "k7"); err != nil || ok {
				t.Errorf("HasArticle(k7) after the failed batch = %v, %v, want false", ok, err)
			}
		})
	})
}

func TestPlaceArticles(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		var ids []int64
		for i := range 3 {
			a := Article{Key: fmt.Sprint("k", i), Text: fmt.Sprint("text ", i)}
			if _, err := s.AddArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		tests := []struct {
			name    string
			places  []Placement
			want    [][2]int64 // story and copy of each of ids
			missing bool
		}{
			{"each", []Placement{{ids[0], 5, 0}, {ids[1], 5, ids[0]}, {ids[2], 6, 0}}, [][2]int64{{5, 0}, {5, ids[0]}, {6, 0}}, false},
			{"the last of an id holds", []Placement{{ids[2], 7, 0}, {ids[2], 8, ids[1]}}, [][2]int64{{5, 0}, {5, ids[0]}, {8, ids[1]}}, false},
			{"none", nil, [][2]int64{{5, 0}, {5, ids[0]}, {8, ids[1]}}, false},
			{"a missing id", []Placement{{999, 9, 0}}, [][2]int64{{5, 0}, {5, ids[0]}, {8, ids[1]}}, true},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				err := s.PlaceArticles(ctx, tc.places)
				if tc.missing != errors.Is(err, ErrNotFound) || (!tc.missing && err != nil) {
					t.Fatalf("PlaceArticles(%v) = %v, want ErrNotFound %v", tc.places, err, tc.missing)
				}
				// SQLite commits placements with synchronous NORMAL: the
				// writer must be back to FULL (2) for what follows.
				if ss := s.(*sqlStore); ss.d.name == "sqlite" {
					var sync int
					if err := ss.db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil || sync != 2 {
						t.Errorf("after PlaceArticles the writer's synchronous is %d (%v), want 2 (FULL)", sync, err)
					}
				}
				for i, id := range ids {
					a, err := s.Article(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					if got := [2]int64{a.Story, a.CopyOf}; got != tc.want[i] {
						t.Errorf("article %d placed %v, want %v", id, got, tc.want[i])
					}
				}
			})
		}
	})
}

// many returns n keys "m0", "m1", ...
func many(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprint("m", i)
	}
	return keys
}

// trues returns n times true.
func trues(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	return out
}
