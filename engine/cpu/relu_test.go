package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestReluMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	specials := []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}
	for _, isa := range isas() {
		for _, n := range []int{0, 5, 16, 33, 1000, 300001} {
			t.Run(fmt.Sprintf("%v/%d", isa, n), func(t *testing.T) {
				x, g := randSlice(r, n), randSlice(r, n)
				for i := range x {
					if i%5 == 0 {
						x[i] = specials[r.IntN(len(specials))]
					}
					if i%7 == 0 {
						g[i] = specials[r.IntN(len(specials))]
					}
				}
				want, wantG := make([]float32, n), make([]float32, n)
				reluGo(want, x)
				reluGradGo(wantG, g, x)
				got, gotG := make([]float32, n), make([]float32, n)
				withISA(t, isa, func() {
					Relu32(got, x)
					ReluGrad32(gotG, g, x)
				})
				for i := range x {
					if !sameFloat32(got[i], want[i]) {
						t.Fatalf("Relu32(%v) = %v, want %v", x[i], got[i], want[i])
					}
					if !sameFloat32(gotG[i], wantG[i]) {
						t.Fatalf("ReluGrad32(g=%v, x=%v) = %v, want %v", g[i], x[i], gotG[i], wantG[i])
					}
				}
			})
		}
	}
}

func TestReluReferenceValues(t *testing.T) {
	x := []float32{-1, 0, 2, float32(math.NaN())}
	got := make([]float32, 4)
	reluGo(got, x)
	for i, want := range []float32{0, 0, 2, 0} {
		if got[i] != want {
			t.Errorf("relu(%v) = %v, want %v", x[i], got[i], want)
		}
	}
}
