package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Losses are native subclasses of LossBase; script classes can subclass
// them in turn.
var (
	L1Loss                        *pyobj.Class
	MSELoss                       *pyobj.Class
	SmoothL1Loss                  *pyobj.Class
	SoftmaxCrossEntropyWithLogits *pyobj.Class
)

func init() {
	L1Loss = newCellClass(cellClass{
		name:      "L1Loss",
		base:      LossBase,
		doc:       "L1Loss(reduction='mean')\n\nl = |logits - labels| with broadcasting, then reduced: mean (default), sum or none.",
		init:      lossBaseInit,
		construct: elementwiseLoss("L1Loss", func(a, b *engine.Tensor) *engine.Tensor { return must(engine.Abs(must(engine.Sub(a, b)))) }),
	})
	MSELoss = newCellClass(cellClass{
		name:      "MSELoss",
		base:      LossBase,
		doc:       "MSELoss(reduction='mean')\n\nl = (logits - labels)**2 with broadcasting, then reduced: mean (default), sum or none.",
		init:      lossBaseInit,
		construct: elementwiseLoss("MSELoss", func(a, b *engine.Tensor) *engine.Tensor { return must(engine.Square(must(engine.Sub(a, b)))) }),
	})
	SmoothL1Loss = newCellClass(cellClass{
		name: "SmoothL1Loss",
		base: LossBase,
		doc: `SmoothL1Loss(beta=1.0, reduction='none')

d = |logits - labels|; l = 0.5*d**2/beta where d < beta, else d - 0.5*beta.
Shapes must be equal. beta must be a float > 0. r1.6 has no reduction
argument and returns the elementwise loss, which the default reproduces.`,
		init:      smoothL1Init,
		construct: smoothL1Construct,
	})
	SoftmaxCrossEntropyWithLogits = newCellClass(cellClass{
		name: "SoftmaxCrossEntropyWithLogits",
		base: LossBase,
		doc: `SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none')

Cross entropy of softmax(logits) against labels, per row: logits are
(N, C); labels are (N, C) probabilities, or (N,) class indices when
sparse=True. The default reduction 'none' returns shape (N,).

Differs from MindSpore's CPU kernel on purpose: log-softmax is computed
exactly, so a row whose target probability underflows gets its true loss
instead of the cap 87.33654 (-log FLT_MIN), and a sparse label outside
[0, C) raises ValueError instead of giving 0.`,
		init:      sceInit,
		construct: sceConstruct,
	})
}

func elementwiseLoss(name string, f func(a, b *engine.Tensor) *engine.Tensor) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, y starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "logits", &x, "labels", &y); err != nil {
			return nil, err
		}
		a, b, err := pair(name, x, y)
		if err != nil {
			return nil, err
		}
		return do(name, func() (*engine.Tensor, error) {
			return GetLoss(f(a, b), nil, reductionOf(self))
		})
	}
}

func smoothL1Init(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var beta starlark.Value = starlark.Float(1)
	var reduction starlark.Value = starlark.String("none")
	if err := starlark.UnpackArgs("SmoothL1Loss", args, kwargs, "beta?", &beta, "reduction?", &reduction); err != nil {
		return nil, err
	}
	b, ok := beta.(starlark.Float)
	if !ok {
		return nil, core.Errorf("TypeError", "For 'SmoothL1Loss', the type of 'beta' must be float, but got %s.", beta.Type())
	}
	if b <= 0 {
		return nil, core.Errorf("ValueError", "For 'SmoothL1Loss', the 'beta' must be greater than 0, but got %s.", core.FormatFloat(float64(b)))
	}
	r, err := CheckReduction("SmoothL1Loss", reduction)
	if err != nil {
		return nil, err
	}
	if err := self.DictSet("beta", b); err != nil {
		return nil, err
	}
	return starlark.None, self.DictSet("reduction", starlark.String(r))
}

func smoothL1Construct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackArgs("SmoothL1Loss", args, kwargs, "logits", &x, "labels", &y); err != nil {
		return nil, err
	}
	a, b, err := pair("SmoothL1Loss", x, y)
	if err != nil {
		return nil, err
	}
	if engine.FormatShape(a.Shape()) != engine.FormatShape(b.Shape()) {
		return nil, core.Errorf("ValueError", "For 'SmoothL1Loss', logits shape %s and labels shape %s must be equal", engine.FormatShape(a.Shape()), engine.FormatShape(b.Shape()))
	}
	beta, _ := starlark.AsFloat(attr(self, "beta"))
	return do("SmoothL1Loss", func() (*engine.Tensor, error) {
		d := must(engine.Abs(must(engine.Sub(a, b))))
		bt := engine.Scalar(d.DType(), beta)
		quad := must(engine.Div(must(engine.Mul(engine.Scalar(d.DType(), 0.5), must(engine.Square(d)))), bt))
		lin := must(engine.Sub(d, engine.Scalar(d.DType(), 0.5*beta)))
		l := must(engine.Where(must(engine.Less(d, bt)), quad, lin))
		return GetLoss(l, nil, reductionOf(self))
	})
}

func sceInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sparse starlark.Value = starlark.False
	var reduction starlark.Value = starlark.String("none")
	if err := starlark.UnpackArgs("SoftmaxCrossEntropyWithLogits", args, kwargs, "sparse?", &sparse, "reduction?", &reduction); err != nil {
		return nil, err
	}
	if _, ok := sparse.(starlark.Bool); !ok {
		return nil, core.Errorf("TypeError", "For 'SoftmaxCrossEntropyWithLogits', the type of 'sparse' must be bool, but got %s.", sparse.Type())
	}
	r, err := CheckReduction("SoftmaxCrossEntropyWithLogits", reduction)
	if err != nil {
		return nil, err
	}
	if err := self.DictSet("sparse", sparse); err != nil {
		return nil, err
	}
	return starlark.None, self.DictSet("reduction", starlark.String(r))
}

func sceConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "SoftmaxCrossEntropyWithLogits"
	var x, y starlark.Value
	if err := starlark.UnpackArgs(call, args, kwargs, "logits", &x, "labels", &y); err != nil {
		return nil, err
	}
	logits, err := arg(call, "logits", x)
	if err != nil {
		return nil, err
	}
	labels, err := arg(call, "labels", y)
	if err != nil {
		return nil, err
	}
	if logits.Rank() != 2 || !logits.DType().IsFloat() {
		return nil, core.Errorf("ValueError", "For '%s', logits must be a 2-D float tensor (N, C), but got shape %s and dtype %s", call, engine.FormatShape(logits.Shape()), logits.DType())
	}
	n, c := logits.Shape()[0], logits.Shape()[1]
	sparse := attr(self, "sparse") == starlark.True
	if sparse {
		if !labels.DType().IsInt() {
			return nil, core.Errorf("TypeError", "For '%s', sparse labels must be int32 or int64, but got %s", call, labels.DType())
		}
		if labels.Rank() != 1 || labels.Shape()[0] != n {
			return nil, core.Errorf("ValueError", "For '%s', sparse labels must have shape (%d,) to match logits %s, but got %s", call, n, engine.FormatShape(logits.Shape()), engine.FormatShape(labels.Shape()))
		}
		for i := 0; i < n; i++ {
			if v := labels.Int(i); v < 0 || v >= int64(c) {
				return nil, core.Errorf("ValueError", "For '%s', label %d at row %d is outside the valid range [0, %d)", call, v, i, c)
			}
		}
	} else if engine.FormatShape(labels.Shape()) != engine.FormatShape(logits.Shape()) {
		return nil, core.Errorf("ValueError", "For '%s', dense labels must have the logits' shape %s, but got %s", call, engine.FormatShape(logits.Shape()), engine.FormatShape(labels.Shape()))
	}
	return do(call, func() (*engine.Tensor, error) {
		logp := must(engine.LogSoftmax(logits, -1))
		var rows *engine.Tensor
		if sparse {
			idx := make([]int, n)
			for i := range idx {
				idx[i] = i*c + int(labels.Int(i))
			}
			rows = must(engine.Neg(must(engine.GatherFlat(logp, idx, []int{n}))))
		} else {
			lab := must(engine.Cast(labels, logp.DType()))
			rows = must(engine.Neg(must(engine.Sum(must(engine.Mul(lab, logp)), []int{1}, false))))
		}
		return GetLoss(rows, nil, reductionOf(self))
	})
}
