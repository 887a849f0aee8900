package summarize

import (
	"context"
	"slices"
	"testing"

	"tidings/news"
	"tidings/segment"
)

// TestAgrees checks the names, figures and quotations rules on pairs of
// sentences we wrote: paraphrases that keep the names and figures,
// sentences on other actors, other figures for the same count, other
// days and other statements.
func TestAgrees(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"paraphrase", "The Selby council closed the Marden bridge on Friday after engineers found a crack.",
			"Engineers found a crack in the Marden bridge, and Selby's council shut it on Friday.", true},
		{"paraphrase dropping a first name", "Harbour pilot Ines Varga said the channel would reopen on Monday.",
			"Varga expects ships to use the channel again on Monday.", true},
		{"number word and digits", "Five people were hurt when the roof of the Ostrava market fell in.",
			"The collapse of the Ostrava market roof injured 5 people.", true},
		{"hedged figure", "At least 12 people were missing after the Ostrava floods.",
			"About 12 people were missing in Ostrava.", true},
		{"different count of the same thing", "Floods killed 12 people in Ostrava on Sunday.",
			"Floods killed 15 people in Ostrava on Sunday.", false},
		{"different stage", "Lena Horak of Brno won stage 13 of the Tour of Moravia.",
			"Lena Horak of Brno won stage 15 of the Tour of Moravia.", false},
		{"different magnitude", "The Selby port handles 2.5 million containers a year.",
			"The Selby port handles 25 million containers a year.", false},
		{"magnitude joined to its noun", "Rutan won the 10-million-dollar Ansari prize.", "Rutan won the 10 million dollar Ansari prize.", true},
		{"magnitude written out", "The Selby port handles 2.5 million containers a year.",
			"Each year 2.5 million containers pass through the Selby port.", true},
		{"other sentence counts more", "The Marden talks lasted three days.",
			"The Marden talks, planned for five days, lasted three days.", true},
		{"other sentence repeats the figure", "Lena Horak joined the Brno Philharmonic in 1964 and led the Brno Philharmonic from 1965 to 1968.", "Lena Horak joined the Brno Philharmonic in 1964.", true},
		{"different weekday", "The Ostrava council voted Friday to rebuild the market.",
			"The Ostrava council voted Monday to rebuild the market.", false},
		{"other actors", "Mayor Ana Kovac opened the new library in Brno.",
			"Governor Tomas Wirth opened the new museum in Plzen.", false},
		{"different statements", `"We will rebuild every house," Kovac said in Brno.`,
			`"The river has never risen so fast," Kovac said in Brno.`, false},
		{"same statement", `"We will rebuild every house," Kovac said in Brno on Sunday.`,
			`Mayor Ana Kovac told reporters in Brno: "We will rebuild every house."`, true},
		{"statement opened in the sentence before", `We will rebuild every house," Kovac said in Brno.`,
			`"The river has never risen so fast," Kovac said in Brno.`, false},
		{"typed quotation marks", "`` We will rebuild every house , '' Kovac said in Brno .",
			"`` The river has never risen so fast , '' Kovac said in Brno .", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := agrees(claimOf(tc.a), claimOf(tc.b)); got != tc.want {
				t.Errorf("agrees(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// TestCitable checks that captions, credits, bylines, headings and page
// furniture are never cited.
func TestCitable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"sentence", "The council closed the Marden bridge on Friday.", true},
		{"quotation", `"We are ready," the mayor said.`, true},
		{"sentence opening with By", "By Friday the council had closed the Marden bridge.", true},
		{"byline", "By Jane Doe and Ali Kaya.", false},
		{"byline with role", "By Jane Doe, Staff Writer.", false},
		{"heading", "Marden bridge closed after crack found", false},
		{"caption with credit", "Engineers inspect the Marden bridge on Friday. (AP Photo/Jane Doe)", false},
		{"credit line", "Engineers inspect the Marden bridge. Photo: Jane Doe.", false},
		{"agency credit", "Engineers inspect the Marden bridge on Friday, Getty Images.", false},
		{"furniture", "Share | Email | Print this story.", false},
		{"widget", "Click to expand", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := citable(tc.text); got != tc.want {
				t.Errorf("citable(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestCiteOutlets cites one sentence in a story we wrote: the outlet that
// reports its fact in other words is cited; the ones that give another
// figure, report another fact, or carry it only in a caption or a
// subheading are not.
func TestCiteOutlets(t *testing.T) {
	texts := []struct{ id, text string }{
		{"origin", "Floods killed 12 people in the Ostrava region on Sunday, the regional governor Petra Novak said. The river Odra rose two metres overnight. Schools in the region will stay closed until Wednesday. Roads across the region remain under water."},
		{"paraphrase", "Regional governor Petra Novak said on Sunday that 12 people had been killed by the floods in the Ostrava region. Rescue teams from Brno arrived in the evening. Farmers in the region lost most of the harvest."},
		{"other figure", "Floods killed 15 people in the Ostrava region on Sunday, governor Petra Novak said. Power was cut to thousands of homes. The army sent boats to villages across the region."},
		{"other fact", "Petra Novak visited a shelter in the Ostrava region on Sunday. The shelter houses 300 people whose homes were flooded. Volunteers from all over the region brought food and blankets."},
		{"caption only", "Rescuers carry a woman through flood water in the Ostrava region, where floods killed 12 people on Sunday, governor Petra Novak said. (AP Photo/Jan Vesely)\n\nThe rain is expected to ease on Tuesday. Insurers have opened a hotline for flood claims."},
	}
	arts := make([]news.Article, len(texts))
	for i, tx := range texts {
		arts[i] = news.Article{ID: tx.id, Text: tx.text}
		segment.Article(&arts[i])
	}
	// A subheading that repeats the fact is never cited either.
	heading := news.Article{ID: "heading", Text: "Floods killed 12 people in the Ostrava region on Sunday, governor Petra Novak said.\n\nThe army sent boats to villages across the region."}
	segment.Article(&heading)
	heading.Headings = [][2]int{{heading.Sentences[0].Start, heading.Sentences[0].End}}
	heading.Sentences[0].Heading = true
	arts = append(arts, heading)
	cits, err := Cite(context.Background(), arts, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cits {
		a := findArticle(arts, c.ArticleID)
		if a == nil {
			t.Fatalf("citation of unknown article %q", c.ArticleID)
		}
		span, err := a.Span(c)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(a.Sentences, func(s news.Sentence) bool { return s.Start == c.Start && s.End == c.End && s.Text == span }) {
			t.Errorf("citation %+v is not a sentence of %s", c, c.ArticleID)
		}
		got = append(got, c.ArticleID)
	}
	if want := []string{"origin", "paraphrase"}; !slices.Equal(got, want) {
		t.Errorf("Cite cites %v, want %v", got, want)
	}
}

// FuzzClaim reads the names, figures and quotations of arbitrary text:
// it must not panic, every figure has a value, and a sentence always
// agrees with itself.
func FuzzClaim(f *testing.F) {
	f.Add("Floods killed 12 people in Ostrava on Sunday, governor Petra Novak said.")
	f.Add("`` We will rebuild , '' Kovac said . 1,000.5 -- 2.7-million-dollar")
	f.Add(`He said: "yes" and "` + "\u201cno\u201d\u201d" + `.`)
	f.Add("By Jane Doe. (AP Photo/Jane Doe) 5 million-")
	f.Fuzz(func(t *testing.T, text string) {
		c := claimOf(text)
		for _, fig := range c.figures {
			if fig.value == "" {
				t.Fatalf("claimOf(%q): figure without a value", text)
			}
		}
		if !agrees(c, c) {
			t.Fatalf("claimOf(%q) does not agree with itself: %+v", text, c)
		}
		citable(text)
	})
}
