package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/syntax"
)

// bitwiseUfuncs names NumPy's ufunc of each bitwise operator, for errors.
var bitwiseUfuncs = map[syntax.Token]string{
	syntax.AMP: "bitwise_and", syntax.PIPE: "bitwise_or", syntax.CIRCUMFLEX: "bitwise_xor",
}

// bitwise applies & | ^ to tensors of one dtype, as NumPy does: logical
// on bools, bitwise on integers, and a TypeError on floats.
func bitwise(op syntax.Token, a, b *engine.Tensor) (*engine.Tensor, error) {
	if a.DType() != b.DType() {
		// operands() promotes to one dtype; a mix is a bool beside an int.
		d := a.DType()
		if d == engine.Bool {
			d = b.DType()
		}
		var err error
		if a, err = engine.Cast(a, d); err != nil {
			return nil, err
		}
		if b, err = engine.Cast(b, d); err != nil {
			return nil, err
		}
	}
	switch d := a.DType(); {
	case d == engine.Bool:
		switch op {
		case syntax.AMP:
			return engine.LogicalAnd(a, b)
		case syntax.PIPE:
			return engine.LogicalOr(a, b)
		}
		return engine.NotEqual(a, b)
	case d.IsInt():
		return bitwiseInts(op, a, b)
	}
	return nil, core.Errorf("TypeError", "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''", bitwiseUfuncs[op])
}

// bitwiseInts applies & | ^ elementwise to two integer tensors of one
// dtype, broadcasting them.
func bitwiseInts(op syntax.Token, a, b *engine.Tensor) (*engine.Tensor, error) {
	shape, ok := engine.BroadcastShapes(a.Shape(), b.Shape())
	if !ok {
		return nil, core.Errorf("ValueError", "operands could not be broadcast together with shapes %s %s", engine.FormatShape(a.Shape()), engine.FormatShape(b.Shape()))
	}
	var err error
	if a, err = engine.BroadcastTo(a, shape...); err != nil {
		return nil, err
	}
	if b, err = engine.BroadcastTo(b, shape...); err != nil {
		return nil, err
	}
	if a.DType() == engine.Int32 {
		return engine.FromInt32(applyBits(op, a.I32(), b.I32()), shape...)
	}
	return engine.FromInt64(applyBits(op, a.I64(), b.I64()), shape...)
}

func applyBits[T int32 | int64](op syntax.Token, x, y []T) []T {
	out := make([]T, len(x))
	for i := range out {
		switch op {
		case syntax.AMP:
			out[i] = x[i] & y[i]
		case syntax.PIPE:
			out[i] = x[i] | y[i]
		default:
			out[i] = x[i] ^ y[i]
		}
	}
	return out
}
