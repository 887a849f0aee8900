package eval

import (
	"math"
	"testing"
)

func TestClustering(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []string
		p, r, f    float64
		ari        float64
	}{
		{"identical", []string{"a", "a", "b"}, []string{"x", "x", "y"}, 1, 1, 1, 1},
		{"all merged", []string{"a", "a", "a", "a"}, []string{"x", "x", "y", "y"}, 0.5, 1, 2.0 / 3, 0},
		{"all split", []string{"a", "b", "c", "d"}, []string{"x", "x", "y", "y"}, 1, 0.5, 2.0 / 3, 0},
		// Bagga and Baldwin's style of example: one item of a 3-cluster
		// put with a 2-cluster.
		{"one misplaced", []string{"a", "a", "b", "b", "b"}, []string{"x", "x", "x", "y", "y"},
			(1 + 1 + 1.0/3 + 2.0/3 + 2.0/3) / 5, (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1) / 5, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Clustering(tt.pred, tt.gold)
			if err != nil {
				t.Fatal(err)
			}
			f := tt.f
			if f == 0 {
				f = 2 * tt.p * tt.r / (tt.p + tt.r)
			}
			if math.Abs(s.Precision-tt.p) > 1e-9 || math.Abs(s.Recall-tt.r) > 1e-9 || math.Abs(s.F1-f) > 1e-9 {
				t.Errorf("B-cubed = %.4f %.4f %.4f, want %.4f %.4f %.4f", s.Precision, s.Recall, s.F1, tt.p, tt.r, f)
			}
			if tt.ari >= 0 && math.Abs(s.ARI-tt.ari) > 1e-9 {
				t.Errorf("ARI = %.4f, want %.4f", s.ARI, tt.ari)
			}
		})
	}
	// ARI of the misplaced example by hand: contingency {2,0 / 1,2}:
	// index = 1+0+0+1 = 2; sums 1+3 = 4 and 3+1 = 4; expected 4*4/10 = 1.6;
	// max 4; ARI = 0.4/2.4.
	s, _ := Clustering([]string{"a", "a", "b", "b", "b"}, []string{"x", "x", "x", "y", "y"})
	if math.Abs(s.ARI-0.4/2.4) > 1e-9 {
		t.Errorf("ARI = %.6f, want %.6f", s.ARI, 0.4/2.4)
	}
	if _, err := Clustering([]string{"a"}, nil); err == nil {
		t.Error("length mismatch: no error")
	}
}
