//go:build !noasm

package cpu

//go:noescape
func lossAVX512(c *lossConsts, x, y, dx *float32, n int, nt int) float64

//go:noescape
func lossAVX2(c *lossConsts, x, y, dx *float32, n int, nt int) float64

// lossVector runs the loss kernel over len(x) elements, a multiple of
// 16; dx, when not nil, is 64-byte aligned.
func lossVector(c *lossConsts, x, y, dx []float32) float64 {
	kernel := lossAVX512
	switch {
	case active == AVX2:
		kernel = lossAVX2
	case active < AVX2:
		return lossGo(c, x, y, dx)
	}
	nt := 0
	if dx != nil && len(dx)*4 >= ntMinBytes {
		nt = 1
	}
	var sum float64
	blocks(len(x), func(lo, hi int) {
		var d *float32
		if dx != nil {
			d = &dx[lo]
		}
		sum += kernel(c, &x[lo], &y[lo], d, hi-lo, nt)
	})
	return sum
}
