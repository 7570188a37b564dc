package cpu

import "unsafe"

// maxTile is the largest mr·nr of any micro-kernel.
const maxTile = 16 * 32

// Flags of a micro-kernel call, which select its epilogue.
const (
	kernAccumulate = 1 << iota // add the tile to C instead of storing it
	kernBias                   // add the bias row to every row of the tile
	kernReLU                   // clamp the tile at zero, NaN and -0 to +0
)

// microKernel computes an mr×nr tile of C from packed A and B: C = A·B,
// then C's old value added (kernAccumulate), the nr-element row bias
// added to every row (kernBias) and the result clamped at zero
// (kernReLU), in that order. ldc is C's row stride in elements.
type microKernel struct {
	mr, nr int
	run    func(kc int, a, b, c *float32, ldc int, flags int, bias *float32)
}

// goKernel is the reference micro-kernel, 4×8 in pure Go.
var goKernel = microKernel{mr: 4, nr: 8, run: func(kc int, a, b, c *float32, ldc int, flags int, bias *float32) {
	var bs []float32
	if flags&kernBias != 0 {
		bs = unsafe.Slice(bias, 8)
	}
	kernelGo(4, 8, kc, unsafe.Slice(a, kc*4), unsafe.Slice(b, kc*8), c, ldc, flags, bs)
}}

func kernelGo(mr, nr, kc int, a, b []float32, c *float32, ldc int, flags int, bias []float32) {
	var acc [maxTile]float32
	for p := 0; p < kc; p++ {
		ap := a[p*mr : (p+1)*mr]
		bp := b[p*nr : (p+1)*nr]
		for i, av := range ap {
			row := acc[i*nr : (i+1)*nr]
			for j, bv := range bp {
				row[j] += av * bv
			}
		}
	}
	cs := unsafe.Slice(c, (mr-1)*ldc+nr)
	for i := 0; i < mr; i++ {
		dst := cs[i*ldc : i*ldc+nr]
		src := acc[i*nr : (i+1)*nr]
		if flags&kernAccumulate != 0 {
			for j, v := range src {
				src[j] = dst[j] + v
			}
		}
		finishRow(dst, src, flags, bias)
	}
}

// finishRow stores the tile row src into dst after the epilogue that
// flags selects, other than accumulation: the bias (nil unless
// kernBias) and the ReLU clamp.
func finishRow(dst, src []float32, flags int, bias []float32) {
	for j, v := range src {
		if flags&kernBias != 0 {
			v += bias[j]
		}
		if flags&kernReLU != 0 && !(v > 0) {
			v = 0
		}
		dst[j] = v
	}
}
