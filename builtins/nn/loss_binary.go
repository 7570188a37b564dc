package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// bceEpsilon is the constant MindSpore's BinaryCrossEntropy CPU kernel
// adds inside both logarithms.
const bceEpsilon = 1e-12

// BinaryCrossEntropy returns -w*[y*log(x + 1e-12) + (1 - y)*log(1 - x +
// 1e-12)] for probabilities x (logits) and targets y (labels), reduced by
// reduction. logits, labels and weight (nil means 1) must have the same
// shape and float dtype. The 1e-12 is added as MindSpore's CPU kernel adds
// it, not clamped: x = 0 with y = 1 gives 27.631021 in float32 (PyTorch
// clamps the log at -100 and gives 100). It is nn.BCELoss and
// ops.binary_cross_entropy.
func BinaryCrossEntropy(logits, labels, weight *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "BCELoss"
		sameFloatPair(op, logits, labels)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		x, y := logits, labels
		if r, ok := fusedReduction(x, y, reduction); ok && weight == nil && x.DType() == engine.Float32 && !y.RequiresGrad() {
			return lossMust(engine.BinaryCrossEntropy(x, y, r))
		}
		eps := eng.Scalar(x, bceEpsilon)
		one := eng.Scalar(x, 1)
		pos := eng.Mul(y, eng.Log(eng.Add(x, eps)))
		neg := eng.Mul(eng.Sub(one, y), eng.Log(eng.Add(eng.Sub(one, x), eps)))
		l := eng.Neg(eng.Add(pos, neg))
		if weight != nil {
			lossCheck.Float(op, "weight", weight)
			lossCheck.SameShape(op, "logits", logits, "weight", weight)
			l = eng.Mul(eng.As(weight, l), l)
		}
		return eng.Reduce(l, reduction)
	})
}

// BinaryCrossEntropyWithLogits returns w*[(1 - y)*softplus(x) +
// pw*y*softplus(-x)] for logits x and targets y, reduced by reduction.
// This equals MindSpore's stable form (1 - y)*x + (1 + (pw - 1)*y)*
// (log(exp(-m) + exp(-x - m)) + m) with m = max(-x, 0), and also gives the
// limits at x = ±inf (0 for a correct saturated logit, inf for a wrong
// one). weight and posWeight (nil means 1) broadcast to the logits' shape;
// labels may lie outside [0, 1]. It is nn.BCEWithLogitsLoss and
// ops.binary_cross_entropy_with_logits.
func BinaryCrossEntropyWithLogits(logits, labels, weight, posWeight *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "BCEWithLogitsLoss"
		sameFloatPair(op, logits, labels)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		x, y := logits, labels
		posTerm := y
		if posWeight != nil {
			expectBroadcastTo(op, "pos_weight", posWeight, x)
			posTerm = eng.Mul(eng.As(posWeight, x), y)
		}
		neg := eng.Weighted(eng.Sub(eng.Scalar(y, 1), y), eng.Softplus(x))
		l := eng.Add(neg, eng.Weighted(posTerm, eng.Softplus(eng.Neg(x))))
		if weight != nil {
			expectBroadcastTo(op, "weight", weight, x)
			l = eng.Mul(eng.As(weight, x), l)
		}
		return eng.Reduce(l, reduction)
	})
}

// SoftMargin returns log(1 + exp(-y*x)) for logits x and labels y (both
// float, same shape), computed as softplus(-y*x) so it neither overflows
// nor underflows, reduced by reduction. It is nn.SoftMarginLoss and
// ops.soft_margin_loss.
func SoftMargin(logits, labels *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "SoftMarginLoss"
		sameFloatPair(op, logits, labels)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		return eng.Reduce(eng.Softplus(eng.Neg(eng.Mul(labels, logits))), reduction)
	})
}

// MultilabelSoftMargin returns, for x and target of shape (N, C), the
// per-sample mean over C of weight[c]*[t*softplus(-x) + (1 - t)*
// softplus(x)], reduced over N by reduction. weight (nil means 1)
// broadcasts over the classes. MindSpore computes log(exp(-x) + 1), which
// overflows for |x| above about 89 in float32 and turns a row into NaN
// (x = 100 with t = 1), while this form stays finite and exact. It is
// nn.MultiLabelSoftMarginLoss and ops.multilabel_soft_margin_loss.
func MultilabelSoftMargin(x, target, weight *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "MultiLabelSoftMarginLoss"
		if x.Rank() != 2 || target.Rank() != 2 {
			lossFail("ValueError", op, "x and target must be 2-D (N, C), but got shapes %s and %s", lossShape(x), lossShape(target))
		}
		lossCheck.Float(op, "x", x)
		lossCheck.SameShape(op, "x", x, "target", target)
		t := eng.As(target, x)
		pos := eng.Weighted(t, eng.Softplus(eng.Neg(x)))
		neg := eng.Weighted(eng.Sub(eng.Scalar(t, 1), t), eng.Softplus(x))
		l := eng.Add(pos, neg)
		if weight != nil {
			lossCheck.Broadcast(op, "x", x, "weight", weight)
			l = eng.Mul(l, eng.As(weight, l))
		}
		c := x.Shape()[1]
		perSample := eng.Div(eng.Sum(l, 1), eng.Scalar(l, float64(c)))
		return eng.Reduce(perSample, reduction)
	})
}

// expectBroadcastTo raises ValueError unless w broadcasts to x's shape.
func expectBroadcastTo(op, name string, w, x *engine.Tensor) {
	s, ok := engine.BroadcastShapes(w.Shape(), x.Shape())
	if !ok || engine.FormatShape(s) != lossShape(x) {
		lossFail("ValueError", op, "%s shape %s does not broadcast to the logits' shape %s", name, lossShape(w), lossShape(x))
	}
}

// The Cells of this file.
var (
	BCELoss                  *pyobj.Class
	BCEWithLogitsLoss        *pyobj.Class
	SoftMarginLoss           *pyobj.Class
	MultiLabelSoftMarginLoss *pyobj.Class
)

// weightedConfig is the config of a loss with an optional weight.
type weightedConfig struct {
	weight    *engine.Tensor
	reduction string
}

// parseWeighted validates (weight, reduction).
func parseWeighted(call string, v []starlark.Value) (weightedConfig, error) {
	w, err := lossArgs.FloatWeight(call, "weight", v[0])
	if err != nil {
		return weightedConfig{}, err
	}
	r, err := lossArgs.Reduction(call, v[1])
	return weightedConfig{w, r}, err
}

// parseMultilabelWeight validates (weight, reduction) where weight may
// also be a Python number.
func parseMultilabelWeight(call string, v []starlark.Value) (weightedConfig, error) {
	if isNumber, _ := tensor.ScalarKind(v[0]); isNumber && v[0] != starlark.True && v[0] != starlark.False {
		f, _ := starlark.AsFloat(v[0])
		w := engine.Scalar(engine.Float32, f)
		r, err := lossArgs.Reduction(call, v[1])
		return weightedConfig{w, r}, err
	}
	return parseWeighted(call, v)
}

// bceLogitsConfig is BCEWithLogitsLoss's config.
type bceLogitsConfig struct {
	weight, posWeight *engine.Tensor
	reduction         string
}

// parseBCEWithLogits validates (reduction, weight, pos_weight), where
// the weights may not be Parameters.
func parseBCEWithLogits(call string, reduction, weight, posWeight starlark.Value) (bceLogitsConfig, error) {
	r, err := lossArgs.Reduction(call, reduction)
	if err != nil {
		return bceLogitsConfig{}, err
	}
	for _, p := range []struct {
		name string
		v    starlark.Value
	}{{"weight", weight}, {"pos_weight", posWeight}} {
		if _, ok := p.v.(*tensor.Parameter); ok {
			return bceLogitsConfig{}, core.Errorf("TypeError", "%s: %s must be a Tensor, not a Parameter; pass Tensor(p.asnumpy()) or a plain Tensor", call, p.name)
		}
	}
	w, err := lossArgs.FloatWeight(call, "weight", weight)
	if err != nil {
		return bceLogitsConfig{}, err
	}
	pw, err := lossArgs.FloatWeight(call, "pos_weight", posWeight)
	return bceLogitsConfig{w, pw, r}, err
}

func bceCompute(cfg weightedConfig, t []*engine.Tensor) (*engine.Tensor, error) {
	return BinaryCrossEntropy(t[0], t[1], cfg.weight, cfg.reduction)
}

func bceLogitsCompute(cfg bceLogitsConfig, t []*engine.Tensor) (*engine.Tensor, error) {
	return BinaryCrossEntropyWithLogits(t[0], t[1], cfg.weight, cfg.posWeight, cfg.reduction)
}

func multilabelSoftCompute(cfg weightedConfig, t []*engine.Tensor) (*engine.Tensor, error) {
	return MultilabelSoftMargin(t[0], t[1], cfg.weight, cfg.reduction)
}

func init() {
	BCELoss = lossDef[weightedConfig]{
		name: "BCELoss",
		doc: `BCELoss(weight=None, reduction='none')

Binary cross entropy of probabilities: l = -w*[y*log(x + 1e-12) +
(1 - y)*log(1 - x + 1e-12)] with x = logits and y = labels, then reduced:
'none' (the default in MindSpore r0.x to r2.0.0-alpha; r2.0 and later
default to 'mean'), 'mean' or 'sum'. logits, labels and weight (a Tensor,
None meaning 1) must have the same shape and float dtype; nothing
broadcasts. The 1e-12 is added inside the logarithms as MindSpore's CPU
kernel adds it, so x = 0 with y = 1 gives 27.631021 in float32.`,
		params: []lossParam{optionalParam("weight", starlark.None), optionalParam("reduction", starlark.String("none"))},
		config: parseWeighted, inputs: twoInputs, compute: tensorCompute(bceCompute),
	}.class()
	BCEWithLogitsLoss = lossDef[bceLogitsConfig]{
		name: "BCEWithLogitsLoss",
		doc: `BCEWithLogitsLoss(reduction='mean', weight=None, pos_weight=None)

Binary cross entropy of sigmoid(logits): l = w*[(1 - y)*softplus(x) +
pw*y*softplus(-x)], which is MindSpore's stable form and stays exact for
logits of any size, ±inf included (x = 100, y = 0 gives 100; x = 100,
y = 1 gives 0). weight and pos_weight are Tensors that broadcast to the
logits' shape, not Parameters (TypeError). labels have the logits' shape
and may lie outside [0, 1]. reduction is 'mean' (the default), 'sum' or
'none'.`,
		params: []lossParam{optionalParam("reduction", starlark.String("mean")), optionalParam("weight", starlark.None), optionalParam("pos_weight", starlark.None)},
		config: func(call string, v []starlark.Value) (bceLogitsConfig, error) {
			return parseBCEWithLogits(call, v[0], v[1], v[2])
		},
		inputs: twoInputs, compute: tensorCompute(bceLogitsCompute),
	}.class()
	SoftMarginLoss = lossDef[reductionConfig]{
		name: "SoftMarginLoss",
		doc: `SoftMarginLoss(reduction='mean')

l = log(1 + exp(-y*x)) for logits x and labels y (usually ±1) of the same
shape and float dtype, computed without overflow; then reduced: 'mean'
(the default), 'sum' or 'none'.`,
		params: reductionParam("mean"), config: parseReduction,
		inputs: twoInputs, compute: elementwiseCompute(SoftMargin),
	}.class()
	MultiLabelSoftMarginLoss = lossDef[weightedConfig]{
		name: "MultiLabelSoftMarginLoss",
		doc: `MultiLabelSoftMarginLoss(weight=None, reduction='mean')

For x and target of shape (N, C): l_n = mean over c of
weight[c]*[t*log(1 + exp(-x)) + (1 - t)*log(1 + exp(x))], then 'mean'
(the default) or 'sum' over N, or 'none' for shape (N,). weight is a
Tensor of shape (C,), a number or None. The softplus terms never
overflow: MindSpore's log(exp(-x) + 1) returns NaN for |x| above about
89 in float32, this returns the exact loss.`,
		params: []lossParam{optionalParam("weight", starlark.None), optionalParam("reduction", starlark.String("mean"))},
		config: parseMultilabelWeight,
		inputs: []lossParam{requiredParam("x"), requiredParam("target")}, compute: tensorCompute(multilabelSoftCompute),
	}.class()
}

// binaryFunctions returns ops.binary_cross_entropy,
// ops.binary_cross_entropy_with_logits, ops.soft_margin_loss and
// ops.multilabel_soft_margin_loss.
func binaryFunctions() []*starlark.Builtin {
	return []*starlark.Builtin{
		funcDef[weightedConfig]{
			name: "binary_cross_entropy", inputs: twoInputs,
			params: []lossParam{optionalParam("weight", starlark.None), optionalParam("reduction", starlark.String("mean"))},
			config: parseWeighted, compute: tensorCompute(bceCompute),
		}.builtin(),
		funcDef[bceLogitsConfig]{
			name: "binary_cross_entropy_with_logits", inputs: []lossParam{requiredParam("logits"), requiredParam("label")},
			params: []lossParam{optionalParam("weight", starlark.None), optionalParam("pos_weight", starlark.None), optionalParam("reduction", starlark.String("mean"))},
			config: func(call string, v []starlark.Value) (bceLogitsConfig, error) {
				return parseBCEWithLogits(call, v[2], v[0], v[1])
			},
			compute: tensorCompute(bceLogitsCompute),
		}.builtin(),
		funcDef[reductionConfig]{
			name: "soft_margin_loss", inputs: functionInputs, params: reductionParam("mean"),
			config: parseReduction, compute: elementwiseCompute(SoftMargin),
		}.builtin(),
		funcDef[weightedConfig]{
			name: "multilabel_soft_margin_loss", inputs: functionInputs,
			params: []lossParam{optionalParam("weight", starlark.None), optionalParam("reduction", starlark.String("mean"))},
			config: parseMultilabelWeight, compute: tensorCompute(multilabelSoftCompute),
		}.builtin(),
	}
}
