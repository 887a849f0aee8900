package clean

import (
	"math"
	"slices"
	"testing"
)

// idPages returns pages with ids 0 to n-1 and nothing else.
func idPages(n int) []trainPage {
	pages := make([]trainPage, n)
	for i := range pages {
		pages[i].id = i
	}
	return pages
}

func TestSplitFold(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		n, k  int
		draw  uint64
		sizes []int // held-out pages per fold
	}{
		{"halves", 990, 2, 0, []int{495, 495}},
		{"five", 990, 5, 0, []int{198, 198, 198, 198, 198}},
		{"ten", 990, 10, 0, []int{99, 99, 99, 99, 99, 99, 99, 99, 99, 99}},
		{"uneven", 7, 3, 0, []int{3, 2, 2}},
		{"five drawn", 990, 5, 1, []int{198, 198, 198, 198, 198}},
		{"uneven drawn", 7, 3, 2, []int{3, 2, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pages := idPages(tc.n)
			held := make([]int, tc.n)
			for f := range tc.k {
				train, test := splitFold(pages, tc.k, f, tc.draw)
				if len(test) != tc.sizes[f] || len(train)+len(test) != tc.n {
					t.Fatalf("splitFold(%d pages, %d, %d, %d) = %d train, %d test, want %d test of %d", tc.n, tc.k, f, tc.draw, len(train), len(test), tc.sizes[f], tc.n)
				}
				if err := checkDisjoint(train, test); err != nil {
					t.Fatal(err)
				}
				for _, p := range test {
					held[p.id]++
				}
			}
			for id, h := range held {
				if h != 1 {
					t.Fatalf("page %d held out %d times over the %d folds, want 1", id, h, tc.k)
				}
			}
		})
	}
	// A drawn partition is another one than id mod k.
	_, drawn := splitFold(idPages(990), 5, 0, 1)
	if !slices.ContainsFunc(drawn, func(p trainPage) bool { return p.id%5 != 0 }) {
		t.Fatal("splitFold(990 pages, 5, 0, 1) holds out the pages of id mod 5 = 0, want another partition")
	}
	// K 2 are the halves: fold 0 holds the even pages out.
	_, test := splitFold(idPages(10), 2, 0, 0)
	for _, p := range test {
		if p.id%2 != 0 {
			t.Fatalf("splitFold(10 pages, 2, 0) holds out page %d, want the even pages", p.id)
		}
	}
}

func TestCheckDisjoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		train, test []int
		wantErr     bool
	}{
		{"apart", []int{1, 2, 3}, []int{4, 5}, false},
		{"shared", []int{1, 2, 3}, []int{3, 4}, true},
		{"no test", []int{1}, nil, false},
	}
	pages := func(ids []int) []trainPage {
		var out []trainPage
		for _, id := range ids {
			out = append(out, trainPage{id: id})
		}
		return out
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if err := checkDisjoint(pages(tc.train), pages(tc.test)); (err != nil) != tc.wantErr {
				t.Fatalf("checkDisjoint(%v, %v) = %v, want error %v", tc.train, tc.test, err, tc.wantErr)
			}
		})
	}
}

func TestCurveSubset(t *testing.T) {
	t.Parallel()
	train, _ := splitFold(idPages(990), 5, 0, 0)
	tests := []struct {
		name  string
		share float64
		want  int
	}{
		{"quarter", 0.25, 198},
		{"half", 0.5, 396},
		{"the halves' size", 0.625, 495},
		{"three quarters", 0.75, 594},
		{"all", 1, 792},
	}
	var prev map[int]bool // the pages of the share before (the shares grow)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sub := curveSubset(train, tc.share)
			if len(sub) != tc.want {
				t.Fatalf("curveSubset(792 pages, %v) = %d pages, want %d", tc.share, len(sub), tc.want)
			}
			in := map[int]bool{}
			for i, p := range sub {
				if p.id%5 == 0 {
					t.Fatalf("curveSubset(792 pages, %v) kept held-out page %d", tc.share, p.id)
				}
				if i > 0 && sub[i-1].id >= p.id {
					t.Fatalf("curveSubset(792 pages, %v) out of order at page %d", tc.share, p.id)
				}
				in[p.id] = true
			}
			for id := range prev {
				if !in[id] {
					t.Fatalf("curveSubset(792 pages, %v) lacks page %d of the smaller share", tc.share, id)
				}
			}
			prev = in
		})
	}
}

func TestParseShares(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    []float64
		wantErr bool
	}{
		{"curve", "0.25, 0.5,1", []float64{0.25, 0.5, 1}, false},
		{"zero", "0,0.5", nil, true},
		{"over one", "1.5", nil, true},
		{"not a number", "half", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseShares(tc.in)
			if (err != nil) != tc.wantErr || !tc.wantErr && !slices.Equal(got, tc.want) {
				t.Fatalf("parseShares(%q) = %v, %v, want %v (error %v)", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestParseSeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		want    []uint64
		wantErr bool
	}{
		{"default", "", []uint64{9}, false},
		{"three", "1,2, 3", []uint64{1, 2, 3}, false},
		{"negative", "-1", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseSeeds(tc.in, 9)
			if (err != nil) != tc.wantErr || !tc.wantErr && !slices.Equal(got, tc.want) {
				t.Fatalf("parseSeeds(%q, 9) = %v, %v, want %v (error %v)", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestMeanSD(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       []float64
		mean, sd float64
	}{
		{"none", nil, 0, 0},
		{"one", []float64{0.9}, 0.9, 0},
		{"two", []float64{0.88, 0.90}, 0.89, math.Sqrt(0.0002)},
		{"same", []float64{0.5, 0.5, 0.5}, 0.5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, sd := meanSD(tc.in)
			if math.Abs(m-tc.mean) > 1e-12 || math.Abs(sd-tc.sd) > 1e-12 {
				t.Fatalf("meanSD(%v) = %v, %v, want %v, %v", tc.in, m, sd, tc.mean, tc.sd)
			}
		})
	}
}

func TestBootstrapF(t *testing.T) {
	t.Parallel()
	mixed := []segCounts{{9, 1, 0}, {5, 5, 5}, {10, 0, 0}, {0, 4, 6}, {7, 2, 1}}
	tests := []struct {
		name   string
		pages  []segCounts
		narrow bool // every page alike: the interval is the pooled F
	}{
		{"alike", []segCounts{{9, 1, 1}, {9, 1, 1}, {9, 1, 1}}, true},
		{"mixed", mixed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, _, f := sumCounts(tc.pages).prf()
			lo, hi := bootstrapF(tc.pages, 1000)
			if lo > f || hi < f || tc.narrow != (hi-lo < 1e-12) {
				t.Fatalf("bootstrapF(%v) = [%v, %v], want around the pooled F %v (narrow %v)", tc.pages, lo, hi, f, tc.narrow)
			}
		})
	}
}

func TestSumCounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []segCounts
		want segCounts
	}{
		{"none", nil, segCounts{}},
		{"two", []segCounts{{1, 2, 3}, {10, 20, 30}}, segCounts{11, 22, 33}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := sumCounts(tc.in); got != tc.want {
				t.Fatalf("sumCounts(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
