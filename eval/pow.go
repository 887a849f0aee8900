package eval

import (
	"math"
	"math/big"
)

// ROUGE-1.5.5 computes ROUGE-W's weights with Perl's ** operator, that is
// C's pow(), which glibc rounds correctly. Go's math.Pow is off by one
// unit in the last place for most arguments, which is enough to flip ties in
// the weighted LCS table. pow therefore evaluates x^y in 160-bit precision
// and rounds once.

const powPrec = 160

// pow returns x^y rounded to the nearest float64, for x > 0.
func pow(x, y float64) float64 {
	switch {
	case x <= 0 || math.IsInf(x, 0) || math.IsNaN(x) || math.IsNaN(y):
		return math.Pow(x, y)
	case x == 1 || y == 0:
		return 1
	case y == 1:
		return x
	}
	bx := new(big.Float).SetPrec(powPrec).SetFloat64(x)
	by := new(big.Float).SetPrec(powPrec).SetFloat64(y)
	l := bigLog(bx)
	l.Mul(l, by)
	r, _ := bigExp(l).Float64()
	return r
}

func newF() *big.Float { return new(big.Float).SetPrec(powPrec) }

// bigLn2 is ln 2 to powPrec bits, computed by bigLogReduced.
func bigLn2() *big.Float {
	return bigLogReduced(newF().SetFloat64(2))
}

// bigLog returns ln x for x > 0: x = m·2^e with m in [0.5, 1), then
// ln x = ln m + e·ln 2.
func bigLog(x *big.Float) *big.Float {
	m := newF()
	e := x.MantExp(m)
	r := bigLogReduced(m)
	if e != 0 {
		t := bigLn2()
		t.Mul(t, newF().SetInt64(int64(e)))
		r.Add(r, t)
	}
	return r
}

// bigLogReduced returns ln m by the series ln m = 2·atanh(s),
// s = (m-1)/(m+1), which converges fast for m near 1.
func bigLogReduced(m *big.Float) *big.Float {
	one := newF().SetInt64(1)
	num := newF().Sub(m, one)
	den := newF().Add(m, one)
	s := newF().Quo(num, den)
	s2 := newF().Mul(s, s)
	sum := newF().Set(s)
	term := newF().Set(s)
	eps := newF().SetMantExp(one, -powPrec)
	for k := int64(3); k < 2000; k += 2 {
		term.Mul(term, s2)
		t := newF().Quo(term, newF().SetInt64(k))
		sum.Add(sum, t)
		if t.Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	return sum.Mul(sum, newF().SetInt64(2))
}

// bigExp returns e^x: x is halved until small, the Taylor series is
// summed, and the result squared back.
func bigExp(x *big.Float) *big.Float {
	one := newF().SetInt64(1)
	r := newF().Set(x)
	halvings := 0
	limit := newF().SetFloat64(1.0 / 1024)
	for newF().Abs(r).Cmp(limit) > 0 {
		r.Quo(r, newF().SetInt64(2))
		halvings++
	}
	sum := newF().Set(one)
	term := newF().Set(one)
	eps := newF().SetMantExp(one, -powPrec)
	for k := int64(1); k < 200; k++ {
		term.Mul(term, r)
		term.Quo(term, newF().SetInt64(k))
		sum.Add(sum, term)
		if newF().Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum
}
