package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTextFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		page     string
		mustKeep []string
		mustDrop []string
		title    string
		outlet   string
		author   string
		dateline string
		date     string
		heading  string
	}{
		{
			page: "wire_dateline.txt",
			mustKeep: []string{
				"Negotiators from Norland and the Skerry Islands resumed talks on Tuesday",
				"The two sides failed to agree on a catch limit in March",
				`"We hope to close the gap this week," said Norland's fisheries minister, Ola Strand.`,
			},
			mustDrop: []string{"REYKHOLT", "REUTERS/Anna Berg", "Sign up", "Read more", "Skerry Islands elect new fisheries council",
				"Cod prices hit", "@NorthernPress", "Reporting by Lars Holm", "Talks resume over fishing quotas"},
			title:    "Talks resume over fishing quotas",
			outlet:   "Northern Press",
			dateline: "REYKHOLT, Norland",
		},
		{
			page: "page_twice.txt",
			mustKeep: []string{
				"The university's new telescope recorded its first images on Sunday",
				"showed dust clouds around a young star in unprecedented detail.",
			},
			mustDrop: []string{"YOU ARE HERE", "Paul Richter", "is greeted by", "Advertisement", "All rights reserved"},
			author:   "Paul Richter",
			date:     "2014-03-30",
		},
		{
			page: "archived_gallery.txt",
			mustKeep: []string{
				"The lamps along Port Alder's old harbour wall were switched on again on Saturday",
				"some of them more than a century old.",
				`"It feels like the town has its evening back," said Ines Barros`,
			},
			mustDrop: []string{"Hide Caption", "A volunteer polishes", "These crawls", "No More 404"},
			title:    "Harbour lights return to Port Alder",
		},
		{
			page: "credits_and_widgets.txt",
			mustKeep: []string{
				"Researchers measuring the Hallor glacier in northern Norland said on Thursday",
				"The team used drones to map the ice surface",
				`"The glacier is losing mass faster than our models expected," Olsen said.`,
			},
			mustDrop: []string{"Full Screen", "View Images", "camp below the Hallor", "Buy Photo", "Wait 1 second",
				"contributed to this report", "science editor", "can be reached", "@ValleyHerald", "EDITORS:",
				"Photo and graphics information", "comment box", "live chat", "Tap to play"},
			title: "Glacier survey finds faster melt",
		},
		{
			page: "embeds.txt",
			mustKeep: []string{
				"A keeper's log from the Skerry Point lighthouse",
				"The log records storms, shipwrecks",
				`"It reads like a diary of the weather," Lind said.`,
				"The museum will keep the log on show until the end of the summer.",
			},
			mustDrop: []string{"Tweet location", "interactive transcript", "Rating is available", "not available right now",
				"Reprints", "non-commercial", "not a robot", "newsletters", "through the years", "second storey",
				"Back to Gallery", "entry for the storm"},
			title: "Lighthouse keeper's log goes on show",
		},
		{
			page: "wire_sales.txt",
			mustKeep: []string{
				"The Lannic islands ferry company will add a winter sailing",
				"said Mari Voss, who runs the post office.",
			},
			mustDrop: []string{"____", "To publish", "must be purchased", "NONSUBSCRIBERS", "OLE TRAN", "fax"},
		},
		{
			page: "old_wire.txt",
			mustKeep: []string{"Fishing crews in the harbour agreed on Tuesday", `"Nobody wanted to lose the season," Marks said.`,
				"Further south, the crab fleet voted on Wednesday"},
			mustDrop: []string{"NEAH BAY", " _ ", "WESTPORT"},
			dateline: "NEAH BAY, Wash.",
		},
		{
			page:     "dated_wire.txt",
			mustKeep: []string{"Peru's transport ministry suspended all night flights", "The ministry said repairs"},
			mustDrop: []string{"LIMA", "Dec 1", "(Andes Wire)"},
			outlet:   "Andes Wire",
			dateline: "LIMA, Dec 1",
		},
		{
			page: "cnn_widgets.txt",
			mustKeep: []string{"The ferry that ran aground off Port Alder on Sunday was refloated on Tuesday",
				"Divers found no damage to the hull", "The ferry company said sailings would resume on Friday."},
			mustDrop: []string{"(CNN)", "JUST WATCHED", "Replay More Videos", "Click through the gallery", "MARDEN"},
			outlet:   "CNN",
			dateline: "Port Alder, Norland",
		},
		{
			// The comments after the marker are longer than the post:
			// the post is still the article, and its stamp gives the
			// date, not the sidebar's or the comments' dates.
			page: "blog_comments.txt",
			mustKeep: []string{"We stopped digging our beds three years ago", "The first year was hard.",
				"We still dig one bed, as a test."},
			mustDrop: []string{"couch grass", "Where do you get so much compost?", "My grandfather", "Seed swap", "Reply"},
			title:    "Why we stopped digging",
			date:     "2021-03-03",
		},
		{
			// A French page writes 03/05/2022 day first; the header's
			// date of the day and the teasers' dates are not the
			// article's.
			page: "marche_fr.txt",
			mustKeep: []string{"Après deux ans de travaux, le marché couvert de Valmont a rouvert ses portes mardi matin.",
				"La mairie prévoit d'ouvrir le marché le dimanche"},
			mustDrop: []string{"Accueil", "Le pont de la Sarre", "Fête de la musique"},
			title:    "Le marché couvert de Valmont rouvre ses portes",
			date:     "2022-05-03",
		},
		{
			// A standfirst under the headline is article text; a
			// caption ends in a German credit; a short question heads
			// the next paragraphs; the "Lesen Sie auch" list goes.
			page: "faehre_de.txt",
			mustKeep: []string{"Die Reederei stellt ab Juni ein größeres Schiff",
				"Die Reederei Nordlicht hat am Montag ein neues Fährschiff", "Was ändert sich für die Fahrgäste?",
				"Die Insel sei auf eine verlässliche Verbindung angewiesen"},
			mustDrop: []string{"Startseite", "Foto: Jana Beck", "Lesen Sie auch", "Hafenfest", "Radweg"},
			title:    "Neue Fähre für die Insel Lorn",
			heading:  "Was ändert sich für die Fahrgäste?",
		},
		{
			page: "quotes_kept.txt",
			mustKeep: []string{
				"Heavy rain flooded three streets in Lenning overnight, the town council said.",
				`"Our thoughts are with the families who lost their homes,"`,
				"said council leader Rob Ames",
				"The council opened a shelter at the sports hall.",
				"Rescue workers used boats to reach 40 houses (about 120 people) on Mill Street.",
			},
			mustDrop: []string{"Source:", "By Ana Ruiz"},
			title:    "A small flood in the valley",
			outlet:   "Valley Herald",
			author:   "Ana Ruiz",
		},
	}
	for _, tc := range tests {
		t.Run(tc.page, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join("testdata", "pages", tc.page))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Text(string(raw))
			if err != nil {
				t.Fatalf("Text(%s) error: %v", tc.page, err)
			}
			for _, k := range tc.mustKeep {
				if !strings.Contains(res.Text, k) {
					t.Errorf("Text(%s) lost %q\ngot:\n%s", tc.page, k, res.Text)
				}
			}
			for _, d := range tc.mustDrop {
				if strings.Contains(res.Text, d) {
					t.Errorf("Text(%s) kept %q\ngot:\n%s", tc.page, d, res.Text)
				}
			}
			// A repeated body is kept once.
			for _, k := range tc.mustKeep {
				if n := strings.Count(res.Text, k); n > 1 {
					t.Errorf("Text(%s) kept %q %d times, want once", tc.page, k, n)
				}
			}
			m := res.Meta
			checks := []struct{ field, got, want string }{
				{"Title", m.Title, tc.title}, {"Outlet", m.Outlet, tc.outlet}, {"Author", m.Author, tc.author},
				{"Dateline", m.Dateline, tc.dateline},
			}
			if tc.date != "" {
				checks = append(checks, struct{ field, got, want string }{"Date", m.Date.Format("2006-01-02"), tc.date})
			}
			for _, c := range checks {
				if c.want != "" && c.got != c.want {
					t.Errorf("Text(%s).Meta.%s = %q, want %q", tc.page, c.field, c.got, c.want)
				}
			}
			if tc.heading != "" && !slices.ContainsFunc(res.Headings, func(h [2]int) bool { return res.Text[h[0]:h[1]] == tc.heading }) {
				t.Errorf("Text(%s).Headings = %v, want one spanning %q", tc.page, res.Headings, tc.heading)
			}
			checkMap(t, string(raw), res)
		})
	}
}

// checkMap asserts that every mapped piece is the same bytes in the raw
// input and that the map is monotonic.
func checkMap(t *testing.T, raw string, res Result) {
	t.Helper()
	prevClean, prevRaw := -1, -1
	for _, p := range res.Map {
		if p.Clean <= prevClean || p.Raw <= prevRaw || p.Len <= 0 {
			t.Fatalf("map not monotonic at %+v", p)
		}
		if res.Text[p.Clean:p.Clean+p.Len] != raw[p.Raw:p.Raw+p.Len] {
			t.Fatalf("piece %+v differs from the input", p)
		}
		prevClean, prevRaw = p.Clean, p.Raw
	}
	if off, ok := res.RawOffset(0); len(res.Map) > 0 && (!ok || off != res.Map[0].Raw) {
		t.Errorf("RawOffset(0) = %d, %v, want %d, true", off, ok, res.Map[0].Raw)
	}
}

func TestHTML(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Dam opens | River Times</title>
<meta property="og:site_name" content="River Times"><meta name="author" content="Kai Lund">
<meta property="article:published_time" content="2026-05-02T10:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/a">World</a> | <a href="/b">Sport</a> | <a href="/c">Money</a></nav>
<article><h1>Dam opens on the Oster river</h1>
<p>The new dam on the Oster river opened on Saturday after nine years of construction and a long dispute over its cost.</p>
<p>Engineers said the dam would supply power to about 200,000 homes and protect three towns from spring floods.</p>
<p>Farmers downstream said they were still worried about water for their fields in dry summers.</p>
</article><footer>Copyright 2026 River Times. All rights reserved.</footer></body></html>`
	res, err := HTML(page)
	if err != nil {
		t.Fatalf("HTML() error: %v", err)
	}
	for _, k := range []string{"The new dam on the Oster river opened on Saturday", "Farmers downstream said"} {
		if !strings.Contains(res.Text, k) {
			t.Errorf("HTML() lost %q; got %q", k, res.Text)
		}
	}
	if strings.Contains(res.Text, "All rights reserved") || strings.Contains(res.Text, "Sport") {
		t.Errorf("HTML() kept page furniture: %q", res.Text)
	}
	if res.Meta.Outlet != "River Times" || res.Meta.Author != "Kai Lund" || res.Meta.Date.Format("2006-01-02") != "2026-05-02" {
		t.Errorf("HTML() meta = %+v, want River Times, Kai Lund, 2026-05-02", res.Meta)
	}
	if _, err := HTML("<html><body><nav>Home</nav></body></html>"); err == nil {
		t.Error("HTML(page without text) = nil error, want ErrNoContent")
	}
}

func FuzzClean(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "pages"))
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join("testdata", "pages", e.Name())); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("A\n\nA\n\n(x / y)\n\n|||")
	f.Fuzz(func(t *testing.T, raw string) {
		res, _ := Text(raw)
		if utf8.ValidString(raw) && !utf8.ValidString(res.Text) {
			t.Fatalf("Text produced invalid UTF-8 from valid input")
		}
		checkMap(t, raw, res)
		prev := 0
		for _, b := range res.Blocks {
			if b.Start < prev || b.End < b.Start || b.End > len(raw) || raw[b.Start:b.End] != b.Text {
				t.Fatalf("block %+v is out of order or not the input's bytes", b)
			}
			prev = b.End
		}
		for _, h := range res.Headings {
			if h[0] < 0 || h[1] > len(res.Text) || h[0] > h[1] {
				t.Fatalf("heading %v outside the text", h)
			}
		}
	})
}

// FuzzPageLimits checks that the tokenizer passes never panic, that the
// copied text of valid UTF-8 is valid UTF-8, and that the pruned page is
// never longer than the page.
func FuzzPageLimits(f *testing.F) {
	f.Add("<p><b>x</b><i>y</i></p>")
	f.Add("<html><head><script>var a='<p>';</script></head><body><div>One<br>two</div><!-- c --><svg><text>t</text></svg></body></html>")
	f.Add("<div><div><div>deep</div>")
	f.Fuzz(func(t *testing.T, page string) {
		_ = Limits{MaxElements: 50, MaxDepth: 10}.Check(page)
		text := copiedText(page)
		if utf8.ValidString(page) && !utf8.ValidString(text) {
			t.Fatalf("copiedText produced invalid UTF-8 from valid input")
		}
		if p, _ := pruned(page); len(p) > len(page) {
			t.Fatalf("pruned page is %d bytes, longer than the page's %d", len(p), len(page))
		}
	})
}

// TestNavigation checks the menus dropNavigation removes and the prose it
// keeps, "homecollections" (a menu run together) anywhere and in any case.
func TestNavigation(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Skip to main content", true},
		{"Home > News > World", true},
		{"News | Sport | Business | Weather", true},
		{"Harbour Post HomeCollections Archive Subscribe", true},
		{"HOMECOLLECTIONS", true},
		{"The ferry resumed on Monday after the winter.", false},
		{"News of the ferry spread quickly | residents said.", false},
		{"Home owners along the harbour wall were told to leave.", false},
	} {
		if got := dropNavigation(nil, newBlock(0, len(tc.text), tc.text)); got != tc.want {
			t.Errorf("dropNavigation(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"homecollections", true},
		{"xx HomeCollections yy", true},
		{"HOMECOLLECTION", false},
		{"", false},
		{"home collections", false},
	} {
		if got := containsFold(tc.s, "homecollections"); got != tc.want {
			t.Errorf("containsFold(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	tests := []string{"", " ", "one", " two  words ", "tab\tand\nnew\r\nline", "non\u00a0breaking", "next\u0085line", "ideographic\u3000space", "\v\fx", "日本語 テキスト"}
	for _, s := range tests {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d (strings.Fields)", s, got, want)
		}
		for most := 0; most <= 3; most++ {
			if got, want := wordsUpTo(s, most), min(len(strings.Fields(s)), most); got != want {
				t.Errorf("wordsUpTo(%q, %d) = %d, want %d", s, most, got, want)
			}
		}
	}
}

// containsFoldRef is containsFold as first written: strings.EqualFold at
// every byte that may start sub.
func containsFoldRef(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// FuzzContainsFold holds containsFold to its definition for any text and
// any non-empty sub, ASCII or not, lower-case or not (the text model
// passes names as they are written).
func FuzzContainsFold(f *testing.F) {
	for _, tc := range [][2]string{
		{"Hide CAPTION 1 of 2", "caption"}, {"xx HomeCollections yy", "homecollections"}, {"© (C) 2020", "(c)"},
		{"\u212Aelvin", "kelvin"}, {"ſmith", "smith"}, {"said Smith", "Smith"}, {"MÜLLER said", "müller"}, {"\b) x", "(c)"},
	} {
		f.Add(tc[0], tc[1])
	}
	f.Fuzz(func(t *testing.T, s, sub string) {
		if sub == "" {
			return
		}
		if got, want := containsFold(s, sub), containsFoldRef(s, sub); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}

func FuzzWordsUpTo(f *testing.F) {
	f.Add("日本語 テキスト and more", 2)
	f.Add(" two  words ", 1)
	// Runs of eight ASCII bytes, which wordsUpTo counts at once, with
	// words across their edges and a bound reached inside one.
	f.Add("The quick brown fox jumps  over\tthe lazy dog\n\nand more words", 5)
	f.Add("aaaaaaa bbbbbbbbbbbbbbbb c\u00a0d\u2003e  fffffffff g", 100)
	f.Fuzz(func(t *testing.T, s string, most int) {
		if most < 0 || most > 1000 {
			return
		}
		if got, want := wordsUpTo(s, most), min(len(strings.Fields(s)), most); got != want {
			t.Errorf("wordsUpTo(%q, %d) = %d, want %d", s, most, got, want)
		}
	})
}

// FuzzDropSymbols holds dropSymbols's ASCII table to its definition:
// letters under half of the runes that are not white space.
func FuzzDropSymbols(f *testing.F) {
	f.Add("3:4 ,af- .9.-")
	f.Add("Ärger über die Fähre \xff")
	f.Add("Runs of eight ASCII bytes: ___ *** 12:30, [AP] {x} ~`@ \t\v\f\r and Zz")
	f.Fuzz(func(t *testing.T, s string) {
		letters, visible := 0, 0
		for _, r := range s {
			if unicode.IsSpace(r) {
				continue
			}
			visible++
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if got, want := dropSymbols(nil, block{text: s}), letters*2 < visible; got != want {
			t.Errorf("dropSymbols(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzSingleSpaced holds singleSpaced to its definition: s is its words
// joined by single spaces.
func FuzzSingleSpaced(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "x\u0085y", "a\u00a0b", "\xffa b\xfe",
		"eight by eight ASCII words, single spaced", "eight by  eight", "abcdefg  hij", "abcdefgh ijk", "abcdefg\vh",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := singleSpaced(s), s == strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzLowerText holds lowerText to strings.ToLower.
func FuzzLowerText(f *testing.F) {
	for _, s := range []string{
		"", "A", "abc", "Hello, World", "ALL CAPITALS IN RUNS OF EIGHT@[`{", "no capitals here at all, none",
		"Ärger über die Fähre", "İstanbul \u212a ſ", "bad \xff\xc2 bytes", "ABCDEFGHé", "abcdefghijklmnoP",
		"“Quoted” WORDS IN RUNS OF EIGHT — and ÀÉÎ", "\ufffd valid and \xef\xbf invalid", "ȺȾ grow when lowered", "ẞ ΣΑΣ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Errorf("lowerText(%q) = %q, want %q", s, got, want)
		}
	})
}
