package nn

import (
	"math"

	"github.com/cellscript/cellscript/engine"
)

// fusedReduction reports whether an elementwise loss of a and b can run
// as one fused engine op (engine.L1Loss and its siblings) and returns its
// reduction. The inputs must share a float dtype and a shape, and the
// reduction must be 'mean' or 'sum'. The fused ops return the same
// values and gradients as the unfused ones.
func fusedReduction(a, b *engine.Tensor, reduction string) (engine.Reduction, bool) {
	if a.DType() != b.DType() || !a.DType().IsFloat() || !lossSameShape(a, b) {
		return 0, false
	}
	switch reduction {
	case "mean":
		return engine.ReductionMean, true
	case "sum":
		return engine.ReductionSum, true
	}
	return 0, false
}

// fusedRowReduction returns the engine reduction for a loss with one
// value per row; every LossBase reduction has one.
func fusedRowReduction(reduction string) engine.Reduction {
	switch reduction {
	case "mean":
		return engine.ReductionMean
	case "sum":
		return engine.ReductionSum
	}
	return engine.ReductionNone
}

// fusedSoftmaxCE returns the sparse softmax cross entropy from the fused
// engine op, or nil when the op does not apply (logits other than 2-D
// float32, labels other than one integer per row). Invalid labels raise
// the error that the unfused path raises.
func fusedSoftmaxCE(op string, logits, labels *engine.Tensor, reduction string) *engine.Tensor {
	if logits.DType() != engine.Float32 || logits.Rank() != 2 || !labels.DType().IsInt() || labels.Rank() != 1 || labels.Shape()[0] != logits.Shape()[0] {
		return nil
	}
	c := logits.Shape()[1]
	idx, _ := classIndices(op, labels, c, math.MinInt64)
	for i := range idx {
		idx[i] -= i * c
	}
	return lossMust(engine.SoftmaxCrossEntropy(logits, idx, fusedRowReduction(reduction)))
}
