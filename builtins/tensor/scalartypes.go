package tensor

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// NumPy's scalar type hierarchy, as in NumPy 1.24:
//
//	generic -> number -> inexact -> floating -> float16, float32, float64
//	generic -> number -> integer -> signedinteger -> int32, int64
//	generic -> bool_
//
// numpy.float64 also derives from Python's float, so isinstance(x, float)
// holds for it, while numpy.int64 does not derive from int and
// numpy.bool_ does not derive from bool.
var (
	GenericType       *pyobj.GoType
	NumberType        *pyobj.GoType
	InexactType       *pyobj.GoType
	FloatingType      *pyobj.GoType
	IntegerType       *pyobj.GoType
	SignedIntegerType *pyobj.GoType
)

// scalarTypes holds the NumPy scalar type objects by dtype. It is
// filled once at package initialisation and only read afterwards.
var scalarTypes = map[engine.DType]*pyobj.GoType{}

// scalarDTypes lists the dtypes that have a NumPy scalar type.
var scalarDTypes = []engine.DType{engine.Float16, engine.Float32, engine.Float64, engine.Int32, engine.Int64, engine.Bool}

// registerScalarTypes makes type() of a NumPy scalar print its scalar
// type, <class 'numpy.float32'>, and builds the abstract types above.
// Calling a scalar type builds a scalar, as numpy.float32(1.5) does.
func registerScalarTypes() {
	GenericType = abstractScalarType("numpy.generic")
	NumberType = abstractScalarType("numpy.number", GenericType)
	InexactType = abstractScalarType("numpy.inexact", NumberType)
	FloatingType = abstractScalarType("numpy.floating", InexactType)
	IntegerType = abstractScalarType("numpy.integer", NumberType)
	SignedIntegerType = abstractScalarType("numpy.signedinteger", IntegerType)

	for _, d := range scalarDTypes {
		name := scalarTypeName(d)
		scalarType := pyobj.NewGoType(name, func(v starlark.Value) bool {
			t, ok := v.(*Tensor)
			return ok && t.Flavor == NumPy && t.Scalar && t.T.DType() == d
		}, scalarBases(d)...)
		scalarType.SetConstructor(DType{d, NumPy})
		pyobj.RegisterGoType(name, scalarType)
		scalarTypes[d] = scalarType
	}
}

// scalarBases returns the base types of the NumPy scalar type of d.
func scalarBases(d engine.DType) []pyobj.Type {
	switch {
	case d == engine.Bool:
		return []pyobj.Type{GenericType}
	case d.IsInt():
		return []pyobj.Type{SignedIntegerType}
	case d == engine.Float64:
		return []pyobj.Type{FloatingType, pyobj.FloatType}
	}
	return []pyobj.Type{FloatingType}
}

// abstractScalarType returns an abstract NumPy scalar type, which has no
// constructor and whose instances are the NumPy scalars whose type
// derives from it.
func abstractScalarType(name string, bases ...pyobj.Type) *pyobj.GoType {
	var t *pyobj.GoType
	t = pyobj.NewGoType(name, func(v starlark.Value) bool {
		s, ok := scalarTypeOf(v)
		return ok && s.IsSubclass(t)
	}, bases...)
	return t
}

// scalarTypeOf returns the NumPy scalar type of v when v is a NumPy
// scalar.
func scalarTypeOf(v starlark.Value) (*pyobj.GoType, bool) {
	t, ok := v.(*Tensor)
	if !ok || t.Flavor != NumPy || !t.Scalar {
		return nil, false
	}
	s, ok := scalarTypes[t.T.DType()]
	return s, ok
}

// ScalarType returns the NumPy scalar type object of dtype d, which
// prints as <class 'numpy.float32'>.
func ScalarType(d engine.DType) (*pyobj.GoType, bool) {
	t, ok := scalarTypes[d]
	return t, ok
}

// IsSubDType reports whether dtype d is a subtype of the NumPy type t
// (a scalar type, an abstract scalar type or Python's float, int or
// bool), as numpy.issubdtype(d, t) does.
func IsSubDType(d engine.DType, t pyobj.Type) bool {
	s, ok := scalarTypes[d]
	return ok && s.IsSubclass(t)
}

// ScalarTypes returns the NumPy module's names of its scalar types,
// concrete and abstract: float32, bool_, floating, generic and so on.
func ScalarTypes() starlark.StringDict {
	out := starlark.StringDict{
		"generic":       GenericType,
		"number":        NumberType,
		"inexact":       InexactType,
		"floating":      FloatingType,
		"integer":       IntegerType,
		"signedinteger": SignedIntegerType,
	}
	for d, t := range scalarTypes {
		name := d.String()
		if d == engine.Bool {
			name = "bool_"
		}
		out[name] = t
	}
	return out
}
