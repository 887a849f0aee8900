package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPageForms cleans one self-written page as served (HTML) and as
// copied out of a browser (text): both must keep the article with its
// subheading and drop the cookie notice, menu, caption, sidebar, job ads
// and footer, and find the same metadata.
func TestPageForms(t *testing.T) {
	t.Parallel()
	mustKeep := []string{
		"Crews on the three ferries that link Port Alder with the outer islands walked out on Tuesday morning",
		"Islanders stranded",
		`"We have a hospital appointment in town on Thursday and no idea how we will get there," said Ada Lind`,
		"The ferry company said it would run a reduced service",
	}
	mustDrop := []string{"cookies", "Accept", "Sport", "The Wren leaves", "Jon Berg", "Most read", "Harbour lights return",
		"Storm closes", "Deckhand", "Apply now", "newsletter", "All rights reserved", "By Mira Holt"}
	tests := []struct {
		name string
		file string
		opts Options
	}{
		{"html", "ferry_strike.html", Options{HTML: true}},
		{"text", "ferry_strike.txt", Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join("testdata", "pages2", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Clean(string(raw), tc.opts)
			if err != nil {
				t.Fatalf("Clean(%s) error: %v", tc.file, err)
			}
			for _, k := range mustKeep {
				if !strings.Contains(res.Text, k) {
					t.Errorf("Clean(%s) lost %q\ngot:\n%s", tc.file, k, res.Text)
				}
			}
			for _, d := range mustDrop {
				if strings.Contains(res.Text, d) {
					t.Errorf("Clean(%s) kept %q\ngot:\n%s", tc.file, d, res.Text)
				}
			}
			m := res.Meta
			if m.Title != "Ferry crews strike over winter timetable" && !strings.HasPrefix(m.Title, "Ferry crews strike over winter timetable |") {
				t.Errorf("Clean(%s).Meta.Title = %q", tc.file, m.Title)
			}
			if m.Author != "Mira Holt" || m.Outlet != "Port Alder Courier" || m.Date.Format("2006-01-02") != "2025-11-04" {
				t.Errorf("Clean(%s).Meta = %q, %q, %v, want Mira Holt, Port Alder Courier, 2025-11-04 (sources %v)",
					tc.file, m.Author, m.Outlet, m.Date, m.Sources)
			}
			for _, f := range []string{"author", "outlet", "date"} {
				if m.Sources[f] == "" {
					t.Errorf("Clean(%s).Meta.Sources[%q] is empty", tc.file, f)
				}
			}
			if len(res.Headings) != 1 || res.Text[res.Headings[0][0]:res.Headings[0][1]] != "Islanders stranded" {
				t.Errorf("Clean(%s).Headings = %v, want the one subheading", tc.file, res.Headings)
			}
			src := string(raw)
			if tc.opts.HTML {
				src = res.Source
			}
			for _, b := range res.Blocks {
				if src[b.Start:b.End] != b.Text {
					t.Errorf("Clean(%s) block %+v is not its source's bytes %q", tc.file, b, src[b.Start:b.End])
				}
			}
			checkMap(t, src, res)
		})
	}
}

func TestFindDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"March 30, 2014|By Paul Richter", "2014-03-30"},
		{"Thursday, November 9, 2023 4:41AM", "2023-11-09"},
		{"Veröffentlicht am 10. Februar 2019 von Heiko", "2019-02-10"},
		{"Erstellt am: 01.11.2023", "2023-11-01"},
		{"publié le 5 mars 2021", "2021-03-05"},
		{"Managua, Nicaragua 26, Abril, 2022 7:43 p.m.", "2022-04-26"},
		{"opublikowano 3 listopada 2020", "2020-11-03"},
		{"date 2014-03-05", "2014-03-05"},
		{"2020年2月19日 10:00", "2020-02-19"},
		{"26/10/2018", "2018-10-26"},
		{"10/26/2018", "2018-10-26"},
		{"Copyright 2019", ""},
		{"31.02.2019", ""},
		{"no date here", ""},
	}
	for _, tc := range tests {
		got := ""
		if d, ok := FindDate(tc.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("FindDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestURLAndOutlet(t *testing.T) {
	t.Parallel()
	raw := "Menu\n\nHarbour reopens after storm\n\nThe harbour at Port Alder reopened on Friday after three days of storms kept every boat in port.\n\nFishing crews said the damage to the pier was smaller than they had feared."
	tests := []struct {
		name, url, date, outlet, source string
	}{
		{"date and host from the URL", "https://www.alder-courier.example/news/2024/01/12/harbour-reopens/", "2024-01-12", "alder-courier.example", "url-host"},
		{"no URL", "", "0001-01-01", "", ""},
	}
	for _, tc := range tests {
		res, err := Clean(raw, Options{URL: tc.url})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Meta.Date.Format("2006-01-02"); got != tc.date || res.Meta.Outlet != tc.outlet || res.Meta.Sources["outlet"] != tc.source {
			t.Errorf("%s: Clean(url %q) = date %s outlet %q (%s), want %s %q (%s)", tc.name, tc.url, got, res.Meta.Outlet,
				res.Meta.Sources["outlet"], tc.date, tc.outlet, tc.source)
		}
	}
}
