package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// SoftmaxCrossEntropy returns the per-row cross entropy of softmax(logits)
// for 2-D float logits (N, C), reduced by reduction. Dense labels have the
// logits' shape and dtype and need not be one-hot. Sparse labels are
// int32 or int64 class indices of shape (N,).
//
// It differs from MindSpore's CPU kernels on purpose. The log-softmax is
// exact, so a row whose target probability underflows gets its true loss
// (200 for logits [0, 200] at class 0) where the kernels replace the
// probability by FLT_MIN and return 87.33654, or inf in the 2023 sparse
// kernel. A sparse label outside [0, C) raises ValueError where the
// one-hot path silently gives 0.
func SoftmaxCrossEntropy(logits, labels *engine.Tensor, sparse bool, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "SoftmaxCrossEntropyWithLogits"
		lossCheck.Float(op, "logits", logits)
		if logits.Rank() != 2 {
			lossFail("ValueError", op, "logits must be 2-D (N, C), but got shape %s", lossShape(logits))
		}
		n, c := logits.Shape()[0], logits.Shape()[1]
		if sparse {
			if l := fusedSoftmaxCE(op, logits, labels, reduction); l != nil {
				return l
			}
		}
		logp := eng.LogSoftmax(logits, 1)
		if !sparse {
			if labels.DType() != logits.DType() {
				lossFail("TypeError", op, "dense labels must have the logits' dtype %s, but got %s; use sparse=True for class indices", logits.DType(), labels.DType())
			}
			lossCheck.SameShape(op, "logits", logits, "labels", labels)
			rows := eng.Neg(eng.Sum(eng.Weighted(labels, logp), 1))
			return eng.Reduce(rows, reduction)
		}
		if !labels.DType().IsInt() {
			lossFail("TypeError", op, "sparse labels must be int32 or int64, but got %s; cast them with labels.astype(mindspore.int32)", labels.DType())
		}
		if labels.Rank() != 1 || labels.Shape()[0] != n {
			lossFail("ValueError", op, "sparse labels must have shape (%d,) to match logits %s, but got %s; reshape them with labels.reshape(%d)", n, lossShape(logits), lossShape(labels), n)
		}
		idx, _ := classIndices(op, labels, c, math.MinInt64)
		rows := eng.Neg(eng.Gather(logp, idx, []int{n}))
		return eng.Reduce(rows, reduction)
	})
}

// Focal returns the focal loss -(1 - p)^gamma*log(p) of softmax(logits)
// over axis 1, as MindSpore's FocalLoss computes it. logits are (N, C) or
// (N, C, d1, ...). labels have the logits' rank: with size 1 on axis 1
// they are class indices in [-C, C) (negative ones count from the end, as
// GatherD does), otherwise they are one-hot of the logits' shape. weight
// (nil means 1) has shape (C,) and scales log(p) but not the factor
// (1 - p)^gamma. Each sample's loss is averaged over its spatial
// positions, and one-hot labels are averaged over the C classes too, so
// their result is the index-label result divided by C. The per-sample
// losses are then reduced by reduction.
func Focal(logits, labels, weight *engine.Tensor, gamma float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "FocalLoss"
		x3, lab3, c := focalInputs(op, logits, labels)
		logp := eng.LogSoftmax(x3, 1)
		var w *engine.Tensor
		if weight != nil {
			if weight.Rank() != 1 || weight.Shape()[0] != c {
				lossFail("ValueError", op, "weight must have shape (%d,), one value per class, but got %s", c, lossShape(weight))
			}
			w = eng.As(weight, logp)
		}
		n, l := x3.Shape()[0], x3.Shape()[2]
		if lab3.Shape()[1] == 1 {
			idx, classes := focalIndices(op, lab3, c)
			logp = eng.Gather(logp, idx, []int{n, l})
			if w != nil {
				w = eng.Gather(w, classes, []int{n, l})
			}
		} else if w != nil {
			w = eng.Reshape(w, 1, c, 1)
		}
		p := eng.Exp(logp)
		if w != nil {
			logp = eng.Mul(logp, w)
		}
		factor := eng.Sub(eng.Scalar(p, 1), p)
		if gamma == 0 {
			factor = eng.Scalar(p, 1)
		} else {
			factor = eng.Pow(factor, eng.Scalar(p, gamma))
		}
		if lab3.Shape()[1] != 1 {
			logp = eng.Weighted(eng.As(lab3, logp), logp)
		}
		loss := eng.Mean(eng.Neg(eng.Mul(factor, logp)), -1)
		return eng.Reduce(loss, reduction)
	})
}

// focalInputs validates FocalLoss's inputs and reshapes them to (N, C, L)
// and (N, 1 or C, L).
func focalInputs(op string, logits, labels *engine.Tensor) (*engine.Tensor, *engine.Tensor, int) {
	lossCheck.Float(op, "logits", logits)
	if labels.DType() == engine.Bool {
		lossFail("TypeError", op, "labels must be int32, int64, float16 or float32, but got bool")
	}
	if logits.Rank() < 2 {
		lossFail("ValueError", op, "logits must be (N, C) or (N, C, d1, ...), but got shape %s", lossShape(logits))
	}
	if labels.Rank() != logits.Rank() {
		lossFail("ValueError", op, "labels must have the logits' rank %d, but got shape %s for logits %s", logits.Rank(), lossShape(labels), lossShape(logits))
	}
	n, c := logits.Shape()[0], logits.Shape()[1]
	spatial := engine.Numel(logits.Shape()[2:])
	if lc := labels.Shape()[1]; lc != 1 && !lossSameShape(labels, logits) {
		lossFail("ValueError", op, "labels must have size 1 on axis 1 (class indices) or the logits' shape %s (one-hot), but got %s", lossShape(logits), lossShape(labels))
	}
	if labels.Shape()[0] != n || engine.Numel(labels.Shape()[2:]) != spatial {
		lossFail("ValueError", op, "labels shape %s does not match logits shape %s outside the class axis", lossShape(labels), lossShape(logits))
	}
	return eng.Reshape(logits, n, c, spatial), eng.Reshape(labels, n, labels.Shape()[1], spatial), c
}

// focalIndices returns, for index labels of shape (N, 1, L), the flat
// gather index into (N, C, L) and the class of each label.
func focalIndices(op string, labels *engine.Tensor, c int) (idx, classes []int) {
	n, l := labels.Shape()[0], labels.Shape()[2]
	idx = make([]int, n*l)
	classes = make([]int, n*l)
	for i := range n {
		for j := range l {
			k := i*l + j
			v := labels.Float(k)
			if v != float64(int64(v)) || v < -float64(c) || v >= float64(c) {
				lossFail("ValueError", op, "label %v at position %d is outside the valid range [-%d, %d)", v, k, c, c)
			}
			cls := int(v)
			if cls < 0 {
				cls += c
			}
			idx[k] = (i*c+cls)*l + j
			classes[k] = cls
		}
	}
	return idx, classes
}

// The Cells of this file.
var (
	SoftmaxCrossEntropyWithLogits *pyobj.Class
	FocalLoss                     *pyobj.Class
)

// sceConfig is SoftmaxCrossEntropyWithLogits's config.
type sceConfig struct {
	sparse    bool
	reduction string
}

// focalConfig is FocalLoss's config.
type focalConfig struct {
	weight    *engine.Tensor
	gamma     float64
	reduction string
}

func parseFocal(call string, v []starlark.Value) (focalConfig, error) {
	w, err := lossArgs.OptionalTensor(call, "weight", v[0])
	if err != nil {
		return focalConfig{}, err
	}
	if w != nil && w.Rank() != 1 {
		return focalConfig{}, core.Errorf("ValueError", "%s: weight must be 1-D with one value per class, but got shape %s", call, lossShape(w))
	}
	gamma, err := lossArgs.Float(call, "gamma", v[1])
	if err != nil {
		return focalConfig{}, err
	}
	r, err := lossArgs.Reduction(call, v[2])
	return focalConfig{w, gamma, r}, err
}

func init() {
	SoftmaxCrossEntropyWithLogits = lossDef[sceConfig]{
		name: "SoftmaxCrossEntropyWithLogits",
		doc: `SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none')

Cross entropy of softmax(logits) against labels, per row: logits are
(N, C) float; labels are (N, C) probabilities of the logits' dtype, or
(N,) int32/int64 class indices when sparse=True. The default reduction
'none' returns shape (N,); 'mean' and 'sum' reduce over the batch.

Differs from MindSpore's CPU kernels on purpose: log-softmax is computed
exactly, so a row whose target probability underflows gets its true loss
instead of the cap 87.33654 (-log FLT_MIN), and a sparse label outside
[0, C) raises ValueError instead of giving 0.`,
		params: []lossParam{optionalParam("sparse", starlark.False), optionalParam("reduction", starlark.String("none"))},
		config: func(call string, v []starlark.Value) (sceConfig, error) {
			sparse, err := lossArgs.Bool(call, "sparse", v[0])
			if err != nil {
				return sceConfig{}, err
			}
			r, err := lossArgs.Reduction(call, v[1])
			return sceConfig{sparse, r}, err
		},
		inputs: twoInputs,
		compute: tensorCompute(func(cfg sceConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return SoftmaxCrossEntropy(t[0], t[1], cfg.sparse, cfg.reduction)
		}),
	}.class()
	FocalLoss = lossDef[focalConfig]{
		name: "FocalLoss",
		doc: `FocalLoss(weight=None, gamma=2.0, reduction='mean')

Focal loss FL = -(1 - p)**gamma * log(p) of p = softmax(logits) over
axis 1. logits are (N, C) or (N, C, d1, ...). labels have the logits'
rank: size 1 on axis 1 means class indices in [-C, C), otherwise one-hot
labels of the logits' shape. weight is a 1-D Tensor of length C or None
and scales log(p). Each sample is averaged over its spatial positions;
one-hot labels are also averaged over the C classes, so they give the
index-label value divided by C. Then 'mean' (the default), 'sum' or
'none'. gamma must be a float (TypeError for an int); gamma=0.0 gives the
mean cross entropy.`,
		params: []lossParam{optionalParam("weight", starlark.None), optionalParam("gamma", starlark.Float(2)), optionalParam("reduction", starlark.String("mean"))},
		config: parseFocal, inputs: twoInputs,
		compute: tensorCompute(func(cfg focalConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return Focal(t[0], t[1], cfg.weight, cfg.gamma, cfg.reduction)
		}),
	}.class()
}
