package enricheval

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"

	"tidings"
	"tidings/news"
)

// Span is a dated expression in an article's text: byte offsets (end
// exclusive) and its day as YYYY-MM-DD. An entry that could not be placed
// in the text has Start = End = -1.
type Span struct {
	Start, End int
	Value      string
}

func (a Span) overlaps(b Span) bool {
	return a.Start >= 0 && a.Start < b.End && b.Start < a.End
}

// ScoreDates compares the timeline entries of one article with its gold
// full-day dates. By span: a gold date is found when an entry with the
// same day overlaps it; an entry matches when it overlaps a gold date of
// the same day. Per document: the set of entry days against the set of
// gold days.
func ScoreDates(entries, gold []Span) (span, doc Score) {
	span = Score{Predicted: len(entries), Gold: len(gold)}
	for _, e := range entries {
		for _, g := range gold {
			if e.Value == g.Value && e.overlaps(g) {
				span.Matched++
				break
			}
		}
	}
	for _, g := range gold {
		for _, e := range entries {
			if e.Value == g.Value && e.overlaps(g) {
				span.Found++
				break
			}
		}
	}
	pd, gd := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		pd[e.Value] = true
	}
	for _, g := range gold {
		gd[g.Value] = true
	}
	for v := range pd {
		if gd[v] {
			doc.Matched++
		}
	}
	doc.Found, doc.Predicted, doc.Gold = doc.Matched, len(pd), len(gd)
	return span, doc
}

// Place finds an event's expression in text, the article as the data set
// gives it: the cited sentence (from the story's prepared article) is
// looked up in text (the same copy of it, when it occurs more than once),
// and the expression inside it. Publication events (no span) are not placed: ok is false.
func Place(text string, st news.Story, ev news.Event) (Span, bool) {
	c := ev.Citation
	if c.End <= c.Start {
		return Span{}, false
	}
	v := Span{Start: -1, End: -1, Value: ev.Date.Format("2006-01-02")}
	var sent, clean string
	for _, a := range st.Articles {
		if a.ID == c.ArticleID && c.End <= len(a.Text) {
			clean, sent = a.Text, a.Text[c.Start:c.End]
		}
	}
	if sent == "" {
		return v, true
	}
	// The k-th copy of the sentence in the prepared text is the k-th in
	// the data set's (cleaning may have cut a dateline before it).
	k := strings.Count(clean[:c.Start], sent)
	at := -1
	for from, n := 0, 0; n <= k; n++ {
		i := strings.Index(text[from:], sent)
		if i < 0 {
			break
		}
		at, from = from+i, from+i+1
	}
	if at < 0 {
		return v, true
	}
	if e := strings.Index(sent, ev.Expression); e >= 0 && ev.Expression != "" {
		v.Start, v.End = at+e, at+e+len(ev.Expression)
	}
	return v, true
}

// dateGold is a row of dates/aquaint.gold.jsonl.
type dateGold struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
	Day   bool   `json:"day"`
}

func (r *Report) runDates(ctx context.Context, p *tidings.Pipeline, dir string) error {
	arts, err := readArticles(filepath.Join(dir, "dates", "aquaint.articles.jsonl"))
	if err != nil {
		return err
	}
	gold := map[string][]Span{}
	err = readJSONL(filepath.Join(dir, "dates", "aquaint.gold.jsonl"), func(line []byte) error {
		var row dateGold
		if err := json.Unmarshal(line, &row); err != nil {
			return err
		}
		if row.Day {
			gold[row.ID] = append(gold[row.ID], Span{row.Start, row.End, row.Value})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range arts {
		st, err := r.story(ctx, p, a)
		if err != nil {
			return err
		}
		var entries []Span
		for _, ev := range st.Timeline {
			if len(ev.When()) != len("2006-01-02") {
				continue // a week, a month, a year or a time of day is no full-day date
			}
			if s, ok := Place(a.Text, st, ev); ok {
				entries = append(entries, s)
			}
		}
		s, d := ScoreDates(entries, gold[a.ID])
		r.Dates.add(s)
		r.DocDates.add(d)
		r.DateArticles++
	}
	return nil
}
