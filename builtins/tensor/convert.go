package tensor

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// kind orders the Python element kinds as NumPy infers array dtypes.
type kind uint8

const (
	kindBool kind = iota
	kindInt
	kindFloat
)

// ToEngine converts a Python value (a number, a bool, nested lists or
// tuples of them, a Tensor or an array) into an engine tensor. A nil
// dtype infers one: bool, then int64, then float (float64 for NumPy,
// float32 for MindSpore, as Tensor([1.0]) is Float32 there).
func ToEngine(v starlark.Value, dtype *engine.DType, f Flavor) (*engine.Tensor, error) {
	if t, _, ok := Of(v); ok {
		if dtype == nil || *dtype == t.DType() {
			return t, nil
		}
		return engine.Cast(t, *dtype)
	}
	var shape []int
	if err := inferShape(v, 0, &shape); err != nil {
		return nil, err
	}
	vals := make([]float64, 0, engine.Numel(shape))
	k := kindBool
	if err := flatten(v, 0, shape, &vals, &k); err != nil {
		return nil, err
	}
	d := engine.Float32
	switch {
	case dtype != nil:
		d = *dtype
	case k == kindBool:
		d = engine.Bool
	case k == kindInt:
		d = engine.Int64
	case f == NumPy:
		d = engine.Float64
	}
	if shape == nil {
		shape = []int{} // a 0-d value; FromValues reads a nil shape as 1-D
	}
	if d.IsInt() && k == kindFloat {
		for i, x := range vals {
			vals[i] = math.Trunc(x)
		}
	}
	return engine.FromValues(d, vals, shape...)
}

func inferShape(v starlark.Value, depth int, shape *[]int) error {
	if depth > 32 {
		return core.Errorf("ValueError", "nested sequence is too deep (more than 32 levels); tensors have at most 32 dimensions")
	}
	if t, _, ok := Of(v); ok {
		*shape = append(*shape, t.Shape()...)
		return nil
	}
	seq, ok := v.(starlark.Indexable)
	if !ok || isString(v) {
		return nil
	}
	*shape = append(*shape, seq.Len())
	if seq.Len() > 0 {
		return inferShape(seq.Index(0), depth+1, shape)
	}
	return nil
}

func isString(v starlark.Value) bool {
	_, ok := v.(starlark.String)
	return ok
}

func flatten(v starlark.Value, depth int, shape []int, out *[]float64, k *kind) error {
	if t, _, ok := Of(v); ok {
		if !sameTail(t.Shape(), shape[depth:]) {
			return inhomogeneous(shape, depth)
		}
		*out = append(*out, t.Floats()...)
		*k = max(*k, kindOfDType(t.DType()))
		return nil
	}
	if depth == len(shape) {
		return scalarValue(v, out, k)
	}
	seq, ok := v.(starlark.Indexable)
	if !ok || isString(v) || seq.Len() != shape[depth] {
		return inhomogeneous(shape, depth)
	}
	for i := 0; i < seq.Len(); i++ {
		if err := flatten(seq.Index(i), depth+1, shape, out, k); err != nil {
			return err
		}
	}
	return nil
}

func sameTail(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func kindOfDType(d engine.DType) kind {
	switch {
	case d == engine.Bool:
		return kindBool
	case d.IsInt():
		return kindInt
	}
	return kindFloat
}

func scalarValue(v starlark.Value, out *[]float64, k *kind) error {
	switch x := v.(type) {
	case starlark.Bool:
		if x {
			*out = append(*out, 1)
		} else {
			*out = append(*out, 0)
		}
		return nil
	case starlark.Int:
		if _, ok := x.Int64(); !ok {
			return core.Errorf("OverflowError", "Python int too large to convert to C long: %s does not fit in int64; pass it as a float", x)
		}
		f, _ := starlark.AsFloat(x)
		*out = append(*out, f)
		*k = max(*k, kindInt)
		return nil
	case starlark.Float:
		*out = append(*out, float64(x))
		*k = kindFloat
		return nil
	}
	if isString(v) {
		return core.Errorf("ValueError", "could not convert string to a number: %s; tensors hold numbers and bools only", v.String())
	}
	return core.Errorf("TypeError", "tensor elements must be numbers or bools, not %s (%s)", pyobj.TypeOf(v).Name(), v.String())
}

// inhomogeneous is NumPy's error for nested sequences whose lengths
// differ at depth, such as [[1, 2], [3]].
func inhomogeneous(shape []int, depth int) error {
	return core.Errorf("ValueError", "setting an array element with a sequence. The requested array has an inhomogeneous shape after %d dimensions. The detected shape was %s + inhomogeneous part.", depth, engine.FormatShape(shape[:depth]))
}

// ScalarKind reports whether v is a Python number and, if so, whether
// it is a float.
func ScalarKind(v starlark.Value) (isNumber, isFloat bool) {
	switch v.(type) {
	case starlark.Int, starlark.Bool:
		return true, false
	case starlark.Float:
		return true, true
	}
	return false, false
}

// AsTensor converts an argument of a MindSpore call to an engine tensor:
// tensors and arrays pass through, Python numbers and lists become
// float32 (floats) or int64 (ints) tensors.
func AsTensor(v starlark.Value) (*engine.Tensor, error) {
	if t, _, ok := Of(v); ok {
		return t, nil
	}
	return ToEngine(v, nil, MindSpore)
}
