package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tidings/internal/pgtest"
)

// eachStore runs test on a fresh store of each dialect, as subtests
// "sqlite" (a temporary file) and "postgres" (a new database on the server
// TIDINGS_TEST_POSTGRES names; skipped, saying so, when it is not set).
func eachStore(t *testing.T, test func(t *testing.T, s Store)) {
	t.Helper()
	ctx := context.Background()
	t.Run("sqlite", func(t *testing.T) {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "tidings.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		test(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.Fresh(t, "tidings_store")
		if url == "" {
			t.Skip("PostgreSQL not tested: set TIDINGS_TEST_POSTGRES=postgres://... (.ci/run starts a server and sets it)")
		}
		s, err := Open(ctx, url)
		if err != nil {
			t.Fatalf("PostgreSQL: %v", err)
		}
		defer s.Close()
		test(t, s)
	})
}

func TestArticles(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		pub := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
		a := Article{Key: "https://example.org/a", URL: "https://example.org/a", Outlet: "Harbour Post", Title: "Talks",
			Published: pub, Raw: "<p>x</p>", IsHTML: true, Text: "Talks in Geneva.", Cleaning: `{"found":{"outlet":"copyright"}}`}
		created, err := s.AddArticle(ctx, &a)
		if err != nil || !created || a.ID == 0 {
			t.Fatalf("AddArticle = %v, %v, id %d", created, err, a.ID)
		}
		again := Article{Key: a.Key, Text: "other"}
		created, err = s.AddArticle(ctx, &again)
		if err != nil || created || again.ID != a.ID || again.Text != a.Text {
			t.Fatalf("second AddArticle = %v, %v, %+v", created, err, again)
		}
		if err := s.PlaceArticle(ctx, a.ID, 7, 0); err != nil {
			t.Fatal(err)
		}
		in, err := s.StoryArticles(ctx, 7)
		if err != nil || len(in) != 1 || in[0].ID != a.ID {
			t.Fatalf("StoryArticles(7) = %d articles, %v", len(in), err)
		}
		heads, err := s.(interface {
			StoryHeads(context.Context, int64) ([]Article, error)
		}).StoryHeads(ctx, 7)
		want := in[0]
		want.Raw, want.Text, want.Cleaning = "", "", ""
		if err != nil || len(heads) != 1 || !reflect.DeepEqual(heads[0], want) {
			t.Errorf("StoryHeads(7) = %+v, %v; want %+v", heads, err, want)
		}
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Story != 7 || !got.Published.Equal(pub) || !got.IsHTML || got.Outlet != "Harbour Post" || got.Added.IsZero() ||
			got.Cleaning != a.Cleaning {
			t.Errorf("Article = %+v", got)
		}
		if _, err := s.Article(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article: %v", err)
		}
		if err := s.PlaceArticle(ctx, 999, 1, 0); !errors.Is(err, ErrNotFound) {
			t.Errorf("placing a missing article: %v", err)
		}
		for i := range 5 {
			b := Article{Key: fmt.Sprint("k", i), Text: fmt.Sprint("text ", i)}
			if _, err := s.AddArticle(ctx, &b); err != nil {
				t.Fatal(err)
			}
		}
		page, err := s.Articles(ctx, a.ID, 3)
		if err != nil || len(page) != 3 || page[0].ID <= a.ID || page[0].ID >= page[1].ID {
			t.Fatalf("Articles page = %d, %v", len(page), err)
		}
		rest, _ := s.Articles(ctx, page[2].ID, 10)
		if len(rest) != 2 {
			t.Errorf("second page has %d articles, want 2", len(rest))
		}
		if page[0].Cleaning != "" {
			t.Errorf("an article stored without Cleaning reads back %q", page[0].Cleaning)
		}
	})
}

// placeOne stores an article with key and places it in story.
func placeOne(t *testing.T, s Store, key string, story int64) {
	t.Helper()
	ctx := context.Background()
	a := Article{Key: key, Outlet: "Harbour Post", Text: "Text of " + key}
	if _, err := s.AddArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := s.PlaceArticle(ctx, a.ID, story, 0); err != nil {
		t.Fatal(err)
	}
}

func TestStories(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		t0 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		ferry := Story{Title: "Ferry crews strike", Summary: "Ferry services between the islands stopped.", Articles: 1, Body: []byte(`{"id":1}`), Updated: t0}
		talks := Story{Title: "Geneva talks", Summary: "Ministers met in Geneva for ceasefire talks.", Articles: 3, Body: []byte(`{}`), Updated: t0.Add(time.Hour)}
		for _, st := range []*Story{&ferry, &talks} {
			if err := s.PutStory(ctx, st); err != nil || st.ID == 0 {
				t.Fatalf("PutStory: %v, id %d", err, st.ID)
			}
			placeOne(t, s, st.Title, st.ID)
		}
		list, err := s.Stories(ctx, Query{})
		if err != nil || len(list) != 2 || list[0].ID != talks.ID {
			t.Fatalf("Stories = %+v, %v; want newest first", list, err)
		}
		for _, tt := range []struct {
			search string
			want   []int64
		}{
			{"ceasefire", []int64{talks.ID}},
			{"ministers geneva", []int64{talks.ID}},
			{"stopping", []int64{ferry.ID}}, // stemmed
			{`"ferry*(`, []int64{ferry.ID}}, // FTS syntax in the input is only text
			{"nothing", nil},
			{"  ", []int64{talks.ID, ferry.ID}},
		} {
			got, err := s.Stories(ctx, Query{Search: tt.search})
			if err != nil {
				t.Fatalf("search %q: %v", tt.search, err)
			}
			var ids []int64
			for _, st := range got {
				ids = append(ids, st.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
				t.Errorf("search %q = %v, want %v", tt.search, ids, tt.want)
			}
		}
		// Updating a story moves it to the top and updates search.
		ferry.Summary = "Crews walked out; the ceasefire of the islands' unions held."
		ferry.Updated = t0.Add(2 * time.Hour)
		ferry.Articles = 2
		if err := s.PutStory(ctx, &ferry); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Stories(ctx, Query{Search: "ceasefire"})
		if len(got) != 2 || got[0].ID != ferry.ID || got[0].Articles != 2 {
			t.Errorf("after update: %+v", got)
		}
		page, _ := s.Stories(ctx, Query{Limit: 1, Offset: 1})
		if len(page) != 1 || page[0].ID != talks.ID {
			t.Errorf("page 2 = %+v", page)
		}
		st, err := s.Story(ctx, ferry.ID)
		if err != nil || !strings.Contains(st.Summary, "walked out") || string(st.Body) != `{"id":1}` {
			t.Errorf("Story = %+v, %v", st, err)
		}
		if _, err := s.Story(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing story: %v", err)
		}
	})
}

// TestStorySeq checks that a story is found again by its Seq, that
// re-putting it without one keeps it, that SetStorySeq sets it, and that a
// story that holds no article is not listed, whatever its count says.
func TestStorySeq(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		a := Story{Title: "Ferry crews strike", Articles: 2, Body: []byte(`{}`), Seq: 7}
		b := Story{Title: "Geneva talks", Articles: 1, Body: []byte(`{}`)}
		for _, st := range []*Story{&a, &b} {
			if err := s.PutStory(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
		placeOne(t, s, "talks", b.ID) // a holds none: as if its articles moved away
		if id, err := s.StoryBySeq(ctx, 7); err != nil || id != a.ID {
			t.Errorf("StoryBySeq(7) = %d, %v; want %d", id, err, a.ID)
		}
		if _, err := s.StoryBySeq(ctx, 8); !errors.Is(err, ErrNotFound) {
			t.Errorf("StoryBySeq(8): %v, want ErrNotFound", err)
		}
		// Re-summarized without a Seq: the stored one stays.
		if err := s.PutStory(ctx, &Story{ID: a.ID, Title: a.Title, Articles: 0, Body: []byte(`{}`)}); err != nil {
			t.Fatal(err)
		}
		if st, err := s.Story(ctx, a.ID); err != nil || st.Seq != 7 {
			t.Errorf("Story after re-put = %+v, %v; want Seq 7", st, err)
		}
		if err := s.SetStorySeq(ctx, b.ID, 9); err != nil {
			t.Fatal(err)
		}
		if id, err := s.StoryBySeq(ctx, 9); err != nil || id != b.ID {
			t.Errorf("StoryBySeq(9) = %d, %v; want %d", id, err, b.ID)
		}
		list, err := s.Stories(ctx, Query{})
		if err != nil || len(list) != 1 || list[0].ID != b.ID {
			t.Errorf("Stories = %+v, %v; want only the story with articles", list, err)
		}
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := Article{Key: "k", Text: "t"}
	if _, err := s.AddArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path) // migrations already ran: nothing to do
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Article(ctx, a.ID); err != nil || got.Key != "k" {
		t.Errorf("after reopening: %+v, %v", got, err)
	}
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "missing", "dir", "t.db")); err == nil {
		t.Error("opening in a missing directory: no error")
	}
}

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		f := Feed{URL: "https://example.org/rss"}
		if created, err := s.AddFeed(ctx, &f); err != nil || !created || f.ID == 0 {
			t.Fatalf("AddFeed = %v, %v", created, err)
		}
		again := Feed{URL: f.URL}
		if created, err := s.AddFeed(ctx, &again); err != nil || created || again.ID != f.ID {
			t.Fatalf("second AddFeed = %v, %v, %+v", created, err, again)
		}
		f.ETag, f.Title, f.Checked, f.Error = `"v2"`, "Harbour Post", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "fetch: 503"
		if err := s.UpdateFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
		list, err := s.Feeds(ctx)
		if err != nil || len(list) != 1 || list[0].ETag != `"v2"` || !list[0].Checked.Equal(f.Checked) || list[0].Error != "fetch: 503" {
			t.Errorf("Feeds = %+v, %v", list, err)
		}
		if err := s.UpdateFeed(ctx, Feed{ID: 999}); !errors.Is(err, ErrNotFound) {
			t.Errorf("updating a missing feed: %v", err)
		}
		a := Article{Key: "url:https://example.org/a", Text: "t"}
		s.AddArticle(ctx, &a)
		if ok, err := s.HasArticle(ctx, a.Key); !ok || err != nil {
			t.Errorf("HasArticle(stored) = %v, %v", ok, err)
		}
		if ok, _ := s.HasArticle(ctx, "url:other"); ok {
			t.Error("HasArticle(missing) = true")
		}
	})
}
