// Package cpu holds the engine's CPU kernels: functions on plain slices
// with no tensors, shapes or autograd. The engine package validates its
// inputs and calls these kernels.
//
// Each kernel has a pure-Go reference implementation. On amd64 a Go
// assembly path is chosen at run time from the CPU's features (see
// Active and SetISA); building with the noasm tag selects the reference
// path everywhere. Tests compare the paths on random shapes, odd sizes
// and strides. The assembly paths are:
//
//	Sgemm                          AVX-512 (12×32 tile), AVX2 (6×16 tile)
//	Loss32 (L1, MSE, SmoothL1),
//	Relu32, ReluGrad32             AVX-512, AVX2
//	BCE32, SoftmaxXent32, Exp32,
//	Log32, CosineEmbedding32       AVX-512
//
// NOTE: kernels without an AVX2 path run the reference code on CPUs
// that lack AVX-512.
//
// Every assembly function clears the upper vector state (VZEROUPPER)
// before it returns, because mixing dirty AVX state with the SSE code
// that Go emits for scalar floats slows that code down many times over.
//
// Kernels whose work is large enough split it across GOMAXPROCS
// goroutines (see Parallel). Long loops are cut into assembly calls of
// at most vecBlock elements, so that the scheduler and the garbage
// collector can stop the goroutine between them.
package cpu
