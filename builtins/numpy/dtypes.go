package numpy

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// issubdtype implements numpy.issubdtype(arg1, arg2): whether the dtype
// arg1 is arg2 or derives from it. arg2 may be an abstract scalar type
// such as numpy.floating. Other values of arg2 convert to a dtype first,
// so Python's float means float64 and issubdtype(np.float32, float) is
// False, as in NumPy 1.24.
func issubdtype(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var arg1, arg2 starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "arg1", &arg1, "arg2", &arg2); err != nil {
		return nil, err
	}
	d, err := tensor.DTypeOf(arg1)
	if err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	if t, ok := arg2.(pyobj.Type); ok && t.IsSubclass(tensor.GenericType) {
		return starlark.Bool(tensor.IsSubDType(d, t)), nil
	}
	e, err := tensor.DTypeOf(arg2)
	if err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	return starlark.Bool(d == e), nil
}

// scalarBool returns the NumPy scalar numpy.bool_(b).
func scalarBool(b bool) starlark.Value {
	v := 0.0
	if b {
		v = 1
	}
	return &tensor.Tensor{T: engine.Scalar(engine.Bool, v), Flavor: tensor.NumPy, Scalar: true}
}
