package tensor

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Flavor is the library a value belongs to: MindSpore tensors and
// NumPy arrays share one Go type but print, promote and name things
// differently.
type Flavor uint8

// The flavors.
const (
	MindSpore Flavor = iota
	NumPy
)

// DType is a dtype object: numpy.float32 (prints "float32") or
// mindspore.float32 (prints "Float32"). NumPy dtype objects are callable
// and build scalars: np.float32(1.5).
type DType struct {
	D      engine.DType
	Flavor Flavor
}

var (
	_ starlark.Comparable = DType{}
	_ starlark.Callable   = DType{}
)

func (d DType) String() string {
	if d.Flavor == NumPy {
		return d.D.String()
	}
	s := d.D.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Type returns the Python type name.
func (d DType) Type() string {
	if d.Flavor == NumPy {
		return "numpy.dtype"
	}
	return "mindspore.dtype"
}
func (d DType) Freeze()               {}
func (d DType) Truth() starlark.Bool  { return true }
func (d DType) Hash() (uint32, error) { return uint32(d.D), nil }

// Name returns the dtype's NumPy name, as dtype.name does.
func (d DType) Name() string { return d.D.String() }

// CompareSameType compares dtype objects of either flavor by dtype.
func (d DType) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	e := y.(DType)
	switch op {
	case syntax.EQL:
		return d.D == e.D, nil
	case syntax.NEQ:
		return d.D != e.D, nil
	}
	return false, fmt.Errorf("dtype objects support only == and !=")
}

// Repr returns dtype('float32') for a NumPy dtype and Float32 for a
// MindSpore one.
func (d DType) Repr() string {
	if d.Flavor == NumPy {
		return "dtype('" + d.D.String() + "')"
	}
	return d.String()
}

// Equal compares a NumPy dtype with anything NumPy converts to a dtype:
// a scalar type (np.float32), a type name ('float32') or Python's float,
// int and bool. It reports handled false for MindSpore dtypes and for
// other values.
func (d DType) Equal(y starlark.Value) (eq, handled bool, err error) {
	if d.Flavor != NumPy {
		return false, false, nil
	}
	switch y.(type) {
	case *pyobj.GoType, starlark.String, *starlark.Builtin:
		e, err := DTypeOf(y)
		return err == nil && e == d.D, true, nil
	}
	return false, false, nil
}

// Attr returns dtype attributes: name, itemsize, kind ('f' for floats,
// 'i' for signed integers, 'b' for bool) and type (the scalar type).
func (d DType) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(d.Name()), nil
	case "itemsize":
		return starlark.MakeInt(d.D.Size()), nil
	case "kind":
		return starlark.String(dtypeKindCode(d.D)), nil
	case "type":
		if t, ok := scalarTypes[d.D]; ok {
			return t, nil
		}
	}
	return nil, nil
}

// AttrNames lists the dtype attributes.
func (d DType) AttrNames() []string { return []string{"itemsize", "kind", "name", "type"} }

// dtypeKindCode returns NumPy's dtype.kind character of d.
func dtypeKindCode(d engine.DType) string {
	switch {
	case d == engine.Bool:
		return "b"
	case d.IsInt():
		return "i"
	}
	return "f"
}

// CallInternal builds a NumPy scalar (a 0-d array) of this dtype.
func (d DType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer pyobj.RecoverPanic(d.Name(), &err)
	call := "numpy." + d.Name()
	if d.Flavor == MindSpore {
		call = "mindspore." + d.Name()
	}
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "%s() takes exactly one argument, the value to convert", call)
	}
	t, err := ToEngine(args[0], &d.D, d.Flavor)
	if err != nil {
		return nil, core.Prefix(call, err)
	}
	return &Tensor{T: t, Flavor: d.Flavor, Scalar: t.Rank() == 0}, nil
}

// DTypeOf converts a dtype argument: a DType object of either flavor, a
// NumPy type name ("float32"), or Python's float, int and bool types.
func DTypeOf(v starlark.Value) (engine.DType, error) {
	switch x := v.(type) {
	case DType:
		return x.D, nil
	case starlark.String:
		if d, ok := engine.ParseDType(strings.ToLower(string(x))); ok {
			return d, nil
		}
		if x == "float" {
			return engine.Float64, nil
		}
		if x == "int" {
			return engine.Int64, nil
		}
	case *pyobj.GoType:
		for d, t := range scalarTypes {
			if t == x {
				return d, nil
			}
		}
	case *starlark.Builtin:
		switch x.Name() {
		case "float":
			return engine.Float64, nil
		case "int":
			return engine.Int64, nil
		case "bool":
			return engine.Bool, nil
		}
	}
	if v.Type() == "type" || v.Type() == "builtin_function_or_method" {
		switch v.String() {
		case "<class 'float'>", "<built-in function float>":
			return engine.Float64, nil
		case "<class 'int'>", "<built-in function int>":
			return engine.Int64, nil
		case "<class 'bool'>", "<built-in function bool>":
			return engine.Bool, nil
		}
	}
	return 0, fmt.Errorf("data type %s is not understood; use float16, float32, float64, int32, int64 or bool", v.String())
}

// DTypes returns the dtype objects of a flavor by name.
func DTypes(f Flavor) starlark.StringDict {
	out := starlark.StringDict{}
	for _, d := range []engine.DType{engine.Float16, engine.Float32, engine.Float64, engine.Int32, engine.Int64, engine.Bool} {
		name := d.String()
		if d == engine.Bool && f == NumPy {
			name = "bool_"
		}
		out[name] = DType{d, f}
	}
	if f == MindSpore {
		out["float_"] = DType{engine.Float32, f}
		out["bool_"] = DType{engine.Bool, f}
		out["int_"] = DType{engine.Int64, f}
	}
	return out
}
