package cpu

import "math"

// Exp32 writes exp(x) into dst. On the AVX-512 path the result is
// within 1 ulp of the correctly rounded value (vmath_test.go checks it);
// the reference path rounds float64 math.Exp. dst and x must have the
// same length and may be the same slice.
func Exp32(dst, x []float32) {
	if len(dst) != len(x) {
		panic("cpu: Exp32 slices differ in length")
	}
	body := 0
	if active >= AVX512 {
		body = len(x) / 16 * 16
		if body > 0 {
			blocks(body, func(lo, hi int) { expAVX512(&dst[lo], &x[lo], hi-lo) })
		}
	}
	for i, v := range x[body:] {
		dst[body+i] = float32(math.Exp(float64(v)))
	}
}

// Log32 writes the natural logarithm of x into dst, within 1 ulp on the
// AVX-512 path; see Exp32.
func Log32(dst, x []float32) {
	if len(dst) != len(x) {
		panic("cpu: Log32 slices differ in length")
	}
	body := 0
	if active >= AVX512 {
		body = len(x) / 16 * 16
		if body > 0 {
			blocks(body, func(lo, hi int) { logAVX512(&dst[lo], &x[lo], hi-lo) })
		}
	}
	for i, v := range x[body:] {
		dst[body+i] = float32(math.Log(float64(v)))
	}
}
