package cpu

import "math"

// The maximum errors of the AVX-512 paths, in units in the last place
// of the correctly rounded float32 result. vmath_test.go checks them on
// a million arguments each, including subnormal results and the special
// values.
const (
	ExpMaxUlp     = 1
	LogMaxUlp     = 1
	SigmoidMaxUlp = 2
	TanhMaxUlp    = 2
)

// Exp32 writes exp(x) into dst, within ExpMaxUlp on the AVX-512 path.
// The reference path rounds float64 math.Exp. dst and x must have the
// same length and may be the same slice.
func Exp32(dst, x []float32) { vmath(dst, x, expAVX512, math.Exp) }

// Log32 writes the natural logarithm of x into dst, within LogMaxUlp on
// the AVX-512 path; see Exp32.
func Log32(dst, x []float32) { vmath(dst, x, logAVX512, math.Log) }

// Sigmoid32 writes 1/(1 + exp(-x)) into dst, within SigmoidMaxUlp on
// the AVX-512 path; see Exp32.
func Sigmoid32(dst, x []float32) { vmath(dst, x, sigmoidAVX512, sigmoid64) }

// Tanh32 writes tanh(x) into dst, within TanhMaxUlp on the AVX-512 path;
// see Exp32.
func Tanh32(dst, x []float32) { vmath(dst, x, tanhAVX512, math.Tanh) }

// vmath applies the vector kernel to the body of x and the float64
// reference, rounded, to the rest.
func vmath(dst, x []float32, kernel func(dst, x *float32, n int), ref func(float64) float64) {
	if len(dst) != len(x) {
		panic("cpu: vector math slices differ in length")
	}
	body := 0
	if active >= AVX512 {
		body = len(x) / 16 * 16
		blocks(body, func(lo, hi int) { kernel(&dst[lo], &x[lo], hi-lo) })
	}
	for i, v := range x[body:] {
		dst[body+i] = float32(ref(float64(v)))
	}
}

// sigmoid64 is the logistic function without overflow: e/(1 + e) with
// e = exp(x) for negative x.
func sigmoid64(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
