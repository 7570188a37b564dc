package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// LossBase is the native nn.LossBase class.
var LossBase *pyobj.Class

func init() { lossBase() }

// lossBase creates LossBase on first use: the loss Cells of the loss_*.go
// files subclass it, and their init functions run before this file's.
func lossBase() *pyobj.Class {
	if LossBase != nil {
		return LossBase
	}
	LossBase = newCellClass(cellClass{
		name: "LossBase",
		doc: `LossBase(reduction='mean')

The base class of losses. reduction is 'mean' (the default), 'sum' or
'none'; any other value raises ValueError.

get_loss(x, weights=1.0): l = weights * x, where weights is a number or a
Tensor that broadcasts to x, then 'mean' averages and 'sum' adds over all
axes and 'none' returns l. Float32 input is computed in float32 with the
sum accumulated in float64, and the mean is float32(sum) * float32(1/n),
as MindSpore's ReduceMean computes it. Integer input is computed in
float32 and cast back, so the loss is truncated (MSE of [1, 2, 3] and
[1, 1, 1] is 1). Float64 input stays in float64, where MindSpore rounds it
through float32.

get_axis(x) returns the tuple (0, 1, ..., x.ndim - 1).`,
		init: lossBaseInit,
		methods: []pyobj.Method{
			{Name: "get_loss", Func: lossGetLoss},
			{Name: "get_axis", Func: lossGetAxis},
		},
	})
	return LossBase
}

// CheckReduction validates a reduction argument as LossBase does.
func CheckReduction(cls string, v starlark.Value, allowed ...string) (string, error) {
	if len(allowed) == 0 {
		allowed = []string{"mean", "sum", "none"}
	}
	s, ok := v.(starlark.String)
	if ok {
		for _, a := range allowed {
			if string(s) == a {
				return a, nil
			}
		}
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = "'" + a + "'"
	}
	got := v.String()
	if ok {
		got = string(s)
	}
	return "", core.Errorf("ValueError", "For '%s', the 'reduction' must be in [%s], but got %s.", cls, joinComma(quoted), got)
}

func joinComma(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

func lossBaseInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var reduction starlark.Value = starlark.String("mean")
	if err := starlark.UnpackArgs(self.Class().Name(), args, kwargs, "reduction?", &reduction); err != nil {
		return nil, err
	}
	r, err := CheckReduction(self.Class().Name(), reduction)
	if err != nil {
		return nil, err
	}
	return starlark.None, self.DictSet("reduction", starlark.String(r))
}

// reductionOf returns the reduction a LossBase stored.
func reductionOf(self *pyobj.Instance) string {
	if s, ok := attr(self, "reduction").(starlark.String); ok {
		return string(s)
	}
	return "mean"
}

// GetLoss applies LossBase.get_loss: weights times x, reduced over all
// axes by reduction ("mean", "sum" or "none"), in x's dtype. A nil
// weights means 1. Integer x is computed in float32 and cast back, which
// truncates; float64 x stays in float64, where MindSpore computes it in
// float32.
func GetLoss(x, weights *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		if !x.DType().IsFloat() {
			f := eng.Cast(x, engine.Float32)
			if weights != nil {
				f = eng.Mul(f, eng.As(weights, f))
			}
			return eng.Cast(eng.Reduce(f, reduction), x.DType())
		}
		if weights != nil {
			x = eng.Mul(x, eng.As(weights, x))
		}
		return eng.Reduce(x, reduction)
	})
}

func lossGetLoss(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	var wv starlark.Value = starlark.Float(1)
	if err := starlark.UnpackArgs("get_loss", args, kwargs, "x", &xv, "weights?", &wv); err != nil {
		return nil, err
	}
	x, err := arg(self.Class().Name()+".get_loss", "x", xv)
	if err != nil {
		return nil, err
	}
	var w *engine.Tensor
	if f, ok := wv.(starlark.Float); !ok || f != 1 {
		if w, err = tensor.AsTensor(wv); err != nil {
			return nil, core.Errorf("TypeError", "%s.get_loss: weights must be a number or a Tensor, not %s", self.Class().Name(), wv.Type())
		}
	}
	res, err := GetLoss(x, w, reductionOf(self))
	if err != nil {
		return nil, core.EngineError(self.Class().Name()+".get_loss", err)
	}
	return out(res), nil
}

func lossGetAxis(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("get_axis", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("get_axis", "x", xv)
	if err != nil {
		return nil, err
	}
	axes := make(starlark.Tuple, x.Rank())
	for i := range axes {
		axes[i] = starlark.MakeInt(i)
	}
	return axes, nil
}
