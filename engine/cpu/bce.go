package cpu

import (
	"math"
	"unsafe"
)

// bceEpsilon is added inside both logarithms of BCE32, as MindSpore's
// BinaryCrossEntropy CPU kernel adds it.
const bceEpsilon float32 = 1e-12

// BCE32 returns the float64 sum over all elements of the binary cross
// entropy -(y·log(x + eps) + (1 - y)·log((1 - x) + eps)), eps = 1e-12,
// of probabilities x and targets y, and, when dx is not nil, writes the
// gradient of that sum times scale with respect to x into dx. Each step
// is a float32 operation in the order of the engine's unfused ops, so
// only the logarithms (within 1 ulp on the AVX-512 path) and the order
// of the float64 sum differ. x, y and dx must have the same length.
func BCE32(x, y, dx []float32, scale float32) float64 {
	n := len(x)
	if len(y) != n || dx != nil && len(dx) != n {
		panic("cpu: BCE32 slices differ in length")
	}
	return parallelSum(n, lossChunk, func(lo, hi int) float64 {
		var d []float32
		if dx != nil {
			d = dx[lo:hi]
		}
		return bceChunk(x[lo:hi], y[lo:hi], d, scale)
	})
}

func bceChunk(x, y, dx []float32, scale float32) float64 {
	if active < AVX512 {
		return bceGo(x, y, dx, scale)
	}
	n := len(x)
	head := 0
	if dx != nil && n > 0 {
		head = min(n, int((64-uintptr(unsafe.Pointer(&dx[0]))%64)%64/4))
	}
	sum := bceGo(x[:head], y[:head], sub(dx, 0, head), scale)
	body := (n - head) / 16 * 16
	if body > 0 {
		var d *float32
		nt := 0
		if dx != nil {
			d = &dx[head]
			if body*4 >= ntMinBytes {
				nt = 1
			}
		}
		blocks(body, func(lo, hi int) {
			var dp *float32
			if d != nil {
				dp = &dx[head+lo]
			}
			sum += bceAVX512(&x[head+lo], &y[head+lo], dp, hi-lo, scale, nt)
		})
	}
	return sum + bceGo(x[head+body:], y[head+body:], sub(dx, head+body, n), scale)
}

// bceGo is the reference kernel, with logarithms rounded from float64.
func bceGo(x, y, dx []float32, scale float32) float64 {
	y = y[:len(x)]
	var sum float64
	for i, xv := range x {
		yv := y[i]
		a := xv + bceEpsilon
		b := (1 - xv) + bceEpsilon
		la := float32(math.Log(float64(a)))
		lb := float32(math.Log(float64(b)))
		// The conversions keep the compiler from fusing into FMA.
		sum += float64(-(float32(yv*la) + float32((1-yv)*lb)))
		if dx != nil {
			dx[i] = float32((-scale*yv)/a) - float32((-scale*(1-yv))/b)
		}
	}
	return sum
}
