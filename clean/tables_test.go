package clean

import (
	"strings"
	"testing"
)

// TestTablesTitlesDatelines covers plain text as wires and JSONL records
// give it: in bare text (see bareText) results tables are the article,
// but not on a page that shows furniture, nor a list of dated or counted
// links, nor a "Read more:" list; a first line that is not the input's
// headline stays in the text; a dateline on its own line is the dateline.
func TestTablesTitlesDatelines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		text     string
		title    string // Options.Title
		mustKeep []string
		mustDrop []string
		wantLine string // Meta.Dateline
	}{
		{
			name: "results table after a colon line",
			text: "Harbour Rovers beat Tallberg United 3-1 on Saturday to go top of the northern league table.\n\n" +
				"Results on Saturday:\n\nHarbour Rovers 3 Tallberg United 1\n\nKessel Town 0 Marden Athletic 2\n\n" +
				"Port Alder 1 Norland City 1\n\nThe league resumes next weekend after the cup break.",
			mustKeep: []string{"Harbour Rovers 3 Tallberg United 1", "Kessel Town 0 Marden Athletic 2", "Port Alder 1 Norland City 1"},
		},
		{
			name: "results table on a page with furniture",
			text: "Harbour Rovers beat Tallberg United 3-1 on Saturday to go top of the northern league table.\n\n" +
				"Results on Saturday:\n\nHarbour Rovers 3 Tallberg United 1\n\nKessel Town 0 Marden Athletic 2\n\n" +
				"Port Alder 1 Norland City 1\n\n© 2026 Harbour Post. All rights reserved.",
			mustKeep: []string{"Harbour Rovers beat Tallberg United"},
			mustDrop: []string{"Harbour Rovers 3 Tallberg United 1", "Kessel Town 0 Marden Athletic 2", "All rights reserved"},
		},
		{
			name: "archive list in bare text",
			text: "The council approved the harbour budget on Monday after a long debate about the ferry route.\n\n" +
				"Councillors said the vote would keep the ferry running until the end of the year.\n\n" +
				"Archive:\n\nJan 22, 2026 Ferry fares rise again at Port Alder\n\nJan 15, 2026 New mayor for Kessel\n\nBooks (15)\n\nHarbours (31)",
			mustKeep: []string{"The council approved the harbour budget"},
			mustDrop: []string{"Ferry fares rise again", "New mayor for Kessel", "Books (15)", "Harbours (31)"},
		},
		{
			name: "read-more list with figures",
			text: "The council approved the harbour budget on Monday after a long debate about the ferry route.\n\n" +
				"Councillors said the vote would keep the ferry running until the end of the year.\n\n" +
				"Read more:\n\n5 things to know about the ferry\n\nHarbour fees rise 10 percent in 2027",
			mustKeep: []string{"The council approved the harbour budget"},
			mustDrop: []string{"5 things to know", "Harbour fees rise 10 percent"},
		},
		{
			name:  "first line is not the given headline",
			title: "FERRY - NEW ROUTE OPENS",
			text: "The harbour office said in a notice on Monday, March 2:\n\n" +
				"The first ferry on the new route left Port Alder on Monday with 200 passengers on board.",
			mustKeep: []string{"The harbour office said in a notice", "The first ferry on the new route"},
		},
		{
			name:  "first line repeats the given headline",
			title: "New ferry route opens",
			text: "New ferry route opens\n\n" +
				"The first ferry on the new route left Port Alder on Monday with 200 passengers on board.",
			mustKeep: []string{"The first ferry on the new route"},
			mustDrop: []string{"New ferry route opens"},
		},
		{
			name: "dateline line",
			text: "PORT ALDER 2026-03-02\n\n" +
				"The first ferry on the new route left Port Alder on Monday with 200 passengers on board.",
			mustKeep: []string{"The first ferry on the new route"},
			mustDrop: []string{"2026-03-02"},
			wantLine: "PORT ALDER",
		},
		{
			name: "dateline line with a region and a wire",
			text: "KESSEL, Norland (AP) _\n\n" +
				"The first ferry on the new route left Port Alder on Monday with 200 passengers on board.",
			mustKeep: []string{"The first ferry on the new route"},
			mustDrop: []string{"(AP)"},
			wantLine: "KESSEL, Norland",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := Clean(tc.text, Options{Title: tc.title})
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			for _, s := range tc.mustKeep {
				if !strings.Contains(res.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, res.Text)
				}
			}
			for _, s := range tc.mustDrop {
				if strings.Contains(res.Text, s) {
					t.Errorf("text keeps %q:\n%s", s, res.Text)
				}
			}
			if res.Meta.Dateline != tc.wantLine {
				t.Errorf("Meta.Dateline = %q, want %q", res.Meta.Dateline, tc.wantLine)
			}
		})
	}
}

// TestWholeDateline: a block that is nothing but a dateline is labelled a
// dateline, whole, and never becomes an empty body block (an empty piece
// in the offset map; found by FuzzClean with "AA--").
func TestWholeDateline(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"AA--", "AB --", "PORT ALDER --\n\nThe harbour reopened on Monday after a storm closed it for three days, the port authority said."} {
		res, _ := Text(in)
		checkMap(t, in, res)
		b := res.Blocks[0]
		if b.Kind != Dateline || b.Start != 0 || b.Text == "" {
			t.Errorf("Text(%q) first block = %+v, want the whole dateline", in, b)
		}
		for _, b := range res.Blocks {
			if b.Text == "" {
				t.Errorf("Text(%q) has an empty block %+v", in, b)
			}
		}
	}
}
