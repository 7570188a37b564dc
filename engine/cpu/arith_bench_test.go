package cpu

import "testing"

// BenchmarkArith32 adds two 1 MiB float32 slices into a third on the
// vector path.
func BenchmarkArith32(b *testing.B) {
	n := 1 << 18
	x, y, dst := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = float32(i), float32(n-i)
	}
	b.SetBytes(int64(3 * 4 * n))
	for b.Loop() {
		Arith32(ArithAdd, dst, x, y)
	}
}

// BenchmarkArith32Go is BenchmarkArith32 on the scalar path.
func BenchmarkArith32Go(b *testing.B) {
	n := 1 << 18
	x, y, dst := make([]float32, n), make([]float32, n), make([]float32, n)
	b.SetBytes(int64(3 * 4 * n))
	for b.Loop() {
		arithGo(ArithAdd, dst, x, y)
	}
}
