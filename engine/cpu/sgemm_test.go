package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// isas returns the kernel paths this machine can run, the reference
// path first.
func isas() []ISA {
	var out []ISA
	for i := Generic; i <= Best(); i++ {
		out = append(out, i)
	}
	return out
}

// withISA runs f with the kernels switched to path i.
func withISA(t testing.TB, i ISA, f func()) {
	t.Helper()
	prev := SetISA(i)
	defer SetISA(prev)
	f()
}

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
	}
	return s
}

// gemmRef computes alpha·op(A)·op(B) + beta·C in float64.
func gemmRef(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) []float64 {
	out := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for p := 0; p < k; p++ {
				var av, bv float32
				if transA {
					av = a[p*lda+i]
				} else {
					av = a[i*lda+p]
				}
				if transB {
					bv = b[j*ldb+p]
				} else {
					bv = b[p*ldb+j]
				}
				s += float64(av) * float64(bv)
			}
			v := float64(alpha) * s
			if beta != 0 {
				v += float64(beta) * float64(c[i*ldc+j])
			}
			out[i*n+j] = v
		}
	}
	return out
}

func TestSgemmMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	// The last two split among workers, by rows and by columns, when
	// GOMAXPROCS is at least 2.
	sizes := [][3]int{{1, 1, 1}, {3, 5, 7}, {12, 32, 1}, {13, 33, 17}, {25, 70, 300}, {64, 64, 64}, {100, 10, 784}, {7, 200, 513}, {481, 37, 9}, {130, 4100, 3}, {301, 257, 129}, {65, 701, 203}}
	for _, isa := range isas() {
		for _, sz := range sizes {
			for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
				m, n, k := sz[0], sz[1], sz[2]
				name := fmt.Sprintf("%v/%dx%dx%d/tA=%v,tB=%v", isa, m, n, k, tr[0], tr[1])
				t.Run(name, func(t *testing.T) {
					checkSgemm(t, r, isa, tr[0], tr[1], m, n, k)
				})
			}
		}
	}
}

// randOperands returns random A and B for an m×n×k product with the
// given transposes, stored with padded row strides, and a padded row
// stride for C.
func randOperands(r *rand.Rand, transA, transB bool, m, n, k int) (a []float32, lda int, b []float32, ldb, ldc int) {
	rowsA, colsA := m, k
	if transA {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if transB {
		rowsB, colsB = n, k
	}
	lda, ldb, ldc = colsA+r.IntN(3), colsB+r.IntN(3), n+1+r.IntN(3)
	return randSlice(r, rowsA*lda), lda, randSlice(r, rowsB*ldb), ldb, ldc
}

// checkSgemm multiplies random matrices with padded strides and compares
// C, including the padding that must stay untouched, with gemmRef.
func checkSgemm(t *testing.T, r *rand.Rand, isa ISA, transA, transB bool, m, n, k int) {
	a, lda, b, ldb, ldc := randOperands(r, transA, transB, m, n, k)
	for _, coef := range [][2]float32{{1, 0}, {1, 1}, {-0.5, 2}} {
		alpha, beta := coef[0], coef[1]
		c := randSlice(r, m*ldc)
		if beta == 0 {
			for i := range c {
				c[i] = float32(math.NaN())
			}
		}
		c0 := append([]float32(nil), c...)
		want := gemmRef(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc)
		withISA(t, isa, func() {
			Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		})
		tol := 1e-5 * math.Sqrt(float64(k)+1) * 4
		for i := 0; i < m; i++ {
			for j := 0; j < ldc; j++ {
				got := c[i*ldc+j]
				if j >= n {
					if got != c0[i*ldc+j] && !(math.IsNaN(float64(got)) && math.IsNaN(float64(c0[i*ldc+j]))) {
						t.Fatalf("alpha=%v beta=%v: C[%d][%d] past n was overwritten: %v", alpha, beta, i, j, got)
					}
					continue
				}
				w := want[i*n+j]
				if math.Abs(float64(got)-w) > tol*(1+math.Abs(w)) {
					t.Fatalf("alpha=%v beta=%v: C[%d][%d] = %v, want %v", alpha, beta, i, j, got, w)
				}
			}
		}
	}
}

func TestSgemmEmptySizes(t *testing.T) {
	c := []float32{1, 2, 3, 4}
	Sgemm(false, false, 2, 2, 0, 1, nil, 0, nil, 2, 3, c, 2)
	for i, want := range []float32{3, 6, 9, 12} {
		if c[i] != want {
			t.Fatalf("k=0: C[%d] = %v, want %v (beta·C)", i, c[i], want)
		}
	}
	Sgemm(false, false, 0, 2, 3, 1, nil, 3, make([]float32, 6), 2, 0, nil, 2)
}

func BenchmarkSgemm(b *testing.B) {
	b.ReportAllocs()
	for _, isa := range isas() {
		for _, n := range []int{256, 1024, 2048} {
			if isa == Generic && n > 256 {
				continue
			}
			b.Run(isa.String()+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				r := rand.New(rand.NewPCG(1, 2))
				x, y, z := randSlice(r, n*n), randSlice(r, n*n), make([]float32, n*n)
				withISA(b, isa, func() {
					for b.Loop() {
						Sgemm(false, false, n, n, n, 1, x, n, y, n, 0, z, n)
					}
				})
				b.ReportMetric(2*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

// BenchmarkSgemmMLP times the three large products of a 784-256-10 MLP
// training step at batch 1024: the first layer's forward product, its
// weight gradient, and the gradient into the hidden layer.
func BenchmarkSgemmMLP(b *testing.B) {
	cases := []struct {
		name           string
		transA, transB bool
		m, n, k        int
	}{
		{"forward", false, true, 1024, 256, 784},
		{"weightgrad", true, false, 256, 784, 1024},
		{"hiddengrad", false, false, 1024, 256, 10},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			r := rand.New(rand.NewPCG(1, 2))
			x, y, z := randSlice(r, c.m*c.k), randSlice(r, c.k*c.n), make([]float32, c.m*c.n)
			lda, ldb := c.k, c.n
			if c.transA {
				lda = c.m
			}
			if c.transB {
				ldb = c.k
			}
			for b.Loop() {
				Sgemm(c.transA, c.transB, c.m, c.n, c.k, 1, x, lda, y, ldb, 0, z, c.n)
			}
			b.ReportMetric(2*float64(c.m*c.n*c.k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
