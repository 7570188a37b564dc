package pyobj

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"
)

// PowHook and MatmulHook, when set, handle x ** y and x @ y for operands
// that no instance method handled, such as tensors. They return handled
// false to pass. Set them during program initialisation.
var (
	PowHook    func(x, y starlark.Value) (result starlark.Value, handled bool, err error)
	MatmulHook func(x, y starlark.Value) (result starlark.Value, handled bool, err error)
)

// maxPowBits bounds the size of an exact int ** int result.
// NOTE: CPython has no such bound. This one (about 2.5 million decimal
// digits) keeps a script from stalling the interpreter on one power.
const maxPowBits = 1 << 23

func powBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	return Pow(thread, x, y)
}

// Pow computes x ** y: instance methods __pow__ and __rpow__, then
// PowHook, then numbers. int ** int is exact for a non-negative
// exponent, and a negative exponent or a float operand gives a float.
func Pow(thread *starlark.Thread, x, y starlark.Value) (starlark.Value, error) {
	if result, done, err := binaryWithHook(thread, powSlot, PowHook, x, y); done {
		return result, err
	}
	result, ok, err := numberPow(x, y)
	if err != nil || ok {
		return result, err
	}
	return nil, unsupportedOperands(powSlot.symbol, x, y)
}

func matmulBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	return Matmul(thread, x, y)
}

// Matmul computes x @ y: instance methods __matmul__ and __rmatmul__,
// then MatmulHook. Numbers do not support @.
func Matmul(thread *starlark.Thread, x, y starlark.Value) (starlark.Value, error) {
	if result, done, err := binaryWithHook(thread, matmulSlot, MatmulHook, x, y); done {
		return result, err
	}
	return nil, unsupportedOperands(matmulSlot.symbol, x, y)
}

// binaryWithHook tries the instance methods of slot and then hook, and
// reports done when one of them produced a result or an error.
func binaryWithHook(thread *starlark.Thread, slot binarySlot, hook func(x, y starlark.Value) (starlark.Value, bool, error), x, y starlark.Value) (starlark.Value, bool, error) {
	_, xIsInstance := x.(*Instance)
	_, yIsInstance := y.(*Instance)
	if xIsInstance || yIsInstance {
		result, err := dispatchBinary(thread, slot, x, y)
		if err != nil || result != NotImplemented {
			return result, true, err
		}
	}
	if hook != nil {
		result, handled, err := hook(x, y)
		if err != nil || handled {
			return result, true, err
		}
	}
	return nil, false, nil
}

// numberPow computes x ** y for ints, bools and floats, and reports
// ok false for other operand types.
func numberPow(x, y starlark.Value) (starlark.Value, bool, error) {
	xi, xIsInt := asInt(x)
	yi, yIsInt := asInt(y)
	if xIsInt && yIsInt && yi.Sign() >= 0 {
		result, err := intPow(xi, yi)
		return result, true, err
	}
	xf, xOK, err := asFloat(x)
	if err != nil || !xOK {
		return nil, xOK, err
	}
	yf, yOK, err := asFloat(y)
	if err != nil || !yOK {
		return nil, yOK, err
	}
	result, err := floatPow(xf, yf)
	return result, true, err
}

func asInt(v starlark.Value) (starlark.Int, bool) {
	switch v := v.(type) {
	case starlark.Int:
		return v, true
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), true
		}
		return starlark.MakeInt(0), true
	}
	return starlark.Int{}, false
}

// asFloat converts an int, bool or float to float64, raising
// OverflowError for an int too large for a float.
func asFloat(v starlark.Value) (float64, bool, error) {
	if f, ok := v.(starlark.Float); ok {
		return float64(f), true, nil
	}
	i, ok := asInt(v)
	if !ok {
		return 0, false, nil
	}
	f := float64(i.Float())
	if math.IsInf(f, 0) {
		return 0, true, NewError(OverflowError, "int too large to convert to float")
	}
	return f, true, nil
}

// intPow computes x ** y exactly for y >= 0.
func intPow(x, y starlark.Int) (starlark.Value, error) {
	base := x.BigInt()
	exp := y.BigInt()
	if base.CmpAbs(big.NewInt(1)) <= 0 {
		// 0, 1 and -1 raised to any power stay within {-1, 0, 1}.
		if base.Sign() == 0 && exp.Sign() == 0 {
			return starlark.MakeInt(1), nil
		}
		if base.Sign() < 0 && exp.Bit(0) == 0 {
			return starlark.MakeInt(1), nil
		}
		return x, nil
	}
	if !exp.IsInt64() || exp.Int64() > maxPowBits || int64(base.BitLen()-1)*exp.Int64() > maxPowBits {
		return nil, NewError(OverflowError, "int ** int: the result would have more than %d bits, so compute it in float or reduce the exponent", maxPowBits)
	}
	return starlark.MakeBigInt(new(big.Int).Exp(base, exp, nil)), nil
}

// floatPow computes x ** y for floats with Python's errors.
func floatPow(x, y float64) (starlark.Value, error) {
	if x == 0 && y < 0 {
		return nil, NewError(ZeroDivisionError, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && !math.IsInf(x, 0) && y != math.Trunc(y) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		// NOTE: Python returns a complex number here, but Starlark has no
		// complex type.
		return nil, ValueErrorf("negative number %v cannot be raised to the fractional power %v: complex results are not supported", x, y)
	}
	result := math.Pow(x, y)
	if math.IsInf(result, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return nil, NewError(OverflowError, "%v ** %v: numerical result out of range", x, y)
	}
	return starlark.Float(result), nil
}
