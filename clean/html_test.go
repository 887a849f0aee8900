package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHTMLEncodings cleans the ferry_strike page in the forms a saved page
// comes in: UTF-8 with soft hyphens and decomposed accents (parsed by
// clean itself, normalised as go-trafilatura's reader would) and
// ISO-8859-1 (left to go-trafilatura's encoding detection). Each must
// give the same article, in NFC UTF-8 without soft hyphens.
func TestHTMLEncodings(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", "ferry_strike.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(string(raw), "said Ada Lind, who runs", "said Ada Lind, who runs the Caf\u00e9 Skerry and", 1)
	const want = "said Ada Lind, who runs the Caf\u00e9 Skerry and"
	latin1 := make([]byte, 0, len(page))
	for _, r := range page {
		latin1 = append(latin1, byte(r)) // the page is ASCII but for é
	}
	tests := []struct {
		name, page string
	}{
		{"utf-8", page},
		{"soft-hyphens-nfd", strings.NewReplacer("Crews on", "Cr\u00adews on", "Caf\u00e9", "Cafe\u0301").Replace(page)},
		{"iso-8859-1", string(latin1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := Clean(tc.page, Options{HTML: true})
			if err != nil {
				t.Fatalf("Clean(%s page) error: %v", tc.name, err)
			}
			if !utf8.ValidString(res.Text) || strings.Contains(res.Text, "\u00ad") {
				t.Errorf("Clean(%s page).Text is not UTF-8 without soft hyphens: %q", tc.name, res.Text)
			}
			for _, k := range []string{want, "Crews on the three ferries"} {
				if !strings.Contains(res.Text, k) {
					t.Errorf("Clean(%s page) lost %q\ngot:\n%s", tc.name, k, res.Text)
				}
			}
		})
	}
}

// TestUnlinkedLists cleans a self-written page whose article holds its own
// list after a line ending in ":" and ends with a list of linked
// headlines: the article's list stays, the linked headlines go.
func TestUnlinkedLists(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", "harbour_fair.html"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Clean(string(raw), Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"For the pastry:", "Two cups of plain flour", "Three spoons of iced water", "He said the secret"} {
		if !strings.Contains(res.Text, k) {
			t.Errorf("Clean(harbour_fair.html) lost %q\ngot:\n%s", k, res.Text)
		}
	}
	for _, d := range []string{"Read more", "Storm closes", "fish market", "All rights reserved"} {
		if strings.Contains(res.Text, d) {
			t.Errorf("Clean(harbour_fair.html) kept %q\ngot:\n%s", d, res.Text)
		}
	}
}
