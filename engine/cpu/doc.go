// Package cpu holds the engine's CPU kernels: functions on plain slices
// with no tensors, shapes or autograd. The engine package validates its
// inputs and calls these kernels.
//
// Each kernel has a pure-Go reference implementation. On amd64 a faster
// Go assembly path (AVX2 with FMA, or AVX-512) is chosen at run time from
// the CPU's features; building with the noasm tag selects the reference
// path everywhere. Tests compare the two paths.
//
// Kernels whose work is large enough split it across GOMAXPROCS
// goroutines (see Parallel).
package cpu
