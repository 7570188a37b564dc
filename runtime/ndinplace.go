package runtime

import (
	"slices"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// arrayInPlace implements x op= y for a NumPy array x as NumPy does: the
// result is written into x's storage, so views of x and other names
// bound to it see the change. The result must keep x's shape, and its
// dtype must cast to x's under NumPy's 'same_kind' rule: a float result
// does not go into an int array. MindSpore tensors and NumPy scalars
// are not updated in place, as in MindSpore and NumPy.
func arrayInPlace(thread *starlark.Thread, x *tensor.Tensor, op string, y starlark.Value) (bool, error) {
	if x.Flavor != tensor.NumPy || x.Scalar || x.T.Device() != engine.CPU {
		return false, nil
	}
	token, ok := augmentedBinaryOps[op]
	if !ok {
		return false, nil
	}
	z, err := starlark.Binary(token, x, boolAsInt(y))
	if err != nil {
		return true, augmentedOpError(err, op)
	}
	tensor.WarnDivision(thread, token, x, y, z)
	result, _, ok := tensor.Of(z)
	if !ok {
		return false, nil
	}
	if !slices.Equal(result.Shape(), x.T.Shape()) {
		return true, core.Errorf("ValueError", "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s", numpyShape(x.T.Shape()), numpyShape(result.Shape()))
	}
	if result.DType() != x.T.DType() {
		if !sameKindCast(result.DType(), x.T.DType()) {
			return true, core.Errorf("TypeError", "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'", ufuncNames[token], result.DType(), x.T.DType())
		}
		if result, err = engine.Cast(result, x.T.DType()); err != nil {
			return true, core.EngineError(op, err)
		}
	}
	if err := x.T.CopyFrom(result); err != nil {
		return true, core.EngineError(op, err)
	}
	x.WriteBack()
	return true, nil
}

// ufuncNames names the NumPy ufunc of each operator, for the casting
// error.
var ufuncNames = map[syntax.Token]string{
	syntax.PLUS: "add", syntax.MINUS: "subtract", syntax.STAR: "multiply",
	syntax.SLASH: "divide", syntax.SLASHSLASH: "floor_divide",
	syntax.AMP: "bitwise_and", syntax.PIPE: "bitwise_or",
	syntax.CIRCUMFLEX: "bitwise_xor", syntax.LTLT: "left_shift",
	syntax.GTGT: "right_shift",
}

// sameKindCast reports whether NumPy's 'same_kind' rule casts from to
// to: within floats, within ints, and from bool or int to a float.
func sameKindCast(from, to engine.DType) bool {
	switch {
	case from == engine.Bool:
		return true
	case from.IsInt():
		return to.IsInt() || to.IsFloat()
	case from.IsFloat():
		return to.IsFloat()
	}
	return false
}

// numpyShape formats a shape as NumPy does: (3,) and (2,3), without
// spaces.
func numpyShape(shape []int) string {
	s := "("
	for i, d := range shape {
		if i > 0 {
			s += ","
		}
		s += starlark.MakeInt(d).String()
	}
	if len(shape) == 1 {
		s += ","
	}
	return s + ")"
}
