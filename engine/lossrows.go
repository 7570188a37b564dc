package engine

import "github.com/cellscript/cellscript/engine/cpu"

// SoftmaxCrossEntropy returns -log(softmax(logits_i)[labels[i]]) for each
// row i of the 2-D float32 logits (N, C), reduced by r. ReductionNone
// keeps shape (N,). It computes what LogSoftmax, a gather of the
// labelled entries, Neg and Mean or Sum compute, in one pass per row.
// labels[i] must lie in [0, C). The exponentials are float32 (within 1
// ulp), so results may differ from the unfused ops in the last bit. With
// a reduction, the forward pass also writes the gradient, which the
// backward pass returns when the incoming gradient is 1.
func SoftmaxCrossEntropy(logits *Tensor, labels []int, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	const op = "SoftmaxCrossEntropy"
	if logits.dtype != Float32 || logits.Rank() != 2 {
		typeErr(op, "logits dtype %s and shape %s: want 2-D float32 (N, C)", logits.dtype, FormatShape(logits.shape))
	}
	n, c := logits.shape[0], logits.shape[1]
	if len(labels) != n {
		valueErr(op, "%d labels for %d rows of logits; pass one class index per row", len(labels), n)
	}
	for i, l := range labels {
		if l < 0 || l >= c {
			valueErr(op, "label %d at row %d is outside the valid range [0, %d)", l, i, c)
		}
	}
	checkReduction(op, r)
	if be := onDevice(op, false, logits); be != nil {
		return deviceSoftmaxCrossEntropy(be, logits, labels, r), nil
	}
	x := logits.data.([]float32)
	return rowLoss(op, []*Tensor{logits}, n, r, func(grads []*Tensor, scale []float32) []float32 {
		loss := make([]float32, n)
		cpu.SoftmaxXent32(x, c, labels, loss, f32OrNil(grads[0]), scale)
		return loss
	}), nil
}

// CosineEmbeddingLoss returns, for each row i of the 2-D float32 x1 and
// x2 (N, D), 1 - cos_i where labels[i] = 1, max(cos_i - margin, 0) where
// labels[i] = -1 and 0 elsewhere, with cos_i = x1_i·x2_i /
// (sqrt(|x1_i|² + 1e-12)·sqrt(|x2_i|² + 1e-12)), reduced by r
// (ReductionNone keeps shape (N,)). It computes what the unfused Sum,
// Sqrt, Div and Where ops compute, in one pass over the rows, and only
// the order of the float64 sums differs. labels has shape (N,) and any
// number dtype.
func CosineEmbeddingLoss(x1, x2, labels *Tensor, margin float64, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	const op = "CosineEmbeddingLoss"
	if x1.dtype != Float32 || x2.dtype != Float32 || x1.Rank() != 2 || !sameShape(x1.shape, x2.shape) {
		typeErr(op, "x1 %s %s and x2 %s %s: want two 2-D float32 tensors of one shape", x1.dtype, FormatShape(x1.shape), x2.dtype, FormatShape(x2.shape))
	}
	n, d := x1.shape[0], x1.shape[1]
	if labels.Rank() != 1 || labels.shape[0] != n || labels.dtype == Bool {
		valueErr(op, "labels %s %s: want a number tensor of shape (%d,)", labels.dtype, FormatShape(labels.shape), n)
	}
	checkReduction(op, r)
	if onDevice(op, false, x1, x2, labels) != nil {
		return deviceCosineEmbeddingLoss(x1, x2, labels, margin, r), nil
	}
	y := cast(labels, Float32).data.([]float32)
	a, b := x1.data.([]float32), x2.data.([]float32)
	return rowLoss(op, []*Tensor{x1, x2}, n, r, func(grads []*Tensor, scale []float32) []float32 {
		loss := make([]float32, n)
		args := cpu.CosineArgs{Margin: float32(margin), Scale: scale}
		cpu.CosineEmbedding32(a, b, d, y, args, loss, f32OrNil(grads[0]), f32OrNil(grads[1]))
		return loss
	}), nil
}

func f32OrNil(t *Tensor) []float32 {
	if t == nil {
		return nil
	}
	return t.data.([]float32)
}

// checkReduction raises for a Reduction outside the constants.
func checkReduction(op string, r Reduction) {
	if r != ReductionMean && r != ReductionSum && r != ReductionNone {
		valueErr(op, "reduction %d is invalid; use ReductionMean, ReductionSum or ReductionNone", r)
	}
}

// rowLoss records a fused float32 loss of n rows. run computes the loss
// of every row. For each non-nil tensor in grads it also computes the
// gradient, with respect to the input at the same position, of the rows'
// losses times their factors in scale (one for all rows or one per row).
//
// With a reduction the forward pass computes the gradients for an
// incoming gradient of 1 (scale 1/n for a mean) and the backward pass
// returns them, or reruns the kernel for another incoming gradient.
// Without one, the backward pass runs the kernel with the incoming
// gradient as the row factors.
func rowLoss(op string, inputs []*Tensor, n int, r Reduction, run func(grads []*Tensor, scale []float32) []float32) *Tensor {
	newGrads := func() []*Tensor {
		grads := make([]*Tensor, len(inputs))
		for i, in := range inputs {
			if in.requiresGrad {
				grads[i] = newTensorUninit(op, Float32, in.shape)
			}
		}
		return grads
	}
	if r == ReductionNone {
		out := wrap(Float32, []int{n}, run(make([]*Tensor, len(inputs)), []float32{0}))
		return record(out, op, inputs, func(g *Tensor) []*Tensor {
			grads := newGrads()
			run(grads, cast(g, Float32).data.([]float32))
			return grads
		})
	}
	var grads []*Tensor
	if anyRequiresGrad(inputs) {
		grads = newGrads()
	} else {
		grads = make([]*Tensor, len(inputs))
	}
	losses := run(grads, []float32{float32(lossGradScale(Float32, r, n, 1))})
	var sum float64
	for _, l := range losses {
		sum += float64(l)
	}
	out := reducedLoss(Float32, r, n, sum)
	return record(out, op, inputs, func(g *Tensor) []*Tensor {
		if gv := g.Float(0); gv != 1 {
			grads = newGrads()
			run(grads, []float32{float32(lossGradScale(Float32, r, n, gv))})
		}
		return grads
	})
}

func anyRequiresGrad(ts []*Tensor) bool {
	for _, t := range ts {
		if t.requiresGrad {
			return true
		}
	}
	return false
}

// BinaryCrossEntropy returns the mean or sum over all elements of
// -(y·log(x + 1e-12) + (1 - y)·log((1 - x) + 1e-12)) for float32
// probabilities x and targets y of one shape (MindSpore's BCELoss
// without weights), in one pass. The logarithms are float32 (within 1
// ulp); every other step, the gradient included, is the float32
// operation of the unfused ops. When x requires a gradient the pass
// writes it too. y must not require a gradient.
func BinaryCrossEntropy(x, y *Tensor, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	const op = "BinaryCrossEntropy"
	if x.dtype != Float32 || y.dtype != Float32 || !sameShape(x.shape, y.shape) {
		typeErr(op, "x %s %s and y %s %s: want float32 tensors of one shape", x.dtype, FormatShape(x.shape), y.dtype, FormatShape(y.shape))
	}
	if r != ReductionMean && r != ReductionSum {
		valueErr(op, "reduction %v is invalid; use ReductionMean or ReductionSum", r)
	}
	if y.requiresGrad {
		valueErr(op, "y requires a gradient, which this fused op does not compute; use the unfused ops")
	}
	if be := onDevice(op, false, x, y); be != nil {
		return deviceBinaryCrossEntropy(be, x, y, r), nil
	}

	n := x.Numel()
	xs, ys := x.data.([]float32), y.data.([]float32)
	var dx *Tensor
	scale := float32(lossGradScale(Float32, r, n, 1))
	if x.requiresGrad {
		dx = newTensorUninit(op, Float32, x.shape)
	}
	out = reducedLoss(Float32, r, n, cpu.BCE32(xs, ys, f32OrNil(dx), scale))
	return record(out, op, []*Tensor{x, y}, func(g *Tensor) []*Tensor {
		gx := dx
		if gv := g.Float(0); gv != 1 {
			gx = newTensorUninit(op, Float32, x.shape)
			cpu.BCE32(xs, ys, gx.data.([]float32), float32(lossGradScale(Float32, r, n, gv)))
		}
		return []*Tensor{gx, nil}
	}), nil
}
