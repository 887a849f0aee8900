package eval

import (
	"math"
	"slices"
)

// Interval is a system-level average with its bootstrap confidence bounds,
// each rounded to five decimals.
type Interval struct {
	Mean, Low, High float64
}

// drand48 is the 48-bit linear congruential generator of Perl 5.20 and
// later, whose rand() ROUGE-1.5.5's bootstrap uses.
type drand48 struct{ x uint64 }

func newDrand48(seed uint64) *drand48 { return &drand48{x: (seed<<16 + 0x330E) & (1<<48 - 1)} }

func (d *drand48) next() float64 {
	d.x = (0x5DEECE66D*d.x + 0xB) & (1<<48 - 1)
	return float64(d.x) / (1 << 48)
}

// Bootstrap returns ROUGE-1.5.5's average and confidence interval of the
// per-evaluation scores values, given in ROUGE's instance order (result
// names sorted bytewise). Sample s of resamples draws len(values) indexes
// from drand48 seeded with s; the average is the mean of the sample means
// (summed in ascending order), the bounds are the sample means at the
// (100-confidence)/2 percentiles. No values give zeros.
func Bootstrap(values []float64, resamples int, confidence float64) Interval {
	n := len(values)
	if n == 0 || resamples <= 0 {
		return Interval{}
	}
	means := make([]float64, resamples)
	for s := range resamples {
		g := newDrand48(uint64(s))
		sum := 0.0
		for range n {
			sum += values[int(g.next()*float64(n))]
		}
		means[s] = sum / float64(n)
	}
	slices.Sort(means)
	total := 0.0
	for _, m := range means {
		total += m
	}
	lo := int(math.Round(float64(resamples) * (100 - confidence) / 200))
	hi := resamples - lo - 1
	lo = min(max(lo, 0), resamples-1)
	hi = min(max(hi, 0), resamples-1)
	return Interval{Mean: round5(total / float64(resamples)), Low: round5(means[lo]), High: round5(means[hi])}
}
