package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/internal/golden"
	"tidings/news"
	"tidings/render"
)

// The golden files are testdata/<TestName>/<case>.<format>.golden; run
// `go test ./render -update` to rewrite them after a deliberate change,
// and read the diff before committing it.

// formats are the output formats every golden case is rendered in, with
// the extension of its golden file.
var formats = []struct {
	ext string
	f   render.Format
}{
	{".txt.golden", render.FormatText},
	{".md.golden", render.FormatMarkdown},
	{".json.golden", render.FormatJSON},
}

func day(d int) time.Time { return time.Date(2026, time.March, d, 9, 30, 0, 0, time.UTC) }

// article returns an article whose Text is paragraphs joined by blank
// lines (as the clean stage writes it).
func article(id, outlet, title string, date time.Time, paragraphs ...string) news.Article {
	return news.Article{ID: id, Outlet: outlet, Title: title, Date: date, Text: strings.Join(paragraphs, "\n\n")}
}

// cite returns the citation of text inside a, failing t when a does not
// hold it: every golden input keeps the invariant a.Text[c.Start:c.End]
// == text.
func cite(t *testing.T, a news.Article, text string) news.Citation {
	t.Helper()
	i := strings.Index(a.Text, text)
	if i < 0 {
		t.Fatalf("article %q does not contain %q", a.ID, text)
	}
	return news.Citation{ArticleID: a.ID, Start: i, End: i + len(text)}
}

// sentence is a summary sentence taken from origin and supported by the
// sentences given for the other articles, in article order.
func sentence(t *testing.T, score float64, origin news.Article, text string, support ...news.Citation) news.SummarySentence {
	t.Helper()
	o := cite(t, origin, text)
	return news.SummarySentence{Text: text, Origin: o, Citations: append([]news.Citation{o}, support...), Score: score}
}

func words(ss []news.SummarySentence) int {
	n := 0
	for _, s := range ss {
		n += len(strings.Fields(s.Text))
	}
	return n
}

// talks is a story of three outlets (one article carried again by a
// second outlet and given twice in the input), with every kind of
// finding: support, a figure and a characterization in conflict, a
// quote with and one without a speaker, a timeline and names.
func talks(t *testing.T) news.Story {
	post := article("harbour-post-1", "Harbour Post", "Ministers meet in Geneva on border ceasefire", day(2),
		"The foreign ministers of Norland and Ostrava met in Geneva on Monday for their first talks since fighting broke out along the Vell river.",
		`Ostrava has massed about 3,000 troops near the border town of Kessel. "The talks were very constructive," said Anna Berg, Norland's foreign minister.`)
	post.Author = "Lena Ward"
	post.URL = "https://harbour-post.example/geneva-talks"
	post.Dateline = "GENEVA"
	post.Found = news.Found{Title: "html-meta", Outlet: "copyright", Author: "byline", Date: "htmldate"}
	post.Copies = []news.Copy{
		{ID: "northern-echo-1", Outlet: "Northern Echo", Date: day(3)},
		{ID: "harbour-post-1", Outlet: "Harbour Post"},
	}
	times := article("capital-times-1", "Capital Times", "Geneva talks end without a deal", day(3),
		"The foreign ministers of Norland and Ostrava met in Geneva on Monday and ended their talks without a deal.",
		"Norland says Ostrava has moved some 5,000 troops close to Kessel. Omar Sal described the talks as tough.",
		"What comes next?",
		`"Nobody is leaving the table," one diplomat said. A second round is planned for March 20.`)
	wire := article("valley-wire-1", "Valley Wire", "", time.Time{},
		"Talks on a ceasefire along the Vell river will resume in Geneva on March 20, both ministries said.")
	wire.Found = news.Found{Outlet: "file-name"}
	h := strings.Index(times.Text, "What comes next?")
	times.Headings = [][2]int{{h, h + len("What comes next?")}}

	s1 := sentence(t, 0.91, post, "The foreign ministers of Norland and Ostrava met in Geneva on Monday for their first talks since fighting broke out along the Vell river.",
		cite(t, times, "The foreign ministers of Norland and Ostrava met in Geneva on Monday and ended their talks without a deal."))
	s2 := sentence(t, 0.64, wire, "Talks on a ceasefire along the Vell river will resume in Geneva on March 20, both ministries said.",
		cite(t, times, "A second round is planned for March 20."))
	s3 := sentence(t, 0.42, post, "Ostrava has massed about 3,000 troops near the border town of Kessel.")
	summary := []news.SummarySentence{s1, s2, s3}

	st := news.Story{Brief: news.Brief{ID: "1", Articles: []news.Article{post, times, wire},
		Summary: news.Summary{Sentences: summary, Words: words(summary)}}}
	st.Support = []news.Support{
		{Outlets: []string{"Harbour Post", "Northern Echo", "Capital Times"}},
		{Outlets: []string{"Valley Wire", "Capital Times"}},
		{Outlets: []string{"Harbour Post", "Northern Echo"}},
	}
	st.Conflicts = []news.Conflict{
		{Kind: news.Figures, Subject: "troops", Claims: []news.Claim{
			{Value: "3,000", Outlet: "Harbour Post", Citation: cite(t, post, "Ostrava has massed about 3,000 troops near the border town of Kessel.")},
			{Value: "5,000", Outlet: "Capital Times", Citation: cite(t, times, "Norland says Ostrava has moved some 5,000 troops close to Kessel.")},
		}},
		{Kind: news.Characterization, Subject: "talks", Claims: []news.Claim{
			{Value: "constructive", Outlet: "Harbour Post", Citation: cite(t, post, `"The talks were very constructive," said Anna Berg, Norland's foreign minister.`)},
			{Value: "tough", Outlet: "Capital Times", Citation: cite(t, times, "Omar Sal described the talks as tough.")},
		}},
	}
	st.Quotes = []news.Quote{
		{Text: "The talks were very constructive", Speaker: "Anna Berg", Outlets: []string{"Harbour Post", "Northern Echo"},
			Citations: []news.Citation{cite(t, post, `"The talks were very constructive," said Anna Berg, Norland's foreign minister.`)}},
		{Text: "Nobody is leaving the table", Outlets: []string{"Capital Times"},
			Citations: []news.Citation{cite(t, times, `"Nobody is leaving the table," one diplomat said.`)}},
	}
	st.Timeline = []news.Event{
		{Date: day(2), Expression: "on Monday", Text: s1.Text, Citation: s1.Origin, Outlets: []string{"Harbour Post", "Capital Times"}},
		{Date: day(3), Expression: "published", Text: times.Title, Citation: news.Citation{ArticleID: times.ID}, Outlets: []string{"Capital Times"}},
		{Date: time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC), Expression: "March 20", Text: s2.Text, Citation: s2.Origin, Outlets: []string{"Valley Wire", "Capital Times"}},
	}
	st.Entities = []news.Entity{
		{Name: "Geneva", Kind: news.Place, Mentions: 3, Articles: 3, Outlets: []string{"Harbour Post", "Capital Times", "Valley Wire"}, First: cite(t, post, "Geneva")},
		{Name: "Anna Berg", Kind: news.Person, Mentions: 1, Articles: 1, Outlets: []string{"Harbour Post"}, First: cite(t, post, "Anna Berg")},
		{Name: "Omar Sal", Kind: news.Person, Mentions: 1, Articles: 1, Outlets: []string{"Capital Times"}, First: cite(t, times, "Omar Sal")},
		{Name: "Kessel", Kind: news.Place, Mentions: 2, Articles: 2, Outlets: []string{"Harbour Post", "Capital Times"}, First: cite(t, post, "Kessel")},
	}
	return st
}

// strike is a one-article story whose summary rests on that outlet
// alone and which has no other findings.
func strike(t *testing.T) news.Story {
	a := article("harbour-post-3", "Harbour Post", "Dock workers strike over pay", day(4),
		"Dock workers in Marlow walked out on Wednesday over pay.",
		"The port said ships would wait offshore until the strike ends.")
	a.Path = "harbour-post-3"
	s := sentence(t, 1, a, "Dock workers in Marlow walked out on Wednesday over pay.")
	return news.Story{
		Brief:   news.Brief{ID: "2", Articles: []news.Article{a}, Summary: news.Summary{Sentences: []news.SummarySentence{s}, Words: words([]news.SummarySentence{s})}},
		Support: []news.Support{{Outlets: []string{"Harbour Post"}, Single: true}},
	}
}

// crowded is a story with more findings than the text and Markdown forms
// show (which then say how many more), while JSON holds them all.
func crowded(t *testing.T) news.Story {
	var paras []string
	for i := 1; i <= 14; i++ {
		paras = append(paras, fmt.Sprintf(`"Stage %d went well," said Speaker %c on March %d.`, i, 'A'+i-1, i))
	}
	a := article("festival-1", "Valley Wire", "Festival diary", time.Time{}, paras...)
	s := sentence(t, 0.5, a, paras[0])
	st := news.Story{Brief: news.Brief{ID: "festival", Articles: []news.Article{a},
		Summary: news.Summary{Sentences: []news.SummarySentence{s}, Words: words([]news.SummarySentence{s}), Stopped: true}}}
	for i, p := range paras {
		c := cite(t, a, p)
		speaker := fmt.Sprintf("Speaker %c", 'A'+i)
		st.Quotes = append(st.Quotes, news.Quote{Text: fmt.Sprintf("Stage %d went well", i+1), Speaker: speaker, Outlets: []string{"Valley Wire"}, Citations: []news.Citation{c}})
		st.Timeline = append(st.Timeline, news.Event{Date: time.Date(2026, time.March, i+1, 0, 0, 0, 0, time.UTC), Expression: fmt.Sprintf("on March %d", i+1), Text: p, Citation: c, Outlets: []string{"Valley Wire"}})
		st.Entities = append(st.Entities, news.Entity{Name: speaker, Kind: news.Person, Mentions: 14 - i, Articles: 1, Outlets: []string{"Valley Wire"}, First: cite(t, a, speaker)})
	}
	return st
}

// empty is a brief whose summarizer chose nothing, from an article with
// no metadata but its id.
func empty() news.Story {
	return news.Story{Brief: news.Brief{Articles: []news.Article{{ID: "notes.txt", Path: "notes.txt", Text: "Meeting moved."}}}}
}

// markup is a brief whose text is full of Markdown's special characters
// (which the Markdown form escapes) and whose sentences cite their
// sources out of order and twice (markers come once each, ascending).
func markup(t *testing.T) news.Brief {
	a := article("notes/a_1.txt", "Wire *Daily*", "Budget [update]: 5 * 3 < 20 & more", day(5),
		"# 1. The fund_raiser's total rose by 40% to <b>$2m</b> on Monday.",
		"- Officials said the `tax` would ~not~ change, and 2. that AT&T &amp; others paid.")
	a.Path = a.ID
	b := article("post-2", "Post", "Fund (raised)", day(5),
		"The fund raiser's total rose by 40% on Monday, officials said.")
	b.URL = "https://post.example/fund (raised)"
	s1 := sentence(t, 0.9, a, "# 1. The fund_raiser's total rose by 40% to <b>$2m</b> on Monday.",
		cite(t, b, "The fund raiser's total rose by 40% on Monday, officials said."), cite(t, a, "# 1. The fund_raiser's total rose by 40% to <b>$2m</b> on Monday."))
	s2 := sentence(t, 0.5, b, "The fund raiser's total rose by 40% on Monday, officials said.",
		cite(t, a, "- Officials said the `tax` would ~not~ change, and 2. that AT&T &amp; others paid."))
	ss := []news.SummarySentence{s1, s2}
	return news.Brief{ID: "x_[1]", Articles: []news.Article{a, b}, Summary: news.Summary{Sentences: ss, Words: words(ss)}}
}

// TestBriefGolden renders briefs as text, Markdown and JSON.
func TestBriefGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		brief func(t *testing.T) news.Brief
	}{
		{"talks", func(t *testing.T) news.Brief { return talks(t).Brief }},
		{"single-source", func(t *testing.T) news.Brief { return strike(t).Brief }},
		{"stopped", func(t *testing.T) news.Brief { return crowded(t).Brief }},
		{"nothing-summarized", func(*testing.T) news.Brief { return empty().Brief }},
		{"markup", markup},
	}
	var files []string
	for _, tc := range tests {
		for _, f := range formats {
			files = append(files, tc.name+f.ext)
		}
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := tc.brief(t)
			for _, f := range formats {
				var buf bytes.Buffer
				if err := render.Brief(&buf, &b, f.f); err != nil {
					t.Fatal(err)
				}
				checkJSONCitations(t, f.f, buf.Bytes())
				golden.Check(t, golden.Path(t, tc.name, f.ext), buf.Bytes())
			}
		})
	}
	golden.Unused(t, filepath.Join("testdata", t.Name()), files)
}

// TestStoriesGolden renders lists of stories as text, Markdown and JSON.
func TestStoriesGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		stories func(t *testing.T) []news.Story
	}{
		{"two-stories", func(t *testing.T) []news.Story { return []news.Story{talks(t), strike(t)} }},
		{"crowded", func(t *testing.T) []news.Story { return []news.Story{crowded(t)} }},
		{"no-stories", func(*testing.T) []news.Story { return nil }},
	}
	var files []string
	for _, tc := range tests {
		for _, f := range formats {
			files = append(files, tc.name+f.ext)
		}
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stories := tc.stories(t)
			for _, f := range formats {
				var buf bytes.Buffer
				if err := render.Stories(&buf, stories, f.f); err != nil {
					t.Fatal(err)
				}
				checkJSONCitations(t, f.f, buf.Bytes())
				golden.Check(t, golden.Path(t, tc.name, f.ext), buf.Bytes())
			}
		})
	}
	golden.Unused(t, filepath.Join("testdata", t.Name()), files)
}

// checkJSONCitations checks, beyond the golden file, that JSON output
// parses and that every citation's text is its source's text from byte
// start to byte end.
func checkJSONCitations(t *testing.T, f render.Format, out []byte) {
	t.Helper()
	if f != render.FormatJSON {
		return
	}
	var briefs []render.JSONBrief
	if bytes.Contains(out[:min(len(out), 20)], []byte(`"stories"`)) {
		var doc struct{ Stories []render.JSONStory }
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("stories JSON does not parse: %v", err)
		}
		for _, st := range doc.Stories {
			briefs = append(briefs, st.JSONBrief)
		}
	} else {
		var b render.JSONBrief
		if err := json.Unmarshal(out, &b); err != nil {
			t.Fatalf("brief JSON does not parse: %v", err)
		}
		briefs = append(briefs, b)
	}
	for _, b := range briefs {
		for _, s := range b.Sentences {
			for _, c := range s.Citations {
				if c.Source < 1 || c.Source > len(b.Sources) {
					t.Errorf("citation %+v names source %d of %d", c, c.Source, len(b.Sources))
					continue
				}
				src := b.Sources[c.Source-1]
				if src.ID != c.Article || c.Start < 0 || c.Start > c.End || c.End > len(src.Text) || src.Text[c.Start:c.End] != c.Text {
					t.Errorf("citation %+v does not match source %d (%s)", c, c.Source, src.ID)
				}
			}
		}
	}
}
