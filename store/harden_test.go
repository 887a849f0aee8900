package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"tidings/internal/pgtest"
)

// TestNormalize checks that text both databases refuse (NUL, invalid
// UTF-8) is made storable without changing its length in bytes.
func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, in, want string }{
		{"clean text is kept", "Talks in Genève.", "Talks in Genève."},
		{"NUL becomes a space", "a\x00b", "a b"},
		{"lone continuation byte", "a\x80b", "a?b"},
		{"truncated sequence", "caf\xc3", "caf?"},
		{"overlong encoding", "\xc0\xafx", "??x"},
		{"surrogate half", "\xed\xa0\x80", "???"},
		{"empty", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := normalize(tt.in)
			if got != tt.want || len(got) != len(tt.in) || !utf8.ValidString(got) {
				t.Errorf("normalize(%q) = %q, want %q (same length, valid UTF-8)", tt.in, got, tt.want)
			}
		})
	}
}

// storeText stores text in every text field of an article, a story and a
// feed, and checks that each reads back as normalize(text), the length
// kept: what PostgreSQL refused with a 500 (issue 18 row 1).
func storeText(t testing.TB, s Store, n int, text string) {
	ctx := context.Background()
	want := normalize(text)
	key := fmt.Sprintf("k%d:%s", n, text)
	a := Article{Key: key, URL: text, Outlet: text, Title: text, Author: text, Raw: text, Text: text}
	if _, err := s.AddArticle(ctx, &a); err != nil {
		t.Fatalf("AddArticle(%q): %v", text, err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"URL": got.URL, "Outlet": got.Outlet, "Title": got.Title, "Author": got.Author, "Raw": got.Raw, "Text": got.Text} {
		if v != want || len(v) != len(text) {
			t.Errorf("stored %s of %q = %q, want %q", name, text, v, want)
		}
	}
	if ok, err := s.HasArticle(ctx, key); err != nil || !ok {
		t.Errorf("HasArticle(%q) = %v, %v", key, ok, err)
	}
	st := Story{Title: text, Summary: text, Body: []byte(text)}
	if err := s.PutStory(ctx, &st); err != nil {
		t.Fatalf("PutStory(%q): %v", text, err)
	}
	if back, err := s.Story(ctx, st.ID); err != nil || back.Title != want || string(back.Body) != want {
		t.Errorf("Story = %+v, %v; want title and body %q", back, err, want)
	}
	if _, err := s.Stories(ctx, Query{Search: text}); err != nil {
		t.Errorf("Stories(search %q): %v", text, err)
	}
	f := Feed{URL: fmt.Sprintf("https://example.org/%d/%s", n, text)}
	if _, err := s.AddFeed(ctx, &f); err != nil {
		t.Fatalf("AddFeed: %v", err)
	}
	f.Title, f.Error, f.ETag = text, text, text
	if err := s.UpdateFeed(ctx, f); err != nil {
		t.Errorf("UpdateFeed: %v", err)
	}
}

func TestText(t *testing.T) {
	eachStore(t, func(t *testing.T, s Store) {
		for i, text := range []string{"clean", "nul\x00inside", "\x00", "bad \xff\xfe utf-8", "mixed\x00\xc3("} {
			storeText(t, s, i, text)
		}
	})
}

// FuzzStoreText stores arbitrary text in SQLite and, when
// TIDINGS_TEST_POSTGRES is set, in PostgreSQL: nothing is refused, and
// every field reads back normalized.
func FuzzStoreText(f *testing.F) {
	for _, seed := range []string{"", "plain", "\x00", "a\x00b\xff", "\xed\xa0\x80", "caf\xc3", "'; DROP TABLE articles; --", "\\u0000"} {
		f.Add(seed)
	}
	ctx := context.Background()
	stores := map[string]Store{}
	lite, err := Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { lite.Close() })
	stores["sqlite"] = lite
	if url := pgtest.Fresh(f, "tidings_fuzz"); url != "" {
		pg, err := Open(ctx, url)
		if err != nil {
			f.Fatal(err)
		}
		f.Cleanup(func() { pg.Close() })
		stores["postgres"] = pg
	}
	n := 0
	var mu sync.Mutex
	f.Fuzz(func(t *testing.T, text string) {
		mu.Lock()
		n++
		i := n
		mu.Unlock()
		for _, s := range stores {
			storeText(t, s, i, text)
		}
	})
}

// TestIdentity checks that Open takes only a tidings store, or makes one
// where there is nothing or where asked to (issue 18 row 9: a SQLite
// file truncated to 0 bytes was taken as a new, empty store).
func TestIdentity(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	id := s.ID()
	if len(id) != 32 {
		t.Errorf("ID() = %q, want 32 hex digits", id)
	}
	a := Article{Key: "k", Text: "t"}
	s.AddArticle(ctx, &a)
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if s.ID() != id {
		t.Errorf("ID after reopening = %q, want %q", s.ID(), id)
	}
	s.Close()

	// Other databases, each made by its own step.
	other := func(name string, make func(path string) error) string {
		p := filepath.Join(dir, name)
		if err := make(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := other("empty.db", func(p string) error { return os.WriteFile(p, nil, 0o644) })
	truncated := other("truncated.db", func(p string) error {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		return os.Truncate(p, 0)
	})
	text := other("notes.db", func(p string) error { return os.WriteFile(p, []byte(strings.Repeat("not a database\n", 100)), 0o644) })
	foreign := other("foreign.db", func(p string) error {
		db, err := sql.Open("sqlite", p)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec(`CREATE TABLE invoices (id INTEGER)`)
		return err
	})
	old := other("old.db", func(p string) error {
		s, err := Open(ctx, p)
		if err != nil {
			return err
		}
		s.Close()
		// As a store made before store_meta: without it (and without
		// the cleaning column of version 5 and the state table of version 6), at version 3.
		db, err := sql.Open("sqlite", p)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec(`DROP TABLE store_meta; DROP TABLE state; ALTER TABLE articles DROP COLUMN cleaning; DELETE FROM schema_version WHERE version > 3`)
		return err
	})
	impostor := other("impostor.db", func(p string) error {
		s, err := Open(ctx, p)
		if err != nil {
			return err
		}
		s.Close()
		db, err := sql.Open("sqlite", p)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec(`UPDATE store_meta SET value = 'other' WHERE key = 'format'`)
		return err
	})
	for _, tt := range []struct {
		name, path string
		init       bool
		want       error // nil: opens
		says       string
	}{
		{"empty file", empty, false, ErrNotStore, "holds no store"},
		{"empty file, init", empty, true, nil, ""},
		{"truncated store", truncated, false, ErrNotStore, "was it truncated"},
		{"text file", text, false, ErrNotStore, "not a SQLite database"},
		{"text file, init", text, true, ErrNotStore, "not a SQLite database"},
		{"another program's database", foreign, false, ErrNotStore, "invoices"},
		{"another program's database, init", foreign, true, nil, ""},
		{"store made before store_meta", old, false, nil, ""},
		{"another format", impostor, false, ErrNotStore, `"other"`},
		{"new file", filepath.Join(dir, "new.db"), false, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := OpenWith(ctx, tt.path, Options{Init: tt.init})
			if err == nil {
				if s.ID() == "" {
					t.Error("opened store without an ID")
				}
				s.Close()
			}
			if (tt.want == nil) != (err == nil) || (err != nil && (!errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says))) {
				t.Errorf("OpenWith(%s, Init %v) = %v, want %v saying %q", tt.name, tt.init, err, tt.want, tt.says)
			}
		})
	}
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.Fresh(t, "tidings_identity")
		if url == "" {
			t.Skip("PostgreSQL not tested: set TIDINGS_TEST_POSTGRES=postgres://... (.ci/run starts a server and sets it)")
		}
		db, err := sql.Open("pgx", url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE invoices (id INTEGER)`); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, url); !errors.Is(err, ErrNotStore) {
			t.Errorf("Open(database with another table) = %v, want ErrNotStore", err)
		}
		s, err := OpenWith(ctx, url, Options{Init: true})
		if err != nil {
			t.Fatal(err)
		}
		id := s.ID()
		s.Close()
		if s, err = Open(ctx, url); err != nil || s.ID() != id {
			t.Fatalf("reopening: %v, id %q want %q", err, s.ID(), id)
		}
		s.Close()
	})
}

// TestSecondProcess checks that a SQLite store open in one process is
// refused to another, pointing to PostgreSQL (issue 18 row 10). Two opens
// in one process take the lock as two processes would: flock locks belong
// to each open file.
func TestSecondProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "PostgreSQL") || !strings.Contains(err.Error(), fmt.Sprint(os.Getpid())) {
		t.Errorf("second Open = %v, want ErrLocked naming the holder and PostgreSQL", err)
	}
	first.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after the first closed: %v", err)
	}
	again.Close()
}

// TestFeedCap checks that 60 feeds added at once, 20 under a cap of
// 1,000, leave exactly 1,000 (issue 18 row 11: 1,030 were stored).
func TestFeedCap(t *testing.T) {
	ctx := context.Background()
	const limit, before, parallel = 1000, 980, 60
	eachStore(t, func(t *testing.T, s Store) {
		for i := range before {
			if _, err := s.AddFeed(ctx, &Feed{URL: fmt.Sprintf("https://example.org/feed/%d", i)}); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		errs := make([]error, parallel)
		for i := range parallel {
			wg.Go(func() {
				_, errs[i] = s.AddFeedLimit(ctx, &Feed{URL: fmt.Sprintf("https://example.org/new/%d", i)}, limit)
			})
		}
		wg.Wait()
		full := 0
		for _, err := range errs {
			switch {
			case errors.Is(err, ErrFull):
				full++
			case err != nil:
				t.Errorf("AddFeedLimit: %v", err)
			}
		}
		feeds, err := s.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(feeds) != limit || full != before+parallel-limit {
			t.Errorf("after %d parallel adds: %d feeds, %d refused; want %d and %d", parallel, len(feeds), full, limit, before+parallel-limit)
		}
		// A feed already stored is found, not refused, when full.
		f := Feed{URL: "https://example.org/feed/3"}
		if created, err := s.AddFeedLimit(ctx, &f, limit); err != nil || created || f.ID == 0 {
			t.Errorf("AddFeedLimit(stored feed) when full = %v, %v, id %d", created, err, f.ID)
		}
	})
}

func TestDeleteFeed(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s Store) {
		a, b := Feed{URL: "https://example.org/a"}, Feed{URL: "https://example.org/b"}
		s.AddFeed(ctx, &a)
		s.AddFeed(ctx, &b)
		if err := s.DeleteFeed(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteFeed(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleting it again: %v, want ErrNotFound", err)
		}
		feeds, err := s.Feeds(ctx)
		if err != nil || len(feeds) != 1 || feeds[0].ID != b.ID {
			t.Errorf("Feeds after deleting %d = %+v, %v", a.ID, feeds, err)
		}
		// Its URL may be followed again, under a new id.
		again := Feed{URL: a.URL}
		if created, err := s.AddFeedLimit(ctx, &again, 2); err != nil || !created || again.ID == a.ID {
			t.Errorf("re-adding = %v, %v, id %d", created, err, again.ID)
		}
	})
}
