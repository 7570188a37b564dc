//go:build noasm || !amd64

package cpu

func kernelFor(ISA) microKernel { return goKernel }

func transpose16AVX512(dst *float32, ldd int, rows *[16]*float32, cols int, lanes int) {
	panic(noKernels)
}

func packStrips32AVX512(dst, src *float32, ld, kc, strips int) { panic(noKernels) }

func packRows12AVX512(dst, src *float32, ld, np int) { panic(noKernels) }
