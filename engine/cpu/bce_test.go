package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestBCE32MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for _, n := range []int{0, 1, 16, 33, 1000, 70001} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			off := r.IntN(4)
			x, y := make([]float32, n+off)[off:], make([]float32, n+off)[off:]
			for i := range x {
				x[i] = float32(r.Float64())
				y[i] = float32(r.IntN(2))
				switch i % 11 {
				case 0:
					x[i] = 0
				case 1:
					x[i] = 1
				case 2:
					y[i] = float32(r.Float64())
				}
			}
			scale := float32(1) / float32(max(n, 1))
			wantDx := make([]float32, n)
			want := bceGo(x, y, wantDx, scale)
			for _, isa := range isas() {
				dx := make([]float32, n+off)[off:]
				var got, sumOnly float64
				withISA(t, isa, func() {
					got = BCE32(x, y, dx, scale)
					sumOnly = BCE32(x, y, nil, scale)
				})
				// Each term may differ by the 1 ulp of a logarithm.
				tol := 1e-6 * (1 + math.Abs(want))
				if math.Abs(got-want) > tol || math.Abs(sumOnly-want) > tol {
					t.Errorf("%v: sum = %v (without dx %v), want %v", isa, got, sumOnly, want)
				}
				for i := range dx {
					if !sameFloat32(dx[i], wantDx[i]) {
						t.Fatalf("%v: dx[%d] = %v, want %v (x=%v y=%v)", isa, i, dx[i], wantDx[i], x[i], y[i])
					}
				}
			}
		})
	}
}

func TestBCE32Values(t *testing.T) {
	// x = 0 with y = 1 gives -log(1e-12) = 27.631021 (no clamp at 100).
	x, y := []float32{0, 0.5, 0.25}, []float32{1, 1, 0}
	dx := make([]float32, 3)
	got := bceGo(x, y, dx, 1)
	want := float64(float32(27.631021)) + float64(float32(math.Ln2)) + float64(float32(-math.Log(0.75)))
	if math.Abs(got-want) > 1e-5 {
		t.Errorf("sum = %v, want %v", got, want)
	}
	for i, w := range []float32{-1e12, -2, 1 / 0.75} {
		if !near32(dx[i], w, 2, 0) {
			t.Errorf("dx[%d] = %v, want %v", i, dx[i], w)
		}
	}
}

func BenchmarkBCE32(b *testing.B) {
	b.ReportAllocs()
	n := 1 << 24
	r := rand.New(rand.NewPCG(1, 2))
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = float32(r.Float64()), float32(r.IntN(2))
	}
	dx := Alloc32(n)
	b.SetBytes(int64(12 * n))
	for b.Loop() {
		BCE32(x, y, dx, 1.0/float32(n))
	}
}
