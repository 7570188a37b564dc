//go:build !noasm

package cpu

//go:generate go run gen_sgemm.go

//go:noescape
func sgemmKernelAVX512(kc int, a, b, c *float32, ldc int, flags int, bias *float32)

//go:noescape
func sgemmKernelAVX2(kc int, a, b, c *float32, ldc int, flags int, bias *float32)

func kernelFor(isa ISA) microKernel {
	switch isa {
	case AVX512:
		return microKernel{mr: 12, nr: 32, run: sgemmKernelAVX512}
	case AVX2:
		return microKernel{mr: 6, nr: 16, run: sgemmKernelAVX2}
	}
	return goKernel
}

//go:noescape
func transpose16AVX512(dst *float32, ldd int, rows *[16]*float32, cols int, lanes int)

//go:noescape
func packStrips32AVX512(dst, src *float32, ld, kc, strips int)

//go:noescape
func packRows12AVX512(dst, src *float32, ld, np int)
