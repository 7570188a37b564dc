package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestCosineEmbedding32MatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(51, 52))
	for _, d := range []int{1, 7, 16, 33, 256} {
		t.Run(fmt.Sprint(d), func(t *testing.T) {
			rows := 12
			x1, x2 := randSlice(r, rows*d), randSlice(r, rows*d)
			y := make([]float32, rows)
			for i := range y {
				y[i] = []float32{1, -1, 0}[i%3]
			}
			// Row 3 is a zero vector; row 4 has x2 = x1 (cos = 1).
			clear(x1[3*d : 4*d])
			copy(x2[4*d:5*d], x1[4*d:5*d])
			args := CosineArgs{Margin: 0.1, Scale: []float32{0.5}}
			wantLoss := make([]float32, rows)
			want1, want2 := make([]float32, rows*d), make([]float32, rows*d)
			withISA(t, Generic, func() { CosineEmbedding32(x1, x2, d, y, args, wantLoss, want1, want2) })
			for _, isa := range isas() {
				loss := make([]float32, rows)
				dx1, dx2 := make([]float32, rows*d), make([]float32, rows*d)
				withISA(t, isa, func() { CosineEmbedding32(x1, x2, d, y, args, loss, dx1, dx2) })
				for i := range loss {
					// The float64 sums add in a different order.
					if !near32(loss[i], wantLoss[i], 2, 1e-7) {
						t.Errorf("%v: loss[%d] = %v, want %v", isa, i, loss[i], wantLoss[i])
					}
				}
				for i := range dx1 {
					if !near32(dx1[i], want1[i], 8, 1e-7) || !near32(dx2[i], want2[i], 8, 1e-7) {
						t.Fatalf("%v: gradients at %d = %v, %v, want %v, %v", isa, i, dx1[i], dx2[i], want1[i], want2[i])
					}
				}
			}
		})
	}
}

func TestCosineEmbedding32Values(t *testing.T) {
	// Orthogonal unit vectors: cos = 0, loss 1 for y = 1 and
	// max(0 - (-0.5), 0) = 0.5 for y = -1 with margin -0.5.
	x1, x2 := []float32{1, 0, 1, 0}, []float32{0, 1, 0, 1}
	for _, isa := range isas() {
		loss, dx1 := make([]float32, 2), make([]float32, 4)
		withISA(t, isa, func() {
			CosineEmbedding32(x1, x2, 2, []float32{1, -1}, CosineArgs{Margin: -0.5, Scale: []float32{1}}, loss, dx1, nil)
		})
		if loss[0] != 1 || loss[1] != 0.5 {
			t.Errorf("%v: losses = %v, want [1 0.5]", isa, loss)
		}
		// d(1 - cos)/dx1 = -x2/(|x1||x2|) + cos·x1/|x1|² = -x2.
		if !near32(dx1[0], 0, 0, 1e-6) || !near32(dx1[1], -1, 2, 0) {
			t.Errorf("%v: dx1 of the y = 1 row = %v, want [0 -1]", isa, dx1[:2])
		}
		// d(cos + 0.5)/dx1 = x2 where cos + 0.5 > 0.
		if math.Abs(float64(dx1[3]-1)) > 1e-6 {
			t.Errorf("%v: dx1 of the y = -1 row = %v, want [0 1]", isa, dx1[2:])
		}
	}
}

func BenchmarkCosineEmbedding32(b *testing.B) {
	b.ReportAllocs()
	rows, d := 65536, 256
	r := rand.New(rand.NewPCG(1, 2))
	x1, x2 := randSlice(r, rows*d), randSlice(r, rows*d)
	y := make([]float32, rows)
	for i := range y {
		y[i] = float32(2*r.IntN(2) - 1)
	}
	loss, dx1, dx2 := make([]float32, rows), Alloc32(rows*d), Alloc32(rows*d)
	b.SetBytes(int64(16 * rows * d))
	for b.Loop() {
		CosineEmbedding32(x1, x2, d, y, CosineArgs{Scale: []float32{1.0 / float32(rows)}}, loss, dx1, dx2)
	}
}
