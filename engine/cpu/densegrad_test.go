package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestDenseGrad32 compares every kernel path with ReluGrad32 followed by
// column sums in float64, which must agree bit for bit, on shapes with
// odd widths and with zeros, NaN and infinities in y and g.
func TestDenseGrad32(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, isa := range isas() {
		for _, rows := range []int{1, 3, 1024} {
			for _, cols := range []int{1, 15, 16, 17, 33, 256, 1000} {
				for _, relu := range []bool{false, true} {
					name := fmt.Sprintf("%v/%dx%d/relu=%v", isa, rows, cols, relu)
					t.Run(name, func(t *testing.T) { checkDenseGrad(t, r, isa, rows, cols, relu) })
				}
			}
		}
	}
}

func checkDenseGrad(t *testing.T, r *rand.Rand, isa ISA, rows, cols int, relu bool) {
	n := rows * cols
	g, y := randSlice(r, n), randSlice(r, n)
	specials := []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}
	for i := 0; i < n; i += 7 {
		y[i] = specials[r.IntN(len(specials))]
		g[(i*5)%n] = specials[r.IntN(len(specials))]
	}
	want := append([]float32(nil), g...)
	if relu {
		for i, v := range y {
			if !(v > 0) {
				want[i] = g[i] * 0
			}
		}
	}
	wantSums := make([]float64, cols)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			wantSums[j] += float64(want[i*cols+j])
		}
	}
	dz := make([]float32, n)
	sums := make([]float64, cols)
	withISA(t, isa, func() { DenseGrad32(dz, g, y, rows, cols, sums, relu) })
	if relu {
		for i := range dz {
			if math.Float32bits(dz[i]) != math.Float32bits(want[i]) && !(dz[i] != dz[i] && want[i] != want[i]) {
				t.Fatalf("dz[%d] = %v, want %v (g %v, y %v)", i, dz[i], want[i], g[i], y[i])
			}
		}
	}
	for j := range sums {
		if math.Float64bits(sums[j]) != math.Float64bits(wantSums[j]) && !(sums[j] != sums[j] && wantSums[j] != wantSums[j]) {
			t.Fatalf("column %d sums to %v, want %v", j, sums[j], wantSums[j])
		}
	}
}

// BenchmarkDenseGrad32 times the ReLU and bias gradient of a 1024×256
// layer output, the backward pass of the MLP benchmark's hidden layer:
// g and y read, dz written.
func BenchmarkDenseGrad32(b *testing.B) {
	const rows, cols = 1024, 256
	r := rand.New(rand.NewPCG(1, 2))
	g, y, dz := randSlice(r, rows*cols), randSlice(r, rows*cols), make([]float32, rows*cols)
	sums := make([]float64, cols)
	b.SetBytes(3 * 4 * rows * cols)
	b.ReportAllocs()
	for b.Loop() {
		clear(sums)
		DenseGrad32(dz, g, y, rows, cols, sums, true)
	}
}
