package cpu

// Relu32 writes max(x, 0) into dst, with 0 for NaN and -0, as the
// engine's ReLU defines it. dst and x must have the same length.
func Relu32(dst, x []float32) {
	if len(dst) != len(x) {
		panic("cpu: Relu32 slices differ in length")
	}
	if Workers(len(x), elementGrain) <= 1 {
		relu32(dst, x) // without a closure, which would escape
		return
	}
	Parallel(len(x), elementGrain, func(lo, hi int) { relu32(dst[lo:hi], x[lo:hi]) })
}

// elementGrain is the least number of elements per worker for which the
// elementwise kernels split their work, about 30 µs of it.
const elementGrain = 1 << 16

func relu32(dst, x []float32) {
	body := 0
	switch active {
	case AVX512:
		body = len(x) / 16 * 16
		blocks(body, func(lo, hi int) { reluAVX512(&dst[lo], &x[lo], hi-lo) })
	case AVX2:
		body = len(x) / 8 * 8
		blocks(body, func(lo, hi int) { reluAVX2(&dst[lo], &x[lo], hi-lo) })
	}
	reluGo(dst[body:], x[body:])
}

func reluGo(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		if v > 0 {
			dst[i] = v
		} else {
			dst[i] = 0
		}
	}
}

// ReluGrad32 writes g·float32(x > 0) into dst: the gradient of ReLU,
// with 0 at x = 0, and g·0 (a signed zero, or NaN for an infinite g)
// where x <= 0 or x is NaN. All slices must have the same length.
func ReluGrad32(dst, g, x []float32) {
	if len(dst) != len(x) || len(g) != len(x) {
		panic("cpu: ReluGrad32 slices differ in length")
	}
	if Workers(len(x), elementGrain) <= 1 {
		reluGrad32(dst, g, x)
		return
	}
	Parallel(len(x), elementGrain, func(lo, hi int) { reluGrad32(dst[lo:hi], g[lo:hi], x[lo:hi]) })
}

func reluGrad32(dst, g, x []float32) {
	body := 0
	switch active {
	case AVX512:
		body = len(x) / 16 * 16
		blocks(body, func(lo, hi int) { reluGradAVX512(&dst[lo], &g[lo], &x[lo], hi-lo) })
	case AVX2:
		body = len(x) / 8 * 8
		blocks(body, func(lo, hi int) { reluGradAVX2(&dst[lo], &g[lo], &x[lo], hi-lo) })
	}
	reluGradGo(dst[body:], g[body:], x[body:])
}

func reluGradGo(dst, g, x []float32) {
	dst = dst[:len(x)]
	g = g[:len(x)]
	for i, v := range x {
		var m float32
		if v > 0 {
			m = 1
		}
		dst[i] = g[i] * m
	}
}
