package cpu

import (
	"math/rand/v2"
	"testing"
)

func BenchmarkPackTransposed(b *testing.B) {
	b.ReportAllocs()
	n := 1024
	src := make([]float32, n*n)
	dst := make([]float32, 256*12)
	b.SetBytes(int64(n * n * 4))
	for b.Loop() {
		for r0 := 0; r0 < n; r0 += 12 {
			for c0 := 0; c0 < n; c0 += 256 {
				packTransposed(dst, src, n, min(r0, n-12), c0, 12, 256, 12)
			}
		}
	}
}

func BenchmarkPackRows(b *testing.B) {
	b.ReportAllocs()
	n := 1024
	src := make([]float32, n*n)
	dst := make([]float32, 256*32)
	b.SetBytes(int64(n * n * 4))
	for b.Loop() {
		for c0 := 0; c0 < n; c0 += 32 {
			for p0 := 0; p0 < n; p0 += 256 {
				packRows(dst, src, n, p0, c0, 256, 32, 32, 1)
			}
		}
	}
}

func TestPackTransposedMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 62))
	for _, isa := range isas() {
		for _, c := range [][3]int{{12, 12, 256}, {7, 12, 5}, {32, 32, 17}, {20, 32, 256}, {1, 16, 1}, {16, 16, 33}} {
			nr, w, nc := c[0], c[1], c[2]
			ld := nc + 3 + r.IntN(5)
			src := randSlice(r, (nr+2)*ld)
			want := randSlice(r, nc*w)
			got := append([]float32(nil), want...)
			for i := 0; i < nc*w; i++ {
				want[i] = 0
			}
			for i := 0; i < nr; i++ {
				for p := 0; p < nc; p++ {
					want[p*w+i] = src[(1+i)*ld+2+p]
				}
			}
			withISA(t, isa, func() { packTransposed(got, src, ld, 1, 2, nr, nc, w) })
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%v nr=%d w=%d nc=%d: dst[%d] = %v, want %v", isa, nr, w, nc, i, got[i], want[i])
				}
			}
		}
	}
}
