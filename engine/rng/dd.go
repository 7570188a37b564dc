package rng

import "math"

// dd is a double-double number hi+lo with |lo| <= ulp(hi)/2, giving about
// 106 bits of precision. The operations build on the error-free
// transformations TwoSum and TwoProduct, with TwoProduct made exact by
// math.FMA.
type dd struct{ hi, lo float64 }

// twoSum returns s = fl(a+b) and the exact rounding error e = a+b-s.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// fastTwoSum is twoSum for |a| >= |b| or a == 0.
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// twoProd returns p = fl(a*b) and the exact rounding error e = a*b-p.
func twoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return p, e
}

// ddAdd returns a+b with a relative error of a few units of 2^-106, even
// when the high parts cancel.
func ddAdd(a, b dd) dd {
	s, e := twoSum(a.hi, b.hi)
	t, f := twoSum(a.lo, b.lo)
	e += t
	s, e = twoSum(s, e)
	e += f
	s, e = twoSum(s, e)
	return dd{s, e}
}

// ddAddFloat returns a+b.
func ddAddFloat(a dd, b float64) dd {
	s, e := twoSum(a.hi, b)
	e += a.lo
	s, e = twoSum(s, e)
	return dd{s, e}
}

// ddNeg returns -a.
func ddNeg(a dd) dd {
	return dd{-a.hi, -a.lo}
}

// ddMul returns a*b, dropping the a.lo*b.lo term below 2^-106 relative.
func ddMul(a, b dd) dd {
	p, e := twoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

// roundDD returns the float64 nearest to the real number v when every
// number within err of v.hi+v.lo rounds to the same float64, which is Ziv's
// rounding test. ok is false when the interval straddles a rounding
// boundary and v needs more precision.
func roundDD(v dd, err float64) (r float64, ok bool) {
	below := v.hi + (v.lo - err)
	above := v.hi + (v.lo + err)
	return below, below == above
}
