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
// (100-confidence)/2 percentiles. No values give zeros. To compute many
// intervals over as many values, a [Resampler] draws the indexes once.
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
	return interval(means, confidence)
}

// maxDraws bounds the indexes a Resampler keeps (16 MiB of them).
const maxDraws = 1 << 22

// A Resampler holds the bootstrap's draws for n values and a number of
// resamples: they depend on nothing else, so a table of systems and
// metrics scored over the same topics draws them once. Its intervals are
// Bootstrap's, bit for bit.
type Resampler struct {
	n, resamples int
	draws        []int32 // resamples × n indexes, nil when over maxDraws
	means        []float64
}

// NewResampler draws the indexes of resamples samples of n values.
func NewResampler(n, resamples int) *Resampler {
	r := &Resampler{n: n, resamples: resamples}
	if n <= 0 || resamples <= 0 || n*resamples > maxDraws {
		return r
	}
	r.draws = make([]int32, 0, n*resamples)
	for s := range resamples {
		g := newDrand48(uint64(s))
		for range n {
			r.draws = append(r.draws, int32(g.next()*float64(n)))
		}
	}
	r.means = make([]float64, resamples)
	return r
}

// Interval returns Bootstrap(values, resamples, confidence). values of
// another length than r's n are resampled afresh. Not safe for concurrent
// use.
func (r *Resampler) Interval(values []float64, confidence float64) Interval {
	if len(values) != r.n || r.draws == nil {
		return Bootstrap(values, r.resamples, confidence)
	}
	n := r.n
	for s := range r.resamples {
		sum := 0.0
		for _, i := range r.draws[s*n : (s+1)*n] {
			sum += values[i]
		}
		r.means[s] = sum / float64(n)
	}
	return interval(r.means, confidence)
}

// interval sorts the sample means and returns their mean and percentile
// bounds.
func interval(means []float64, confidence float64) Interval {
	resamples := len(means)
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
