package rng

import (
	"math"
	"math/big"
	"sync"
)

// bigPrec is the working precision in bits of the slow paths, which run
// when the fast paths cannot decide the rounding.
//
// NOTE: rounding a 320-bit result to float64 is correct unless the exact
// value lies within about 2^-310, relative, of a midpoint between two
// doubles. The code assumes that no input comes that close but does not
// prove it.
const bigPrec = 320

// bigConstants holds ln 2 and pi to bigPrec bits, computed on first use.
var bigConstants struct {
	once    sync.Once
	ln2, pi *big.Float
}

func newBig() *big.Float {
	return new(big.Float).SetPrec(bigPrec)
}

// bigLn2 returns ln 2 = 2 atanh(1/3).
func bigLn2() *big.Float {
	bigConstants.once.Do(initBigConstants)
	return bigConstants.ln2
}

// bigPi returns pi.
func bigPi() *big.Float {
	bigConstants.once.Do(initBigConstants)
	return bigConstants.pi
}

func initBigConstants() {
	third := newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(3))
	bigConstants.ln2 = newBig().Mul(newBig().SetInt64(2), bigAtanhSeries(third))

	// Machin's formula: pi = 16 atan(1/5) - 4 atan(1/239).
	a := bigAtanInverse(5)
	b := bigAtanInverse(239)
	a.Mul(a, newBig().SetInt64(16))
	b.Mul(b, newBig().SetInt64(4))
	bigConstants.pi = a.Sub(a, b)
}

// bigSeriesDone reports whether term is negligible against 2^-bigPrec.
func bigSeriesDone(term *big.Float) bool {
	return term.Sign() == 0 || term.MantExp(nil) < -bigPrec-16
}

// bigAtanhSeries returns atanh(s) = s + s^3/3 + s^5/5 + ... for |s| <= 1/3.
func bigAtanhSeries(s *big.Float) *big.Float {
	sum := newBig().Set(s)
	power := newBig().Set(s)
	square := newBig().Mul(s, s)
	term := newBig()
	for k := int64(3); ; k += 2 {
		power.Mul(power, square)
		term.Quo(power, newBig().SetInt64(k))
		if bigSeriesDone(term) {
			return sum
		}
		sum.Add(sum, term)
	}
}

// bigAtanInverse returns atan(1/n) = sum of (-1)^k / ((2k+1) n^(2k+1)).
func bigAtanInverse(n int64) *big.Float {
	power := newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(n))
	sum := newBig().Set(power)
	square := newBig().SetInt64(n * n)
	term := newBig()
	for k := int64(3); ; k += 2 {
		power.Quo(power, square)
		term.Quo(power, newBig().SetInt64(k))
		if bigSeriesDone(term) {
			return sum
		}
		if k%4 == 3 {
			sum.Sub(sum, term)
		} else {
			sum.Add(sum, term)
		}
	}
}

// bigLog returns log(x) to about bigPrec bits for finite x > 0.
func bigLog(x float64) *big.Float {
	frac, exp := math.Frexp(x)
	m := newBig().SetFloat64(2 * frac)
	e := exp - 1
	if 2*frac > 1.5 {
		m.Quo(m, newBig().SetInt64(2))
		e++
	}

	// log(m) = 2 atanh((m-1)/(m+1)) with |(m-1)/(m+1)| <= 1/5.
	one := newBig().SetInt64(1)
	s := newBig().Quo(newBig().Sub(m, one), newBig().Add(m, one))
	result := bigAtanhSeries(s)
	result.Mul(result, newBig().SetInt64(2))

	scaled := newBig().Mul(bigLn2(), newBig().SetInt64(int64(e)))
	return result.Add(result, scaled)
}

// bigSinCos returns sin(x) and cos(x) to about bigPrec bits for |x| <= 8.
func bigSinCos(x float64) (sin, cos *big.Float) {
	halfPi := newBig().Quo(bigPi(), newBig().SetInt64(2))
	k := int64(math.Round(x / (math.Pi / 2)))
	y := newBig().SetFloat64(x)
	y.Sub(y, newBig().Mul(halfPi, newBig().SetInt64(k)))

	// Taylor series: term_n = y^n/n!, alternating into sin and cos.
	sinY := newBig()
	cosY := newBig().SetInt64(1)
	term := newBig().SetInt64(1)
	for n := int64(1); ; n++ {
		term.Mul(term, y)
		term.Quo(term, newBig().SetInt64(n))
		if bigSeriesDone(term) {
			break
		}
		switch n % 4 {
		case 0:
			cosY.Add(cosY, term)
		case 1:
			sinY.Add(sinY, term)
		case 2:
			cosY.Sub(cosY, term)
		case 3:
			sinY.Sub(sinY, term)
		}
	}

	switch k & 3 {
	case 0:
		return sinY, cosY
	case 1:
		return cosY, sinY.Neg(sinY)
	case 2:
		return sinY.Neg(sinY), cosY.Neg(cosY)
	default:
		return cosY.Neg(cosY), sinY
	}
}

// bigToFloat64 rounds v to the nearest float64, ties to even.
func bigToFloat64(v *big.Float) float64 {
	f, _ := v.Float64()
	return f
}

// bigToDD splits v into a double-double.
func bigToDD(v *big.Float) dd {
	hi := bigToFloat64(v)
	rest := newBig().Sub(v, newBig().SetFloat64(hi))
	return dd{hi, bigToFloat64(rest)}
}
