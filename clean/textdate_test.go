package clean

import "testing"

func TestDayFirst(t *testing.T) {
	t.Parallel()
	en := "The council said that the new market is open to traders and to visitors for the whole of the summer."
	fr := "Le conseil a dit que le nouveau marché est ouvert aux commerçants et aux visiteurs tout l'été."
	tests := []struct {
		name  string
		lines []string
		want  bool
	}{
		{"first number over 12", []string{en, "Posted 23/10/2020"}, true},
		{"second number over 12", []string{fr, "10/23/2020"}, false},
		{"English, ambiguous", []string{en, "03/05/2022"}, false},
		{"French, ambiguous", []string{fr, "03/05/2022"}, true},
		{"no text", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var bs []Block
			for _, l := range tc.lines {
				bs = append(bs, Block{Kind: Body, Text: l})
			}
			if got := dayFirst(bs); got != tc.want {
				t.Errorf("dayFirst(%q) = %v, want %v", tc.lines, got, tc.want)
			}
		})
	}
}

func TestFindTextDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		dmy  bool
		want string
	}{
		{"Publié le 03/05/2022 à 14h10", true, "2022-05-03"},
		{"Published 03/05/2022", false, "2022-03-05"},
		{"23/10/2020", false, "2020-10-23"},
		{"10/23/2020", true, "2020-10-23"},
		{"5. März 2021, 03/04/2021", true, "2021-03-05"},
		{"no date", true, ""},
	}
	for _, tc := range tests {
		got := ""
		if d, ok := findTextDate(tc.in, func() bool { return tc.dmy }); ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("findTextDate(%q, %v) = %q, want %q", tc.in, tc.dmy, got, tc.want)
		}
	}
}

func TestTextAuthor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, byline, want string
	}{
		{"posted by, user name", "Posted on 21. Juli 2019 by realiberry", "realiberry"},
		{"von after a date", "Veröffentlicht am 10. Februar 2019 von Heiko", "Heiko"},
		{"name before am", "Geschrieben von Jana Beck am 25.08.2015 22:30", "Jana Beck"},
		{"par before a comma", "par Claire Dumas, 21 juin 2018", "Claire Dumas"},
		{"colon mark", "Von: Ole Strand | 31.10.23", "Ole Strand"},
		{"no mark", "Jana Beck", ""},
		{"lower-case words are no name", "by the way we went", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := Result{Blocks: []Block{
				{Kind: Title, Rule: "headline", Text: "Neue Fähre für die Insel Lorn"},
				{Kind: Byline, Text: tc.byline},
				{Kind: Body, Text: "Die Reederei Nordlicht hat am Montag ein neues Fährschiff vorgestellt."},
			}}
			textAuthor(&res)
			if res.Meta.Author != tc.want {
				t.Errorf("textAuthor(%q) = %q, want %q", tc.byline, res.Meta.Author, tc.want)
			}
		})
	}
}
