package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
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

// TestLeadRecovered cleans a self-written page whose standfirst sits in a
// teaser box between the headline and the body, which go-trafilatura
// drops: the standfirst opens the article again, and the caption, the
// cookie notice and the related links stay out.
func TestLeadRecovered(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages2", "bridge_lead.html"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Clean(string(raw), Options{HTML: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, "The stone bridge over the Tarn") || !strings.Contains(res.Text, "Crews finished the road surface") {
		t.Errorf("Clean(bridge_lead.html).Text does not open with the standfirst, then the body:\n%s", res.Text)
	}
	for _, d := range []string{"Workers lay the last stones", "We use cookies", "Council approves", "All rights reserved"} {
		if strings.Contains(res.Text, d) {
			t.Errorf("Clean(bridge_lead.html) kept %q\ngot:\n%s", d, res.Text)
		}
	}
}

// TestLeadBlocks checks which page blocks before go-trafilatura's first
// block come back as the lead.
func TestLeadBlocks(t *testing.T) {
	t.Parallel()
	const (
		lead  = "The council voted on Tuesday to close the old market hall for a year of repairs."
		lead2 = "Traders will move to a tent on the square until the work is done next spring."
		body  = "The hall, built in 1887, has leaked since the storm of last winter."
		title = "Market hall to close for repairs"
	)
	prose := func(s string) pageBlock { return pageBlock{text: s} }
	tests := []struct {
		name  string
		page  []pageBlock
		title string
		want  []string
	}{
		{"after h1", []pageBlock{{text: title, h1: true, heading: true}, prose(lead), prose(body)}, title, []string{lead}},
		{"two in order", []pageBlock{{text: title, h1: true, heading: true}, prose(lead), {text: "Photo: J. Smith", caption: true}, prose(lead2), prose(body)}, title, []string{lead, lead2}},
		{"title without h1", []pageBlock{prose(lead2), prose(title + " | The Gazette"), prose(lead), prose(body)}, title, []string{lead}},
		{"stops at a heading", []pageBlock{prose(lead2), {text: "Top stories", heading: true}, prose(lead), prose(body)}, "", []string{lead}},
		{"no caption, furniture, links", []pageBlock{{text: title, h1: true}, {text: lead, caption: true}, {text: lead2, furniture: true}, {text: lead, linkBytes: len(lead)}, prose(body)}, title, nil},
		{"short or no sentence", []pageBlock{{text: title, h1: true}, prose("Updated 12 May 2025."), prose("The council voted on Tuesday to close the old market hall"), prose(body)}, title, nil},
		{"body not found", []pageBlock{{text: title, h1: true}, prose(lead)}, title, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := leadBlocks(tc.page, []string{body}, tc.title)
			if !slices.Equal(got, tc.want) {
				t.Errorf("leadBlocks() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPageBlocksBoxed checks which blocks of a page the markup sets in a
// box of furniture: a small element whose class names furniture, not one
// that holds most of the text, nor the classes of body and article, nor a
// heading's id.
func TestPageBlocksBoxed(t *testing.T) {
	t.Parallel()
	const para = "<p>The council voted on Tuesday to close the old market hall for a year of repairs.</p>"
	tests := []struct {
		name, page string
		want       map[string]bool // block text prefix -> boxed
	}{
		{"small box", `<div>` + para + `<div class="c-author-bio"><p>Ann Lee covers the town hall.</p></div></div>`,
			map[string]bool{"The council": false, "Ann Lee": true}},
		{"box holding the article", `<div class="entry share-wrap">` + para + para + `</div>`,
			map[string]bool{"The council": false}},
		{"body and article classes", `<article class="tag-social">` + para + `<p class="x">Short line.</p></article>`,
			map[string]bool{"Short line": false}},
		{"heading id", `<div>` + para + `<h3 id="nav_the_hall">The hall</h3>` + para + `</div>`,
			map[string]bool{"The hall": false}},
		{"words, not substrings", `<div>` + para + `<div class="wsmenucontainer"><p>Menu words.</p></div><div class="related_posts"><p>Other story.</p></div></div>`,
			map[string]bool{"Menu words": false, "Other story": true}},
		{"every text of the block", `<div>` + para + `<p><span class="credit">Photo:</span> the hall in 1900.</p></div>`,
			map[string]bool{"Photo:": false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := html.Parse(strings.NewReader("<html><body class=\"cookies-not-set\">" + tc.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			page := pageBlocks(doc, 120)
			for prefix, want := range tc.want {
				found := false
				for _, b := range page {
					if strings.HasPrefix(b.text, prefix) {
						found = true
						if b.boxed != want {
							t.Errorf("block %q boxed = %v, want %v", b.text, b.boxed, want)
						}
					}
				}
				if !found {
					t.Errorf("no block %q in %+v", prefix, page)
				}
			}
		})
	}
}

// TestMarkFurniture checks that an article block goes to promotion only
// when every block of its text on the page is boxed.
func TestMarkFurniture(t *testing.T) {
	t.Parallel()
	page := []pageBlock{{text: "A"}, {text: "B", boxed: true}, {text: "C", boxed: true}, {text: "C"}}
	bs := []Block{{Kind: Body, Text: "A"}, {Kind: Body, Text: "B"}, {Kind: Heading, Text: "C"}, {Kind: Caption, Text: "B"}}
	if !markFurniture(bs, page) {
		t.Fatal("markFurniture() = false, want true")
	}
	want := []Kind{Body, Promotion, Heading, Caption}
	for i, b := range bs {
		if b.Kind != want[i] {
			t.Errorf("block %d (%q) kind %v, want %v", i, b.Text, b.Kind, want[i])
		}
	}
}

// TestHeadingsAfterProse checks which headings after the article's last
// paragraph of prose go to promotion.
func TestHeadingsAfterProse(t *testing.T) {
	t.Parallel()
	const prose = "The ferry crews went back to work on Friday after the talks ended."
	b := func(k Kind, text string) Block { return Block{Kind: k, Text: text} }
	tests := []struct {
		name string
		in   []Block
		want []Kind
	}{
		{"related list", []Block{b(Body, prose), b(Heading, "Related articles"), b(Heading, "Storm closes harbour"), b(Heading, "Fish market reopens")},
			[]Kind{Body, Promotion, Promotion, Promotion}},
		{"closing list", []Block{b(Body, prose), b(Heading, "Sources"), b(Body, "Port Alder council minutes")},
			[]Kind{Body, Heading, Body}},
		{"section before prose", []Block{b(Heading, "The talks"), b(Body, prose), b(Heading, "What next"), b(Body, prose)},
			[]Kind{Heading, Body, Heading, Body}},
		{"heading over furniture", []Block{b(Body, prose), b(Heading, "Share this"), b(Social, "Facebook")},
			[]Kind{Body, Promotion, Social}},
		{"no prose", []Block{b(Heading, "Menu"), b(Heading, "Home")}, []Kind{Heading, Heading}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			changed := headingsAfterProse(tc.in)
			var got []Kind
			for _, b := range tc.in {
				got = append(got, b.Kind)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("headingsAfterProse() kinds %v, want %v", got, tc.want)
			}
			if want := slices.Contains(tc.want, Promotion); changed != want {
				t.Errorf("headingsAfterProse() = %v, want %v", changed, want)
			}
		})
	}
}

// TestPageHeadline checks when the page's h1 replaces the title of its
// metadata.
func TestPageHeadline(t *testing.T) {
	t.Parallel()
	h1 := func(s string) pageBlock { return pageBlock{text: s, h1: true, heading: true} }
	tests := []struct {
		name  string
		page  []pageBlock
		title string
		want  string
	}{
		{"site name after", []pageBlock{{text: "Menu"}, h1("Storm closes harbour")}, "Storm closes harbour | Port Alder Gazette", "Storm closes harbour"},
		{"site name before", []pageBlock{h1("Storm closes harbour")}, "Gazette - Storm closes harbour", "Storm closes harbour"},
		{"same title", []pageBlock{h1("Storm closes harbour")}, "Storm closes harbour", ""},
		{"h1 is the site", []pageBlock{h1("Gazette")}, "Storm closes harbour | Gazette", ""},
		{"other h1", []pageBlock{h1("Latest news")}, "Storm closes harbour | Gazette", ""},
		{"first h1 only", []pageBlock{h1("Latest news"), h1("Storm closes harbour")}, "Storm closes harbour | Gazette", ""},
		{"no h1", []pageBlock{{text: "Storm closes harbour"}}, "Storm closes harbour | Gazette", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := pageHeadline(tc.page, tc.title); got != tc.want {
				t.Errorf("pageHeadline(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestJoinFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a b", "a  b", "\ta\nb\r\n", "a\u00a0b", "a\u2003 b\u3000", "ünï  cödé ", "x\u0085y", "\xffa  b\xfe", "  many   spaced   words  here "} {
		want := strings.Join(strings.Fields(s), " ")
		if got := joinFields(s); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzJoinFields(f *testing.F) {
	f.Add(" a  b\u00a0c ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzIsNFC(f *testing.F) {
	for _, s := range []string{"", "abc", "caf\u00e9", "cafe\u0301", "e\u0301", "\u0301", "abcdefgh\u0301", "abcdefghe\u0301x",
		"\u1100\u1161", "x\u1100\u1161\u11a8", "ab\u0bc6\u0bbe", "\xff", "abcdefgh\xffe\u0301", "Ａ\u0308"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%q) = %v, norm.NFC.IsNormalString %v", s, got, want)
		}
	})
}
