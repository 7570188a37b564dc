package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// KLDiv returns the pointwise Kullback-Leibler divergence y*(log(y) - x)
// of log probabilities x (logits) from probabilities y (labels), reduced
// by reduction: 'mean' over all elements, 'sum', 'batchmean' (the sum
// divided by x.shape[0], where a 0-d input raises RuntimeError) or 'none'.
// Labels y <= 0 contribute 0, as MindSpore's CPU kernel gives them (it
// replaces every NaN by 0). A NaN label or a NaN logit at y > 0 stays NaN
// here instead of being hidden. It is nn.KLDivLoss and ops.kl_div.
func KLDiv(logits, labels *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "KLDivLoss"
		sameFloatPair(op, logits, labels)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		if reduction == "batchmean" && logits.Rank() == 0 {
			lossFail("RuntimeError", op, "reduction 'batchmean' divides by shape[0], but the inputs are 0-d; use 'sum' or 'mean'")
		}
		x, y := logits, labels
		zero := eng.Scalar(y, 0)
		positive := eng.Greater(y, zero)
		safe := eng.Where(positive, y, eng.Scalar(y, 1))
		term := eng.Mul(y, eng.Sub(eng.Log(safe), x))
		other := eng.Where(eng.Equal(y, y), zero, eng.Scalar(y, math.NaN()))
		l := eng.Where(positive, term, other)
		if reduction == "batchmean" {
			return eng.Div(eng.Sum(l), eng.Scalar(l, float64(x.Shape()[0])))
		}
		return eng.Reduce(l, reduction)
	})
}

// PoissonOptions are PoissonNLL's options.
type PoissonOptions struct {
	LogInput  bool    // input holds log rates
	Full      bool    // add the Stirling term of log(target!)
	Eps       float64 // added to the rate inside the logarithm
	Reduction string
}

// PoissonNLL returns the Poisson negative log likelihood exp(x) - y*x for
// log rates (o.LogInput) or x - y*log(x + eps) for rates, plus, when
// o.Full, the Stirling term (y+0.5)*log(y) - y + 0.5*log(2*pi) where
// max(y, eps) > 1, reduced by o.Reduction. The inputs may not be 0-d.
// It is nn.PoissonNLLLoss.
func PoissonNLL(input, target *engine.Tensor, o PoissonOptions) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "PoissonNLLLoss"
		lossCheck.Float(op, "input", input)
		if input.Rank() == 0 || target.Rank() == 0 {
			lossFail("ValueError", op, "the inputs must not be 0-d, but got shapes %s and %s", lossShape(input), lossShape(target))
		}
		lossCheck.Broadcast(op, "input", input, "target", target)
		x, y := input, eng.As(target, input)
		var l *engine.Tensor
		if o.LogInput {
			l = eng.Sub(eng.Exp(x), eng.Mul(y, x))
		} else {
			l = eng.Sub(x, eng.Mul(y, eng.Log(eng.Add(x, eng.Scalar(x, o.Eps)))))
		}
		if o.Full {
			yc := eng.Maximum(y, eng.Scalar(y, o.Eps))
			half := eng.Scalar(yc, 0.5)
			stirling := eng.Add(eng.Sub(eng.Mul(eng.Add(yc, half), eng.Log(yc)), yc), eng.Scalar(yc, 0.5*math.Log(2*math.Pi)))
			l = eng.Add(l, eng.Where(eng.Greater(yc, eng.Scalar(yc, 1)), stirling, eng.Scalar(yc, 0)))
		}
		return eng.Reduce(l, o.Reduction)
	})
}

// GaussianNLL returns 0.5*(log(max(var, eps)) + (x - target)**2 /
// max(var, eps)), plus 0.5*log(2*pi) when full, reduced by reduction.
// target broadcasts with x. The variance has x's shape, a shape with size-1 axes,
// or one axis fewer (a trailing axis is added). A negative var is clamped
// to eps, not rejected. It is nn.GaussianNLLLoss and
// ops.gaussian_nll_loss.
func GaussianNLL(x, target, variance *engine.Tensor, full bool, eps float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "GaussianNLLLoss"
		lossCheck.Float(op, "logits", x)
		lossCheck.Broadcast(op, "logits", x, "labels", target)
		v := eng.As(variance, x)
		if v.Rank() == x.Rank()-1 {
			v = eng.Reshape(v, append(append([]int(nil), v.Shape()...), 1)...)
		}
		lossCheck.Broadcast(op, "logits", x, "var", v)
		v = eng.Maximum(v, eng.Scalar(v, eps))
		sq := eng.Square(eng.Sub(x, eng.As(target, x)))
		l := eng.Mul(eng.Scalar(x, 0.5), eng.Add(eng.Log(v), eng.Div(sq, v)))
		if full {
			l = eng.Add(l, eng.Scalar(l, 0.5*math.Log(2*math.Pi)))
		}
		return eng.Reduce(l, reduction)
	})
}

// The Cells of this file.
var (
	KLDivLoss       *pyobj.Class
	PoissonNLLLoss  *pyobj.Class
	GaussianNLLLoss *pyobj.Class
)

// klDivReductions returns the reductions MindSpore's KLDivLoss primitive
// accepts on device: all four on the CPU, no 'batchmean' on the GPU.
func klDivReductions(device string) []string {
	if device == "GPU" {
		return []string{"none", "mean", "sum"}
	}
	return []string{"none", "mean", "batchmean", "sum"}
}

// gaussianConfig is GaussianNLLLoss's config.
type gaussianConfig struct {
	full      bool
	eps       float64
	reduction string
}

func parseGaussian(call string, full, eps, reduction starlark.Value) (gaussianConfig, error) {
	var cfg gaussianConfig
	var err error
	if cfg.eps, err = lossArgs.Positive(call, "eps", eps); err != nil {
		return cfg, err
	}
	if cfg.full, err = lossArgs.Bool(call, "full", full); err != nil {
		return cfg, err
	}
	cfg.reduction, err = lossArgs.Reduction(call, reduction)
	return cfg, err
}

func parsePoisson(call string, v []starlark.Value) (PoissonOptions, error) {
	var o PoissonOptions
	var err error
	if o.LogInput, err = lossArgs.Bool(call, "log_input", v[0]); err != nil {
		return o, err
	}
	if o.Full, err = lossArgs.Bool(call, "full", v[1]); err != nil {
		return o, err
	}
	if o.Eps, err = lossArgs.Number(call, "eps", v[2]); err != nil {
		return o, err
	}
	o.Reduction, err = lossArgs.Reduction(call, v[3])
	return o, err
}

// klDivCell builds KLDivLoss, whose allowed reductions depend on the
// device of the runtime that constructs it.
func klDivCell() *pyobj.Class {
	const call = "nn.KLDivLoss"
	return newCellClass(cellClass{
		name: "KLDivLoss",
		base: lossBase(),
		doc: `KLDivLoss(reduction='mean')

l = labels*(log(labels) - logits) for log probabilities logits and
probabilities labels of one shape and float dtype. Labels <= 0 contribute
0, as in MindSpore's CPU kernel. reduction is 'mean' (the default, over
all elements), 'sum', 'batchmean' (the sum divided by logits.shape[0],
the true KL divergence per sample; RuntimeError for 0-d inputs) or
'none'. With device_target 'GPU', 'batchmean' raises ValueError, as
MindSpore's GPU kernel does not support it.`,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			v, err := unpackLoss("KLDivLoss", args, kwargs, reductionParam("mean"))
			if err != nil {
				return nil, err
			}
			r, err := lossArgs.Reduction(call, v[0], klDivReductions(core.EnvOf(thread).Device)...)
			if err != nil {
				return nil, err
			}
			return starlark.None, setLossConfig(self, reductionConfig{r}, starlark.StringDict{"reduction": v[0]})
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			cfg, err := lossConfig[reductionConfig](call, self)
			if err != nil {
				return nil, err
			}
			in, err := unpackLoss("KLDivLoss", args, kwargs, twoInputs)
			if err != nil {
				return nil, err
			}
			return elementwiseCompute(KLDiv)(thread, call, twoInputs, cfg, in)
		},
	})
}

func init() {
	KLDivLoss = klDivCell()
	PoissonNLLLoss = lossDef[PoissonOptions]{
		name: "PoissonNLLLoss",
		doc: `PoissonNLLLoss(log_input=True, full=False, eps=1e-08, reduction='mean')

Poisson negative log likelihood: l = exp(input) - target*input when
log_input, else input - target*log(input + eps). full=True adds the
Stirling term (t + 0.5)*log(t) - t + 0.5*log(2*pi) where t = max(target,
eps) > 1. The inputs may not be 0-d. Then 'mean' (the default), 'sum' or
'none'.`,
		params: []lossParam{
			optionalParam("log_input", starlark.True), optionalParam("full", starlark.False),
			optionalParam("eps", starlark.Float(1e-8)), optionalParam("reduction", starlark.String("mean")),
		},
		config: parsePoisson,
		inputs: []lossParam{requiredParam("input"), requiredParam("target")},
		compute: tensorCompute(func(o PoissonOptions, t []*engine.Tensor) (*engine.Tensor, error) {
			return PoissonNLL(t[0], t[1], o)
		}),
	}.class()
	GaussianNLLLoss = lossDef[gaussianConfig]{
		name: "GaussianNLLLoss",
		doc: `GaussianNLLLoss(*, full=False, eps=1e-06, reduction='mean')

Call: loss(logits, labels, var). l = 0.5*(log(max(var, eps)) +
(logits - labels)**2 / max(var, eps)), plus 0.5*log(2*pi) when full.
labels broadcast with logits; var has the logits' shape, size-1 axes, or
one axis fewer. A var below eps is clamped to eps (negative var is not
rejected). The arguments are keyword-only; eps must be a float > 0. Then
'mean' (the default), 'sum' or 'none'.`,
		params: []lossParam{
			requiredParam("*"), optionalParam("full", starlark.False), optionalParam("eps", starlark.Float(1e-6)),
			optionalParam("reduction", starlark.String("mean")),
		},
		config: func(call string, v []starlark.Value) (gaussianConfig, error) {
			return parseGaussian(call, v[0], v[1], v[2])
		},
		inputs: []lossParam{requiredParam("logits"), requiredParam("labels"), requiredParam("var")},
		compute: tensorCompute(func(cfg gaussianConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return GaussianNLL(t[0], t[1], t[2], cfg.full, cfg.eps, cfg.reduction)
		}),
	}.class()
}

// probFunctions returns ops.kl_div and ops.gaussian_nll_loss.
func probFunctions() []*starlark.Builtin {
	return []*starlark.Builtin{
		funcDef[reductionConfig]{
			name: "kl_div", inputs: twoInputs, params: reductionParam("mean"),
			config: func(call string, v []starlark.Value) (reductionConfig, error) {
				r, err := lossArgs.Reduction(call, v[0], klDivReductions("CPU")...)
				return reductionConfig{r}, err
			},
			compute: elementwiseCompute(KLDiv),
		}.builtin(),
		funcDef[gaussianConfig]{
			name: "gaussian_nll_loss", inputs: []lossParam{requiredParam("x"), requiredParam("target"), requiredParam("var")},
			params: []lossParam{optionalParam("full", starlark.False), optionalParam("eps", starlark.Float(1e-6)), optionalParam("reduction", starlark.String("mean"))},
			config: func(call string, v []starlark.Value) (gaussianConfig, error) {
				return parseGaussian(call, v[0], v[1], v[2])
			},
			compute: tensorCompute(func(cfg gaussianConfig, t []*engine.Tensor) (*engine.Tensor, error) {
				return GaussianNLL(t[0], t[1], t[2], cfg.full, cfg.eps, cfg.reduction)
			}),
		}.builtin(),
	}
}
