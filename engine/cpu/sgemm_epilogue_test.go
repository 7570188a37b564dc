package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// TestSgemmEpilogueMatchesSgemm checks the fused bias and ReLU against
// Sgemm followed by the same steps in plain Go. The epilogue rounds the
// same float32 operations in the same order, so the results must be
// identical, not merely close, on every kernel path, with several panels
// along k and with the work split into row and column bands.
func TestSgemmEpilogueMatchesSgemm(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	sizes := [][3]int{{1, 1, 1}, {3, 5, 7}, {12, 32, 300}, {13, 33, 17}, {100, 10, 784}, {481, 37, 9}, {301, 257, 129}, {65, 701, 513}, {3, 4200, 5}}
	for _, isa := range isas() {
		for _, sz := range sizes {
			for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}} {
				for _, ep := range []string{"bias", "relu", "bias+relu"} {
					m, n, k := sz[0], sz[1], sz[2]
					name := fmt.Sprintf("%v/%dx%dx%d/tA=%v,tB=%v/%s", isa, m, n, k, tr[0], tr[1], ep)
					t.Run(name, func(t *testing.T) {
						checkEpilogue(t, r, isa, tr[0], tr[1], m, n, k, ep != "relu", ep != "bias")
					})
				}
			}
		}
	}
}

func checkEpilogue(t *testing.T, r *rand.Rand, isa ISA, transA, transB bool, m, n, k int, withBias, relu bool) {
	a, lda, b, ldb, ldc := randOperands(r, transA, transB, m, n, k)
	// A NaN in A makes a row of NaN, which ReLU must turn into +0.
	a[0] = float32(math.NaN())
	var bias []float32
	if withBias {
		bias = randSlice(r, n)
	}
	want := make([]float32, m*ldc)
	got := make([]float32, m*ldc)
	for i := range got {
		got[i] = -7 // the padding past n must keep it
		want[i] = -7
	}
	withISA(t, isa, func() {
		Sgemm(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, want, ldc)
		SgemmEpilogue(transA, transB, m, n, k, a, lda, b, ldb, got, ldc, Epilogue{Bias: bias, ReLU: relu})
	})
	for i := 0; i < m; i++ {
		for j := 0; j < ldc; j++ {
			w := want[i*ldc+j]
			if j < n {
				if bias != nil {
					w += bias[j]
				}
				if relu && !(w > 0) {
					w = 0
				}
			}
			g := got[i*ldc+j]
			if math.Float32bits(g) != math.Float32bits(w) && !(w != w && g != g) {
				t.Fatalf("C[%d][%d] = %v, want %v", i, j, g, w)
			}
		}
	}
}

func TestSgemmEpilogueShortBias(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a bias shorter than n did not panic")
		}
	}()
	SgemmEpilogue(false, false, 2, 3, 1, make([]float32, 2), 1, make([]float32, 3), 3, make([]float32, 6), 3, Epilogue{Bias: make([]float32, 2)})
}

// TestSgemmWorkerCounts runs products large enough to split among 2, 3
// and 4 workers, in row bands and in column bands, some wider than a
// panel of B. Each must match the reference, with and without the
// epilogue, whatever the number of workers.
func TestSgemmWorkerCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	sizes := [][3]int{{301, 257, 129}, {1000, 64, 300}, {65, 701, 513}, {40, 9000, 64}}
	for _, procs := range []int{2, 3, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, sz := range sizes {
			m, n, k := sz[0], sz[1], sz[2]
			t.Run(fmt.Sprintf("procs=%d/%dx%dx%d", procs, m, n, k), func(t *testing.T) {
				checkSgemm(t, r, Best(), false, true, m, n, k)
				checkEpilogue(t, r, Best(), true, false, m, n, k, true, true)
			})
		}
		runtime.GOMAXPROCS(prev)
	}
}
