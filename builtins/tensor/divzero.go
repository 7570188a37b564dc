package tensor

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// numpyIntDivMod is NumPy's integer a // b or a % b: a zero divisor
// gives 0 where Python raises ZeroDivisionError.
func numpyIntDivMod(a, b *engine.Tensor, wantMod bool) (*engine.Tensor, error) {
	zero := engine.Scalar(b.DType(), 0)
	isZero, err := engine.Equal(b, zero)
	if err != nil {
		return nil, err
	}
	safe, err := engine.Where(isZero, engine.Scalar(b.DType(), 1), b)
	if err != nil {
		return nil, err
	}
	var out *engine.Tensor
	if wantMod {
		out, err = mod(a, safe)
	} else {
		out, err = floorDiv(a, safe)
	}
	if err != nil {
		return nil, err
	}
	return engine.Where(isZero, engine.Scalar(out.DType(), 0), out)
}

// ufuncNames are NumPy's names for the division operators in its
// warnings.
var ufuncNames = map[syntax.Token]string{
	syntax.SLASH:      "divide",
	syntax.SLASHSLASH: "floor_divide",
	syntax.PERCENT:    "remainder",
}

// WarnDivision prints the RuntimeWarnings that NumPy 1.24 prints for
// x op y, where op is /, // or % and result is the NumPy value of x op y.
// "divide by zero" means a finite nonzero dividend over zero, or any
// integer dividend for // and %. "invalid value" means a NaN result from
// operands without NaN, and "overflow" an infinite quotient of finite
// operands. The warnings name the "scalar" variant of the ufunc where
// NumPy's scalar math computes the operation, and go through core.Warn,
// which prints each once per source line.
//
// NOTE: integer overflow (the minimum int64 // -1) prints no warning,
// and only the runtime's operator builtins call WarnDivision, so an
// operator that go.starlark.net evaluates by itself prints none.
func WarnDivision(thread *starlark.Thread, op syntax.Token, x, y, result starlark.Value) {
	name, ok := ufuncNames[op]
	if !ok {
		return
	}
	a, b, out, ok := numpyDivision(x, y, result)
	if !ok {
		return
	}
	var flags floatFlags
	flags.add(op, a, b, out)
	flags.warn(thread, x, y, name)
}

// WarnDivmod prints the RuntimeWarnings that NumPy 1.24 prints for
// divmod(x, y) with the NumPy values quotient and remainder: those of
// x // y and x % y together, naming the divmod ufunc.
func WarnDivmod(thread *starlark.Thread, x, y, quotient, remainder starlark.Value) {
	a, b, q, ok := numpyDivision(x, y, quotient)
	if !ok {
		return
	}
	_, _, r, ok := numpyDivision(x, y, remainder)
	if !ok {
		return
	}
	var flags floatFlags
	flags.add(syntax.SLASHSLASH, a, b, q)
	flags.add(syntax.PERCENT, a, b, r)
	flags.warn(thread, x, y, "divmod")
}

// numpyDivision returns the operands of x op y as the operator converts
// them, and result's tensor; ok is false unless result is a NumPy value.
func numpyDivision(x, y, result starlark.Value) (a, b, out *engine.Tensor, ok bool) {
	t, isTensor := result.(*Tensor)
	if !isTensor || t.Flavor != NumPy {
		return nil, nil, nil, false
	}
	a, b, _, err := operands(x, y)
	if err != nil {
		return nil, nil, nil, false
	}
	return a, b, t.T, true
}

// floatFlags are the floating-point conditions a NumPy operation raised.
type floatFlags struct {
	divideByZero, invalid, overflow bool
}

// warn prints a RuntimeWarning for each raised flag, in NumPy's order.
func (f floatFlags) warn(thread *starlark.Thread, x, y starlark.Value, ufunc string) {
	if usesScalarMath(x, y) {
		ufunc = "scalar " + ufunc
	}
	if f.divideByZero {
		core.Warn(thread, "RuntimeWarning", "divide by zero encountered in "+ufunc)
	}
	if f.overflow {
		core.Warn(thread, "RuntimeWarning", "overflow encountered in "+ufunc)
	}
	if f.invalid {
		core.Warn(thread, "RuntimeWarning", "invalid value encountered in "+ufunc)
	}
}

// add raises the flags that a op b = out raised, elementwise over the
// broadcast operands.
func (f *floatFlags) add(op syntax.Token, a, b, out *engine.Tensor) {
	shape := out.Shape()
	ea, err := engine.BroadcastTo(a, shape...)
	if err != nil {
		return
	}
	eb, err := engine.BroadcastTo(b, shape...)
	if err != nil {
		return
	}
	isInt := a.DType().IsInt() && op != syntax.SLASH
	av, bv, qv := ea.Floats(), eb.Floats(), out.Floats()
	for i, q := range qv {
		x, y := av[i], bv[i]
		switch {
		case y == 0 && isInt:
			f.divideByZero = true
		case y == 0 && op != syntax.PERCENT && x != 0 && isFinite(x):
			f.divideByZero = true
		case math.IsNaN(q) && !math.IsNaN(x) && !math.IsNaN(y):
			f.invalid = true
		case math.IsInf(q, 0) && isFinite(x) && isFinite(y) && y != 0:
			f.overflow = true
		}
	}
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// usesScalarMath reports whether NumPy 1.24 computes x op y in its
// scalar math rather than its ufuncs, which changes the warning text.
// Both operands must be NumPy scalars or Python numbers. Then one of
// them must take the other without promotion. A Python int fits only an
// int64 or float64 scalar, and a Python float only a float64 one. A NumPy
// scalar fits another whose dtype it casts to safely.
func usesScalarMath(x, y starlark.Value) bool {
	dx, xScalar := scalarDType(x)
	dy, yScalar := scalarDType(y)
	if !xScalar || !yScalar {
		return false
	}
	if dx == nil || dy == nil {
		numpy, python := dx, y
		if numpy == nil {
			numpy, python = dy, x
		}
		if numpy == nil {
			return false
		}
		if _, isFloat := ScalarKind(python); isFloat {
			return *numpy == engine.Float64
		}
		return *numpy == engine.Int64 || *numpy == engine.Float64
	}
	promoted := engine.Promote(*dx, *dy)
	return promoted == *dx || promoted == *dy
}

// scalarDType returns the dtype of a NumPy scalar, or nil for a Python
// number; ok is false for anything else, such as an array.
func scalarDType(v starlark.Value) (d *engine.DType, ok bool) {
	if t, isTensor := v.(*Tensor); isTensor {
		if t.Flavor != NumPy || !t.Scalar {
			return nil, false
		}
		dt := t.T.DType()
		return &dt, true
	}
	if isNum, _ := ScalarKind(v); isNum {
		if _, isBool := v.(starlark.Bool); isBool {
			return nil, false
		}
		return nil, true
	}
	return nil, false
}
