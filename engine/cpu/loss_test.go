package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// lossInputs returns x and y with special values mixed in: equal pairs
// (d = 0), differences at ±beta, NaN and infinities.
func lossInputs(r *rand.Rand, n int, beta float32) (x, y []float32) {
	x, y = randSlice(r, n), randSlice(r, n)
	for i := range x {
		switch r.IntN(16) {
		case 0:
			y[i] = x[i]
		case 1:
			y[i] = x[i] - beta
		case 2:
			y[i] = x[i] + beta
		case 3:
			x[i] = float32(math.NaN())
		case 4:
			x[i] = float32(math.Inf(1 - 2*r.IntN(2)))
		}
	}
	return x, y
}

func sameFloat32(a, b float32) bool {
	return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b)) || a != a && b != b
}

func TestLoss32MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, isa := range isas() {
		for _, kind := range []LossKind{L1, MSE, SmoothL1} {
			for _, n := range []int{0, 1, 15, 16, 17, 100, 1000, 70001, 300003} {
				for _, beta := range []float64{0.75, 1, 0.25} {
					if kind != SmoothL1 && beta != 1 {
						continue
					}
					t.Run(fmt.Sprintf("%v/kind%d/n%d/beta%v", isa, kind, n, beta), func(t *testing.T) {
						checkLoss32(t, r, isa, kind, n, beta)
					})
				}
			}
		}
	}
}

func checkLoss32(t *testing.T, r *rand.Rand, isa ISA, kind LossKind, n int, beta float64) {
	args := LossArgs{Kind: kind, Scale: float64(float32(1) / float32(max(n, 1))), Beta: beta}
	c := lossConsts32(args)
	// An offset of 3 elements leaves dx misaligned, so the head path runs.
	off := r.IntN(4)
	x, y := lossInputs(r, n+off, float32(beta))
	x, y = x[off:], y[off:]
	finite := make([]float32, n)
	copy(finite, x)
	for i, v := range finite {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			finite[i] = 1.5
		}
	}
	for _, in := range [][]float32{x, finite} {
		dxWant := make([]float32, n)
		want := lossGo(&c, in, y, dxWant)
		dx := make([]float32, n+off)[off:]
		var got, sumOnly float64
		withISA(t, isa, func() {
			got = Loss32(args, in, y, dx)
			sumOnly = Loss32(args, in, y, nil)
		})
		for i := range dx {
			if !sameFloat32(dx[i], dxWant[i]) {
				t.Fatalf("dx[%d] = %v, want %v (x=%v y=%v)", i, dx[i], dxWant[i], in[i], y[i])
			}
		}
		if !closeSum(got, want) || !closeSum(sumOnly, want) {
			t.Fatalf("sum = %v (without dx %v), want %v", got, sumOnly, want)
		}
	}
}

// closeSum compares float64 sums of float32 values that were added in
// different orders.
func closeSum(got, want float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) {
		return got == want || math.IsNaN(got) && math.IsNaN(want)
	}
	return math.Abs(got-want) <= 1e-12*(1+math.Abs(want))
}

func TestLoss64MatchesFormula(t *testing.T) {
	x := []float64{0, 1, -2, 0.5, 3}
	y := []float64{0, 0, 0, 0, 0}
	dx := make([]float64, 5)
	got := Loss64(LossArgs{Kind: SmoothL1, Scale: 1, Beta: 1}, x, y, dx)
	// d = x: 0 → 0; 1 → 1-0.5; -2 → 2-0.5; 0.5 → 0.5*0.25; 3 → 2.5.
	if want := 0.0 + 0.5 + 1.5 + 0.125 + 2.5; got != want {
		t.Errorf("SmoothL1 sum = %v, want %v", got, want)
	}
	for i, want := range []float64{0, 1, -1, 0.5, 1} {
		if dx[i] != want {
			t.Errorf("SmoothL1 dx[%d] = %v, want %v", i, dx[i], want)
		}
	}
}

func BenchmarkLoss32(b *testing.B) {
	b.ReportAllocs()
	n := 1 << 24
	r := rand.New(rand.NewPCG(1, 2))
	x, y := randSlice(r, n), randSlice(r, n)
	dx := Alloc32(n)
	for _, isa := range isas() {
		for _, kind := range []LossKind{L1, MSE, SmoothL1} {
			b.Run(fmt.Sprintf("%v/kind%d", isa, kind), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(12 * n))
				withISA(b, isa, func() {
					for b.Loop() {
						Loss32(LossArgs{Kind: kind, Scale: 1.0 / float64(n), Beta: 1}, x, y, dx)
					}
				})
			})
		}
	}
}
