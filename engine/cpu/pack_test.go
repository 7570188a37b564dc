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

// TestPackRowStripsMatchesReference packs panels whose width is a
// multiple of 32, or not, from every starting strip, and compares each
// kernel path with the strips written out element by element.
func TestPackRowStripsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(63, 64))
	for _, isa := range isas() {
		for _, c := range [][4]int{{5, 64, 0, 2}, {3, 70, 1, 3}, {17, 96, 0, 3}, {1, 31, 0, 1}, {256, 130, 2, 5}} {
			kc, nc, s0, s1 := c[0], c[1], c[2], c[3]
			const nr = 32
			ld := nc + 2 + r.IntN(4)
			src := randSlice(r, (kc+3)*ld)
			want := randSlice(r, s1*kc*nr)
			got := append([]float32(nil), want...)
			for s := s0; s < s1; s++ {
				for p := 0; p < kc; p++ {
					for j := 0; j < nr; j++ {
						v := float32(0)
						if col := s*nr + j; col < nc {
							v = src[(2+p)*ld+1+col]
						}
						want[s*kc*nr+p*nr+j] = v
					}
				}
			}
			withISA(t, isa, func() { packRowStrips(got, src, ld, 2, 1, kc, nc, nr, s0, s1) })
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%v kc=%d nc=%d strips %d-%d: dst[%d] = %v, want %v", isa, kc, nc, s0, s1, i, got[i], want[i])
				}
			}
		}
	}
}

// TestPackRowsMatchesReference packs groups of 12 and of other widths,
// scaled and not, and compares each kernel path with the groups written
// out element by element.
func TestPackRowsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(65, 66))
	for _, isa := range isas() {
		for _, c := range [][3]int{{1, 12, 12}, {256, 12, 12}, {7, 9, 12}, {33, 32, 32}, {5, 6, 6}} {
			np, nc, w := c[0], c[1], c[2]
			for _, alpha := range []float32{1, -0.5} {
				ld := nc + 1 + r.IntN(4)
				src := randSlice(r, (np+3)*ld)
				want := make([]float32, np*w)
				for p := 0; p < np; p++ {
					for j := 0; j < nc; j++ {
						want[p*w+j] = alpha * src[(3+p)*ld+1+j]
					}
				}
				got := randSlice(r, np*w)
				withISA(t, isa, func() { packRows(got, src, ld, 3, 1, np, nc, w, alpha) })
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("%v np=%d nc=%d w=%d alpha=%v: dst[%d] = %v, want %v", isa, np, nc, w, alpha, i, got[i], want[i])
					}
				}
			}
		}
	}
}
