package cpu

import "unsafe"

// maxTile is the largest mr·nr of any micro-kernel.
const maxTile = 16 * 32

// microKernel computes an mr×nr tile of C from packed A and B: C = A·B,
// or C += A·B when accumulate is 1. ldc is C's row stride in elements.
type microKernel struct {
	mr, nr int
	run    func(kc int, a, b, c *float32, ldc int, accumulate int)
}

// goKernel is the reference micro-kernel, 4×8 in pure Go.
var goKernel = microKernel{mr: 4, nr: 8, run: func(kc int, a, b, c *float32, ldc int, accumulate int) {
	kernelGo(4, 8, kc, unsafe.Slice(a, kc*4), unsafe.Slice(b, kc*8), c, ldc, accumulate != 0)
}}

func kernelGo(mr, nr, kc int, a, b []float32, c *float32, ldc int, accumulate bool) {
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
		if accumulate {
			for j, v := range src {
				dst[j] += v
			}
		} else {
			copy(dst, src)
		}
	}
}
