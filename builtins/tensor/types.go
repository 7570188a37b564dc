package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Type objects: mindspore.Tensor and mindspore.Parameter (constructors
// that isinstance also accepts) and numpy.ndarray.
var (
	TensorType    *pyobj.GoType
	ParameterType *pyobj.GoType
	NDArrayType   *pyobj.GoType
)

func isTensor(v starlark.Value) bool {
	switch x := v.(type) {
	case *Tensor:
		return x.Flavor == MindSpore
	case *Parameter:
		return true
	}
	return false
}

func init() {
	TensorType = pyobj.NewGoType("Tensor", isTensor).SetConstructor(starlark.NewBuiltin("Tensor", tensorCtor)).
		SetModule("mindspore.common.tensor")
	ParameterType = pyobj.NewGoType("Parameter", func(v starlark.Value) bool { _, ok := v.(*Parameter); return ok }, TensorType).
		SetConstructor(starlark.NewBuiltin("Parameter", parameterCtor)).SetModule("mindspore.common.parameter")
	NDArrayType = pyobj.NewGoType("numpy.ndarray", func(v starlark.Value) bool {
		t, ok := v.(*Tensor)
		return ok && t.Flavor == NumPy && !t.Scalar
	})
	pyobj.RegisterGoType("Tensor", TensorType)
	pyobj.RegisterGoType("Parameter", ParameterType)
	pyobj.RegisterGoType("numpy.ndarray", NDArrayType)
	registerScalarTypes()
	pyobj.ScalarNumber = func(v starlark.Value) (starlark.Value, bool) {
		t, ok := v.(*Tensor)
		if !ok || t.Flavor != NumPy || !t.Scalar || t.T.Device() != engine.CPU {
			return nil, false
		}
		return ElementValue(t.T, 0), true
	}

	pyobj.CompareHook = func(op syntax.Token, x, y starlark.Value) (_ starlark.Value, _ bool, err error) {
		if !eitherTensor(x, y) {
			return nil, false, nil
		}
		defer pyobj.RecoverPanic(opCall(op), &err)
		v, err := Compare(op, x, y)
		return v, true, err
	}
	pyobj.PowHook = func(x, y starlark.Value) (_ starlark.Value, _ bool, err error) {
		if !eitherTensor(x, y) {
			return nil, false, nil
		}
		defer pyobj.RecoverPanic("__pow__", &err)
		v, err := Pow(x, y)
		return v, true, err
	}
	pyobj.MatmulHook = func(x, y starlark.Value) (_ starlark.Value, _ bool, err error) {
		if !eitherTensor(x, y) {
			return nil, false, nil
		}
		defer pyobj.RecoverPanic("__matmul__", &err)
		v, err := MatMul(x, y)
		return v, true, err
	}
}

func eitherTensor(x, y starlark.Value) bool {
	_, _, a := Of(x)
	_, _, b := Of(y)
	return a || b
}

// tensorCtor is mindspore.Tensor(input_data=None, dtype=None): from a
// NumPy array (keeping its dtype), a Tensor, a Python number or nested
// lists (floats become float32, ints int64, bools bool).
func tensorCtor(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value = starlark.None
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs("Tensor", args, kwargs, "input_data?", &data, "dtype?", &dt, "shape?", new(starlark.Value), "init?", new(starlark.Value)); err != nil {
		return nil, err
	}
	if data == starlark.None {
		return nil, core.Errorf("ValueError", "Tensor: input_data is required, for example Tensor(np.array([1.0, 2.0]))")
	}
	var dp *engine.DType
	if dt != starlark.None {
		d, err := DTypeOf(dt)
		if err != nil {
			return nil, core.Errorf("TypeError", "Tensor: %v", err)
		}
		dp = &d
	}
	if _, isStr := data.(starlark.String); isStr {
		return nil, core.Errorf("TypeError", "Tensor: input_data must be a number, a list, a NumPy array or a Tensor, not str")
	}
	t, err := ToEngine(data, dp, MindSpore)
	if err != nil {
		return nil, core.Prefix("Tensor", err)
	}
	if src, _, ok := Of(data); ok && src == t {
		t = t.Clone()
	}
	if t, err = Place(thread, t.Detach()); err != nil {
		return nil, core.Errorf("RuntimeError", "Tensor: %v", err)
	}
	return New(t), nil
}

// parameterCtor is mindspore.Parameter(default_input, name=None,
// requires_grad=True).
func parameterCtor(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	var name starlark.Value = starlark.None
	requiresGrad := true
	if err := starlark.UnpackArgs("Parameter", args, kwargs, "default_input", &data, "name?", &name, "requires_grad?", &requiresGrad, "layerwise_parallel?", new(bool), "parallel_optimizer?", new(bool)); err != nil {
		return nil, err
	}
	t, err := ToEngine(data, nil, MindSpore)
	if err != nil {
		return nil, core.Prefix("Parameter", err)
	}
	n := ""
	switch s := name.(type) {
	case starlark.String:
		n = string(s)
	case starlark.NoneType:
	default:
		return nil, core.Errorf("TypeError", "Parameter: name must be a str or None, but got %s %s", pyobj.TypeOf(name).Name(), name.String())
	}
	p := NewParameter(t, n, requiresGrad)
	if err := PlaceParameter(thread, p); err != nil {
		return nil, core.Errorf("RuntimeError", "Parameter: %v", err)
	}
	return p, nil
}
