package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

// TestPlacementAndStale checks what shared servers ask of the store:
// an article's placement without its row, and the stories whose brief
// counts another number of articles than they hold.
func TestPlacementAndStale(t *testing.T) {
	eachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		sq := s.(*sqlStore)
		add := func(key string) int64 {
			a := Article{Key: key, URL: "https://example.org/" + key, Text: "Text of " + key + "."}
			if _, err := s.AddArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		// A story's brief written now, or (long ago) written before the
		// articles were stored.
		story := func(articles int, long bool) int64 {
			st := Story{Title: "t", Body: []byte("{}"), Articles: articles, Updated: time.Now()}
			if long {
				st.Updated = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			if err := s.PutStory(ctx, &st); err != nil {
				t.Fatal(err)
			}
			return st.ID
		}
		a, b, c := add("a"), add("b"), add("c")
		current, behind, emptied := story(2, false), story(0, false), story(1, true)
		// A story that the moves of an article emptied (its brief counts
		// the article), and the story it moved to.
		movedFrom, movedTo := story(1, false), story(1, false)
		unplaced, e := add("d"), add("e")
		for _, p := range []struct{ id, story, copyOf int64 }{{a, current, 0}, {b, current, a}, {c, behind, 0}, {e, movedFrom, 0}, {e, movedTo, 0}} {
			if err := s.PlaceArticle(ctx, p.id, p.story, p.copyOf); err != nil {
				t.Fatal(err)
			}
		}

		tests := []struct {
			name          string
			id            int64
			story, copyOf int64
			err           error
		}{
			{"placed", a, current, 0, nil},
			{"a copy", b, current, a, nil},
			{"not yet placed", unplaced, 0, 0, nil},
			{"no such article", 9999, 0, 0, ErrNotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				story, copyOf, err := sq.Placement(ctx, tc.id)
				if story != tc.story || copyOf != tc.copyOf || !errors.Is(err, tc.err) {
					t.Errorf("Placement(%d) = %d, %d, %v; want %d, %d, %v", tc.id, story, copyOf, err, tc.story, tc.copyOf, tc.err)
				}
			})
		}
		for _, tc := range []struct {
			limit int
			want  []int64
		}{
			{0, []int64{behind, emptied, movedFrom}},
			{5, []int64{behind, emptied, movedFrom}},
			{1, []int64{behind}},
			{2, []int64{behind, emptied}},
		} {
			stale, err := sq.StaleStories(ctx, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(stale, tc.want) {
				t.Errorf("StaleStories(%d) = %v, want %v (story %d is current)", tc.limit, stale, tc.want, current)
			}
		}
		// Bounded: only the stories that hold an article after the
		// bound, and those emptied since the first of them was stored
		// (not the one whose brief was written long before).
		window := []struct {
			after int64
			want  []int64
		}{
			{0, []int64{behind, movedFrom}},
			{b, []int64{behind, movedFrom}},
			{c, []int64{movedFrom}},
			{e, nil},
		}
		for _, w := range window {
			got, err := sq.StaleStoriesAfter(ctx, w.after)
			if err != nil || !slices.Equal(got, w.want) {
				t.Errorf("StaleStoriesAfter(%d) = %v, %v; want %v", w.after, got, err, w.want)
			}
		}
	})
}
