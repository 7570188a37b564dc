package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// The ops that create Tensors from a shape. Each creates its result on
// the runtime's device, as MindSpore does under
// set_context(device_target=...).

// creationDType returns the dtype argument v, or float32 for None.
func creationDType(v starlark.Value) (engine.DType, error) {
	if v == nil || v == starlark.None {
		return engine.Float32, nil
	}
	return tensor.DTypeOf(v)
}

// placedResult moves a new host tensor to the runtime's device.
func placedResult(thread *starlark.Thread, call string, t *engine.Tensor, err error) (starlark.Value, error) {
	if err == nil {
		t, err = tensor.Place(thread, t)
	}
	return wrap(call, t, err)
}

// filledImpl is Ones()(shape, type) and Zeros()(shape, type).
func filledImpl(name string, v float64) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var shapeV, dtV starlark.Value
		if err := starlark.UnpackArgs(name, args, kwargs, "shape", &shapeV, "dtype?", &dtV); err != nil {
			return nil, err
		}
		return fill(thread, name, shapeV, dtV, v)
	}
}

func fill(thread *starlark.Thread, name string, shapeV, dtV starlark.Value, v float64) (starlark.Value, error) {
	shape, err := tensor.ShapeArgs(starlark.Tuple{shapeV})
	if err != nil {
		return nil, err
	}
	d, err := creationDType(dtV)
	if err != nil {
		return nil, err
	}
	for _, n := range shape {
		if n < 0 {
			return nil, core.Errorf("ValueError", "For '%s', every dimension of shape must be non-negative, but got %s", name, engine.FormatShape(shape))
		}
	}
	t, err := engine.Full(d, v, shape...)
	return placedResult(thread, name, t, err)
}

// fillImpl is Fill()(type, shape, value).
func fillImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dtV, shapeV starlark.Value
	var v float64
	if err := starlark.UnpackArgs("Fill", args, kwargs, "type", &dtV, "shape", &shapeV, "value", (*core.Float)(&v)); err != nil {
		return nil, err
	}
	return fill(thread, "Fill", shapeV, dtV, v)
}

// eyeImpl is Eye()(n, m, t): an n×m identity, m = n by default.
func eyeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n int
	var mV, dtV starlark.Value
	if err := starlark.UnpackArgs("Eye", args, kwargs, "n", &n, "m?", &mV, "t?", &dtV); err != nil {
		return nil, err
	}
	m := n
	if mV != nil && mV != starlark.None {
		var err error
		if m, err = starlark.AsInt32(mV); err != nil {
			return nil, core.Errorf("TypeError", "For 'Eye', m must be an int, but got %s", mV.Type())
		}
	}
	if n < 0 || m < 0 {
		return nil, core.Errorf("ValueError", "For 'Eye', n and m must be non-negative, but got %d and %d", n, m)
	}
	d, err := creationDType(dtV)
	if err != nil {
		return nil, err
	}
	values := make([]float64, n*m)
	for i := 0; i < min(n, m); i++ {
		values[i*m+i] = 1
	}
	t, err := engine.FromValues(d, values, n, m)
	return placedResult(thread, "Eye", t, err)
}
