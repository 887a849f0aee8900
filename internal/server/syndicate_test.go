package server

import (
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// TestStoryFeeds parses /feed.atom and /feed.json with gofeed, for all
// stories and for a search: one item per story, with its title, brief,
// sources and update time, linked to its page.
func TestStoryFeeds(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	ts := newServer(t, st, Options{})
	postPile(t, ts.URL)
	var list struct{ Stories []storyItem }
	call(t, "GET", ts.URL+"/api/stories", "", "", "", &list)
	if len(list.Stories) != 3 {
		t.Fatalf("%d stories, want 3 (the test's premise)", len(list.Stories))
	}
	var search struct{ Stories []storyItem }
	call(t, "GET", ts.URL+"/api/stories?q=prisoners", "", "", "", &search)
	tests := []struct {
		name, path, feedType string
		want                 []storyItem
	}{
		{"atom", "/feed.atom", "atom", list.Stories},
		{"json feed", "/feed.json", "json", list.Stories},
		{"atom search", "/feed.atom?q=prisoners", "atom", search.Stories},
		{"json feed search", "/feed.json?q=prisoners", "json", search.Stories},
		{"atom, one", "/feed.atom?limit=1", "atom", list.Stories[:1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			feed, err := gofeed.NewParser().Parse(resp.Body)
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			if feed.FeedType != tt.feedType || (tt.feedType == "json" && feed.FeedVersion != "https://jsonfeed.org/version/1.1") {
				t.Errorf("feed type %s %s, want %s", feed.FeedType, feed.FeedVersion, tt.feedType)
			}
			if len(feed.Items) != len(tt.want) {
				t.Fatalf("%d items, want %d", len(feed.Items), len(tt.want))
			}
			for i, it := range feed.Items {
				want := tt.want[i]
				page := fmt.Sprint(ts.URL, "/stories/", want.ID)
				updated, _ := time.Parse(time.RFC3339, want.Updated)
				if it.Title != want.Title || it.Link != page || it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(updated) {
					t.Errorf("item %d: %q %s %v, want %q %s %v", i, it.Title, it.Link, it.UpdatedParsed, want.Title, page, updated)
				}
				if want.Summary == "" || !strings.Contains(it.Description, firstWords(want.Summary, 6)) || !strings.Contains(it.Content, firstWords(want.Summary, 6)) {
					t.Errorf("item %d: description %.80q / content %.80q lack the brief %.80q", i, it.Description, it.Content, want.Summary)
				}
				var story struct {
					Sources []struct{ Outlet string }
				}
				call(t, "GET", fmt.Sprint(ts.URL, "/api/stories/", want.ID), "", "", "", &story)
				for _, src := range story.Sources {
					if !strings.Contains(it.Content, src.Outlet) {
						t.Errorf("item %d: content lacks the source %q", i, src.Outlet)
					}
					if !slices.ContainsFunc(it.Authors, func(p *gofeed.Person) bool { return p.Name == src.Outlet }) {
						t.Errorf("item %d: authors %v lack the outlet %q", i, it.Authors, src.Outlet)
					}
				}
			}
		})
	}
	for _, path := range []string{"/feed.atom?limit=0", "/feed.json?q=" + strings.Repeat("a+", MaxQueryTerms+1)} {
		if resp, err := http.Get(ts.URL + path); err != nil || resp.StatusCode != 400 {
			t.Errorf("GET %s: %v %v, want 400", path, resp.StatusCode, err)
		}
	}
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}
