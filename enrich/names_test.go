package enrich

import "testing"

// TestTaggerLoads checks that the embedded model loads: Entities finds
// nothing without it.
func TestTaggerLoads(t *testing.T) {
	m, err := tagger()
	if err != nil {
		t.Fatalf("the embedded name tagger does not load: %v", err)
	}
	if m.Features() == 0 {
		t.Fatal("the embedded name tagger has no features")
	}
	if g := m.Gazetteer(); len(g.Places) != len(places()) || len(g.Lower) == 0 {
		t.Errorf("the model's gazetteer has %d places (data/places.txt has %d) and %d lower-case words: retrain with tidings train-ner",
			len(g.Places), len(places()), len(g.Lower))
	}
}
