package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"tidings/news"
)

// How many of each finding the text and Markdown forms show per story;
// JSON holds them all.
const (
	showQuotes   = 8
	showEvents   = 12
	showEntities = 10
)

// Stories writes stories to w in format f: each story's brief followed by
// its support, quotes, timeline, names and disagreements (text and
// Markdown), or one JSON object {"stories": [...]} (see [JSONStory]).
func Stories(w io.Writer, stories []news.Story, f Format) error {
	if f == FormatJSON {
		out := struct {
			Stories []JSONStory `json:"stories"`
		}{Stories: []JSONStory{}}
		for i := range stories {
			out.Stories = append(out.Stories, StoryJSON(&stories[i]))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	md := f == FormatMarkdown
	for i := range stories {
		st := &stories[i]
		if i > 0 {
			fmt.Fprintln(w)
		}
		if md {
			fmt.Fprintf(w, "# Story %s: %s\n\n", mdEscape(st.ID), storyHeader(st))
			if err := Markdown(w, &st.Brief); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(w, "== Story %s: %s\n\n", st.ID, storyHeader(st))
			if err := Text(w, &st.Brief); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, findings(st, md)); err != nil {
			return err
		}
	}
	return nil
}

// storyHeader is "4 articles from 4 outlets, 2026-03-02 to 2026-03-03".
// It counts input records: an article and its copies, each id once (a
// record given twice in the input is one article).
func storyHeader(st *news.Story) string {
	ids, outlets := map[string]bool{}, map[string]bool{}
	var first, last time.Time
	for i := range st.Articles {
		a := &st.Articles[i]
		ids[a.ID] = true
		for _, c := range a.Copies {
			ids[c.ID] = true
		}
		for _, o := range a.Outlets() {
			outlets[o] = true
		}
		if d := a.Date; !d.IsZero() {
			if first.IsZero() || d.Before(first) {
				first = d
			}
			if d.After(last) {
				last = d
			}
		}
	}
	n := len(ids)
	h := fmt.Sprintf("%d %s", n, plural(n, "article"))
	if len(outlets) > 0 {
		h += fmt.Sprintf(" from %d %s", len(outlets), plural(len(outlets), "outlet"))
	}
	if !first.IsZero() {
		h += ", " + first.Format("2006-01-02")
		if last.Format("2006-01-02") != first.Format("2006-01-02") {
			h += " to " + last.Format("2006-01-02")
		}
	}
	return h
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// findings renders the enrichment of st as text or Markdown sections.
func findings(st *news.Story, md bool) string {
	nums := sourceNumbers(&st.Brief)
	var sb strings.Builder
	head := func(title string) {
		if md {
			fmt.Fprintf(&sb, "\n### %s\n\n", title)
		} else {
			fmt.Fprintf(&sb, "\n%s:\n", title)
		}
	}
	item := func(format string, args ...any) {
		if md {
			sb.WriteString("- ")
		} else {
			sb.WriteString("  ")
		}
		fmt.Fprintf(&sb, format, args...)
		sb.WriteString("\n")
	}
	refs := func(cs ...news.Citation) string { return markers(nums, cs) }
	// esc escapes text from the articles for Markdown.
	esc := func(s string) string {
		if md {
			return mdEscape(s)
		}
		return s
	}
	var single []string
	for i, s := range st.Support {
		if s.Single {
			single = append(single, fmt.Sprint(i+1))
		}
	}
	if len(st.Support) > 0 {
		head("Support")
		if len(single) == 0 {
			item("every summary sentence is reported by at least two outlets")
		} else if len(single) == 1 {
			item("summary sentence %s rests on a single outlet", single[0])
		} else {
			item("summary sentences %s rest on a single outlet", strings.Join(single, ", "))
		}
	}
	// Sources that disagree first, then contrasts of people's views (a
	// separate heading: not a disagreement between sources).
	for _, views := range []bool{false, true} {
		headed := false
		for _, c := range st.Conflicts {
			if (c.Kind == news.Views) != views {
				continue
			}
			if !headed {
				head(map[bool]string{false: "Where sources disagree", true: "Contrasting views"}[views])
				headed = true
			}
			// One part per value, with every source (and speaker) that gives it.
			var values []string
			by := map[string][]string{}
			for _, cl := range c.Claims {
				if by[cl.Value] == nil {
					values = append(values, cl.Value)
				}
				who := esc(cl.Outlet)
				if cl.Speaker != "" {
					who = esc(cl.Speaker) + ", " + who
				}
				by[cl.Value] = append(by[cl.Value], who+" "+refs(cl.Citation))
			}
			var parts []string
			for _, v := range values {
				parts = append(parts, fmt.Sprintf("%s (%s)", esc(v), strings.Join(by[v], "; ")))
			}
			item("%s, %s: %s", esc(c.Subject), c.Kind, strings.Join(parts, " vs "))
		}
	}
	if len(st.Quotes) > 0 {
		head("Quotes")
		for i, q := range st.Quotes {
			if i == showQuotes {
				item("(%d more)", len(st.Quotes)-showQuotes)
				break
			}
			who := q.Speaker
			if who == "" {
				who = "unattributed"
			}
			item("“%s” — %s %s", esc(q.Text), esc(who), refs(q.Citations...))
		}
	}
	if len(st.Timeline) > 0 {
		head("Timeline")
		for i, e := range st.Timeline {
			if i == showEvents {
				item("(%d more)", len(st.Timeline)-showEvents)
				break
			}
			item("%s  %s (%s) %s", e.When(), esc(e.Text), esc(e.Expression), refs(e.Citation))
		}
	}
	for _, k := range []news.EntityKind{news.Person, news.Organization, news.Place} {
		var names []string
		for _, e := range st.Entities {
			if e.Kind == k && len(names) < showEntities {
				names = append(names, fmt.Sprintf("%s (%d)", esc(e.Name), e.Mentions))
			}
		}
		if len(names) > 0 {
			head(map[news.EntityKind]string{news.Person: "People", news.Organization: "Organisations", news.Place: "Places"}[k])
			item("%s", strings.Join(names, ", "))
		}
	}
	return sb.String()
}

// JSONStory is the JSON form of a story; its field names are stable.
// Articles lists the input ids of every article in the story, copies
// included, so a program can map stories back to its records.
type JSONStory struct {
	JSONBrief
	Articles  []string       `json:"articles"`
	Quotes    []JSONQuote    `json:"quotes"`
	Entities  []JSONEntity   `json:"entities"`
	Timeline  []JSONEvent    `json:"timeline"`
	Support   []JSONSupport  `json:"support"`
	Conflicts []JSONConflict `json:"conflicts"`
}

// JSONRef points at a supporting sentence by article id and byte span
// into that article's cleaned text (the "text" of its source).
type JSONRef struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// JSONQuote is a quotation with its speaker ("" when unknown).
type JSONQuote struct {
	Text      string    `json:"text"`
	Speaker   string    `json:"speaker"`
	Outlets   []string  `json:"outlets"`
	Citations []JSONRef `json:"citations"`
}

// JSONEntity is a person, organization or place.
type JSONEntity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Outlets  []string `json:"outlets"`
	First    JSONRef  `json:"first"`
}

// JSONEvent is a dated timeline entry; Date is YYYY-MM-DD for a day,
// YYYY-MM-DDTHH:MM for a time of day, YYYY-Www for a week, YYYY-MM for a
// month and YYYY for a year (see [news.Event.When]); Precision is empty
// for a day, else "part of day", "week", "month" or "year".
type JSONEvent struct {
	Date       string   `json:"date"`
	Precision  string   `json:"precision,omitempty"`
	Expression string   `json:"expression"`
	Text       string   `json:"text"`
	Outlets    []string `json:"outlets"`
	Citation   JSONRef  `json:"citation"`
}

// JSONSupport is how widely summary sentence Sentence (0-based) is
// reported.
type JSONSupport struct {
	Sentence     int      `json:"sentence"`
	Outlets      []string `json:"outlets"`
	SingleSource bool     `json:"single_source"`
}

// JSONConflict is a disagreement; Kind is "figures" or
// "characterization" (between sources), or "views" (a contrast of the
// views of people the articles quote).
type JSONConflict struct {
	Kind    string      `json:"kind"`
	Subject string      `json:"subject"`
	Claims  []JSONClaim `json:"claims"`
}

// JSONClaim is one source's version.
type JSONClaim struct {
	Value  string `json:"value"`
	Outlet string `json:"outlet"`
	// Speaker is whose view it is, in a contrast of views.
	Speaker  string  `json:"speaker,omitempty"`
	Citation JSONRef `json:"citation"`
}

func ref(c news.Citation) JSONRef { return JSONRef{Article: c.ArticleID, Start: c.Start, End: c.End} }

// StoryJSON converts st to its JSON form.
func StoryJSON(st *news.Story) JSONStory {
	out := JSONStory{JSONBrief: ToJSON(&st.Brief), Articles: []string{}, Quotes: []JSONQuote{}, Entities: []JSONEntity{},
		Timeline: []JSONEvent{}, Support: []JSONSupport{}, Conflicts: []JSONConflict{}}
	for i := range st.Articles {
		out.Articles = append(out.Articles, st.Articles[i].ID)
		for _, c := range st.Articles[i].Copies {
			out.Articles = append(out.Articles, c.ID)
		}
	}
	for _, q := range st.Quotes {
		jq := JSONQuote{Text: q.Text, Speaker: q.Speaker, Outlets: q.Outlets}
		for _, c := range q.Citations {
			jq.Citations = append(jq.Citations, ref(c))
		}
		out.Quotes = append(out.Quotes, jq)
	}
	for _, e := range st.Entities {
		out.Entities = append(out.Entities, JSONEntity{Name: e.Name, Kind: e.Kind.String(), Mentions: e.Mentions,
			Articles: e.Articles, Outlets: e.Outlets, First: ref(e.First)})
	}
	for _, e := range st.Timeline {
		prec := ""
		if e.Precision != news.Day {
			prec = e.Precision.String()
		}
		out.Timeline = append(out.Timeline, JSONEvent{Date: e.When(), Precision: prec, Expression: e.Expression,
			Text: e.Text, Outlets: e.Outlets, Citation: ref(e.Citation)})
	}
	for i, s := range st.Support {
		out.Support = append(out.Support, JSONSupport{Sentence: i, Outlets: s.Outlets, SingleSource: s.Single})
	}
	for _, c := range st.Conflicts {
		jc := JSONConflict{Kind: c.Kind.String(), Subject: c.Subject}
		for _, cl := range c.Claims {
			jc.Claims = append(jc.Claims, JSONClaim{Value: cl.Value, Outlet: cl.Outlet, Speaker: cl.Speaker, Citation: ref(cl.Citation)})
		}
		out.Conflicts = append(out.Conflicts, jc)
	}
	return out
}
