package rng

import "math"

// sinCosErrorScale bounds the fast path's absolute error, relative to the
// magnitudes it combines. TestSinCosFastPathError measures errors below
// 2^-103 of those magnitudes.
const sinCosErrorScale = 0x1p-96

// crSinCos returns sin(x) and cos(x), each correctly rounded to nearest,
// for 0 <= x <= 8. CPython's gauss calls it with x in [0, 2*pi].
func crSinCos(x float64) (sin, cos float64) {
	s, c, sErr, cErr := sinCosFast(x)
	sin, sinOK := roundDD(s, sErr)
	cos, cosOK := roundDD(c, cErr)
	if sinOK && cosOK {
		return sin, cos
	}

	bigSin, bigCos := bigSinCos(x)
	if !sinOK {
		sin = bigToFloat64(bigSin)
	}
	if !cosOK {
		cos = bigToFloat64(bigCos)
	}
	return sin, cos
}

// sinCosFast returns sin(x) and cos(x) in double-double for 0 <= x <= 8,
// with absolute error bounds for each.
//
// It reduces x to y = x - k*pi/2 with |y| <= pi/4, splits y = j/64 + t with
// |t| <= 1/128, and combines table values of sin(j/64) and cos(j/64) with
// Taylor series for sin(t) and cos(t).
func sinCosFast(x float64) (sin, cos dd, sinErr, cosErr float64) {
	k := math.Floor(x*(2/math.Pi) + 0.5)

	// k*halfPi1 and k*halfPi2 are exact because those parts have 33
	// significant bits and k < 8, and x - k*halfPi1 is exact by Sterbenz's
	// lemma. The four parts of pi/2 carry about 172 bits.
	a := x - k*halfPi1
	b, bErr := twoSum(a, -k*halfPi2)
	c, cErr := twoProd(k, halfPi3)
	y := ddAdd(dd{b, bErr}, dd{-c, -cErr - k*halfPi4})

	j := math.Floor(y.hi*64 + 0.5)
	th, tl := twoSum(y.hi-j/64, y.lo)
	sinT, cosT := sinCosSmall(dd{th, tl})

	index := int(math.Abs(j))
	sinA, cosA := sinCosTable[index].sin, sinCosTable[index].cos
	if j < 0 {
		sinA = ddNeg(sinA)
	}
	sinY := ddAdd(ddMul(sinA, cosT), ddMul(cosA, sinT))
	cosY := ddAdd(ddMul(cosA, cosT), ddNeg(ddMul(sinA, sinT)))

	// The reduction error of y is below 2^-104 |y| + 2^-165.
	sinYErr := sinCosErrorScale*(math.Abs(sinA.hi)+math.Abs(sinT.hi)) + 0x1p-160
	cosYErr := sinCosErrorScale + 0x1p-160

	switch int(k) & 3 {
	case 0:
		return sinY, cosY, sinYErr, cosYErr
	case 1:
		return cosY, ddNeg(sinY), cosYErr, sinYErr
	case 2:
		return ddNeg(sinY), ddNeg(cosY), sinYErr, cosYErr
	default:
		return ddNeg(cosY), sinY, cosYErr, sinYErr
	}
}

// sinCosSmall returns sin(t) and cos(t) for |t| <= 2^-7 + 2^-50 to about
// 2^-104 relative error, from Taylor series up to t^11 and t^10. The terms
// from t^7 and t^6 on are below 2^-50 relative and are summed in float64.
func sinCosSmall(t dd) (sin, cos dd) {
	uh, ul := twoProd(t.hi, t.hi)
	ul += 2 * t.hi * t.lo
	uh, ul = fastTwoSum(uh, ul)
	u := dd{uh, ul}

	// sin t = t - t*u*(1/6 - u*(1/120 - u*(1/5040 - u*(1/9! - u/11!)))).
	s := 1.0/5040 - uh*(1.0/362880-uh*(1.0/39916800))
	sc := ddAddFloat(dd120th, -uh*s)
	sa := ddAdd(ddSixth, ddNeg(ddMul(u, sc)))
	sin = ddAdd(t, ddNeg(ddMul(ddMul(t, u), sa)))

	// cos t = 1 - u*(1/2 - u*(1/24 - u*(1/720 - u*(1/8! - u/10!)))).
	c := 1.0/720 - uh*(1.0/40320-uh*(1.0/3628800))
	ce := ddAddFloat(dd24th, -uh*c)
	cf := ddAddFloat(ddNeg(ddMul(u, ce)), 0.5)
	cos = ddAddFloat(ddNeg(ddMul(u, cf)), 1)
	return sin, cos
}
