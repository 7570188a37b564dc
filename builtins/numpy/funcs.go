package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

func arrays(v starlark.Value) ([]*engine.Tensor, error) {
	seq, ok := v.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "expected a sequence of arrays, not %s", v.Type())
	}
	out := make([]*engine.Tensor, seq.Len())
	var d engine.DType
	for i := range out {
		t, err := asArray(seq.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = t
		if i == 0 {
			d = t.DType()
		} else {
			d = engine.Promote(d, t.DType())
		}
	}
	for i, t := range out {
		c, err := engine.Cast(t, d)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func concatenate(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	var axisArg starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs(name, args, kwargs, "arrays", &seq, "axis?", &axisArg); err != nil {
		return nil, err
	}
	ts, err := arrays(seq)
	if err != nil {
		return nil, err
	}
	axis := 0
	if axisArg == starlark.None {
		// axis=None joins the flattened arrays.
		for i, t := range ts {
			if ts[i], err = engine.Reshape(t, -1); err != nil {
				return nil, err
			}
		}
	} else if err := starlark.AsInt(axisArg, &axis); err != nil {
		return nil, core.Errorf("TypeError", "%s: axis must be an int or None, not %s", name, axisArg.Type())
	}
	out, err := engine.Concat(ts, axis)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

func stack(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	axis := 0
	if err := starlark.UnpackArgs(name, args, kwargs, "arrays", &seq, "axis?", &axis); err != nil {
		return nil, err
	}
	ts, err := arrays(seq)
	if err != nil {
		return nil, err
	}
	out, err := engine.Stack(ts, axis)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

func atLeast(ts []*engine.Tensor, rank int) ([]*engine.Tensor, error) {
	for i, t := range ts {
		for t.Rank() < rank {
			var err error
			if rank == 2 {
				t, err = engine.Reshape(t, append([]int{1}, t.Shape()...)...)
			} else {
				t, err = engine.Reshape(t, append(t.Shape(), 1)...)
			}
			if err != nil {
				return nil, err
			}
		}
		ts[i] = t
	}
	return ts, nil
}

func vstack(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "tup", &seq); err != nil {
		return nil, err
	}
	ts, err := arrays(seq)
	if err == nil {
		ts, err = atLeast(ts, 2)
	}
	if err != nil {
		return nil, err
	}
	out, err := engine.Concat(ts, 0)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

func hstack(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "tup", &seq); err != nil {
		return nil, err
	}
	ts, err := arrays(seq)
	if err != nil {
		return nil, err
	}
	axis := 1
	if len(ts) > 0 && ts[0].Rank() == 1 {
		axis = 0
	}
	out, err := engine.Concat(ts, axis)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

func where(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var c, x, y starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "condition", &c, "x?", &x, "y?", &y); err != nil {
		return nil, err
	}
	ct, err := asArray(c)
	if err != nil {
		return nil, err
	}
	if ct, err = engine.Cast(ct, engine.Bool); err != nil {
		return nil, err
	}
	if x == nil && y == nil {
		return nonzero(ct)
	}
	if x == nil || y == nil {
		return nil, core.Errorf("ValueError", "either both or neither of x and y should be given")
	}
	ts, err := arrays(starlark.Tuple{x, y})
	if err != nil {
		return nil, err
	}
	out, err := engine.Where(ct, ts[0], ts[1])
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

// nonzero returns the tuple of index arrays of the true elements of
// mask, one per axis, as np.nonzero and np.where(condition) do.
func nonzero(mask *engine.Tensor) (starlark.Value, error) {
	shape := mask.Shape()
	if len(shape) == 0 {
		return nil, core.Errorf("ValueError", "calling nonzero on 0d arrays is not allowed; use np.atleast_1d(scalar).nonzero() instead")
	}
	positions := make([][]float64, len(shape))
	for i, b := range mask.Bools() {
		if !b {
			continue
		}
		rest := i
		for d := len(shape) - 1; d >= 0; d-- {
			positions[d] = append(positions[d], float64(rest%shape[d]))
			rest /= shape[d]
		}
	}
	out := make(starlark.Tuple, len(shape))
	for d, pos := range positions {
		t, err := engine.FromValues(engine.Int64, pos, len(pos))
		if err != nil {
			return nil, err
		}
		out[d] = tensor.NewArray(t)
	}
	return out, nil
}

func matmul(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "b", &b); err != nil {
		return nil, err
	}
	ta, err := asArray(a)
	if err != nil {
		return nil, err
	}
	return tensor.MatMulCall(name, tensor.NewArray(ta), b)
}

func closeMask(args starlark.Tuple, kwargs []starlark.Tuple, name string) ([]bool, []int, error) {
	var a, b starlark.Value
	rtol, atol := 1e-5, 1e-8
	equalNaN := false
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "b", &b, "rtol?", (*core.Float)(&rtol), "atol?", (*core.Float)(&atol), "equal_nan?", &equalNaN); err != nil {
		return nil, nil, err
	}
	ts, err := arrays(starlark.Tuple{a, b})
	if err != nil {
		return nil, nil, err
	}
	shape, ok := engine.BroadcastShapes(ts[0].Shape(), ts[1].Shape())
	if !ok {
		return nil, nil, core.Errorf("ValueError", "%s: shapes %s and %s do not broadcast", name, engine.FormatShape(ts[0].Shape()), engine.FormatShape(ts[1].Shape()))
	}
	x, _ := engine.BroadcastTo(ts[0], shape...)
	y, _ := engine.BroadcastTo(ts[1], shape...)
	mask := make([]bool, x.Numel())
	for i := range mask {
		p, q := x.Float(i), y.Float(i)
		switch {
		case math.IsNaN(p) || math.IsNaN(q):
			mask[i] = equalNaN && math.IsNaN(p) && math.IsNaN(q)
		case math.IsInf(p, 0) || math.IsInf(q, 0):
			mask[i] = p == q
		default:
			mask[i] = math.Abs(p-q) <= atol+rtol*math.Abs(q)
		}
	}
	return mask, shape, nil
}

func allclose(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	mask, _, err := closeMask(args, kwargs, name)
	if err != nil {
		return nil, err
	}
	for _, m := range mask {
		if !m {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

func isclose(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	mask, shape, err := closeMask(args, kwargs, name)
	if err != nil {
		return nil, err
	}
	t, err := engine.FromBool(mask, shape...)
	if err != nil {
		return nil, err
	}
	return wrap(t), nil
}

func arrayEqual(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	ta, tb, err := twoArrays(name, args, kwargs, "a1", "a2")
	if err != nil {
		return nil, err
	}
	if engine.FormatShape(ta.Shape()) != engine.FormatShape(tb.Shape()) {
		return starlark.False, nil
	}
	for i := 0; i < ta.Numel(); i++ {
		if ta.Float(i) != tb.Float(i) {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

func floatTest(test func(float64) bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "x", &a); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		out := make([]bool, t.Numel())
		for i := range out {
			out[i] = test(t.Float(i))
		}
		r, err := engine.FromBool(out, t.Shape()...)
		if err != nil {
			return nil, err
		}
		return wrap(r), nil
	}
}

var (
	isnan    = floatTest(math.IsNaN)
	isinf    = floatTest(func(v float64) bool { return math.IsInf(v, 0) })
	isfinite = floatTest(func(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) })
)

// twoArrays unpacks the two array arguments of a NumPy function, named
// first and second, and converts them to arrays.
func twoArrays(name string, args starlark.Tuple, kwargs []starlark.Tuple, first, second string) (*engine.Tensor, *engine.Tensor, error) {
	var a, b starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, first, &a, second, &b); err != nil {
		return nil, nil, err
	}
	ts, err := arrays(starlark.Tuple{a, b})
	if err != nil {
		return nil, nil, err
	}
	return ts[0], ts[1], nil
}

func binary(f func(a, b *engine.Tensor) (*engine.Tensor, error)) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, y, err := twoArrays(name, args, kwargs, "x1", "x2")
		if err != nil {
			return nil, err
		}
		out, err := f(x, y)
		if err != nil {
			return nil, err
		}
		return wrap(out), nil
	}
}

func unary(f func(*engine.Tensor) (*engine.Tensor, error)) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "x", &a); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		if !t.DType().IsFloat() && name != "numpy.abs" && name != "numpy.absolute" && name != "numpy.square" && name != "numpy.sign" {
			if t, err = engine.Cast(t, engine.Float64); err != nil {
				return nil, err
			}
		}
		out, err := f(t)
		if err != nil {
			return nil, err
		}
		return wrap(out), nil
	}
}

func clip(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, lo, hi starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "a_min", &lo, "a_max", &hi); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	return tensor.Clip(tensor.NewArray(t), lo, hi)
}

// method forwards numpy.f(a, ...) to the array method a.f(...).
func method(m string) fn {
	return func(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, core.Errorf("TypeError", "%s() missing required argument 'a'", name)
		}
		t, err := asArray(args[0])
		if err != nil {
			return nil, err
		}
		attr, err := tensor.NewArray(t).Attr(m)
		if err != nil || attr == nil {
			return nil, core.Errorf("AttributeError", "%s is not available", name)
		}
		return starlark.Call(thread, attr, args[1:], kwargs)
	}
}

func reduction(m string) fn {
	if m == "amax" {
		m = "max"
	}
	if m == "amin" {
		m = "min"
	}
	return method(m)
}

func reshape(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, shape starlark.Value
	var order starlark.Value = starlark.String("C")
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "newshape", &shape, "order?", &order); err != nil {
		return nil, err
	}
	return method("reshape")(thread, name, starlark.Tuple{a, shape}, []starlark.Tuple{{starlark.String("order"), order}})
}

func transpose(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axes starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axes?", &axes); err != nil {
		return nil, err
	}
	if axes == starlark.None {
		return method("transpose")(thread, name, starlark.Tuple{a}, nil)
	}
	return method("transpose")(thread, name, starlark.Tuple{a, axes}, nil)
}

func squeeze(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return method("squeeze")(thread, name, args, kwargs)
}

func expandDims(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axis int
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis", &axis); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	out, err := tensor.ExpandDims(t, axis)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

// stdVar computes the population standard deviation or variance (ddof
// 0 by default) in float64 accumulation.
func stdVar(isStd bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		var axis starlark.Value = starlark.None
		ddof := 0
		keep := false
		if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis?", &axis, "dtype?", new(starlark.Value), "out?", new(starlark.Value), "ddof?", &ddof, "keepdims?", &keep); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		if !t.DType().IsFloat() {
			t, _ = engine.Cast(t, engine.Float64)
		}
		axes, err := tensor.Axes(axis)
		if err != nil {
			return nil, err
		}
		mean, err := engine.Mean(t, axes, true)
		if err != nil {
			return nil, err
		}
		d, _ := engine.Sub(t, mean)
		sq, _ := engine.Square(d)
		s, err := engine.Sum(sq, axes, keep)
		if err != nil {
			return nil, err
		}
		n := t.Numel() / max(1, mean.Numel())
		v, err := engine.Div(s, engine.Scalar(s.DType(), float64(n-ddof)))
		if err != nil {
			return nil, err
		}
		if isStd {
			v, _ = engine.Sqrt(v)
		}
		return wrap(v), nil
	}
}

func round(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	decimals := 0
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "decimals?", &decimals); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	scale := math.Pow(10, float64(decimals))
	vals := t.Floats()
	for i, v := range vals {
		vals[i] = math.RoundToEven(v*scale) / scale
	}
	out, err := engine.FromValues(t.DType(), vals, t.Shape()...)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}
