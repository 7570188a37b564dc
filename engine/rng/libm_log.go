package rng

import "math"

// logTableHalveFrom is the first top-8-bit mantissa index whose mantissa m
// lies at or above 1.4140625, just below sqrt(2). Such mantissas are halved
// so that the reduced argument m stays in [0.707, 1.414) and log(m) never
// cancels against the exponent term.
const logTableHalveFrom = 106

// logEntry is one subinterval of the mantissa range: invc is a float64 near
// 1/c for the subinterval's center c, and logc is -log(invc) to about 106
// bits.
type logEntry struct {
	invc float64
	logc dd
}

// logErrorScale bounds the fast path's absolute error, relative to the sum
// of the magnitudes it adds. TestLogFastPathError measures errors below
// 2^-102 of that sum, so 2^-96 leaves a margin while sending only about
// one input in 2^40 to the slow path.
const logErrorScale = 0x1p-96

// crLog returns the natural logarithm of x correctly rounded to nearest,
// with the special values of C's log: log(1) = +0, log(±0) = -Inf,
// log(+Inf) = +Inf and NaN for x < 0 or NaN.
func crLog(x float64) float64 {
	switch {
	case x != x || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	case x == 1:
		return 0
	}
	if v, ok := roundDD(logDD(x)); ok {
		return v
	}
	return bigToFloat64(bigLog(x))
}

// logDD returns log(x) in double-double for finite x > 0, with a bound on
// its absolute error.
//
// With x = 2^e * m and m near 1, log(x) = e*ln2 + log(c) + log1p(r), where
// r = m/c - 1 is computed exactly from a table value invc near 1/c.
func logDD(x float64) (log dd, errBound float64) {
	e := 0
	if x < 0x1p-1022 {
		x *= 0x1p54
		e = -54
	}
	bits := math.Float64bits(x)
	e += int(bits>>52) - 1023
	index := int(bits>>44) & 0xff
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52)
	if index >= logTableHalveFrom {
		m *= 0.5
		e++
	}
	entry := &logTable[index]

	// m*invc is within 2^-8 of 1, so p-1 is exact and r = rh+rl is exact.
	p, pErr := twoProd(m, entry.invc)
	rh, rl := twoSum(p-1, pErr)
	log1p := log1pSmall(dd{rh, rl})

	fe := float64(e)
	eLn2Mid, eLn2MidErr := twoProd(fe, ln2Mid)
	eLn2 := ddAdd(dd{fe * ln2Hi, 0}, dd{eLn2Mid, eLn2MidErr + fe*ln2Lo})
	sum := ddAdd(ddAdd(eLn2, entry.logc), log1p)

	bound := math.Abs(fe)*ln2Hi + math.Abs(entry.logc.hi) + math.Abs(rh)
	return sum, logErrorScale * bound
}

// log1pSmall returns log(1+r) for |r| <= 2^-8 to a relative error near
// 2^-100, from the Taylor series r - r^2/2 + r^3/3 - ... up to r^13.
// Terms from r^7 on contribute below 2^-48 relative, so they are summed in
// float64, and the first six are summed in double-double.
func log1pSmall(r dd) dd {
	x := r.hi
	tail := 1.0 / 13
	for k := 12; k >= 7; k-- {
		c := 1 / float64(k)
		if k%2 == 0 {
			c = -c
		}
		tail = c + x*tail
	}

	t := ddAddFloat(ddNeg(ddSixth), x*tail)
	t = ddAdd(ddFifth, ddMul(r, t))
	t = ddAddFloat(ddMul(r, t), -0.25)
	t = ddAdd(ddThird, ddMul(r, t))
	t = ddAddFloat(ddMul(r, t), -0.5)
	t = ddAddFloat(ddMul(r, t), 1)
	return ddMul(r, t)
}
