package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// near32 reports whether got is within ulps of want, or within atol.
func near32(got, want float32, ulps int64, atol float64) bool {
	return ulpDiff(got, want) <= ulps || math.Abs(float64(got)-float64(want)) <= atol
}

func TestSoftmaxXent32MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	inf := float32(math.Inf(1))
	for _, c := range []int{1, 3, 16, 17, 100, 1000} {
		t.Run(fmt.Sprint(c), func(t *testing.T) {
			rows := 9
			x := randSlice(r, rows*c)
			for i := range x {
				x[i] *= 5
			}
			labels := make([]int, rows)
			for i := range labels {
				labels[i] = r.IntN(c)
			}
			// Row 1 holds NaN, row 2 +Inf, row 3 -Inf, row 4 only -Inf.
			x[1*c] = float32(math.NaN())
			x[2*c+c/2] = inf
			x[3*c] = -inf
			for j := 0; j < c; j++ {
				x[4*c+j] = -inf
			}
			scale := []float32{0.25}
			wantLoss, wantGrad := make([]float32, rows), make([]float32, rows*c)
			withISA(t, Generic, func() { SoftmaxXent32(x, c, labels, wantLoss, wantGrad, scale) })
			for _, isa := range isas() {
				loss, grad := make([]float32, rows), make([]float32, rows*c)
				noGrad := make([]float32, rows)
				withISA(t, isa, func() {
					SoftmaxXent32(x, c, labels, loss, grad, scale)
					SoftmaxXent32(x, c, labels, noGrad, nil, scale)
				})
				for i := range loss {
					if !near32(loss[i], wantLoss[i], 4, 1e-6) || !sameFloat32(noGrad[i], loss[i]) {
						t.Errorf("%v: loss[%d] = %v (without gradient %v), want %v", isa, i, loss[i], noGrad[i], wantLoss[i])
					}
				}
				for i := range grad {
					if !near32(grad[i], wantGrad[i], 4, 1e-8) {
						t.Fatalf("%v: grad[%d] = %v, want %v", isa, i, grad[i], wantGrad[i])
					}
				}
			}
		})
	}
}

func TestSoftmaxXent32Values(t *testing.T) {
	// Logits [0, ln 3] at class 1: softmax = [1/4, 3/4], loss = ln(4/3).
	x := []float32{0, float32(math.Log(3))}
	for _, isa := range isas() {
		loss, grad := make([]float32, 1), make([]float32, 2)
		withISA(t, isa, func() { SoftmaxXent32(x, 2, []int{1}, loss, grad, []float32{1}) })
		if !near32(loss[0], float32(math.Log(4.0/3)), 2, 0) {
			t.Errorf("%v: loss = %v, want ln(4/3)", isa, loss[0])
		}
		if !near32(grad[0], 0.25, 2, 0) || !near32(grad[1], -0.25, 2, 0) {
			t.Errorf("%v: grad = %v, want [0.25 -0.25]", isa, grad)
		}
	}
}

func BenchmarkSoftmaxXent32(b *testing.B) {
	b.ReportAllocs()
	rows, c := 16384, 1000
	r := rand.New(rand.NewPCG(1, 2))
	x := randSlice(r, rows*c)
	labels := make([]int, rows)
	for i := range labels {
		labels[i] = r.IntN(c)
	}
	loss, grad := make([]float32, rows), Alloc32(rows*c)
	b.SetBytes(int64(8 * rows * c))
	for b.Loop() {
		SoftmaxXent32(x, c, labels, loss, grad, []float32{1.0 / float32(rows)})
	}
}
