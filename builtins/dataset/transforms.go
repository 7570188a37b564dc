package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// TypeCast is mindspore.dataset.transforms.c_transforms.TypeCast: a map
// operation that casts its column to a MindSpore dtype.
var TypeCast = pyobj.NewNativeClass(pyobj.NativeSpec{
	Name:   "TypeCast",
	Module: "mindspore.dataset.transforms.c_transforms",
	Doc: `TypeCast(data_type)

A map operation that casts a column to data_type, such as
mindspore.int32: dataset.map(operations=TypeCast(mstype.int32),
input_columns=["label"]).`,
	Methods: []pyobj.Method{
		{Name: "__init__", Func: typeCastInit},
		{Name: "__call__", Func: typeCastCall},
	},
})

// TransformsModule returns mindspore.dataset.transforms.
func TransformsModule() *core.Module {
	return core.NewModule("mindspore.dataset.transforms", starlark.StringDict{
		"c_transforms": CTransformsModule(),
	})
}

// CTransformsModule returns mindspore.dataset.transforms.c_transforms.
func CTransformsModule() *core.Module {
	return core.NewModule("mindspore.dataset.transforms.c_transforms", starlark.StringDict{
		"TypeCast": TypeCast,
	})
}

func typeCastInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dtype starlark.Value
	if err := starlark.UnpackArgs("TypeCast", args, kwargs, "data_type", &dtype); err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	d, err := tensor.DTypeOf(dtype)
	if err != nil {
		return nil, core.Errorf("TypeError", "TypeCast: data_type must be a MindSpore dtype such as mindspore.int32, but got %s", dtype.Type())
	}
	self.Native = d
	return starlark.None, nil
}

func typeCastCall(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d, ok := self.Native.(engine.DType)
	if !ok {
		return nil, core.Errorf("TypeError", "TypeCast was not initialised; call TypeCast(data_type) first")
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("TypeCast", args, kwargs, 1, &x); err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	t, err := tensor.ToEngine(x, nil, tensor.NumPy)
	if err != nil {
		return nil, err
	}
	out, err := engine.Cast(t, d)
	if err != nil {
		return nil, core.EngineError("TypeCast", err)
	}
	return tensor.NewArray(out), nil
}
