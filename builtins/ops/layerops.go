package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// layerPrimitives are the elementwise, activation, logical and
// reduction primitives that model code calls beside the arithmetic ones.
func layerPrimitives() []*PrimitiveClass {
	return []*PrimitiveClass{
		prim("Erf", "Erf()(x): the Gauss error function.", unaryImpl("Erf", engine.Erf)),
		prim("Ceil", "Ceil()(x): rounds up.", unaryImpl("Ceil", engine.Ceil)),
		prim("Round", "Round()(x): rounds to the nearest integer, halves to even.", unaryImpl("Round", engine.Round)),
		prim("ReLU6", "ReLU6()(x): min(max(x, 0), 6).", unaryImpl("ReLU6", engine.ReLU6)),
		prim("HSwish", "HSwish()(x): x * relu6(x + 3) / 6.", unaryImpl("HSwish", engine.HSwish)),
		prim("HSigmoid", "HSigmoid()(x): relu6(x + 3) / 6.", unaryImpl("HSigmoid", engine.HSigmoid)),
		prim("GeLU", "GeLU()(x): 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x**3))).", unaryImpl("GeLU", engine.GeLU)),
		prim("Elu", "Elu(alpha=1.0)(x): x where x > 0, else alpha * (exp(x) - 1).", eluImpl, "alpha?"),
		prim("IsNan", "IsNan()(x): where x is NaN, as a bool Tensor.", unaryImpl("IsNan", engine.IsNan)),
		prim("IsInf", "IsInf()(x): where x is +inf or -inf, as a bool Tensor.", unaryImpl("IsInf", engine.IsInf)),
		prim("IsFinite", "IsFinite()(x): where x is neither NaN nor infinite, as a bool Tensor.", unaryImpl("IsFinite", engine.IsFinite)),
		prim("LogicalNot", "LogicalNot()(x): not x, for a bool Tensor.", unaryImpl("LogicalNot", engine.LogicalNot)),
		prim("LogicalAnd", "LogicalAnd()(x, y): x and y, for bool Tensors with broadcasting.", logicalImpl("LogicalAnd", engine.LogicalAnd)),
		prim("LogicalOr", "LogicalOr()(x, y): x or y, for bool Tensors with broadcasting.", logicalImpl("LogicalOr", engine.LogicalOr)),
		prim("ReduceAll", "ReduceAll(keep_dims=False)(x, axis=()): logical and over axis of a bool Tensor.", boolReduceImpl("ReduceAll", engine.Min), "keep_dims?"),
		prim("ReduceAny", "ReduceAny(keep_dims=False)(x, axis=()): logical or over axis of a bool Tensor.", boolReduceImpl("ReduceAny", engine.Max), "keep_dims?"),
		prim("L2Normalize", "L2Normalize(axis=0, epsilon=1e-4)(x): x / sqrt(max(sum(x**2, axis), epsilon)).", l2NormalizeImpl, "axis?", "epsilon?"),
		prim("CumSum", "CumSum(exclusive=False, reverse=False)(input, axis): cumulative sum along axis.", cumulativeImpl("CumSum", engine.CumSum), "exclusive?", "reverse?"),
		prim("CumProd", "CumProd(exclusive=False, reverse=False)(x, axis): cumulative product along axis.", cumulativeImpl("CumProd", engine.CumProd), "exclusive?", "reverse?"),
		prim("Argmin", "Argmin(axis=-1, output_type=mindspore.int32)(x).", argminImpl, "axis?", "output_type?"),
		prim("ArgMinWithValue", "ArgMinWithValue(axis=0, keep_dims=False)(x): (int32 index of the minimum, minimum) along axis.", argMinWithValueImpl, "axis?", "keep_dims?"),
	}
}

func eluImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	alpha, err := floatAttr("Elu", attrs, "alpha", 1)
	if err != nil {
		return nil, err
	}
	x, err := tensorArg("Elu", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	out, err := engine.ELU(x, alpha)
	return wrap("Elu", out, err)
}

func logicalImpl(name string, f func(a, b *engine.Tensor) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 || len(kwargs) != 0 {
			return nil, core.Errorf("TypeError", "For '%s', expected 2 inputs, but got %d", name, len(args)+len(kwargs))
		}
		a, err := tensorArg(name, args, 0, "x")
		if err != nil {
			return nil, err
		}
		b, err := tensorArg(name, args, 1, "y")
		if err != nil {
			return nil, err
		}
		out, err := f(a, b)
		return wrap(name, out, err)
	}
}

// boolReduceImpl is ReduceAll and ReduceAny: the minimum or maximum of
// the bool input taken as 0 and 1.
func boolReduceImpl(name string, f func(*engine.Tensor, []int, bool) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var xv starlark.Value
		var axis starlark.Value = starlark.Tuple{}
		if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv, "axis?", &axis); err != nil {
			return nil, err
		}
		x, err := tensor.AsTensor(xv)
		if err != nil || x.DType() != engine.Bool {
			return nil, core.Errorf("TypeError", "For '%s', the input 'x' must be a bool Tensor, but got %s; compare it first, as in x > 0", name, describe(xv, x))
		}
		axes, err := tensor.Axes(axis)
		if err != nil {
			return nil, err
		}
		if len(axes) == 0 {
			axes = nil // () reduces every axis in MindSpore
		}
		var out *engine.Tensor
		err = engine.Try(func() {
			asInt := mustT(engine.Cast(x, engine.Int32))
			out = mustT(engine.Cast(mustT(f(asInt, axes, boolAttr(attrs, "keep_dims"))), engine.Bool))
		})
		return wrap(name, out, err)
	}
}

// describe names a call argument for a type error: its dtype when it is
// a Tensor, its Python type otherwise.
func describe(v starlark.Value, t *engine.Tensor) string {
	if t != nil {
		return "a Tensor of dtype " + t.DType().String()
	}
	return v.Type()
}

func l2NormalizeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	axis, err := intAttr("L2Normalize", attrs, "axis", 0)
	if err != nil {
		return nil, err
	}
	eps, err := floatAttr("L2Normalize", attrs, "epsilon", 1e-4)
	if err != nil {
		return nil, err
	}
	x, err := tensorArg("L2Normalize", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	out, err := engine.L2Normalize(x, axis, eps)
	return wrap("L2Normalize", out, err)
}

func cumulativeImpl(name string, f func(*engine.Tensor, int, bool, bool) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var xv starlark.Value
		var axis int
		if err := starlark.UnpackArgs(name, args, kwargs, "input", &xv, "axis", &axis); err != nil {
			return nil, err
		}
		x, err := tensorArg(name, starlark.Tuple{xv}, 0, "input")
		if err != nil {
			return nil, err
		}
		out, err := f(x, axis, boolAttr(attrs, "exclusive"), boolAttr(attrs, "reverse"))
		return wrap(name, out, err)
	}
}

func argminImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Argmin", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	axis, err := intAttr("Argmin", attrs, "axis", -1)
	if err != nil {
		return nil, err
	}
	out, err := engine.ArgMin(x, axis, false)
	if err == nil {
		out, err = engine.Cast(out, engine.Int32)
	}
	return wrap("Argmin", out, err)
}

func argMinWithValueImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("ArgMinWithValue", args, 0, "x")
	if err != nil {
		return nil, err
	}
	axis, err := intAttr("ArgMinWithValue", attrs, "axis", 0)
	if err != nil {
		return nil, err
	}
	keep := boolAttr(attrs, "keep_dims")
	var index, values *engine.Tensor
	err = engine.Try(func() {
		index = mustT(engine.Cast(mustT(engine.ArgMin(x, axis, keep)), engine.Int32))
		values = mustT(engine.Min(x, []int{axis}, keep))
	})
	if err != nil {
		return nil, core.EngineError("ops.ArgMinWithValue", err)
	}
	return starlark.Tuple{tensor.New(index), tensor.New(values)}, nil
}

// mustT unwraps an engine result inside engine.Try.
func mustT(t *engine.Tensor, err error) *engine.Tensor {
	if err != nil {
		panic(err)
	}
	return t
}

// intAttr returns a constructor attribute that must be an int, or def
// when the constructor did not set it.
func intAttr(call string, attrs starlark.StringDict, name string, def int) (int, error) {
	v, ok := attrs[name]
	if !ok || v == starlark.None {
		return def, nil
	}
	var n int
	if _, isBool := v.(starlark.Bool); isBool || starlark.AsInt(v, &n) != nil {
		return 0, core.Errorf("TypeError", "For '%s', the '%s' must be an int, but got %s %s", call, name, v.Type(), v.String())
	}
	return n, nil
}

// floatAttr returns a constructor attribute that must be a number, or
// def when the constructor did not set it.
func floatAttr(call string, attrs starlark.StringDict, name string, def float64) (float64, error) {
	v, ok := attrs[name]
	if !ok || v == starlark.None {
		return def, nil
	}
	f, ok := starlark.AsFloat(v)
	if _, isBool := v.(starlark.Bool); isBool || !ok {
		return 0, core.Errorf("TypeError", "For '%s', the '%s' must be a float, but got %s %s", call, name, v.Type(), v.String())
	}
	return f, nil
}
