package ndformat

import (
	"math/rand"
	"testing"
)

// BenchmarkStrFloat32Array1000 formats a 1000-element float32 array, the
// largest size NumPy prints in full under the default threshold.
func BenchmarkStrFloat32Array1000(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	a := Array{Shape: []int{1000}, DType: "float32", Float: make([]float64, 1000)}
	for i := range a.Float {
		a.Float[i] = float64(float32(rng.NormFloat64()))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Str(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStrFloat32Array1000Scientific is the same size in scientific
// layout, where every element is printed at a fixed digit count.
func BenchmarkStrFloat32Array1000Scientific(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	a := Array{Shape: []int{1000}, DType: "float32", Float: make([]float64, 1000)}
	for i := range a.Float {
		a.Float[i] = float64(float32(rng.NormFloat64() * 1e-5))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Str(a); err != nil {
			b.Fatal(err)
		}
	}
}
