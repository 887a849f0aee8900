package dedupe

import (
	"strings"
	"testing"

	"tidings/news"
)

const wire = `Engineers found a crack in a main steel girder of Port Alder's Kestrel Bridge on Friday, and the city closed the bridge to traffic while repairs are carried out. The bridge carries about 62,000 vehicles a day across the Wren estuary. The city's transport authority said repairs could take up to six weeks. Chief engineer Tomas Avery said the crack, about 40 centimetres long, was found during a routine inspection. Mayor Lena Ortiz called an emergency council session for Monday. Officials put the cost of the repairs at about 18 million dollars.`

// reprint is wire under another masthead: a few words edited and the last
// sentence cut.
var reprint = strings.NewReplacer("Engineers found", "City engineers found", "about 62,000", "some 62,000",
	" Officials put the cost of the repairs at about 18 million dollars.", "").Replace(wire)

const ownReport = `Commuters in Port Alder face up to six weeks of detours after the Kestrel Bridge was closed on Friday, when inspectors found a crack in one of its main girders. The closure cuts the main road link between the city centre and the northern suburbs, and businesses on both sides of the Wren estuary said they expected to lose trade. Chief engineer Tomas Avery said the crack was serious but had been caught early.`

func TestFold(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  map[int][]int // kept article -> folded copies, by input index
	}{
		{"reprint folds into the wire copy", []string{wire, reprint}, map[int][]int{0: {1}}},
		{"another outlet's own report stays", []string{wire, ownReport}, map[int][]int{0: nil, 1: nil}},
		{"exact copy and reprint", []string{ownReport, wire, wire, reprint}, map[int][]int{0: nil, 1: {2, 3}}},
		{"empty texts never match", []string{"", "", wire}, map[int][]int{0: nil, 1: nil, 2: nil}},
		{"short identical texts match", []string{"Bridge shut.", "Bridge shut."}, map[int][]int{0: {1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []news.Article
			for i, s := range tt.texts {
				arts = append(arts, news.Article{ID: string(rune('a' + i)), Outlet: "O" + string(rune('a'+i)), Text: s})
			}
			got := Fold(arts, Options{})
			if len(got) != len(tt.want) {
				t.Fatalf("Fold kept %d articles, want %d", len(got), len(tt.want))
			}
			for _, a := range got {
				i := int(a.ID[0] - 'a')
				want, ok := tt.want[i]
				if !ok {
					t.Fatalf("article %d kept, want it folded", i)
				}
				var ids []int
				for _, c := range a.Copies {
					ids = append(ids, int(c.ID[0]-'a'))
				}
				if !equal(ids, want) {
					t.Errorf("article %d copies = %v, want %v", i, ids, want)
				}
				if len(a.Outlets()) != 1+len(want) {
					t.Errorf("article %d outlets = %v", i, a.Outlets())
				}
			}
		})
	}
}

func TestSimilarityEstimates(t *testing.T) {
	a, _ := Sign(wire)
	b, _ := Sign(reprint)
	c, _ := Sign(ownReport)
	if s := Similarity(&a, &a); s != 1 {
		t.Errorf("self similarity %v, want 1", s)
	}
	if s := Similarity(&a, &b); s < DefaultThreshold {
		t.Errorf("reprint similarity %v below threshold %v", s, DefaultThreshold)
	}
	if s := Similarity(&a, &c); s > 0.2 {
		t.Errorf("own report similarity %v, want near 0", s)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzFold(f *testing.F) {
	f.Add(wire, reprint, "")
	f.Add("a b c", "a b c", "a")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		arts := []news.Article{{ID: "a", Text: a}, {ID: "b", Text: b}, {ID: "c", Text: c}}
		got := Fold(arts, Options{})
		n := 0
		for _, g := range got {
			n += 1 + len(g.Copies)
		}
		if n != len(arts) {
			t.Fatalf("Fold accounts for %d articles, want %d", n, len(arts))
		}
	})
}
