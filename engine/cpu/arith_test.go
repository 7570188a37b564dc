package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestArithMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	specials := []float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1e-45, 3.4e38}
	names := [...]string{"add", "sub", "mul", "div"}
	for _, isa := range isas() {
		for op := ArithAdd; op <= ArithDiv; op++ {
			for _, n := range []int{0, 1, 7, 16, 33, 1000, 1<<15 + 9} {
				t.Run(fmt.Sprintf("%v/%s/%d", isa, names[op], n), func(t *testing.T) {
					a, b := randSlice(r, n), randSlice(r, n)
					for i := range a {
						if i%5 == 0 {
							a[i] = specials[r.IntN(len(specials))]
						}
						if i%7 == 0 {
							b[i] = specials[r.IntN(len(specials))]
						}
					}
					want := make([]float32, n)
					arithGo(op, want, a, b)
					got := make([]float32, n)
					withISA(t, isa, func() { Arith32(op, got, a, b) })
					for i := range want {
						if !sameFloat32(got[i], want[i]) {
							t.Fatalf("%s(%v, %v) = %v, want %v", names[op], a[i], b[i], got[i], want[i])
						}
					}
				})
			}
		}
	}
}

func TestArithReferenceValues(t *testing.T) {
	a := []float32{1, -2, 0.5}
	b := []float32{3, 4, 0.25}
	cases := []struct {
		op   ArithOp
		want []float32
	}{
		{ArithAdd, []float32{4, 2, 0.75}},
		{ArithSub, []float32{-2, -6, 0.25}},
		{ArithMul, []float32{3, -8, 0.125}},
		{ArithDiv, []float32{float32(1.0 / 3), -0.5, 2}},
	}
	for _, c := range cases {
		got := make([]float32, 3)
		arithGo(c.op, got, a, b)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("op %d element %d = %v, want %v", c.op, i, got[i], c.want[i])
			}
		}
	}
}
