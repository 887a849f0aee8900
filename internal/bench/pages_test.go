package bench

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestScoreSegments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		text          string
		with, without []string
		want          Counts
	}{
		{"found after collapsing space", "The dam\n\nopened  on Saturday.", []string{"dam opened on Saturday."}, nil, Counts{TP: 1}},
		{"missing", "The dam opened.", []string{"Farmers worried."}, nil, Counts{FN: 1}},
		{"unwanted found", "Home | News\n\nThe dam opened.", []string{"The dam opened."}, []string{"Home | News", "Sport"}, Counts{TP: 1, FP: 1}},
		{"case matters", "the dam opened.", []string{"The dam opened."}, nil, Counts{FN: 1}},
		{"empty text", "", []string{"x"}, []string{"y"}, Counts{FN: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := ScoreSegments(tc.text, tc.with, tc.without); got != tc.want {
				t.Errorf("ScoreSegments(%q) = %+v, want %+v", tc.text, got, tc.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	t.Parallel()
	c := Counts{TP: 6, FP: 2, FN: 4}
	if p, r, f := c.Precision(), c.Recall(), c.F(); p != 0.75 || r != 0.6 || f < 0.6666 || f > 0.6667 {
		t.Errorf("Counts%+v = P %v R %v F %v, want 0.75 0.6 0.667", c, p, r, f)
	}
	if f := (Counts{}).F(); f != 0 {
		t.Errorf("Counts{}.F() = %v, want 0", f)
	}
}

func TestSameName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		got, gold string
		want      bool
	}{
		{"Kai Lund", "kai  lund", true},
		{"Kai Lund and Ana Ruiz", "Ana Ruiz; Kai Lund", true},
		{"Kai Lund", "Kai Lund; Ana Ruiz", false},
		{"", "Kai Lund", false},
		{"By Kai Lund", "Kai Lund", false},
		{"J.R. Stone", "J. R. Stone", true},
	}
	for _, tc := range tests {
		if got := SameName(tc.got, tc.gold); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.got, tc.gold, got, tc.want)
		}
	}
}

func TestNamesJSON(t *testing.T) {
	t.Parallel()
	var p struct{ A, B Names }
	if err := json.Unmarshal([]byte(`{"A": "Kai Lund", "B": ["Kai Lund", "Ana Ruiz"]}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.A != "Kai Lund" || p.B != "Kai Lund; Ana Ruiz" {
		t.Errorf("Names = %q, %q, want \"Kai Lund\", \"Kai Lund; Ana Ruiz\"", p.A, p.B)
	}
	if err := json.Unmarshal([]byte(`{"A": 3}`), &p); err == nil {
		t.Error("Names from a number: nil error, want one")
	}
}

func TestHalfPages(t *testing.T) {
	t.Parallel()
	pages := []Page{{ID: "0000"}, {ID: "0001"}, {ID: "0002"}, {ID: "x"}}
	if even, odd := HalfPages(pages, false), HalfPages(pages, true); len(even) != 3 || len(odd) != 1 || odd[0].ID != "0001" {
		t.Errorf("HalfPages = %v / %v, want 3 even (x among them) and 0001 odd", even, odd)
	}
}

// TestEvalPagesSet scores the first pages of pages-dev, when present, and
// checks that tidings' cleaning finds something on both forms.
func TestEvalPagesSet(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "pages-dev")
	pages, err := LoadPages(dir)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("pages-dev not present at ../shared/data/pages-dev")
	}
	if err != nil {
		t.Fatal(err)
	}
	pages = pages[:20]
	for _, f := range []PageForm{HTMLForm, TextForm} {
		ex := PageExtractors(f)[0]
		r, err := EvalPages(t.Context(), dir, pages, ex)
		if err != nil {
			t.Fatal(err)
		}
		if r.Pages != 20 || r.Segments.TP == 0 {
			t.Errorf("EvalPages(%s, %s) = %d pages, %+v, want 20 pages and some segments found", f, ex.Name, r.Pages, r.Segments)
		}
	}
}

func TestWorstPages(t *testing.T) {
	t.Parallel()
	var r PagesResult
	pages := []Page{
		{ID: "a", With: []string{"The dam opened."}},
		{ID: "b", With: []string{"Farmers worried."}, Without: []string{"Home"}},
		{ID: "c", With: []string{"Rain fell."}, Without: []string{"Sport"}},
	}
	texts := []string{"The dam opened.", "Home", "Sport\n\nRain fell."}
	for i, p := range pages {
		r.add(p, Extracted{Text: texts[i]})
	}
	got := WorstPages(r, 2)
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "c" {
		t.Fatalf("WorstPages = %+v, want b (2 errors) then c (1)", got)
	}
	if len(got[0].Missed) != 1 || got[0].Missed[0] != "Farmers worried." || len(got[0].Unwanted) != 1 || got[0].Unwanted[0] != "Home" {
		t.Errorf("WorstPages[0] = %+v, want Farmers worried. missed and Home unwanted", got[0])
	}
}
