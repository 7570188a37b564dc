package engine

import (
	"github.com/cellscript/cellscript/engine/cpu"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

var blasImpl gonum.Implementation

// matmulRaw computes op(a)·op(b) for 2-D a and b, where op transposes
// when the flag is set.
func matmulRaw(a, b *Tensor, transA, transB bool) *Tensor {
	if a.Rank() != 2 || b.Rank() != 2 {
		valueErr("MatMul", "x shape %s and y shape %s: both must be 2-D", FormatShape(a.shape), FormatShape(b.shape))
	}
	if a.dtype != b.dtype {
		typeErr("MatMul", "x dtype %s and y dtype %s differ; cast one operand first", a.dtype, b.dtype)
	}
	m, k := a.shape[0], a.shape[1]
	if transA {
		m, k = k, m
	}
	k2, n := b.shape[0], b.shape[1]
	if transB {
		k2, n = n, k2
	}
	if k != k2 {
		valueErr("MatMul", "x shape %s and y shape %s%s", FormatShape(a.shape), FormatShape(b.shape), contractionRule(transA, transB))
	}
	if be := onDevice("MatMul", false, a, b); be != nil {
		return deviceMatmul(be, a, b, m, n, k, transA, transB)
	}
	if a.dtype != Float32 || k == 0 {
		out := newTensor("MatMul", a.dtype, []int{m, n})
		if m == 0 || n == 0 || k == 0 {
			return out
		}
		return matmulInto(out, a, b, m, n, k, transA, transB)
	}
	// With beta = 0, Sgemm writes every element of out.
	return matmulInto(newTensorUninit("MatMul", a.dtype, []int{m, n}), a, b, m, n, k, transA, transB)
}

// contractionRule names the dimensions that a matrix product with the
// given transpose flags contracts, for its shape error:
// ": x.shape[1] must equal y.shape[0]".
func contractionRule(transA, transB bool) string {
	flags, ka, kb := "", "x.shape[1]", "y.shape[0]"
	if transA {
		flags, ka = " with transpose_a=True", "x.shape[0]"
	}
	switch {
	case transA && transB:
		flags, kb = " with transpose_a=True and transpose_b=True", "y.shape[1]"
	case transB:
		flags, kb = " with transpose_b=True", "y.shape[1]"
	}
	return flags + ": " + ka + " must equal " + kb
}

// matmulInto computes op(a)·op(b) into out, which is m×n.
func matmulInto(out, a, b *Tensor, m, n, k int, transA, transB bool) *Tensor {
	ta, tb := blas.NoTrans, blas.NoTrans
	if transA {
		ta = blas.Trans
	}
	if transB {
		tb = blas.Trans
	}
	lda, ldb := a.shape[1], b.shape[1]
	switch d := out.data.(type) {
	case []float32:
		cpu.Sgemm(transA, transB, m, n, k, 1, a.data.([]float32), lda, b.data.([]float32), ldb, 0, d, n)
	case []float64:
		blasImpl.Dgemm(ta, tb, m, n, k, 1, a.data.([]float64), lda, b.data.([]float64), ldb, 0, d, n)
	case []int32:
		intMatmul(d, a.data.([]int32), b.data.([]int32), m, n, k, lda, ldb, transA, transB)
	case []int64:
		intMatmul(d, a.data.([]int64), b.data.([]int64), m, n, k, lda, ldb, transA, transB)
	default:
		// Bool: NumPy's matmul of bools is the OR of ANDs.
		fa, fb := cast(a, Int64), cast(b, Int64)
		return cast(matmulRaw(fa, fb, transA, transB), Bool)
	}
	return roundHalfTensor(out)
}

// intMatmul multiplies in integer arithmetic, wrapping on overflow as
// NumPy does, so int64 products beyond 2**53 stay exact.
func intMatmul[T int32 | int64](d, a, b []T, m, n, k, lda, ldb int, transA, transB bool) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var acc T
			for p := 0; p < k; p++ {
				ai, bi := i*lda+p, p*ldb+j
				if transA {
					ai = p*lda + i
				}
				if transB {
					bi = j*ldb + p
				}
				acc += a[ai] * b[bi]
			}
			d[i*n+j] = acc
		}
	}
}

func matmul(a, b *Tensor, transA, transB bool) *Tensor {
	out := matmulRaw(a, b, transA, transB)
	return record(out, "MatMul", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		ad, bd := a.Detach(), b.Detach()
		var ga, gb *Tensor
		// out = op(a)·op(b); d op(a) = g·op(b)ᵀ, d op(b) = op(a)ᵀ·g.
		// An input that needs no gradient, such as a batch of data,
		// skips its product.
		switch {
		case !a.requiresGrad:
		case transA:
			ga = matmulRaw(bd, g, transB, true)
		default:
			ga = matmulRaw(g, bd, false, !transB)
		}
		switch {
		case !b.requiresGrad:
		case transB:
			gb = matmulRaw(g, ad, true, transA)
		default:
			gb = matmulRaw(ad, g, !transA, false)
		}
		return []*Tensor{ga, gb}
	})
}

// MatMul returns op(a)·op(b) for 2-D tensors, transposing a or b first
// when the flags are set (MindSpore's MatMul(transpose_a, transpose_b)).
func MatMul(a, b *Tensor, transA, transB bool) (out *Tensor, err error) {
	defer catch(&err)
	return matmul(a, b, transA, transB), nil
}
