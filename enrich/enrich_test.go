package enrich_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/enrich"
	"tidings/news"
	"tidings/segment"
)

// article builds a segmented article from text.
func article(id, outlet, text string, date time.Time) news.Article {
	a := news.Article{ID: id, Outlet: outlet, Text: text, Date: date}
	segment.Article(&a)
	return a
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		text    string
		quote   string
		speaker string
	}{
		{`Anna Berg met reporters. "The talks were constructive," Berg said.`, "The talks were constructive", "Anna Berg"},
		{`"Nothing is settled," said Viktor Sal.`, "Nothing is settled", "Viktor Sal"},
		{`Minister Viktor Sal spoke first. "It was hard," he told reporters.`, "It was hard", "Viktor Sal"},
		{`Petra Holm leads the union. Holm said: "We will strike."`, "We will strike.", "Petra Holm"},
		{`"Our members are exhausted," union leader Petra Holm said.`, "Our members are exhausted", "Petra Holm"},
		{`"The road stays shut," Port Alder Mayor Lena Ortiz said.`, "The road stays shut", "Lena Ortiz"},
		{`"The school is closed," Harbour High Principal Nina Holm said.`, "The school is closed", "Nina Holm"},
		{`"Expect more rain," Valley Radio's Tomas Berg said.`, "Expect more rain", "Tomas Berg"},
		{`The bridge is shut. "It is safe," a spokesman said.`, "It is safe", "a spokesman"},
		{`The bridge was shut on Friday, officials said.`, "", ""},
		{`"The road is open," Lena Ortiz said. "The bridge is not."`, "The road is open … The bridge is not.", "Lena Ortiz"},
		{`Lena Ortiz called the plan "a step back" on Friday.`, "a step back", "Lena Ortiz"},
		{"Lena Ortiz spoke first.\n\n\"The road is open.\n\n\"The bridge is not,\" she said.", "The road is open. … The bridge is not", "Lena Ortiz"},
		{`"We were not told," a senior official said.`, "We were not told", "a senior official"},
		{`"The report is wrong," according to the influential harbour daily.`, "The report is wrong", "the influential harbour daily"},
		{`Tomas Berg, the harbour master, said: "The port stays shut."`, "The port stays shut.", "Tomas Berg"},
		{`"The port stays shut," said Tomas Berg, the harbour master.`, "The port stays shut", "Tomas Berg"},
		{`"Not us," she said.`, "Not us", ""},
		{`"Prices will rise" next year, says Lena Ortiz, an economist at Norland University.`, "Prices will rise", "Lena Ortiz"},
		{`"The port stays shut," Tomas Berg, the harbour master, told Valley Radio.`, "The port stays shut", "Tomas Berg"},
		{`On Friday at the harbour council meeting in the old town hall Sen. Anna Berg (D-North) said the plan was "a step back."`, "a step back.", "Anna Berg"},
		{`Minister of Transport Anna Berg said the plan was "a step back."`, "a step back.", "Anna Berg"},
		{`Sal was asked by radio host Nina Holm whether the port would "stay shut for good."`, "stay shut for good.", "Nina Holm"},
		{`The plan has been called "a step back" by Lena Ortiz, an economist.`, "a step back", "Lena Ortiz"},
		{`As the Post's Tomas Berg puts it, "The harbour is the town."`, "The harbour is the town.", "Tomas Berg"},
		{`However, Lena Ortiz, the harbour master, said the port was "safe again."`, "safe again.", "Lena Ortiz"},
		{`But, said Viktor Sal, "the talks go on."`, "the talks go on.", "Viktor Sal"},
		{`Lena Ortiz spoke. Later, Sal's recent assertion that "the port is safe" was denied.`, "the port is safe", "Sal"},
		{`"Nothing is settled" until the troops go home, in Holm's view.`, "Nothing is settled", "Holm"},
		{`"The port is safe," said the harbour's master, Tomas Berg, on Monday.`, "The port is safe", "Tomas Berg"},
		{`Lena Ortiz defended the mayor as "a decent man" hours after the mayor was charged with fraud.`, "a decent man", "Lena Ortiz"},
		{`As Petra Holm, the union's leader, put it: "We will not move."`, "We will not move.", "Petra Holm"},
		{`Norland historian Lena Ortiz called it "a dark day."`, "a dark day.", "Lena Ortiz"},
		{`"It is an invasion of our domain," Tomas Berg, the attorney general of Norland, one of the states suing the agency, said on Monday.`, "It is an invasion of our domain", "Tomas Berg"},
		{`Viktor Sal, the mayor, sent a blunt message to Anna Berg: "Open the port."`, "Open the port.", "Viktor Sal"},
		{`Port Alder Mayor Lena Ortiz wrote a letter to Minister Anna Berg asking the ministry to end the "fiasco."`, "fiasco.", "Lena Ortiz"},
		{`But Sen. Tomas Berg (D-North) refused to say more, responding that he is "not going into it."`, "not going into it.", "Tomas Berg"},
		{"The port was shut.\n\n\"Boeing and other firms pay zero taxes.\"\n\n- Sanders.\n\nSanders exaggerates.", "Boeing and other firms pay zero taxes.", "Sanders"},
		{`Viktor Sal said he would "try to form a stable government."--Kim Berg.`, "try to form a stable government.", "Viktor Sal"},
		{`Viktor Sal spoke first. "We are ready," Petra Holm told the council. "We were always ready," she added.`, "We are ready … We were always ready", "Petra Holm"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			arts := []news.Article{article("a", "O", tt.text, time.Time{})}
			qs := enrich.Quotes(arts, enrich.Entities(arts))
			if tt.quote == "" {
				if len(qs) != 0 {
					t.Fatalf("got quotes %+v, want none", qs)
				}
				return
			}
			if len(qs) != 1 || qs[0].Text != tt.quote || qs[0].Speaker != tt.speaker {
				t.Fatalf("got %+v, want %q by %q", qs, tt.quote, tt.speaker)
			}
			c := qs[0].Citations[0]
			for _, piece := range strings.Split(tt.quote, " … ") {
				if span, err := arts[0].Span(c); err != nil || !strings.Contains(span, piece) {
					t.Errorf("citation %+v gives %q, %v", c, span, err)
				}
			}
		})
	}
}

// TestQuotesMergeParts checks that a quotation carried in part by another
// outlet is one quotation with both outlets, unless the part is a few
// words or another speaker's.
// TestQuotesTwoSpeakers checks that a quotation after another one's cue
// is not joined to it when it has a cue of its own naming someone else.
func TestQuotesTwoSpeakers(t *testing.T) {
	arts := []news.Article{article("a", "O", `"The port is safe," said Anna Berg. "It is not," added Viktor Sal.`, time.Time{})}
	var got []string
	for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
		got = append(got, q.Text+" — "+q.Speaker)
	}
	want := []string{"The port is safe — Anna Berg", "It is not — Viktor Sal"}
	if !slices.Equal(got, want) {
		t.Errorf("Quotes = %q, want %q", got, want)
	}
}

// TestQuotesSpeakerGoesOn checks that a quotation standing alone after
// "She …" goes to the speaker of the quotation before, not to the person
// named last.
func TestQuotesSpeakerGoesOn(t *testing.T) {
	text := "\"We had problems before,\" Anna Berg said after meeting Viktor Sal. She did not say more.\n\n\"Our goal is calm.\""
	arts := []news.Article{article("a", "O", text, time.Time{})}
	var got []string
	for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
		got = append(got, q.Text+" — "+q.Speaker)
	}
	want := []string{"We had problems before — Anna Berg", "Our goal is calm. — Anna Berg"}
	if !slices.Equal(got, want) {
		t.Errorf("Quotes = %q, want %q", got, want)
	}
}

// TestQuotesDashCredits checks quotations credited with a dash after
// them, one per line.
func TestQuotesDashCredits(t *testing.T) {
	text := "Readers wrote in.\n\n“The port must open.” ― Ana Ruiz\n“He never listens.” ― John F. Kerry, Alder.\n“Not again.”― Petra Holm"
	arts := []news.Article{article("a", "O", text, time.Time{})}
	var got []string
	for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
		got = append(got, q.Text+" — "+q.Speaker)
	}
	want := []string{"The port must open. — Ana Ruiz", "He never listens. — John F. Kerry", "Not again. — Petra Holm"}
	if !slices.Equal(got, want) {
		t.Errorf("Quotes = %q, want %q", got, want)
	}
}

func TestQuotesMergeParts(t *testing.T) {
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, a, b string
		want       []string // "text — speaker — outlets"
	}{
		{"part of a longer quotation",
			`"These were tough talks, and nothing is settled until our troops can go home," said Viktor Sal.`,
			`"Nothing is settled until our troops can go home," said Sal. Viktor Sal left.`,
			[]string{"These were tough talks, and nothing is settled until our troops can go home — Viktor Sal — Harbour Post Capital Times"}},
		{"a few words stay apart",
			`"The talks were very, very constructive," said Anna Berg.`,
			`"Very constructive," Berg said. Anna Berg left.`,
			[]string{"The talks were very, very constructive — Anna Berg — Harbour Post", "Very constructive — Anna Berg — Capital Times"}},
		{"another speaker's words stay apart",
			`"Nothing is settled until our troops can go home, and they will," said Viktor Sal.`,
			`"Nothing is settled until our troops can go home," said Anna Berg.`,
			[]string{"Nothing is settled until our troops can go home, and they will — Viktor Sal — Harbour Post", "Nothing is settled until our troops can go home — Anna Berg — Capital Times"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := []news.Article{article("a", "Harbour Post", tc.a, d), article("b", "Capital Times", tc.b, d)}
			var got []string
			for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
				got = append(got, q.Text+" — "+q.Speaker+" — "+strings.Join(q.Outlets, " "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	tue := time.Date(2026, 3, 24, 9, 0, 0, 0, time.UTC) // a Tuesday
	day := func(m time.Month, d int) string {
		return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	tests := []struct {
		text string
		pub  time.Time
		want string // date, or "" for no event
		expr string
	}{
		{"The ministers met in Geneva on Monday to talk.", tue, day(3, 23), "on Monday"},
		{"The ministers met again on Tuesday in Geneva.", tue, day(3, 24), "on Tuesday"},
		{"The first prisoners will cross the bridge on Friday.", tue, day(3, 27), "on Friday"},
		{"Prisoners will be freed, the envoy said on Friday night.", tue, day(3, 20), "on Friday night"},
		{"Berg said last week that an exchange was near.", tue, "2026-W12", "last week"}, // a week, not a day
		{"The talks will resume next month, Berg said.", tue, "2026-04", "next month"},
		{"The river flooded in 1995.", tue, "1995", "in 1995"},
		{"The ministers will meet again on Friday night.", tue, day(3, 27), "on Friday night"},
		{"The summit said it would meet on Monday.", tue, day(3, 30), "on Monday"},
		{"The accord was signed on Oct. 23 in Oslo.", tue, "2025-10-23", "Oct. 23"},
		{"A boat was found Thanksgiving Day off the coast.", tue, "2025-11-27", "Thanksgiving Day"},
		{"The rifle was found 11 days ago near the road.", tue, day(3, 13), "11 days ago"},
		{"The fighting began on March 3 along the river.", tue, day(3, 3), "March 3"},
		{"The treaty was signed on 12 January 2025 in Oslo.", time.Time{}, "2025-01-12", "12 January 2025"},
		{"The ministers met in Geneva on Monday to talk.", time.Time{}, "", ""},
		{"The talks went on for hours and ended without a deal.", tue, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ev := enrich.Timeline([]news.Article{article("a", "O", tt.text, tt.pub)})
			if tt.want == "" {
				if len(ev) != 0 {
					t.Fatalf("got %+v, want no event", ev)
				}
				return
			}
			if len(ev) != 1 || ev[0].When() != tt.want || ev[0].Expression != tt.expr {
				t.Fatalf("got %+v, want %s (%s)", ev, tt.want, tt.expr)
			}
		})
	}
}

func TestConflicts(t *testing.T) {
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	arts := []news.Article{
		article("a", "Harbour Post", "Ostrava has massed about 3,000 troops near the border town of Kessel. About 200 prisoners will be freed. The talks were very constructive, Berg said.", d),
		article("b", "Capital Times", "Norland says Ostrava has moved some 5,000 troops close to the town of Kessel. About 200 prisoners will be freed. Sal described the talks as tough.", d),
		article("c", "Valley Wire", "Fighting has displaced 40,000 people since January.", d),
	}
	got := enrich.Conflicts(arts, enrich.Entities(arts))
	var kinds []string
	for _, c := range got {
		var vals []string
		for _, cl := range c.Claims {
			vals = append(vals, cl.Value+"@"+cl.Outlet)
		}
		kinds = append(kinds, c.Kind.String()+" "+c.Subject+": "+strings.Join(vals, " "))
	}
	// Berg's and Sal's words are their views, not the outlets' (was a
	// characterization conflict before views were told apart).
	want := []string{
		"figures troops: 3,000@Harbour Post 5,000@Capital Times",
		"views talks: constructive@Harbour Post tough@Capital Times",
	}
	if !slices.Equal(kinds, want) {
		t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(kinds, "\n"), strings.Join(want, "\n"))
	}
}

// TestConflictsTone checks when opposing words about talks are a
// conflict between outlets (their own statements, different outlets on
// the two sides) and when a contrast of two speakers' views.
func TestConflictsTone(t *testing.T) {
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b string // texts of Harbour Post and Capital Times
		want string // "kind: value@outlet/speaker ...", "" for none
	}{
		{"outlets' own words", "The talks in Geneva were constructive.", "The talks in Geneva were tough.",
			"characterization: constructive@Harbour Post/ tough@Capital Times/"},
		{"two speakers quoted", `"The talks were very, very constructive," said Anna Berg.`, `"These were tough talks," said Viktor Sal.`,
			"views: constructive@Harbour Post/Anna Berg tough@Capital Times/Viktor Sal"},
		{"both speakers in one article", `"The talks were constructive," said Anna Berg. Viktor Sal said the talks were tough.`, "The ministers left Geneva.",
			"views: constructive@Harbour Post/Anna Berg tough@Harbour Post/Viktor Sal"},
		{"one speaker both ways", `"The talks were tough but constructive," said Anna Berg.`, "The ministers left Geneva.", ""},
		{"an outlet on both sides", "The talks were tough. Later the talks turned constructive.", "The talks were constructive.", ""},
		{"a speaker against an outlet", `"The talks were constructive," said Anna Berg.`, "The talks were tough.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := []news.Article{article("a", "Harbour Post", tc.a, d), article("b", "Capital Times", tc.b, d)}
			var got []string
			for _, c := range enrich.Conflicts(arts, enrich.Entities(arts)) {
				if c.Kind == news.Figures {
					continue
				}
				var vals []string
				for _, cl := range c.Claims {
					vals = append(vals, cl.Value+"@"+cl.Outlet+"/"+cl.Speaker)
				}
				got = append(got, c.Kind.String()+": "+strings.Join(vals, " "))
			}
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("Conflicts = %q, want %q", strings.Join(got, "; "), tc.want)
			}
		})
	}
}

// TestConflictsRangesAndRates checks that the end of a range and the
// parts of a share or a rate are not compared as counts, nor counts of
// which different things are said, over different periods, of the dead
// against the wounded, or of those aboard against all, while a plain
// count in the same sentence still is.
func TestConflictsRangesAndRates(t *testing.T) {
	d := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, a, b string
		conflict   bool
	}{
		{"range", "The fever sickens 300 million to 500 million people in the delta region every year.",
			"The fever sickens 300 million people in the delta region every year.", false},
		{"between", "The fever sickens between 270 and 480 million people in the delta region every year.",
			"The fever sickens 300 million people in the delta region every year.", false},
		{"share", "The ferry party won 75 of the 125 seats in the island council election.",
			"The ferry party won 75 seats in the island council election.", false},
		{"rate", "The survey found autism in 4 in 1,000 children in the harbour district schools.",
			"The survey found autism in 10,000 children in the harbour district schools.", false},
		{"per", "The survey found 4 children per 1,000 with autism in the harbour district schools.",
			"The survey found 6 children with autism in the harbour district schools.", false},
		{"plain counts", "The storm forced 3,000 people from their homes in the harbour district.",
			"The storm forced 5,000 people from their homes in the harbour district.", true},
		{"up to is a count", "The storm forced up to 3,000 people from their homes in the harbour district.",
			"The storm forced 5,000 people from their homes in the harbour district.", true},
		{"different predicate", "Food poisoning made 5,000 people fall ill on river tours in the harbour district this year.",
			"Malaria has killed 6,000 people across the valley towns in the harbour district this year.", false},
		{"different periods", "Since the ferry law came in 2019, the harbour district has fined 143 people for overloading boats.",
			"In the 40 years since river ferries began running, the harbour district has fined 598 people for overloading boats.", false},
		{"last year and this year", "Last year the harbour district fined 40 people for overloading ferry boats on the river.",
			"This year the harbour district fined 55 people for overloading ferry boats on the river.", false},
		{"the same period", "Since 2019 the harbour district has fined 143 people for overloading ferry boats.",
			"Since 2019 the harbour district has fined 150 people for overloading ferry boats.", true},
		{"killed and wounded", "The ferry explosion in the harbour district killed at least 35 people on Thursday, police said.",
			"At least 114 people were wounded in the ferry explosion in the harbour district on Thursday, police said.", false},
		{"killed or wounded together", "The ferry explosion in the harbour district killed or wounded at least 100 people on Thursday.",
			"The ferry explosion in the harbour district killed at least 35 people on Thursday.", false},
		{"killed in both", "The ferry explosion in the harbour district killed at least 35 people on Thursday.",
			"At least 30 people were killed by the ferry explosion in the harbour district on Thursday.", true},
		{"those aboard and all", "The ferry sank in the harbour district, killing all 109 people on board and four on the quay.",
			"The ferry sank in the harbour district, killing 113 people.", false},
		{"aboard in both", "The ferry sank in the harbour district, killing all 109 people on board.",
			"The ferry sank in the harbour district, killing all 112 people aboard.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := []news.Article{article("a", "Harbour Post", tc.a, d), article("b", "Capital Times", tc.b, d)}
			got := false
			for _, c := range enrich.Conflicts(arts, enrich.Entities(arts)) {
				got = got || c.Kind == news.Figures
			}
			if got != tc.conflict {
				t.Errorf("figure conflict = %v, want %v (%+v)", got, tc.conflict, enrich.Conflicts(arts, enrich.Entities(arts)))
			}
		})
	}
}

func TestSupport(t *testing.T) {
	arts := []news.Article{
		{ID: "a", Outlet: "Wire", Copies: []news.Copy{{ID: "a2", Outlet: "Echo"}}},
		{ID: "b", Outlet: "Times"},
	}
	sum := news.Summary{Sentences: []news.SummarySentence{
		{Citations: []news.Citation{{ArticleID: "b"}}},
		{Citations: []news.Citation{{ArticleID: "a"}, {ArticleID: "b"}}},
	}}
	got := enrich.Support(arts, sum)
	if len(got) != 2 || !got[0].Single || got[1].Single || !slices.Equal(got[1].Outlets, []string{"Wire", "Echo", "Times"}) {
		t.Errorf("support = %+v", got)
	}
}

// TestEntityRules checks one rule of the entity finder per case: what a
// name must be found as, and what must not be found at all.
func TestEntityRules(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		want      map[string]string // name -> kind
		absent    []string
		notPerson []string
	}{
		{"nationality", "Several French and Russian experts arrived in Tallberg on Monday.",
			map[string]string{"Tallberg": "place"}, []string{"French", "Russian"}, nil},
		{"owner not place", "In Graham's case the appeal court ruled on Monday. The judge said Graham would be freed.",
			nil, []string{"Graham"}, nil},
		{"appositive role", "The death of Okafor, the plane's captain, shook the airline.",
			map[string]string{"Okafor": "person"}, nil, nil},
		{"geographic noun after", "The plane came down in the Marden hills on Sunday.",
			map[string]string{"Marden": "place"}, nil, nil},
		{"town of", "Troops massed near the town of Kessel on Monday.",
			map[string]string{"Kessel": "place"}, nil, nil},
		{"capitals", "MARDEN -- Rescue teams reached the crash site. Families waited in Marden for news.",
			map[string]string{"MARDEN": "place", "Marden": "place"}, nil, nil},
		{"common last word", "The report on Climate Change was published. Officials said climate change would cost billions.",
			nil, []string{"Climate Change"}, nil},
		{"sentence opener", "Surrounding Europa is a thin atmosphere. A shell of ice is surrounding the ocean on Europa, said Nina Holm.",
			map[string]string{"Nina Holm": "person"}, []string{"Surrounding Europa"}, nil},
		{"direction", "Storms hit Northern California and parts of Oregon overnight.",
			map[string]string{"Northern California": "place"}, nil, nil},
		{"role after a place", "Storms hit homes in Tallberg again. Rep. Henry Waxman of Tallberg, the committee's leader, asked for help.",
			map[string]string{"Henry Waxman": "person", "Tallberg": "place"}, nil, nil},
		{"title of", "The chairman of Northline told reporters the plane was safe.",
			map[string]string{"Northline": "organization"}, nil, nil},
		{"mayor of", "The mayor of Tallberg told reporters the road was shut.",
			map[string]string{"Tallberg": "place"}, nil, nil},
		{"president of", "The president of Northline told reporters the talks were over.",
			map[string]string{"Northline": "organization"}, nil, nil},
		{"body before a title", "The Norland Greens chair Susan Weddington said the vote would go ahead.",
			map[string]string{"Norland Greens": "organization", "Susan Weddington": "person"}, nil, nil},
		{"direction before a sea", "Storm Ophelia faded into the North Vell on Sunday.",
			map[string]string{"North Vell": "place"}, nil, nil},
		// An unknown word (an invented drug) gets the tagger's guess, which
		// may be a place; the point is that the "said" after the clause
		// makes no person of it.
		{"said after a comma", "Dr. Ana Ruiz, who has studied Zelvamin, said she was surprised.",
			map[string]string{"Ana Ruiz": "person"}, nil, []string{"Zelvamin"}},
		// The Storting is a parliament: the tagger's organisation is right,
		// where the rules could only leave it out.
		{"the is no person", "Nina Holm, a member of the Storting, said the Storting would vote on Friday.",
			map[string]string{"Nina Holm": "person", "Storting": "organization"}, nil, nil},
		{"article opens a thing", "El Nino brought storms to the coast. El Nino said nothing. Homes in La Vella flooded.",
			map[string]string{"La Vella": "place"}, []string{"El Nino"}, nil},
		{"acronym of a disease", "The study followed 200 children with ADHD in the harbour district.",
			nil, []string{"ADHD"}, nil},
		{"party before a given name", "Republican Matthew Fong said he would run again.",
			map[string]string{"Matthew Fong": "person"}, []string{"Republican Matthew Fong"}, nil},
		{"title of a work", `Her book "Kestrel: A Life" is out on Monday. The Kestrel flew again.`,
			nil, []string{"Kestrel"}, nil},
		// "British Kestrel" may be a company ("British Airways"): the point
		// is that it is no person.
		{"nationality opens a thing", "The Norlandic Kestrel landed. A British Kestrel flew too. The Kestrel is fast.",
			nil, []string{"Kestrel"}, []string{"British Kestrel"}},
		{"works", `The film "Harbour Lights" opened on Friday. Critics praised "Harbour Lights." Harbour Lights sold out.`,
			nil, []string{"Harbour Lights"}, nil},
		{"quotation opening with a name", `"Ana Ruiz lied to the council," Mr. Holm said. "Ana Ruiz knew," he added. Ana Ruiz denied it.`,
			map[string]string{"Ana Ruiz": "person"}, nil, nil},
		{"body led by a group word", "The Muslim Brotherhood and the Harbour Coalition met the Tallberg Fire Brigade on Monday.",
			map[string]string{"Muslim Brotherhood": "organization", "Harbour Coalition": "organization", "Tallberg Fire Brigade": "organization"}, nil, nil},
		{"given name like a nationality", "Christian Marty, the airline's chief executive, said the fleet would fly.",
			map[string]string{"Christian Marty": "person"}, nil, nil},
		{"short form of a titled person", "Senator Ana Ruiz arrived on Monday. Senator Ruiz said the vote would pass.",
			map[string]string{"Ana Ruiz": "person"}, []string{"Ruiz"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			for _, e := range enrich.Entities([]news.Article{article("a", "", tc.text, time.Time{})}) {
				got[e.Name] = e.Kind.String()
			}
			for n, k := range tc.want {
				if got[n] != k {
					t.Errorf("%q: kind %q, want %q (found %v)", n, got[n], k, got)
				}
			}
			for _, n := range tc.absent {
				if k, ok := got[n]; ok {
					t.Errorf("%q found as %s, want it left out", n, k)
				}
			}
			for _, n := range tc.notPerson {
				if got[n] == "person" {
					t.Errorf("%q found as a person", n)
				}
			}
		})
	}
}

// TestEntitiesAnnotated measures the entity rules on articles written for
// this project against the names annotated by hand ("kind<TAB>name" per
// line): testdata/pile.txt (the texts of examples/pile, one article per
// "---" block) with testdata/entities.txt, and testdata/pile2.txt (an air
// crash story with nationalities, parties, an aircraft type and a person
// named by surname alone) with testdata/entities2.txt.
func TestEntitiesAnnotated(t *testing.T) {
	tests := []struct{ pile, names string }{
		{"testdata/pile.txt", "testdata/entities.txt"},
		{"testdata/pile2.txt", "testdata/entities2.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.pile, func(t *testing.T) {
			want := map[string]string{}
			data, err := os.ReadFile(tc.names)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				kind, name, ok := strings.Cut(line, "\t")
				if !ok || strings.HasPrefix(line, "#") {
					continue
				}
				want[name] = kind
			}
			var arts []news.Article
			b, err := os.ReadFile(tc.pile)
			if err != nil {
				t.Fatal(err)
			}
			for i, text := range strings.Split(string(b), "\n---\n") {
				arts = append(arts, article(string(rune('a'+i)), "", text, time.Time{}))
			}
			got := enrich.Entities(arts)
			right := 0
			for _, e := range got {
				if want[e.Name] == e.Kind.String() {
					right++
				} else {
					t.Logf("wrong or unannotated: %s %s", e.Kind, e.Name)
				}
			}
			found := map[string]bool{}
			for _, e := range got {
				found[e.Name+"\t"+e.Kind.String()] = true
			}
			for n, k := range want {
				if !found[n+"\t"+k] {
					t.Logf("missed: %s %s", k, n)
				}
			}
			p := float64(right) / float64(len(got))
			r := float64(right) / float64(len(want))
			t.Logf("entities: precision %.3f (%d/%d), recall %.3f (%d/%d)", p, right, len(got), r, right, len(want))
			if p < 0.8 || r < 0.7 {
				t.Errorf("entity precision %.3f or recall %.3f below the floor (0.8, 0.7)", p, r)
			}
		})
	}
}

// FuzzEnrich runs every finder on arbitrary text and checks that each
// citation points inside its article.
func FuzzEnrich(f *testing.F) {
	f.Add(`"The talks were tough," Sal said on Friday. About 3,000 troops crossed.`, `Anna Berg said: "Very constructive." Some 5,000 troops crossed on March 3.`)
	f.Add(`“Unclosed quote, he said`, `12 January 2025`)
	f.Fuzz(func(t *testing.T, a, b string) {
		d := time.Date(2026, 3, 24, 0, 0, 0, 0, time.UTC)
		arts := []news.Article{article("a", "A", a, d), article("b", "", b, time.Time{})}
		st := news.Story{Brief: news.Brief{Articles: arts}}
		enrich.Story(&st)
		check := func(c news.Citation) {
			for i := range arts {
				if arts[i].ID == c.ArticleID {
					if _, err := arts[i].Span(c); err != nil {
						t.Fatal(err)
					}
					return
				}
			}
			t.Fatalf("citation names unknown article %q", c.ArticleID)
		}
		for _, q := range st.Quotes {
			for _, c := range q.Citations {
				check(c)
			}
		}
		for _, e := range st.Entities {
			check(e.First)
		}
		for _, e := range st.Timeline {
			check(e.Citation)
		}
		for _, c := range st.Conflicts {
			for _, cl := range c.Claims {
				check(cl.Citation)
			}
		}
	})
}

// BenchmarkStory enriches the two fixture piles as one story: names,
// quotes, timeline, support and conflicts.
func BenchmarkStory(b *testing.B) {
	var arts []news.Article
	for _, pile := range []string{"testdata/pile.txt", "testdata/pile2.txt"} {
		data, err := os.ReadFile(pile)
		if err != nil {
			b.Fatal(err)
		}
		for i, text := range strings.Split(string(data), "\n---\n") {
			arts = append(arts, article(pile+string(rune('a'+i)), "", text, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)))
		}
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	b.ReportMetric(float64(words), "words")
	for b.Loop() {
		st := news.Story{Brief: news.Brief{Articles: arts}}
		enrich.Story(&st)
	}
}

// TestShortFormJoinsFullName checks when a one-word name counts towards a
// person's full name: when the full name is written in at least half the
// articles that use it, or when its own mentions show a person.
func TestShortFormJoinsFullName(t *testing.T) {
	tests := []struct {
		name     string
		texts    []string
		full     string
		mentions int // of the full name
	}{
		{"misread name", []string{
			"Doctors said the parents must keep giving Kyle Zelvamin every morning.",
			"Zelvamin is a stimulant prescribed to children.",
			"Sales of Zelvamin rose last year, the maker said.",
			"Zelvamin was approved in 1955 for adults.",
		}, "Kyle Zelvamin", 1},
		{"introduced in each article", []string{
			"Ana Ruiz arrived in Tallberg on Monday. The mayor met Ruiz at noon.",
			"Ana Ruiz left Tallberg on Tuesday. The town thanked Ruiz warmly.",
		}, "Ana Ruiz", 4},
		{"titled short form", []string{
			"Ana Ruiz arrived in Tallberg on Monday.",
			"Senator Ruiz left on Tuesday.",
			"Senator Ruiz spoke on Wednesday.",
		}, "Ana Ruiz", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []news.Article
			for i, text := range tc.texts {
				arts = append(arts, article(fmt.Sprint(i), "", text, time.Time{}))
			}
			got := 0
			for _, e := range enrich.Entities(arts) {
				if e.Name == tc.full {
					got = e.Mentions
				}
			}
			if got != tc.mentions {
				t.Errorf("%q has %d mentions, want %d (%v)", tc.full, got, tc.mentions, enrich.Entities(arts))
			}
		})
	}
}

// TestEntityAliases checks the forms of one name that a story merges, and
// the names that are credits, not people it is about.
func TestEntityAliases(t *testing.T) {
	tests := []struct {
		name   string
		texts  []string
		want   map[string]int // name -> mentions
		absent []string
	}{
		{"acronyms", []string{
			"The United States and the European Union agreed on new sanctions on Monday.",
			"U.S. officials said the EU would act first. The European Union meets again on Friday.",
		}, map[string]int{"United States": 2, "European Union": 3}, []string{"U.S.", "EU"}},
		{"given name variants", []string{
			"Russian Foreign Minister Sergey Lavrov met John Kerry in Geneva on Sunday.",
			"Sergei Lavrov said the talks were useful. Lavrov said they would meet again.",
			"Sergey Lavrov left Geneva on Monday.",
		}, map[string]int{"Sergey Lavrov": 4, "John Kerry": 1}, []string{"Sergei Lavrov", "Lavrov"}},
		{"different people keep apart", []string{
			"Anna Berg met Tomas Berg in Tallberg on Monday. Berg said nothing.",
		}, map[string]int{"Anna Berg": 1, "Tomas Berg": 1}, nil},
		{"credits", []string{
			"John Kerry met Sergey Lavrov in Geneva on Sunday.\n\n(Reporting by Giles Elgood; Editing by Mark Heinrich)",
			"By Lesley Wroughton and Arshad Mohammed\n\nKerry said the talks were serious. Maria Lund contributed reporting.",
			"By Sunday, John Kerry had left Geneva.",
		}, map[string]int{"John Kerry": 3, "Sergey Lavrov": 1}, []string{"Giles Elgood", "Mark Heinrich", "Lesley Wroughton", "Arshad Mohammed", "Maria Lund"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []news.Article
			for i, text := range tc.texts {
				arts = append(arts, article(fmt.Sprint(i), "", text, time.Time{}))
			}
			got := map[string]int{}
			for _, e := range enrich.Entities(arts) {
				got[e.Name] = e.Mentions
			}
			for n, k := range tc.want {
				if got[n] != k {
					t.Errorf("%q has %d mentions, want %d (found %v)", n, got[n], k, got)
				}
			}
			for _, n := range tc.absent {
				if _, ok := got[n]; ok {
					t.Errorf("%q found, want it merged or left out (found %v)", n, got)
				}
			}
		})
	}
}

// TestQuotesFound checks the quotations found beyond one sentence's
// pattern: partial quotes, split quotes joined, cues in the sentence
// before, quotations over paragraphs, and words in quotes left out.
func TestQuotesFound(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text — speaker"
	}{
		{"partial quote", `Viktor Sal met Anna Berg on Monday. Anna Berg called the talks "tough but fair" and left.`,
			[]string{"tough but fair — Anna Berg"}},
		{"split quote joined", `Anna Berg met reporters. "The talks were hard," Berg said. "But we will meet again."`,
			[]string{"The talks were hard … But we will meet again. — Anna Berg"}},
		{"cue in the paragraph before", "Anna Berg answered the critics on Monday:\n\n\"Nobody here wants another war.\"",
			[]string{"Nobody here wants another war. — Anna Berg"}},
		{"quotation over two paragraphs", "\"We have agreed to meet again,\" Viktor Sal said. \"The ceasefire holds.\n\n\"Our troops stay where they are.\"",
			[]string{"We have agreed to meet again … The ceasefire holds. … Our troops stay where they are. — Viktor Sal"}},
		{"scare quotes", `The so-called "reforms" were shelved on Monday, officials said.`, nil},
		{"according to", `"The border is calm," according to Viktor Sal.`, []string{"The border is calm — Viktor Sal"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts := []news.Article{article("a", "O", tc.text, time.Time{})}
			var got []string
			for _, q := range enrich.Quotes(arts, enrich.Entities(arts)) {
				got = append(got, q.Text+" — "+q.Speaker)
				c := q.Citations[0]
				if _, err := arts[0].Span(c); err != nil {
					t.Errorf("citation %+v: %v", c, err)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
