package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func unaryImpl(name string, f func(*engine.Tensor) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 || len(kwargs) != 0 {
			return nil, core.Errorf("TypeError", "For '%s', expected 1 input, but got %d", name, len(args)+len(kwargs))
		}
		x, err := tensorArg(name, args, 0, "x")
		if err != nil {
			return nil, err
		}
		out, err := f(x)
		return wrap(name, out, err)
	}
}

func binaryImpl(name string, op syntax.Token) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 || len(kwargs) != 0 {
			return nil, core.Errorf("TypeError", "For '%s', expected 2 inputs, but got %d", name, len(args)+len(kwargs))
		}
		if op == syntax.STARSTAR {
			return tensor.Pow(args[0], args[1])
		}
		return tensor.Arith(op, asMS(args[0]), asMS(args[1]))
	}
}

// asMS makes NumPy arrays act as MindSpore tensors in ops calls.
func asMS(v starlark.Value) starlark.Value {
	if t, ok := v.(*tensor.Tensor); ok && t.Flavor == tensor.NumPy {
		return tensor.New(t.T)
	}
	return v
}

func engineBinary(name string, f func(a, b *engine.Tensor) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 || len(kwargs) != 0 {
			return nil, core.Errorf("TypeError", "For '%s', expected 2 inputs, but got %d", name, len(args)+len(kwargs))
		}
		a, b, _, err := tensor.Operands(asMS(args[0]), asMS(args[1]))
		if err != nil {
			return nil, err
		}
		out, err := f(a, b)
		return wrap(name, out, err)
	}
}

func compareImpl(name string, op syntax.Token) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, core.Errorf("TypeError", "For '%s', expected 2 inputs, but got %d", name, len(args))
		}
		return tensor.Compare(op, asMS(args[0]), asMS(args[1]))
	}
}

// reduceImpl is ReduceMean/ReduceSum/...: constructor keep_dims, call
// (x, axis=()).
func reduceImpl(name, kind string) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var xv starlark.Value
		var axis starlark.Value = starlark.Tuple{}
		if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv, "axis?", &axis); err != nil {
			return nil, err
		}
		x, err := tensor.AsTensor(xv)
		if err != nil {
			return nil, core.Errorf("TypeError", "For '%s', the input 'x' must be a Tensor, but got %s", name, xv.Type())
		}
		axes, err := tensor.Axes(axis)
		if err != nil {
			return nil, err
		}
		if len(axes) == 0 {
			axes = nil // () reduces every axis in MindSpore
		}
		out, err := tensor.Reduce(kind, x, axes, boolAttr(attrs, "keep_dims"), tensor.MindSpore)
		return wrap(name, out, err)
	}
}

func matmulImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := tensorArg("MatMul", args, 0, "x")
	if err != nil {
		return nil, err
	}
	b, err := tensorArg("MatMul", args, 1, "y")
	if err != nil {
		return nil, err
	}
	out, err := engine.MatMul(a, b, boolAttr(attrs, "transpose_a"), boolAttr(attrs, "transpose_b"))
	return wrap("MatMul", out, err)
}

func reshapeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Reshape", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, core.Errorf("TypeError", "For 'Reshape', expected (input_x, input_shape)")
	}
	shape, err := tensor.ShapeArgs(args[1:])
	if err != nil {
		return nil, err
	}
	out, err := engine.Reshape(x, shape...)
	return wrap("Reshape", out, err)
}

func transposeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Transpose", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, core.Errorf("TypeError", "For 'Transpose', expected (input_x, input_perm)")
	}
	perm, err := tensor.ShapeArgs(args[1:])
	if err != nil {
		return nil, err
	}
	out, err := engine.Transpose(x, perm)
	return wrap("Transpose", out, err)
}

func castImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Cast", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, core.Errorf("TypeError", "For 'Cast', expected (input_x, type)")
	}
	// MindSpore's Cast takes a mindspore dtype, never a NumPy-style name.
	if s, ok := args[1].(starlark.String); ok {
		return nil, core.Errorf("TypeError", "For 'Cast', the type must be a mindspore dtype such as mindspore.float32, but got the str %s", s.String())
	}
	d, err := tensor.DTypeOf(args[1])
	if err != nil {
		return nil, core.Errorf("TypeError", "For 'Cast', %v", err)
	}
	out, err := engine.Cast(x, d)
	return wrap("Cast", out, err)
}

func axisImpl(name string, f func(*engine.Tensor, int) (*engine.Tensor, error)) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := tensorArg(name, args, 0, "x")
		if err != nil {
			return nil, err
		}
		axis := -1
		if v, ok := attrs["axis"]; ok {
			axes, err := tensor.Axes(v)
			if err != nil || len(axes) != 1 {
				return nil, core.Errorf("ValueError", "For '%s', axis must be one int", name)
			}
			axis = axes[0]
		}
		out, err := f(x, axis)
		return wrap(name, out, err)
	}
}

func oneHotImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var idx, depth, on, off starlark.Value
	if err := starlark.UnpackArgs("OneHot", args, kwargs, "indices", &idx, "depth", &depth, "on_value", &on, "off_value", &off); err != nil {
		return nil, err
	}
	it, err := tensor.AsTensor(idx)
	if err != nil {
		return nil, err
	}
	var d int
	if err := starlark.AsInt(depth, &d); err != nil {
		return nil, core.Errorf("TypeError", "For 'OneHot', depth must be an int, but got %s %s", depth.Type(), depth.String())
	}
	if d < 0 {
		return nil, core.Errorf("ValueError", "For 'OneHot', depth must be non-negative, but got %d", d)
	}
	onT, err := tensor.AsTensor(on)
	if err != nil {
		return nil, err
	}
	offT, err := tensor.AsTensor(off)
	if err != nil {
		return nil, err
	}
	out, err := engine.OneHot(it, d, onT.Float(0), offT.Float(0), onT.DType())
	return wrap("OneHot", out, err)
}

func selectImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 {
		return nil, core.Errorf("TypeError", "For 'Select', expected (condition, x, y)")
	}
	c, err := tensor.AsTensor(args[0])
	if err != nil {
		return nil, err
	}
	a, b, _, err := tensor.Operands(asMS(args[1]), asMS(args[2]))
	if err != nil {
		return nil, err
	}
	out, err := engine.Where(c, a, b)
	return wrap("Select", out, err)
}

func listArg(call string, v starlark.Value) ([]*engine.Tensor, error) {
	seq, ok := v.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "For '%s', the input must be a tuple or list of Tensors", call)
	}
	out := make([]*engine.Tensor, seq.Len())
	for i := range out {
		t, err := tensor.AsTensor(seq.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

func concatImpl(stack bool) impl {
	name := "Concat"
	if stack {
		name = "Stack"
	}
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, core.Errorf("TypeError", "For '%s', expected one tuple of Tensors", name)
		}
		ts, err := listArg(name, args[0])
		if err != nil {
			return nil, err
		}
		axis := 0
		if v, ok := attrs["axis"]; ok {
			if err := starlark.AsInt(v, &axis); err != nil {
				return nil, err
			}
		}
		var out *engine.Tensor
		if stack {
			out, err = engine.Stack(ts, axis)
		} else {
			out, err = engine.Concat(ts, axis)
		}
		return wrap(name, out, err)
	}
}

func squeezeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Squeeze", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	var axes []int
	if v, ok := attrs["axis"]; ok {
		if axes, err = tensor.Axes(v); err != nil {
			return nil, err
		}
	}
	out, err := tensor.Squeeze(x, axes)
	return wrap("Squeeze", out, err)
}

func expandDimsImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("ExpandDims", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	var axis int
	if len(args) != 2 || starlark.AsInt(args[1], &axis) != nil {
		return nil, core.Errorf("TypeError", "For 'ExpandDims', expected (input_x, axis) with an int axis")
	}
	out, err := tensor.ExpandDims(x, axis)
	return wrap("ExpandDims", out, err)
}

func likeImpl(name string, v float64) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := tensorArg(name, args, 0, "input_x")
		if err != nil {
			return nil, err
		}
		out, err := engine.Full(x.DType(), v, x.Shape()...)
		if err == nil {
			out, err = engine.ToDevice(out, x.Device())
		}
		return wrap(name, out, err)
	}
}

func shapeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Shape", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	tup := make(starlark.Tuple, x.Rank())
	for i, d := range x.Shape() {
		tup[i] = starlark.MakeInt(d)
	}
	return tup, nil
}

func stopGradientImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, core.Errorf("TypeError", "stop_gradient takes one input")
	}
	if t, f, ok := tensor.Of(args[0]); ok {
		return &tensor.Tensor{T: t.Detach(), Flavor: f}, nil
	}
	return args[0], nil
}

func gatherImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, iv, av starlark.Value
	if err := starlark.UnpackArgs("Gather", args, kwargs, "input_params", &xv, "input_indices", &iv, "axis", &av); err != nil {
		return nil, err
	}
	x, err := tensor.AsTensor(xv)
	if err != nil {
		return nil, err
	}
	idx, err := tensor.AsTensor(iv)
	if err != nil {
		return nil, err
	}
	var axis int
	if err := starlark.AsInt(av, &axis); err != nil {
		return nil, core.Errorf("TypeError", "For 'Gather', axis must be an int")
	}
	out, err := engine.Take(x, idx, axis)
	return wrap("Gather", out, err)
}

func argmaxImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Argmax", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	axis := -1
	if v, ok := attrs["axis"]; ok {
		_ = starlark.AsInt(v, &axis)
	}
	out, err := engine.ArgMax(x, axis, false)
	if err == nil {
		out, err = engine.Cast(out, engine.Int32)
	}
	return wrap("Argmax", out, err)
}

func powImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, core.Errorf("TypeError", "For 'Pow', expected 2 inputs, but got %d", len(args))
	}
	return tensor.Pow(asMS(args[0]), asMS(args[1]))
}
