package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// L1 returns |logits - labels| with broadcasting, reduced by reduction
// ("mean", "sum" or "none") as LossBase.get_loss does. It is
// nn.L1Loss, nn.MAELoss and ops.l1_loss.
func L1(logits, labels *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		x, y := promotePair("L1Loss", logits, labels)
		if r, ok := fusedReduction(x, y, reduction); ok {
			return lossMust(engine.L1Loss(x, y, r))
		}
		return eng.Reduce(eng.Abs(eng.Sub(x, y)), reduction)
	})
}

// MSE returns (logits - labels)**2 with broadcasting, reduced by
// reduction. It is nn.MSELoss and ops.mse_loss.
func MSE(logits, labels *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		x, y := promotePair("MSELoss", logits, labels)
		if r, ok := fusedReduction(x, y, reduction); ok {
			return lossMust(engine.MSELoss(x, y, r))
		}
		return eng.Reduce(eng.Square(eng.Sub(x, y)), reduction)
	})
}

// RMSE returns sqrt(MSE(logits, labels, "mean")), a 0-d tensor. It is
// nn.RMSELoss. Integer input gives the float32 root of the truncated
// integer mean.
func RMSE(logits, labels *engine.Tensor) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		x, y := promotePair("RMSELoss", logits, labels)
		m := eng.Reduce(eng.Square(eng.Sub(x, y)), "mean")
		if !m.DType().IsFloat() {
			m = eng.Cast(m, engine.Float32)
		}
		return eng.Sqrt(m)
	})
}

// SmoothL1 returns, for d = |logits - labels|, 0.5*d**2/beta where
// d < beta and d - 0.5*beta elsewhere, reduced by reduction. The shapes
// and float dtypes must be equal (no broadcasting) and beta > 0. It is
// nn.SmoothL1Loss and ops.smooth_l1_loss. Both branches meet with slope 1
// at d = beta, so the gradient is continuous there.
func SmoothL1(logits, labels *engine.Tensor, beta float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "SmoothL1Loss"
		sameFloatPair(op, logits, labels)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		if !(beta > 0) {
			lossFail("ValueError", op, "beta must be greater than 0, but got %v", beta)
		}
		if r, ok := fusedReduction(logits, labels, reduction); ok {
			return lossMust(engine.SmoothL1Loss(logits, labels, beta, r))
		}
		d := eng.Abs(eng.Sub(logits, labels))
		b := eng.Scalar(d, beta)
		quad := eng.Div(eng.Mul(eng.Scalar(d, 0.5), eng.Square(d)), b)
		lin := eng.Sub(d, eng.Scalar(d, 0.5*beta))
		return eng.Reduce(eng.Where(eng.Less(d, b), quad, lin), reduction)
	})
}

// Huber returns, for z = |logits - labels| with broadcasting, 0.5*z**2
// where z < delta and delta*(z - 0.5*delta) elsewhere, reduced by
// reduction. It is nn.HuberLoss and ops.huber_loss.
func Huber(logits, labels *engine.Tensor, delta float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "HuberLoss"
		sameFloatPair(op, logits, labels)
		lossCheck.Broadcast(op, "logits", logits, "labels", labels)
		if !(delta > 0) {
			lossFail("ValueError", op, "delta must be greater than 0, but got %v", delta)
		}
		z := eng.Abs(eng.Sub(logits, labels))
		dt := eng.Scalar(z, delta)
		quad := eng.Mul(eng.Scalar(z, 0.5), eng.Square(z))
		lin := eng.Mul(dt, eng.Sub(z, eng.Scalar(z, 0.5*delta)))
		return eng.Reduce(eng.Where(eng.Less(z, dt), quad, lin), reduction)
	})
}

// promotePair casts two inputs to their MindSpore result dtype and checks
// that their shapes broadcast.
func promotePair(op string, a, b *engine.Tensor) (*engine.Tensor, *engine.Tensor) {
	lossCheck.Broadcast(op, "logits", a, "labels", b)
	d := engine.PromoteMindSpore(a.DType(), b.DType())
	if d == engine.Bool {
		lossFail("TypeError", op, "logits and labels are bool; cast them to float32")
	}
	return eng.Cast(a, d), eng.Cast(b, d)
}

// sameFloatPair raises TypeError unless both tensors hold floats of one
// dtype.
func sameFloatPair(op string, a, b *engine.Tensor) {
	lossCheck.Float(op, "logits", a)
	lossCheck.Float(op, "labels", b)
	if a.DType() != b.DType() {
		lossFail("TypeError", op, "logits dtype %s and labels dtype %s must be the same", a.DType(), b.DType())
	}
}

// The Cells and functions of this file.
var (
	L1Loss       *pyobj.Class
	MAELoss      *pyobj.Class
	MSELoss      *pyobj.Class
	RMSELoss     *pyobj.Class
	SmoothL1Loss *pyobj.Class
	HuberLoss    *pyobj.Class
)

var (
	twoInputs      = []lossParam{requiredParam("logits"), requiredParam("labels")}
	functionInputs = []lossParam{requiredParam("input"), requiredParam("target")}
)

// reductionParam is the parameter list of a loss whose only argument is
// the reduction.
func reductionParam(def string) []lossParam {
	return []lossParam{optionalParam("reduction", starlark.String(def))}
}

// reductionConfig is the config of a loss whose only parameter is the
// reduction.
type reductionConfig struct{ reduction string }

func parseReduction(call string, v []starlark.Value) (reductionConfig, error) {
	r, err := lossArgs.Reduction(call, v[0])
	return reductionConfig{r}, err
}

// thresholdConfig holds SmoothL1Loss's beta or HuberLoss's delta.
type thresholdConfig struct {
	threshold float64
	reduction string
}

func elementwiseCompute(f func(x, y *engine.Tensor, reduction string) (*engine.Tensor, error)) lossCompute[reductionConfig] {
	return tensorCompute(func(cfg reductionConfig, t []*engine.Tensor) (*engine.Tensor, error) {
		return f(t[0], t[1], cfg.reduction)
	})
}

func thresholdCompute(f func(x, y *engine.Tensor, threshold float64, reduction string) (*engine.Tensor, error)) lossCompute[thresholdConfig] {
	return tensorCompute(func(cfg thresholdConfig, t []*engine.Tensor) (*engine.Tensor, error) {
		return f(t[0], t[1], cfg.threshold, cfg.reduction)
	})
}

// parseSmoothL1 validates (beta, reduction): beta is a float > 0.
func parseSmoothL1(call string, v []starlark.Value) (thresholdConfig, error) {
	beta, err := lossArgs.Positive(call, "beta", v[0])
	if err != nil {
		return thresholdConfig{}, err
	}
	r, err := lossArgs.Reduction(call, v[1])
	return thresholdConfig{beta, r}, err
}

// parseHuber validates (reduction, delta): delta is an int or a float
// > 0.
func parseHuber(call string, v []starlark.Value) (thresholdConfig, error) {
	r, err := lossArgs.Reduction(call, v[0])
	if err != nil {
		return thresholdConfig{}, err
	}
	delta, err := lossArgs.Number(call, "delta", v[1])
	if err != nil {
		return thresholdConfig{}, err
	}
	if !(delta > 0) {
		return thresholdConfig{}, core.Errorf("ValueError", "%s: delta must be greater than 0, but got %s", call, core.FormatFloat(delta))
	}
	return thresholdConfig{delta, r}, nil
}

func init() {
	L1Loss = lossDef[reductionConfig]{
		name: "L1Loss",
		doc: `L1Loss(reduction='mean')

l = |logits - labels|, with broadcasting; then 'mean' (the default)
averages and 'sum' adds over all elements, and 'none' returns l in the
broadcast shape. Integer inputs give a truncated integer loss, as
LossBase.get_loss computes it.`,
		params: reductionParam("mean"), config: parseReduction,
		inputs: twoInputs, compute: elementwiseCompute(L1),
	}.class()
	MAELoss = lossDef[reductionConfig]{
		name: "MAELoss",
		doc: `MAELoss(reduction='mean')

The mean absolute error, l = |logits - labels| with broadcasting, reduced
like L1Loss: 'mean' (the default), 'sum' or 'none'.`,
		params: reductionParam("mean"), config: parseReduction,
		inputs: twoInputs, compute: elementwiseCompute(L1),
	}.class()
	MSELoss = lossDef[reductionConfig]{
		name: "MSELoss",
		doc: `MSELoss(reduction='mean')

l = (logits - labels)**2 with broadcasting, then reduced: 'mean' (the
default), 'sum' or 'none'.`,
		params: reductionParam("mean"), config: parseReduction,
		inputs: twoInputs, compute: elementwiseCompute(MSE),
	}.class()
	RMSELoss = lossDef[reductionConfig]{
		name: "RMSELoss",
		doc: `RMSELoss()

loss = sqrt(mean((logits - labels)**2)) with broadcasting, a scalar. It
takes no arguments.`,
		config: func(string, []starlark.Value) (reductionConfig, error) { return reductionConfig{"mean"}, nil },
		inputs: twoInputs,
		compute: tensorCompute(func(_ reductionConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return RMSE(t[0], t[1])
		}),
	}.class()
	SmoothL1Loss = lossDef[thresholdConfig]{
		name: "SmoothL1Loss",
		doc: `SmoothL1Loss(beta=1.0, reduction='none')

d = |logits - labels|; l = 0.5*d**2/beta where d < beta, else
d - 0.5*beta. logits and labels must have the same shape and float dtype
(no broadcasting). beta must be a float > 0 (TypeError for an int,
ValueError for 0). The default reduction 'none' returns l; MindSpore r1.6
has no reduction argument and always returns l, later versions accept
reduction='mean' or 'sum'.`,
		params: []lossParam{optionalParam("beta", starlark.Float(1)), optionalParam("reduction", starlark.String("none"))},
		config: parseSmoothL1, inputs: twoInputs, compute: thresholdCompute(SmoothL1),
	}.class()
	HuberLoss = lossDef[thresholdConfig]{
		name: "HuberLoss",
		doc: `HuberLoss(reduction='mean', delta=1.0)

z = |logits - labels| with broadcasting; l = 0.5*z**2 where z < delta,
else delta*(z - 0.5*delta); then reduced: 'mean' (the default), 'sum' or
'none'. delta is an int or a float > 0.`,
		params: []lossParam{optionalParam("reduction", starlark.String("mean")), optionalParam("delta", starlark.Float(1))},
		config: parseHuber, inputs: twoInputs, compute: thresholdCompute(Huber),
	}.class()
}

// regressionFunctions returns ops.l1_loss, ops.mse_loss,
// ops.smooth_l1_loss and ops.huber_loss.
func regressionFunctions() []*starlark.Builtin {
	return []*starlark.Builtin{
		funcDef[reductionConfig]{
			name: "l1_loss", inputs: functionInputs, params: reductionParam("mean"),
			config: parseReduction, compute: elementwiseCompute(L1),
		}.builtin(),
		funcDef[reductionConfig]{
			name: "mse_loss", inputs: functionInputs, params: reductionParam("mean"),
			config: parseReduction, compute: elementwiseCompute(MSE),
		}.builtin(),
		funcDef[thresholdConfig]{
			name: "smooth_l1_loss", inputs: functionInputs,
			params: []lossParam{optionalParam("beta", starlark.Float(1)), optionalParam("reduction", starlark.String("none"))},
			config: parseSmoothL1, compute: thresholdCompute(SmoothL1),
		}.builtin(),
		funcDef[thresholdConfig]{
			name: "huber_loss", inputs: functionInputs,
			params: []lossParam{optionalParam("reduction", starlark.String("mean")), optionalParam("delta", starlark.Float(1))},
			config: parseHuber, compute: thresholdCompute(Huber),
		}.builtin(),
	}
}
