package mindspore

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// dtypeMembers returns what mindspore.common.dtype exports, which
// mindspore also exports at its top level: the dtype objects, MindSpore's
// aliases of them, the float_type group, the generic number type and the
// conversion functions between MindSpore dtypes, Python types and NumPy
// scalar types.
func dtypeMembers() starlark.StringDict {
	m := tensor.DTypes(tensor.MindSpore)
	ms := func(d engine.DType) starlark.Value { return tensor.DType{D: d, Flavor: tensor.MindSpore} }
	m["half"] = ms(engine.Float16)
	m["single"] = ms(engine.Float32)
	m["double"] = ms(engine.Float64)
	m["intc"] = ms(engine.Int32)
	m["intp"] = ms(engine.Int64)
	m["float_type"] = starlark.Tuple{ms(engine.Float16), ms(engine.Float32), ms(engine.Float64)}
	m["number"] = numberType
	m["pytype_to_dtype"] = starlark.NewBuiltin("pytype_to_dtype", pytypeToDType)
	m["dtype_to_nptype"] = starlark.NewBuiltin("dtype_to_nptype", dtypeToNPType)
	m["dtype_to_pytype"] = starlark.NewBuiltin("dtype_to_pytype", dtypeToPyType)
	return m
}

// genericDType is one of MindSpore's abstract number types, such as
// mstype.number, which prints "Number" and names no storage dtype.
type genericDType struct{ name string }

// numberType is mstype.number.
var numberType = &genericDType{name: "Number"}

func (g *genericDType) String() string        { return g.name }
func (g *genericDType) Type() string          { return "mindspore.dtype" }
func (g *genericDType) Freeze()               {}
func (g *genericDType) Truth() starlark.Bool  { return true }
func (g *genericDType) Hash() (uint32, error) { return starlark.String(g.name).Hash() }

// pytypeToDType is mindspore.pytype_to_dtype(obj): int gives Int64,
// float Float64, bool Bool, a NumPy scalar type or dtype its MindSpore
// dtype, and a MindSpore dtype itself.
// NOTE: MindSpore r1.6 also maps str, list, tuple, complex and NoneType
// to its String, List, Tuple, Complex128 and TypeNone types, which
// cellscript does not have; they raise NotImplementedError here.
func pytypeToDType(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	if err := starlark.UnpackArgs("pytype_to_dtype", args, kwargs, "obj", &obj); err != nil {
		return nil, err
	}
	ms := func(d engine.DType) starlark.Value { return tensor.DType{D: d, Flavor: tensor.MindSpore} }
	switch x := obj.(type) {
	case tensor.DType:
		return ms(x.D), nil
	case *genericDType:
		return x, nil
	case pyobj.Type:
		switch x {
		case pyobj.IntType:
			return ms(engine.Int64), nil
		case pyobj.FloatType:
			return ms(engine.Float64), nil
		case pyobj.BoolType:
			return ms(engine.Bool), nil
		}
		if d, err := tensor.DTypeOf(x); err == nil {
			return ms(d), nil
		}
		return nil, core.Errorf("NotImplementedError", "mindspore.pytype_to_dtype: the python type %s cannot be converted to a MindSpore type; use int, float, bool or a NumPy scalar type such as numpy.float32", x.String())
	}
	return nil, core.Errorf("TypeError", "The argument 'obj' must be a python type object, such as int, float, str, etc.But got type %s.", pyobj.TypeOf(obj).String())
}

// dtypeToNPType is mindspore.dtype_to_nptype(type_): the NumPy scalar
// type of a MindSpore dtype, such as <class 'numpy.float32'>.
func dtypeToNPType(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d, err := msDTypeArg("dtype_to_nptype", args, kwargs)
	if err != nil {
		return nil, err
	}
	t, ok := tensor.ScalarType(d)
	if !ok {
		return nil, core.Errorf("KeyError", "%s", tensor.DType{D: d, Flavor: tensor.MindSpore}.String())
	}
	return t, nil
}

// dtypeToPyType is mindspore.dtype_to_pytype(type_): bool for Bool, int
// for the integer dtypes and float for the float dtypes.
func dtypeToPyType(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d, err := msDTypeArg("dtype_to_pytype", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch {
	case d == engine.Bool:
		return pyobj.BoolType, nil
	case d.IsInt():
		return pyobj.IntType, nil
	}
	return pyobj.FloatType, nil
}

// msDTypeArg unpacks the type_ argument of the dtype_to_* functions. It
// raises KeyError for anything but a MindSpore dtype, as the dictionary
// lookup in MindSpore r1.6 does.
func msDTypeArg(fn string, args starlark.Tuple, kwargs []starlark.Tuple) (engine.DType, error) {
	var v starlark.Value
	if err := starlark.UnpackArgs(fn, args, kwargs, "type_", &v); err != nil {
		return 0, err
	}
	d, ok := v.(tensor.DType)
	if !ok || d.Flavor != tensor.MindSpore {
		return 0, core.Errorf("KeyError", "%s; mindspore.%s takes a MindSpore dtype such as mindspore.float32", v.String(), fn)
	}
	return d.D, nil
}
