package eval

import (
	"math"
	"testing"
)

func TestPow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		x, y, want float64
	}{
		// Exact cases.
		{4, 0.5, 2}, {8, 1.0 / 3, 2}, {2, 10, 1024}, {5, 1, 5}, {1, 1.2, 1},
		// What glibc's pow() returns (through Python's ** on this
		// machine); math.Pow is one ulp off for 6 and 123.
		{3, 1.2, 3.7371928188465517}, {5, 1.2, 6.898648307306074}, {6, 1.2, 8.585814486631532},
		{10, 1.2, 15.848931924611133}, {17, 1.2, 29.959785913149386}, {123, 1.2, 322.02243803234467},
		{0.3, 1 / 1.2, 0.3666635274972341},
	}
	for _, tc := range tests {
		if got := pow(tc.x, tc.y); got != tc.want {
			t.Errorf("pow(%v, %v) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
	// Never further than one ulp from math.Pow.
	for k := 1.0; k < 300; k++ {
		a, b := pow(k, 1.2), math.Pow(k, 1.2)
		if math.Abs(a-b) > 2*math.Abs(math.Nextafter(b, math.Inf(1))-b) {
			t.Fatalf("pow(%v, 1.2) = %v, math.Pow gives %v", k, a, b)
		}
	}
}
