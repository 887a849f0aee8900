package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The pile fixture: five pages of one made-up site (the same menu,
// sidebar of headlines, job ads, newsletter plea and footer around four
// stories) and a wire copy of the first story from another site.
func readPile(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/pile/*.txt")
	if err != nil || len(paths) != 6 {
		t.Fatalf("pile fixture: %v, %d pages", err, len(paths))
	}
	pages := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(p)] = string(b)
	}
	return pages
}

func TestPile(t *testing.T) {
	t.Parallel()
	pages := readPile(t)
	pile := NewPile(0)
	for _, raw := range pages {
		pile.Add(raw, Options{})
	}
	sidebar := []string{"Ferry timetable changes", "Alder Rovers sign goalkeeper", "Fish market prices climb",
		"Senior reporter, Port Alder newsroom", "Delivery driver wanted", "Get the morning briefing"}
	tests := []struct {
		page     string
		mustKeep []string
		mustDrop []string
	}{
		{"gazette-1.txt", []string{"The town council voted on Tuesday", "Engineers found that three of the pier's",
			"Opponents said the money should go"}, sidebar},
		{"gazette-2.txt", []string{"The keeper of the Skarv Point lighthouse", "The coastal authority said a volunteer group"}, sidebar},
		{"gazette-3.txt", []string{"Three primary schools in Port Alder", "said plant manager Olof Sund"}, sidebar},
		// A follow-up that reuses a background paragraph of gazette-1.
		{"gazette-4.txt", []string{"The town has picked Nordvik Marine", "Engineers found that three of the pier's",
			"We will have boats back at the pier"}, sidebar},
		// The sidebar inside the article, and two lines of background
		// from gazette-3 beside it: a run of two, which stays.
		{"gazette-5.txt", []string{"Heat returned to the three primary schools", "Parents were asked to keep children at home",
			"Pupils will be served a hot lunch", "The operator said it would check every valve"}, sidebar},
		// A wire copy: every paragraph recurs on gazette-1, a partner.
		{"wire-pier.txt", []string{"The town council voted on Tuesday", "The work will cost 4.2 million crowns",
			"Engineers found that three of the pier's", "Opponents said the money should go"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			raw := pages[tc.page]
			alone, err := Clean(raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := pile.Clean(raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.mustKeep {
				if !strings.Contains(res.Text, s) {
					t.Errorf("dropped %q\ntext:\n%s", s, res.Text)
				}
			}
			for _, s := range tc.mustDrop {
				if strings.Contains(res.Text, s) {
					t.Errorf("kept %q\ntext:\n%s", s, res.Text)
				}
			}
			checkOnlyDrops(t, alone, res)
		})
	}
}

// checkOnlyDrops checks that res, cleaned with a pile, differs from
// alone, cleaned without, only by article blocks the pile dropped.
func checkOnlyDrops(t *testing.T, alone, res Result) {
	t.Helper()
	if len(alone.Blocks) != len(res.Blocks) {
		t.Fatalf("%d blocks with the pile, %d alone", len(res.Blocks), len(alone.Blocks))
	}
	for i, b := range res.Blocks {
		a := alone.Blocks[i]
		if b.Start != a.Start || b.End != a.End || b.Text != a.Text {
			t.Fatalf("block %d is [%d,%d) with the pile, [%d,%d) alone", i, b.Start, b.End, a.Start, a.End)
		}
		if b.Kind != a.Kind && (b.Rule != "pile-repeat" || !a.Kind.InArticle() || b.Kind.InArticle()) {
			t.Errorf("block %d %q: %s (%s) with the pile, %s (%s) alone", i, b.Text, b.Kind, b.Rule, a.Kind, a.Rule)
		}
	}
}

func TestPileAlone(t *testing.T) {
	t.Parallel()
	// A pile of one page, or of pages that share nothing, changes
	// nothing; nor does a pile for an HTML page.
	pages := readPile(t)
	for name, raw := range pages {
		for _, pile := range []*Pile{NewPile(0), func() *Pile { p := NewPile(0); p.Add(raw, Options{}); return p }()} {
			alone, err1 := Clean(raw, Options{})
			res, err2 := pile.Clean(raw, Options{})
			if err1 != nil || err2 != nil || res.Text != alone.Text {
				t.Errorf("%s: text changed by a pile of itself (%v, %v)", name, err1, err2)
			}
		}
	}
	pile := NewPile(0)
	html := "<html><body><nav>Home</nav><article><p>" + strings.Repeat("The ferry sailed at dawn with forty passengers aboard. ", 8) + "</p></article></body></html>"
	pile.Add(html, Options{HTML: true})
	if len(pile.seen) != 0 {
		t.Errorf("an HTML page added %d blocks", len(pile.seen))
	}
}

func TestPileBounded(t *testing.T) {
	t.Parallel()
	pile := NewPile(0)
	var sb strings.Builder
	for i := range maxPileBlocks/100 + 10 {
		sb.Reset()
		for j := range 100 {
			fmt.Fprintf(&sb, "Line %d of page %d.\n\n", j, i)
		}
		pile.Add(sb.String(), Options{})
	}
	if n := len(pile.seen); n > maxPileBlocks {
		t.Errorf("pile holds %d blocks, bound %d", n, maxPileBlocks)
	}
}

func TestPileConcurrent(t *testing.T) {
	t.Parallel()
	pages := readPile(t)
	pile := NewPile(0)
	var wg sync.WaitGroup
	for _, raw := range pages {
		wg.Go(func() {
			pile.Add(raw, Options{})
			if _, err := pile.Clean(raw, Options{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	res, err := pile.Clean(pages["gazette-2.txt"], Options{})
	if err != nil || strings.Contains(res.Text, "Fish market prices climb") {
		t.Errorf("after concurrent adds the sidebar stays (%v):\n%s", err, res.Text)
	}
}

// FuzzPile checks that a pile only ever drops article blocks: cleaned
// with a pile holding other pages made of its lines, a page has the same
// blocks as alone, and any changed label is a pile-repeat drop.
func FuzzPile(f *testing.F) {
	pages := readPile(f)
	f.Add(pages["gazette-1.txt"], pages["gazette-2.txt"])
	f.Add("Menu\n\nNews\n\nA short story of the day, told in full.\n\nMenu\n\nNews", "Menu\n\nNews")
	f.Fuzz(func(t *testing.T, raw, other string) {
		if len(raw) > 1<<16 || len(other) > 1<<16 {
			return
		}
		pile := NewPile(0)
		pile.Add(raw, Options{})
		pile.Add(other, Options{})
		// The other page again with its lines in another order.
		lines := strings.Split(other, "\n\n")
		for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
			lines[i], lines[j] = lines[j], lines[i]
		}
		pile.Add(strings.Join(lines, "\n\n")+"\n\nEnd.", Options{})
		alone, err1 := Clean(raw, Options{})
		res, err2 := pile.Clean(raw, Options{})
		if err1 == nil && err2 != nil {
			t.Fatalf("the pile emptied the article: %v", err2)
		}
		checkOnlyDrops(t, alone, res)
	})
}

// TestPileLineHash checks that copies of a line that differ only in
// their spacing hash alike, and that different words do not.
func TestPileLineHash(t *testing.T) {
	p := NewPile(0)
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Jobs at the Gazette", "Jobs at the Gazette", true},
		{"Jobs at the Gazette", "  Jobs at the Gazette \t", true},
		{"Jobs at the Gazette", "Jobs  at\tthe\u00a0Gazette", true},
		{"Jobs at the Gazette", "Jobs at the\u2003 Gazette", true},
		{"Jobs at the Gazette", "Jobs at theGazette", false},
		{"Jobs at the Gazette", "Jobs at the Gazette.", false},
		{"", " \t ", true},
	} {
		ha, hb := p.lineHash(tc.a), p.lineHash(tc.b)
		if (ha == hb) != tc.same {
			t.Errorf("lineHash(%q) == lineHash(%q): %v, want %v", tc.a, tc.b, ha == hb, tc.same)
		}
	}
	if h := p.lineHash(" \t "); h != 0 {
		t.Errorf("a blank line hashes to %#x, want 0", h)
	}
}
