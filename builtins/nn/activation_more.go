package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// More activation Cells of MindSpore r1.6's nn.layer.activation.
var (
	ReLU6     *pyobj.Class
	GELU      *pyobj.Class
	HSwish    *pyobj.Class
	HSigmoid  *pyobj.Class
	LeakyReLU *pyobj.Class
	ELU       *pyobj.Class
	PReLU     *pyobj.Class
)

func init() {
	ReLU6 = activationClass("ReLU6", "min(max(x, 0), 6).", engine.ReLU6)
	GELU = activationClass("GELU", "The tanh approximation of x * P(X < x) that MindSpore's GeLU computes:\n0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x**3))).", engine.GeLU)
	HSwish = activationClass("HSwish", "x * relu6(x + 3) / 6.", engine.HSwish)
	HSigmoid = activationClass("HSigmoid", "relu6(x + 3) / 6.", engine.HSigmoid)
	LeakyReLU = scalarActivationClass("LeakyReLU", "LeakyReLU(alpha=0.2)\n\nmax(alpha * x, x) for alpha <= 1 and min(alpha * x, x) for alpha > 1.", 0.2, checkLeakyAlpha, engine.LeakyReLU)
	ELU = scalarActivationClass("ELU", "ELU(alpha=1.0)\n\nx where x > 0, else alpha * (exp(x) - 1). MindSpore r1.6 accepts only alpha=1.0.", 1, checkELUAlpha, engine.ELU)
	PReLU = newCellClass(cellClass{
		name: "PReLU",
		doc: `PReLU(channel=1, w=0.25)

x where x > 0, else w * x, with one learnable w (the Parameter 'a')
per channel on axis 1, or one for all channels when channel is 1. As in
MindSpore r1.6, the Cell applies ReLU to w before use and, in training
mode, stores the result back into w.`,
		init:      preluInit,
		construct: preluConstruct,
	})
}

func checkLeakyAlpha(v starlark.Value) (float64, error) {
	switch v.(type) {
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(v)
		return f, nil
	}
	return 0, core.Errorf("TypeError", "For 'LeakyReLU', the type of 'alpha' should be float or int, but got %s %s", v.Type(), v.String())
}

func checkELUAlpha(v starlark.Value) (float64, error) {
	f, ok := v.(starlark.Float)
	if !ok {
		return 0, core.Errorf("TypeError", "For 'Elu', the type of 'alpha' should be float, but got %s %s", v.Type(), v.String())
	}
	if f != 1 {
		return 0, core.Errorf("ValueError", "For 'Elu', the 'alpha' should be equal to 1.0, but got %s; MindSpore r1.6 supports no other value", core.FormatFloat(float64(f)))
	}
	return 1, nil
}

// scalarActivationClass is an activation Cell with one number argument,
// alpha, checked by check.
func scalarActivationClass(name, doc string, def float64, check func(starlark.Value) (float64, error), f func(*engine.Tensor, float64) (*engine.Tensor, error)) *pyobj.Class {
	return newCellClass(cellClass{
		name: name,
		doc:  doc,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var alphaV starlark.Value = starlark.Float(def)
			if err := starlark.UnpackArgs(name, args, kwargs, "alpha?", &alphaV); err != nil {
				return nil, err
			}
			if _, err := check(alphaV); err != nil {
				return nil, err
			}
			return starlark.None, self.DictSet("alpha", alphaV)
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var xv starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv); err != nil {
				return nil, err
			}
			x, err := arg(name, "x", xv)
			if err != nil {
				return nil, err
			}
			alpha, err := check(attr(self, "alpha"))
			if err != nil {
				return nil, err
			}
			return do(name, func() (*engine.Tensor, error) { return f(x, alpha) })
		},
	})
}

func preluInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var channelV starlark.Value = starlark.MakeInt(1)
	var wV starlark.Value = starlark.Float(0.25)
	if err := starlark.UnpackArgs("PReLU", args, kwargs, "channel?", &channelV, "w?", &wV); err != nil {
		return nil, err
	}
	channel, err := positiveInt("PReLU", "channel", channelV)
	if err != nil {
		return nil, err
	}
	w, err := preluWeight(channel, wV)
	if err != nil {
		return nil, err
	}
	return starlark.None, self.SetField("w", tensor.NewParameter(w, "a", true))
}

// preluWeight builds PReLU's initial w from a float, a list of floats or
// a float Tensor of shape (channel,).
func preluWeight(channel int, v starlark.Value) (*engine.Tensor, error) {
	switch x := v.(type) {
	case starlark.Float:
		values := make([]float64, channel)
		for i := range values {
			values[i] = float64(x)
		}
		return engine.FromValues(engine.Float32, values, channel)
	case *starlark.List:
		if x.Len() != channel {
			return nil, core.Errorf("ValueError", "For 'PReLU', the length of 'w' should be equal to the 'channel' when the 'w' is a list, but got the length of 'w': %d, the 'channel': %d.", x.Len(), channel)
		}
		values := make([]float64, channel)
		for i := range values {
			f, ok := x.Index(i).(starlark.Float)
			if !ok {
				return nil, core.Errorf("ValueError", "For 'PReLU', all elements in 'w' should be float when the 'w' is a list, but got %s.", x.Index(i).String())
			}
			values[i] = float64(f)
		}
		return engine.FromValues(engine.Float32, values, channel)
	}
	if t, _, ok := tensor.Of(v); ok {
		if t.DType() != engine.Float32 && t.DType() != engine.Float16 {
			return nil, core.Errorf("ValueError", "For 'PReLU', the dtype of 'w' should be float16 or float32 when the 'w' is a tensor, but got %s.", t.DType())
		}
		if t.Rank() != 1 || t.Shape()[0] != channel {
			return nil, core.Errorf("ValueError", "For 'PReLU', the 'w' Tensor must have shape (%d,) to match the 'channel', but got shape %s.", channel, engine.FormatShape(t.Shape()))
		}
		return t.Clone(), nil
	}
	return nil, core.Errorf("TypeError", "For 'PReLU', the 'w' only supported float, list and tensor, but got %s.", v.Type())
}

func preluConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("PReLU", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("PReLU", "x", xv)
	if err != nil {
		return nil, err
	}
	w, ok := attr(self, "w").(*tensor.Parameter)
	if !ok {
		return nil, core.Errorf("RuntimeError", "PReLU: w is not a Parameter; call PReLU.__init__")
	}
	c := w.T.Numel()
	if c != 1 && (x.Rank() < 2 || x.Shape()[1] != c) {
		return nil, core.Errorf("ValueError", "For 'PReLU', the input shape %s must have %d channels on axis 1 to match 'w'", engine.FormatShape(x.Shape()), c)
	}
	training := ensureState(self).Training
	return do("PReLU", func() (*engine.Tensor, error) {
		u := must(engine.ReLU(w.T))
		if training {
			if err := w.T.CopyFrom(u.Detach()); err != nil {
				return nil, err
			}
		}
		shape := []int{c}
		if x.Rank() >= 2 {
			shape = make([]int, x.Rank())
			for i := range shape {
				shape[i] = 1
			}
			shape[1] = c
		}
		slope := must(engine.Reshape(must(engine.Cast(u, x.DType())), shape...))
		positive := must(engine.Greater(x, engine.Scalar(x.DType(), 0)))
		return engine.Where(positive, x, must(engine.Mul(slope, x)))
	})
}
