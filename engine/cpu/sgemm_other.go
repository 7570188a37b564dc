//go:build noasm || !amd64

package cpu

func kernelFor(ISA) microKernel { return goKernel }

func transpose16AVX512(dst *float32, ldd int, rows *[16]*float32, cols int, lanes int) {
	panic(noKernels)
}
