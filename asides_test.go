package tidings

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/clean"
	"tidings/ingest"
	"tidings/news"
)

// TestAsides checks which dropped blocks of a text asides reads: rows of
// a table that touch the article's text, and no furniture.
func TestAsides(t *testing.T) {
	t.Parallel()
	type blk struct {
		kind clean.Kind
		rule string // "" for a kept (body) block
		text string
	}
	body := blk{clean.Body, "", "The final ended on Sunday after a draw in the last round."}
	row1 := blk{clean.Promotion, "read-more-list", "1. Anna Berg (Kestrel Bay) 7.5"}
	row2 := blk{clean.Promotion, "read-more-list", "2. Tomas Avery (Harlow) 7"}
	jobAd := blk{clean.Advertisement, "job-ad", "Jobs near you: Senior Analyst at Recruitment Genius, apply now"}
	tests := []struct {
		name   string
		html   bool
		blocks []blk
		want   []string
	}{
		{"table inside the article", false, []blk{body, row1, row2, body, jobAd}, []string{row1.text, row2.text}},
		{"one row beside furniture", false, []blk{body, row1, body, jobAd}, nil},
		{"one row in bare text", false, []blk{body, row1, body}, []string{row1.text}},
		{"table at the end of bare text", false, []blk{body, row1, row2}, []string{row1.text, row2.text}},
		{"run read up to prose", false, []blk{body, row1, row2, {clean.Promotion, "after-main", "The club will host the next final."}, jobAd},
			[]string{row1.text, row2.text}},
		{"dated line passed over", false, []blk{{clean.Navigation, "before-main", "3. Mira Holm (Vellmouth) 6.5"}, {clean.Dateline, "dateline-line", "KESTREL BAY 2026-03-01"}, body},
			[]string{"3. Mira Holm (Vellmouth) 6.5"}},
		{"headline with a figure", false, []blk{body, {clean.Promotion, "after-main", "Chef explains why he charges son Bobby, 17, rent"}, {clean.Promotion, "after-main", "Chef Jamie Oliver joins war on toxic food in 2020"}, body, jobAd}, nil},
		{"credit and job ad", false, []blk{body, {clean.Caption, "caption-credit", "Photo: Giles Ferrow 2026"}, jobAd, body}, nil},
		{"menu word run", false, []blk{{clean.Debris, "lone-word", "Contact"}, body}, nil},
		{"html", true, []blk{body, row1, row2, body}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var raw strings.Builder
			var drops []clean.Drop
			for _, b := range tc.blocks {
				if raw.Len() > 0 {
					raw.WriteString("\n\n")
				}
				start := raw.Len()
				raw.WriteString(b.text)
				if b.rule != "" {
					drops = append(drops, clean.Drop{Kind: b.kind, Rule: b.rule, Start: start, End: raw.Len(), Text: b.text})
				}
			}
			if got := asides(raw.String(), tc.html, drops); !slices.Equal(got, tc.want) {
				t.Errorf("asides = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("offsets outside the text", func(t *testing.T) {
		t.Parallel()
		drops := []clean.Drop{{Kind: clean.Promotion, Start: 10, End: 500, Text: row1.text}}
		if got := asides("too short", false, drops); got != nil {
			t.Errorf("asides = %q, want nil", got)
		}
	})
}

// TestAsideEntities runs a page we wrote (a menu, a byline, a dateline,
// a results table the cleaner drops, a job ad, reporting credits, a
// "Read more" line and a cookie notice) through the pipeline: the
// dateline's place and the names in the table are entities of the
// story; the byline, the credits, the job ad and the other story's name
// are not.
func TestAsideEntities(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "TestAsideEntities", "chess_final.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ingest.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	sts, err := new(Pipeline).Stories(context.Background(), arts, StoryOptions{})
	if err != nil || len(sts) != 1 {
		t.Fatalf("Stories = %d stories, %v; want 1", len(sts), err)
	}
	got := map[string]news.EntityKind{}
	for _, e := range sts[0].Entities {
		got[e.Name] = e.Kind
	}
	tests := []struct {
		name string
		kind news.EntityKind // 0: not an entity
	}{
		{"Anna Berg", news.Person},  // the text
		{"Kestrel Bay", news.Place}, // the dateline
		{"Mira Holm", news.Person},  // the table
		{"Oskar Lind", news.Person}, // the table
		{"Vellmouth", news.Place},   // the table
		{"Lena Voss", 0},            // the byline
		{"Giles Ferrow", 0},         // a credit
		{"Petra Lund", 0},           // a credit
		{"Recruitment Genius", 0},   // the job ad
		{"Viktor Sal", 0},           // another story
	}
	for _, tc := range tests {
		if k := got[tc.name]; k != tc.kind {
			t.Errorf("entity %q: kind %v, want %v (entities %v)", tc.name, k, tc.kind, got)
		}
	}
}
