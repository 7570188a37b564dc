//go:build noasm || !amd64

package cpu

// The reference build has no vector kernels. These stand-ins keep the
// dispatch code compiling; they are never called, because the active
// path is always Generic there.

const noKernels = "cpu: no vector kernels in this build"

func reluAVX512(dst, x *float32, n int) { panic(noKernels) }

func reluGradAVX512(dst, grad, x *float32, n int) { panic(noKernels) }

func reluAVX2(dst, x *float32, n int) { panic(noKernels) }

func reluGradAVX2(dst, grad, x *float32, n int) { panic(noKernels) }

func expAVX512(dst, x *float32, n int) { panic(noKernels) }

func logAVX512(dst, x *float32, n int) { panic(noKernels) }

func sigmoidAVX512(dst, x *float32, n int) { panic(noKernels) }

func tanhAVX512(dst, x *float32, n int) { panic(noKernels) }

func rowMaxAVX512(x *float32, n int) (float32, bool) { panic(noKernels) }

func expSumAVX512(dst, x *float32, n int, shift float32) float64 { panic(noKernels) }

func scale2AVX512(dst, x *float32, n int, a, b float32) { panic(noKernels) }

func bceAVX512(x, y, dx *float32, n int, scale float32, nt int) float64 { panic(noKernels) }

func dot3AVX512(x1, x2 *float32, n int) (dot, s1, s2 float64) { panic(noKernels) }

func cosGradAVX512(dx1, dx2, x1, x2 *float32, n int, c *[3]float32) { panic(noKernels) }

func addAVX512(dst, a, b *float32, n int) { panic(noKernels) }

func subAVX512(dst, a, b *float32, n int) { panic(noKernels) }

func mulAVX512(dst, a, b *float32, n int) { panic(noKernels) }

func divAVX512(dst, a, b *float32, n int) { panic(noKernels) }

func addAVX2(dst, a, b *float32, n int) { panic(noKernels) }

func subAVX2(dst, a, b *float32, n int) { panic(noKernels) }

func mulAVX2(dst, a, b *float32, n int) { panic(noKernels) }

func divAVX2(dst, a, b *float32, n int) { panic(noKernels) }

func reluGradSumAVX512(dz, grad, out *float32, sums *float64, n int) { panic(noKernels) }

func columnSumAVX512(grad *float32, sums *float64, n int) { panic(noKernels) }
