package enricheval

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"tidings"
	"tidings/news"
)

func TestScoreQuotes(t *testing.T) {
	tests := []struct {
		name          string
		pred          []news.Quote
		gold          []GoldQuote
		matched       int
		speakersRight int
		speakersGold  int
	}{
		{"half the gold tokens match",
			[]news.Quote{{Text: "the talks were constructive", Speaker: "Sen. Anna Berg"}},
			[]GoldQuote{{Text: "The talks were constructive and long, she said today", Named: "Anna Berg"}},
			0, 0, 0},
		{"match with the right speaker by last name",
			[]news.Quote{{Text: "the talks were constructive and long", Speaker: "Mr. Berg's"}},
			[]GoldQuote{{Text: "The talks were constructive and long, she", Named: "Anna Berg"}},
			1, 1, 1},
		{"one to one, greedy by overlap",
			[]news.Quote{{Text: "we will strike on monday"}, {Text: "we will strike on monday and tuesday", Speaker: "Holm"}},
			[]GoldQuote{{Text: "We will strike on Monday and Tuesday", Named: "Petra Holm"}},
			1, 1, 1},
		{"wrong speaker",
			[]news.Quote{{Text: "nothing is settled", Speaker: "Viktor Sal"}},
			[]GoldQuote{{Text: "Nothing is settled", Named: "Anna Berg"}},
			1, 0, 1},
		{"unnamed gold speaker not scored",
			[]news.Quote{{Text: "nothing is settled", Speaker: "Viktor Sal"}},
			[]GoldQuote{{Text: "Nothing is settled"}},
			1, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q, s := ScoreQuotes(tc.pred, tc.gold)
			if q.Matched != tc.matched || q.Predicted != len(tc.pred) || q.Gold != len(tc.gold) {
				t.Errorf("ScoreQuotes quotes = %+v, want %d matched of %d, %d", q, tc.matched, len(tc.pred), len(tc.gold))
			}
			if s.Matched != tc.speakersRight || s.Gold != tc.speakersGold {
				t.Errorf("ScoreQuotes speakers = %+v, want %d right of %d", s, tc.speakersRight, tc.speakersGold)
			}
		})
	}
}

func TestSpeakerRight(t *testing.T) {
	tests := []struct {
		pred, named string
		want        bool
	}{
		{"Berg", "Anna Berg", true},
		{"Sen. Anna Berg", "Berg", true},
		{"Anna Berg's", "Anna Berg", true},
		{"Bill Clinton", "Hillary Clinton", true}, // last tokens agree: the README's measure
		{"Hillary", "Hillary Clinton", false},
		{"Ari Fleischer", "George W. Bush", false},
		{"a senior Holm adviser", "Holm", false},
		{"", "Anna Berg", false},
		{"Anna Berg", "", false},
	}
	for _, tc := range tests {
		if got := SpeakerRight(tc.pred, tc.named); got != tc.want {
			t.Errorf("SpeakerRight(%q, %q) = %v, want %v", tc.pred, tc.named, got, tc.want)
		}
	}
}

func TestScoreEntities(t *testing.T) {
	gold := []Pair{{"Bill Clinton", "person"}, {"Clinton", "person"}, {"U.N.", "organization"}, {"Kessel", "place"}}
	pred := []Pair{{"bill  clinton's", "person"}, {"\"U.N.\"", "organization"}, {"Kessel", "person"}, {"Norland", "place"}}
	typed, names, kinds := ScoreEntities(pred, gold)
	if typed.Matched != 2 || typed.Predicted != 4 || typed.Gold != 3 {
		t.Errorf("typed = %+v, want 2 of 4, 3", typed)
	}
	if names.Matched != 3 || names.Predicted != 4 || names.Gold != 3 {
		t.Errorf("names = %+v, want 3 of 4, 3", names)
	}
	if p := kinds["person"]; p.Matched != 1 || p.Predicted != 2 || p.Gold != 1 || p.Found != 1 {
		t.Errorf("person = %+v, want 1 of 2, 1 found of 1", p)
	}
	if p := kinds["place"]; p.Matched != 0 || p.Predicted != 1 || p.Gold != 1 {
		t.Errorf("place = %+v, want 0 of 1, 1", p)
	}
}

func TestScoreDates(t *testing.T) {
	gold := []Span{{10, 16, "1998-08-07"}, {40, 48, "1998-08-08"}}
	entries := []Span{{7, 16, "1998-08-07"}, {40, 48, "1998-08-09"}, {-1, -1, "1998-08-08"}}
	span, doc := ScoreDates(entries, gold)
	if span.Matched != 1 || span.Found != 1 || span.Predicted != 3 || span.Gold != 2 {
		t.Errorf("span = %+v, want 1 matched of 3, 1 found of 2", span)
	}
	if doc.Matched != 2 || doc.Predicted != 3 || doc.Gold != 2 {
		t.Errorf("doc = %+v, want 2 of 3, 2", doc)
	}
}

func TestPlace(t *testing.T) {
	text := "KESSEL (AP) Talks ended on Friday. Talks ended on Friday."
	a := news.Article{ID: "a", Text: "Talks ended on Friday. Talks ended on Friday."}
	st := news.Story{Brief: news.Brief{Articles: []news.Article{a}}}
	ev := news.Event{Date: time.Date(1998, 8, 7, 0, 0, 0, 0, time.UTC), Expression: "on Friday",
		Citation: news.Citation{ArticleID: "a", Start: 23, End: 45}}
	got, ok := Place(text, st, ev)
	want := Span{47, 56, "1998-08-07"}
	if !ok || got != want {
		t.Errorf("Place = %+v, %v, want %+v", got, ok, want)
	}
	if _, ok := Place(text, st, news.Event{Expression: "published", Citation: news.Citation{ArticleID: "a"}}); ok {
		t.Error("Place placed a publication")
	}
}

// TestRun measures the dev data when it is there and checks the figures
// are figures: every part ran, and none is zero.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("short: the dev run takes seconds")
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "enrich-dev")
	r, err := Run(context.Background(), &tidings.Pipeline{}, dir, Options{})
	if errors.Is(err, ErrNoData) {
		t.Skipf("enrich-dev data not found under %s: %v", dir, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if r.QuoteArticles != 84 || r.EntityArticles != 216 || r.DateArticles != 73 {
		t.Errorf("articles = %d, %d, %d, want 84, 216, 73", r.QuoteArticles, r.EntityArticles, r.DateArticles)
	}
	for name, s := range map[string]Score{"quotes": r.Quotes, "entities": r.Entities, "dates": r.Dates} {
		t.Logf("%s: P %.3f R %.3f F1 %.3f", name, s.P(), s.R(), s.F1())
		if s.F1() == 0 {
			t.Errorf("%s F1 is 0: %+v", name, s)
		}
	}
}

func TestRunUnknownPart(t *testing.T) {
	if _, err := Run(context.Background(), &tidings.Pipeline{}, t.TempDir(), Options{Parts: []string{"names"}}); err == nil {
		t.Error("Run with an unknown part: no error")
	}
	if _, err := Run(context.Background(), &tidings.Pipeline{}, t.TempDir(), Options{Parts: []string{PartQuotes}}); !errors.Is(err, ErrNoData) {
		t.Errorf("Run on an empty dir = %v, want ErrNoData", err)
	}
}
