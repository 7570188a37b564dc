//go:build !noasm

package cpu

//go:noescape
func lossAVX512(c *lossConsts, x, y, dx *float32, n int, nt int) float64

// lossVector runs the loss kernel over len(x) elements, a multiple of
// 16; dx, when not nil, is 64-byte aligned.
func lossVector(c *lossConsts, x, y, dx []float32) float64 {
	if active < AVX512 {
		return lossGo(c, x, y, dx)
	}
	var d *float32
	nt := 0
	if dx != nil {
		d = &dx[0]
		if len(dx)*4 >= ntMinBytes {
			nt = 1
		}
	}
	var sum float64
	blocks(len(x), func(lo, hi int) {
		var dp *float32
		if d != nil {
			dp = &dx[lo]
		}
		sum += lossAVX512(c, &x[lo], &y[lo], dp, hi-lo, nt)
	})
	return sum
}
