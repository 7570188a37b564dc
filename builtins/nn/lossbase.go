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

func init() {
	LossBase = newCellClass(cellClass{
		name: "LossBase",
		doc: `LossBase(reduction='mean')

The base class of losses. reduction is 'mean', 'sum' or 'none'.
get_loss(x, weights=1.0) multiplies x by weights in float32, reduces it
over all axes as reduction says and casts the result back to x's dtype.`,
		init: lossBaseInit,
		methods: []pyobj.Method{
			{Name: "get_loss", Func: lossGetLoss},
			{Name: "get_axis", Func: lossGetAxis},
		},
	})
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

// GetLoss applies LossBase.get_loss: x times weights in float32, reduced
// over all axes, cast back to x's dtype.
func GetLoss(x, weights *engine.Tensor, reduction string) (*engine.Tensor, error) {
	var out *engine.Tensor
	err := engine.Try(func() {
		d := x.DType()
		xf := must(engine.Cast(x, engine.Float32))
		if weights != nil {
			w := must(engine.Cast(weights, engine.Float32))
			xf = must(engine.Mul(xf, w))
		}
		switch reduction {
		case "mean":
			xf = must(engine.Mean(xf, nil, false))
		case "sum":
			xf = must(engine.Sum(xf, nil, false))
		}
		out = must(engine.Cast(xf, d))
	})
	return out, err
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
