package engine

import (
	"github.com/cellscript/cellscript/engine/cpu"
	"gonum.org/v1/gonum/blas"
)

// gemm computes c = op(a)·op(b) + beta·c for row-major float32 or float64
// matrices, where c is m×n and the contracted dimension is k. It accepts
// zero sizes, which the BLAS routines reject through their leading
// dimension checks.
func gemm[T float32 | float64](transA, transB bool, m, n, k int, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 {
		for i := 0; i < m; i++ {
			row := c[i*ldc : i*ldc+n]
			for j := range row {
				row[j] *= beta
			}
		}
		return
	}
	ta, tb := blas.NoTrans, blas.NoTrans
	if transA {
		ta = blas.Trans
	}
	if transB {
		tb = blas.Trans
	}
	switch c := any(c).(type) {
	case []float32:
		cpu.Sgemm(transA, transB, m, n, k, 1, any(a).([]float32), lda, any(b).([]float32), ldb, float32(beta), c, ldc)
	case []float64:
		blasImpl.Dgemm(ta, tb, m, n, k, 1, any(a).([]float64), lda, any(b).([]float64), ldb, float64(beta), c, ldc)
	}
}
