package tidings

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"tidings/cluster"
	"tidings/ingest"
	"tidings/news"
)

// pile reads examples/pile: two meetings of the same ministers in the same
// city three weeks apart, a wire copy and its reprint, and an unrelated
// strike, all written for these tests.
func pile(t *testing.T) []news.Article {
	t.Helper()
	data, err := os.ReadFile("examples/pile/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ingest.Parse("articles.jsonl", data)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func groupIDs(t *testing.T, opts StoryOptions) []string {
	t.Helper()
	var prepared []news.Article
	p := &Pipeline{}
	for _, a := range pile(t) {
		if _, err := p.Prepare(&a); err != nil {
			t.Fatal(err)
		}
		prepared = append(prepared, a)
	}
	kept, groups := Group(prepared, opts)
	var out []string
	for _, g := range groups {
		var ids []string
		for _, k := range g {
			ids = append(ids, kept[k].ID)
			for _, c := range kept[k].Copies {
				ids = append(ids, c.ID+"(copy)")
			}
		}
		slices.Sort(ids)
		out = append(out, strings.Join(ids, " "))
	}
	return out
}

func TestGroupSplitsRepeatedMeetings(t *testing.T) {
	got := groupIDs(t, StoryOptions{})
	want := []string{
		"capital-times-1 harbour-post-1 northern-echo-1(copy) valley-wire-1",
		"capital-times-2 harbour-post-2",
		"harbour-post-3",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stories:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without the time window, content alone joins the two meetings: it
	// is the dates that keep them apart.
	got = groupIDs(t, StoryOptions{Cluster: cluster.Options{Window: -1}})
	if len(got) != 2 {
		t.Errorf("without a time window: %d stories, want the meetings merged into 2:\n%s", len(got), strings.Join(got, "\n"))
	}
}

func TestStoriesBriefEach(t *testing.T) {
	stories, err := (&Pipeline{}).Stories(context.Background(), pile(t), StoryOptions{Brief: Options{Words: 60}})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 3 {
		t.Fatalf("%d stories, want 3", len(stories))
	}
	for i, s := range stories {
		if s.ID != string(rune('1'+i)) {
			t.Errorf("story %d has id %q", i, s.ID)
		}
		if i > 0 && len(s.Articles) > len(stories[i-1].Articles) {
			t.Errorf("story %s is larger than the one before it", s.ID)
		}
		if len(s.Summary.Sentences) == 0 || s.Summary.Words > 60 {
			t.Errorf("story %s: %d sentences, %d words", s.ID, len(s.Summary.Sentences), s.Summary.Words)
		}
	}
}
