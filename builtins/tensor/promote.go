package tensor

import (
	"fmt"
	"math"

	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// NumPy 1.24 promotes the operands of a binary operation by their dtypes,
// except that a scalar operand (a Python number, a NumPy scalar or a 0-d
// array) combined with an array of at least its kind (bool < integer <
// float) counts only by its value: the array's dtype wins unless the value
// does not fit it. This is NumPy's value-based casting, which NumPy 2
// removed. Two scalars, or a scalar of a higher kind than the array,
// promote by dtype: np.float32(1) / 3 is float64.

// dtypeKind orders dtypes as NumPy's value-based casting compares them.
func dtypeKind(d engine.DType) int {
	switch {
	case d == engine.Bool:
		return 0
	case d.IsInt():
		return 1
	}
	return 2
}

// pythonDType is the dtype NumPy gives a Python number: bool, int64 or
// float64.
func pythonDType(v starlark.Value) engine.DType {
	switch v.(type) {
	case starlark.Bool:
		return engine.Bool
	case starlark.Int:
		return engine.Int64
	}
	return engine.Float64
}

// numpyScalarDType returns the dtype of array op scalar, where the array
// has dtype array and rank at least 1 and the scalar has dtype scalar and
// the given value.
func numpyScalarDType(array, scalar engine.DType, value float64) engine.DType {
	if dtypeKind(scalar) > dtypeKind(array) {
		return engine.Promote(array, scalar)
	}
	switch {
	case scalar == engine.Bool:
		return array
	case dtypeKind(scalar) == 1 && array == engine.Int32:
		// The scalar's minimal type is an integer type that fits in int32,
		// or uint32 or int64, which promote with int32 to int64.
		if value >= math.MinInt32 && value <= math.MaxInt32 {
			return engine.Int32
		}
		return engine.Int64
	case dtypeKind(scalar) == 1 && array == engine.Float32:
		// int8, uint8, int16 and uint16 fit in float32; int32 and uint32
		// promote with float32 to float64.
		if value >= math.MinInt16 && value <= math.MaxUint16 {
			return engine.Float32
		}
		return engine.Float64
	case dtypeKind(scalar) == 2 && array == engine.Float32:
		// NumPy's min_scalar_type gives float32 or smaller for values
		// strictly inside ±3.4e38 and for inf and nan.
		if math.IsInf(value, 0) || math.IsNaN(value) || math.Abs(value) < 3.4e38 {
			return engine.Float32
		}
		return engine.Float64
	}
	return array
}

// numpyPairDType returns the dtype NumPy 1.24 gives a binary operation on
// two tensors.
func numpyPairDType(a, b *engine.Tensor) engine.DType {
	switch {
	case a.Rank() == 0 && b.Rank() > 0:
		return numpyScalarDType(b.DType(), a.DType(), a.Float(0))
	case b.Rank() == 0 && a.Rank() > 0:
		return numpyScalarDType(a.DType(), b.DType(), b.Float(0))
	}
	return engine.Promote(a.DType(), b.DType())
}

// numpyNumberDType returns the dtype NumPy 1.24 gives a binary operation
// on a tensor and the Python number v, whose value is value.
func numpyNumberDType(t *engine.Tensor, v starlark.Value, value float64) engine.DType {
	if t.Rank() == 0 {
		return engine.Promote(t.DType(), pythonDType(v))
	}
	return numpyScalarDType(t.DType(), pythonDType(v), value)
}

// scalarTypeName returns the name of the NumPy scalar type of dtype d.
func scalarTypeName(d engine.DType) string {
	if d == engine.Bool {
		return "numpy.bool_"
	}
	return "numpy." + d.String()
}

// CompareSameType compares NumPy scalars by value, so that sorted(),
// min(), max() and dict lookups work on them. Other tensors compare
// equal only to themselves and have no order. Script comparisons such
// as a < b go through Compare instead and work elementwise.
// go.starlark.net compares values of different Go types without this
// method, so sorted, min and max compare OrderKey of each element.
func (t *Tensor) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	u := y.(*Tensor)
	if t.Scalar && u.Scalar {
		return starlark.CompareDepth(op, ElementValue(t.T, 0), ElementValue(u.T, 0), depth)
	}
	switch op {
	case syntax.EQL:
		return t == u, nil
	case syntax.NEQ:
		return t != u, nil
	}
	return false, fmt.Errorf("'%s' not supported between instances of '%s' and '%s'", op, t.Type(), u.Type())
}

// OrderKey returns the value that sorted(), min() and max() compare in
// place of v: the Python number of a NumPy scalar, a tuple with its
// NumPy scalars replaced the same way, or v itself. changed reports
// whether the result differs from v. NumPy compares a float32 scalar
// with a Python float in float64, as this comparison of Python numbers
// does.
func OrderKey(v starlark.Value) (key starlark.Value, changed bool) {
	switch x := v.(type) {
	case *Tensor:
		if x.Flavor == NumPy && x.Scalar {
			return ElementValue(x.T, 0), true
		}
	case starlark.Tuple:
		var out starlark.Tuple
		for i, elem := range x {
			k, ok := OrderKey(elem)
			if !ok {
				continue
			}
			if out == nil {
				out = append(starlark.Tuple(nil), x...)
			}
			out[i] = k
		}
		if out != nil {
			return out, true
		}
	}
	return v, false
}
