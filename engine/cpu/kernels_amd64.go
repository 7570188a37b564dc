//go:build !noasm

package cpu

// Declarations of the AVX-512 kernels in relu_amd64.s, vmath_amd64.s,
// rows_amd64.s, bce_amd64.s and cosine_amd64.s.

//go:noescape
func reluAVX512(dst, x *float32, n int)

//go:noescape
func reluGradAVX512(dst, grad, x *float32, n int)

//go:noescape
func reluAVX2(dst, x *float32, n int)

//go:noescape
func reluGradAVX2(dst, grad, x *float32, n int)

//go:noescape
func expAVX512(dst, x *float32, n int)

//go:noescape
func logAVX512(dst, x *float32, n int)

//go:noescape
func sigmoidAVX512(dst, x *float32, n int)

//go:noescape
func tanhAVX512(dst, x *float32, n int)

//go:noescape
func rowMaxAVX512(x *float32, n int) (m float32, nan bool)

//go:noescape
func expSumAVX512(dst, x *float32, n int, shift float32) float64

//go:noescape
func scale2AVX512(dst, x *float32, n int, a, b float32)

//go:noescape
func bceAVX512(x, y, dx *float32, n int, scale float32, nt int) float64

//go:noescape
func dot3AVX512(x1, x2 *float32, n int) (dot, s1, s2 float64)

//go:noescape
func cosGradAVX512(dx1, dx2, x1, x2 *float32, n int, c *[3]float32)

//go:noescape
func addAVX512(dst, a, b *float32, n int)

//go:noescape
func subAVX512(dst, a, b *float32, n int)

//go:noescape
func mulAVX512(dst, a, b *float32, n int)

//go:noescape
func divAVX512(dst, a, b *float32, n int)

//go:noescape
func addAVX2(dst, a, b *float32, n int)

//go:noescape
func subAVX2(dst, a, b *float32, n int)

//go:noescape
func mulAVX2(dst, a, b *float32, n int)

//go:noescape
func divAVX2(dst, a, b *float32, n int)

//go:noescape
func reluGradSumAVX512(dz, grad, out *float32, sums *float64, n int)

//go:noescape
func columnSumAVX512(grad *float32, sums *float64, n int)
