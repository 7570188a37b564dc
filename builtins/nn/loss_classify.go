package nn

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// ClassOptions are the options of the class-index losses NLL and
// CrossEntropy.
type ClassOptions struct {
	// Weight rescales each class, and nil means 1. Its shape is (C,).
	Weight *engine.Tensor
	// IgnoreIndex is a label value that contributes neither loss nor
	// weight.
	IgnoreIndex int64
	// Reduction is "mean", "sum" or "none". The mean of index targets
	// divides by the summed weights of the counted labels.
	Reduction string
	// LabelSmoothing in [0, 1] mixes the target with the uniform
	// distribution over the C classes.
	LabelSmoothing float64
}

// NLL returns the negative log-likelihood -w[y]*x[n, y] of log
// probabilities x of shape (N, C, d1, ...) (or (C,) with a 0-d label)
// at class-index labels y of shape (N, d1, ...). Labels equal to
// o.IgnoreIndex count neither loss nor weight, and any other label outside
// [0, C) raises ValueError. 'mean' divides by the summed weights of the
// counted labels, so an all-ignored batch gives NaN (0/0), as PyTorch
// does. With label smoothing ls the loss is (1 - ls)*nll + ls/C*smooth,
// smooth = -sum over c of w[c]*x[n, c]. It is nn.NLLLoss and ops.nll_loss.
func NLL(logProbs, labels *engine.Tensor, o ClassOptions) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor { return nll("NLLLoss", logProbs, labels, o) })
}

// CrossEntropy returns the cross entropy of softmax(logits) along the
// class axis (axis 1, or 0 for 1-D logits) with exact log-softmax. Integer
// labels are class indices and follow NLL with o's weight, ignore index
// and smoothing. Float labels of the logits' shape are class
// probabilities: t' = (1 - ls)*t + ls/C, l = -sum over c of
// w[c]*t'[c]*logp[c], and 'mean' divides by the number of samples
// N*d1*... . It is nn.CrossEntropyLoss and ops.cross_entropy.
func CrossEntropy(logits, labels *engine.Tensor, o ClassOptions) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "CrossEntropyLoss"
		lossCheck.Float(op, "logits", logits)
		if logits.Rank() == 0 {
			lossFail("ValueError", op, "logits must have a class axis, but got a 0-d tensor")
		}
		axis := classAxis(logits)
		logp := eng.LogSoftmax(logits, axis)
		if !labels.DType().IsFloat() {
			return nll(op, logp, labels, o)
		}
		lossCheck.SameShape(op, "logits", logits, "probability labels", labels)
		return probabilityCrossEntropy(logp, eng.As(labels, logp), axis, o)
	})
}

// classAxis is 1, or 0 for 1-D input.
func classAxis(x *engine.Tensor) int {
	if x.Rank() == 1 {
		return 0
	}
	return 1
}

// classesLast moves the class axis of x last and flattens the rest, so
// row m of the (M, C) result belongs to label m.
func classesLast(x *engine.Tensor) *engine.Tensor {
	axis := classAxis(x)
	c := x.Shape()[axis]
	if axis == 0 {
		return eng.Reshape(x, 1, c)
	}
	perm := []int{0}
	for i := 2; i < x.Rank(); i++ {
		perm = append(perm, i)
	}
	perm = append(perm, 1)
	return eng.Reshape(eng.Transpose(x, perm), -1, c)
}

// labelShape returns x's shape without the class axis.
func labelShape(x *engine.Tensor) []int {
	if x.Rank() == 1 {
		return []int{}
	}
	return append([]int{x.Shape()[0]}, x.Shape()[2:]...)
}

// classIndices validates labels against C classes and returns the flat
// gather index of each label into the (M, C) rows and the mask of the
// labels that count (not ignore).
func classIndices(op string, labels *engine.Tensor, c int, ignore int64) ([]int, []bool) {
	idx := make([]int, labels.Numel())
	counted := make([]bool, len(idx))
	for m := range idx {
		v := labels.Int(m)
		if v == ignore {
			idx[m] = m * c
			continue
		}
		if v < 0 || v >= int64(c) {
			lossFail("ValueError", op, "label %d at position %d is outside the valid range [0, %d)", v, m, c)
		}
		idx[m] = m*c + int(v)
		counted[m] = true
	}
	return idx, counted
}

// nll computes NLL inside runLoss, naming op in its errors.
func nll(op string, x, labels *engine.Tensor, o ClassOptions) *engine.Tensor {
	lossCheck.Float(op, "logits", x)
	if !labels.DType().IsInt() {
		lossFail("TypeError", op, "class-index labels must be int32 or int64, but got %s", labels.DType())
	}
	if x.Rank() == 0 {
		lossFail("ValueError", op, "logits must have a class axis, but got a 0-d tensor")
	}
	want := labelShape(x)
	if engine.FormatShape(want) != lossShape(labels) {
		lossFail("ValueError", op, "logits shape %s needs labels of shape %s, but got %s", lossShape(x), engine.FormatShape(want), lossShape(labels))
	}
	c := x.Shape()[classAxis(x)]
	rows := classesLast(x)
	idx, counted := classIndices(op, labels, c, o.IgnoreIndex)
	m := len(idx)

	wy := classWeights(op, rows, labels, counted, o.Weight)
	picked := eng.Gather(rows, idx, []int{m})
	l := eng.Neg(eng.Weighted(wy, picked))
	loss := classReduce(l, wy, want, o.Reduction)
	if o.LabelSmoothing == 0 {
		return loss
	}

	w := eng.Scalar(rows, 1)
	if o.Weight != nil {
		w = eng.As(o.Weight, rows)
	}
	valid := eng.Values(rows, countedValues(counted), m, 1)
	smooth := eng.Neg(eng.Sum(eng.Weighted(eng.Mul(valid, w), rows), 1))
	smoothLoss := classReduce(smooth, wy, want, o.Reduction)
	ls := o.LabelSmoothing
	return eng.Add(eng.Mul(eng.Scalar(loss, 1-ls), loss), eng.Mul(eng.Scalar(loss, ls/float64(c)), smoothLoss))
}

func countedValues(counted []bool) []float64 {
	v := make([]float64, len(counted))
	for i, ok := range counted {
		if ok {
			v[i] = 1
		}
	}
	return v
}

// classWeights returns w[y] for each counted label and 0 for ignored
// ones, as a tensor of shape (M,) in rows' dtype.
func classWeights(op string, rows, labels *engine.Tensor, counted []bool, weight *engine.Tensor) *engine.Tensor {
	valid := eng.Values(rows, countedValues(counted))
	if weight == nil {
		return valid
	}
	c := rows.Shape()[1]
	if weight.Rank() != 1 || weight.Shape()[0] != c {
		lossFail("ValueError", op, "weight must have shape (%d,), one value per class, but got %s", c, lossShape(weight))
	}
	widx := make([]int, len(counted))
	for m, ok := range counted {
		if ok {
			widx[m] = int(labels.Int(m))
		}
	}
	return eng.Mul(eng.Gather(eng.As(weight, rows), widx, []int{len(widx)}), valid)
}

// classReduce reduces per-label losses l (M,): 'none' reshapes them to
// the labels' shape, 'sum' adds them and 'mean' divides the sum by the
// summed weights wy.
func classReduce(l, wy *engine.Tensor, shape []int, reduction string) *engine.Tensor {
	switch reduction {
	case "sum":
		return eng.Sum(l)
	case "mean":
		return eng.Div(eng.Sum(l), eng.Sum(wy))
	}
	return eng.Reshape(l, shape...)
}

// probabilityCrossEntropy is the cross entropy of log probabilities logp
// against class probabilities t of the same shape.
func probabilityCrossEntropy(logp, t *engine.Tensor, axis int, o ClassOptions) *engine.Tensor {
	const op = "CrossEntropyLoss"
	c := logp.Shape()[axis]
	if ls := o.LabelSmoothing; ls > 0 {
		t = eng.Add(eng.Mul(t, eng.Scalar(t, 1-ls)), eng.Scalar(t, ls/float64(c)))
	}
	if o.Weight != nil {
		if o.Weight.Rank() != 1 || o.Weight.Shape()[0] != c {
			lossFail("ValueError", op, "weight must have shape (%d,), one value per class, but got %s", c, lossShape(o.Weight))
		}
		shape := make([]int, logp.Rank())
		for i := range shape {
			shape[i] = 1
		}
		shape[axis] = c
		t = eng.Mul(t, eng.Reshape(eng.As(o.Weight, t), shape...))
	}
	l := eng.Neg(eng.Sum(eng.Weighted(t, logp), axis))
	switch o.Reduction {
	case "sum":
		return eng.Sum(l)
	case "mean":
		return eng.Div(eng.Sum(l), eng.Scalar(l, float64(l.Numel())))
	}
	return l
}

// The Cells of this file.
var (
	NLLLoss          *pyobj.Class
	CrossEntropyLoss *pyobj.Class
)

// parseClassOptions validates (weight, ignore_index, reduction[,
// label_smoothing]).
func parseClassOptions(call string, v []starlark.Value) (ClassOptions, error) {
	w, err := lossArgs.FloatWeight(call, "weight", v[0])
	if err != nil {
		return ClassOptions{}, err
	}
	ignore, err := lossArgs.Int(call, "ignore_index", v[1])
	if err != nil {
		return ClassOptions{}, err
	}
	r, err := lossArgs.Reduction(call, v[2])
	if err != nil {
		return ClassOptions{}, err
	}
	o := ClassOptions{Weight: w, IgnoreIndex: int64(ignore), Reduction: r}
	if len(v) > 3 {
		o.LabelSmoothing, err = lossArgs.FloatRange(call, "label_smoothing", v[3], 0, 1)
	}
	return o, err
}

var classParams = []lossParam{
	optionalParam("weight", starlark.None), optionalParam("ignore_index", starlark.MakeInt(-100)),
	optionalParam("reduction", starlark.String("mean")), optionalParam("label_smoothing", starlark.Float(0)),
}

// int32Labels raises TypeError unless the nn Cells' class-index labels
// are int32, the only label dtype nn.NLLLoss and nn.CrossEntropyLoss
// accept.
func int32Labels(op string, labels *engine.Tensor) {
	if labels.DType() != engine.Int32 {
		lossFail("TypeError", op, "labels must be int32 class indices, but got %s; cast them with labels.astype(mindspore.int32)", labels.DType())
	}
}

func init() {
	NLLLoss = lossDef[ClassOptions]{
		name: "NLLLoss",
		doc: `NLLLoss(weight=None, ignore_index=-100, reduction='mean')

Negative log likelihood of log probabilities logits (N, C) or
(N, C, d1, ...) at int32 class indices labels (N,) or (N, d1, ...):
l_n = -weight[y_n]*logits[n, y_n]. Labels equal to ignore_index count
neither loss nor weight; other labels outside [0, C) raise ValueError.
'mean' (the default) divides the sum by the summed weights of the counted
labels, 'sum' adds, 'none' returns l. weight is a float Tensor of shape
(C,) or None.`,
		params: classParams[:3], config: parseClassOptions,
		inputs: twoInputs,
		compute: tensorCompute(func(o ClassOptions, t []*engine.Tensor) (*engine.Tensor, error) {
			return runLoss(func() *engine.Tensor {
				int32Labels("NLLLoss", t[1])
				return nll("NLLLoss", t[0], t[1], o)
			})
		}),
	}.class()
	CrossEntropyLoss = lossDef[ClassOptions]{
		name: "CrossEntropyLoss",
		doc: `CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)

Cross entropy of softmax(logits) over the class axis (axis 1; logits
(C,), (N, C) or (N, C, d1, ...)), with exact log-softmax for logits of
any size. Labels with one axis fewer are int32 class indices:
l_n = -weight[y_n]*logp[n, y_n], ignore_index as in NLLLoss, and 'mean'
divides by the summed weights. Labels of the logits' shape are float
class probabilities: l_n = -sum over c of weight[c]*t[n, c]*logp[n, c],
and 'mean' divides by the number of samples. label_smoothing is a float
in [0, 1] mixing the target with the uniform distribution.`,
		params: classParams, config: parseClassOptions,
		inputs: twoInputs,
		compute: tensorCompute(func(o ClassOptions, t []*engine.Tensor) (*engine.Tensor, error) {
			return runLoss(func() *engine.Tensor {
				logits, labels := t[0], t[1]
				switch labels.Rank() {
				case logits.Rank():
					if !labels.DType().IsFloat() {
						lossFail("TypeError", "CrossEntropyLoss", "probability labels must be float, but got %s; class indices need one axis fewer than the logits", labels.DType())
					}
				case logits.Rank() - 1:
					int32Labels("CrossEntropyLoss", labels)
				default:
					lossFail("ValueError", "CrossEntropyLoss", "labels must have the logits' rank %d (probabilities) or one less (class indices), but got shapes %s and %s", logits.Rank(), lossShape(logits), lossShape(labels))
				}
				return lossMust(CrossEntropy(logits, labels, o))
			})
		}),
	}.class()
}

// classFunctions returns ops.nll_loss and ops.cross_entropy, which take
// int32 or int64 class indices.
func classFunctions() []*starlark.Builtin {
	return []*starlark.Builtin{
		funcDef[ClassOptions]{
			name: "nll_loss", inputs: []lossParam{requiredParam("inputs"), requiredParam("target")},
			params: classParams, config: parseClassOptions,
			compute: tensorCompute(func(o ClassOptions, t []*engine.Tensor) (*engine.Tensor, error) {
				return NLL(t[0], t[1], o)
			}),
		}.builtin(),
		funcDef[ClassOptions]{
			name: "cross_entropy", inputs: functionInputs,
			params: classParams, config: parseClassOptions,
			compute: tensorCompute(func(o ClassOptions, t []*engine.Tensor) (*engine.Tensor, error) {
				return CrossEntropy(t[0], t[1], o)
			}),
		}.builtin(),
	}
}
