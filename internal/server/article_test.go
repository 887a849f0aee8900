package server

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"tidings"
	"tidings/ingest"
	"tidings/store"
)

// TestStoredAsides checks that an article read back from the store (to
// place it again after a restart, or to brief its story) has the asides
// that cleaning found when it was posted (news.Article.Asides: the names
// of a results table cleaning dropped), as the CLI's articles do. The
// text is the fixture of the root package's TestAsideEntities.
func TestStoredAsides(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "TestAsideEntities", "chess_final.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ingest.Parse(path, data)
	if err != nil || len(arts) != 1 {
		t.Fatalf("ingest.Parse = %d articles, %v", len(arts), err)
	}
	s := &Server{p: &tidings.Pipeline{}}
	a := store.Article{ID: 7, Raw: arts[0].Raw, Title: arts[0].Title, Outlet: arts[0].Outlet}
	posted, err := s.prepare(&a)
	if err != nil {
		t.Fatal(err)
	}
	if len(posted.Asides) == 0 {
		t.Fatal("the fixture has no asides: the test shows nothing")
	}
	for name, got := range map[string][]string{
		"segmented": segmented(a).Asides, // replay, and briefs of articles not held
		"toNews":    toNews(a).Asides,    // what the worker holds of an article just stored
	} {
		if !slices.Equal(got, posted.Asides) {
			t.Errorf("%s: asides %q, want %q", name, got, posted.Asides)
		}
	}
	// An article stored before the asides were kept has none, as then.
	a.Cleaning = `{"headings":[]}`
	if got := segmented(a).Asides; got != nil {
		t.Errorf("asides %q of an article stored without them", got)
	}
}
