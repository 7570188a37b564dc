package tensor

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// numpyMethods are ndarray methods that MindSpore's Tensor does not
// share; addNumPyMethods adds them to methods and numpyOnly.
var numpyMethods = map[string]method{
	"std":     stdVarMethod(true),
	"var":     stdVarMethod(false),
	"cumsum":  accumulateMethod("cumsum"),
	"cumprod": accumulateMethod("cumprod"),
	"ptp":     mPtp,
	"round":   mRound,
	"ravel":   mFlatten,
	"fill":    mFill,

	"diagonal": mDiagonal,
	"trace":    mTrace,
}

func addNumPyMethods() {
	for name, m := range numpyMethods {
		methods[name] = m
		numpyOnly[name] = true
	}
}

func stdVarMethod(isStd bool) method {
	name := "var"
	if isStd {
		name = "std"
	}
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var axis starlark.Value = starlark.None
		ddof := 0
		keep := false
		if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "dtype?", new(starlark.Value), "out?", new(starlark.Value), "ddof?", &ddof, "keepdims?", &keep); err != nil {
			return nil, err
		}
		axes, err := Axes(axis)
		if err != nil {
			return nil, err
		}
		out, err := StdVar(t.T, axes, ddof, keep, isStd)
		if err != nil {
			return nil, core.EngineError(t.Type()+"."+name, err)
		}
		return wrapFlavor(out, t.Flavor), nil
	}
}

// StdVar computes NumPy 1.24's var, or std when isStd is set, over axes
// (nil for all). The mean is the sum divided by the count, and the
// variance is the sum of squared deviations divided by count - ddof. Both
// use the array's float dtype, which is float64 for int and bool arrays.
func StdVar(t *engine.Tensor, axes []int, ddof int, keep, isStd bool) (*engine.Tensor, error) {
	if !t.DType().IsFloat() {
		c, err := engine.Cast(t, engine.Float64)
		if err != nil {
			return nil, err
		}
		t = c
	}
	sum, err := numpySum(t, axes, true)
	if err != nil {
		return nil, err
	}
	count := t.Numel() / max(1, sum.Numel())
	mean, err := engine.Div(sum, engine.Scalar(t.DType(), float64(count)))
	if err != nil {
		return nil, err
	}
	deviation, err := engine.Sub(t, mean)
	if err != nil {
		return nil, err
	}
	squared, err := engine.Mul(deviation, deviation)
	if err != nil {
		return nil, err
	}
	total, err := numpySum(squared, axes, keep)
	if err != nil {
		return nil, err
	}
	v, err := engine.Div(total, engine.Scalar(t.DType(), float64(max(count-ddof, 0))))
	if err != nil || !isStd {
		return v, err
	}
	return engine.Sqrt(v)
}

func accumulateMethod(name string) method {
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var axis starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "dtype?", new(starlark.Value), "out?", new(starlark.Value)); err != nil {
			return nil, err
		}
		out, err := Accumulate(t.T, axis, name == "cumprod")
		if err != nil {
			return nil, core.Prefix(t.Type()+"."+name, err)
		}
		return wrapFlavor(out, t.Flavor), nil
	}
}

// Accumulate computes NumPy's cumsum, or cumprod when product is set,
// along axis (None flattens first). Bool and int32 inputs accumulate in
// int64 and wrap on overflow, and floats accumulate in their own dtype.
func Accumulate(t *engine.Tensor, axis starlark.Value, product bool) (*engine.Tensor, error) {
	ax := 0
	if axis == nil || axis == starlark.None {
		flat, err := engine.Reshape(t, -1)
		if err != nil {
			return nil, err
		}
		t = flat
	} else if err := starlark.AsInt(axis, &ax); err != nil {
		return nil, core.Errorf("TypeError", "axis must be an int or None, not %s", axis.Type())
	}
	shape := t.Shape()
	if len(shape) == 0 {
		shape = []int{1}
	}
	if ax < 0 {
		ax += len(shape)
	}
	if ax < 0 || ax >= len(shape) {
		return nil, core.Errorf("ValueError", "axis %s is out of bounds for array of dimension %d", axis, len(shape))
	}
	inner := engine.Numel(shape[ax+1:])
	outer := engine.Numel(shape[:ax])
	length := shape[ax]

	if !t.DType().IsFloat() {
		vals := make([]int64, t.Numel())
		for i := range vals {
			vals[i] = t.Int(i)
		}
		accumulateAlong(vals, outer, length, inner, product, func(v int64) int64 { return v })
		return engine.FromInt64(vals, t.Shape()...)
	}
	vals := t.Floats()
	round := roundFunc(t.DType())
	accumulateAlong(vals, outer, length, inner, product, round)
	return engine.FromValues(t.DType(), vals, t.Shape()...)
}

func accumulateAlong[T int64 | float64](vals []T, outer, length, inner int, product bool, round func(T) T) {
	for o := 0; o < outer; o++ {
		for in := 0; in < inner; in++ {
			base := o*length*inner + in
			for k := 1; k < length; k++ {
				prev, cur := base+(k-1)*inner, base+k*inner
				if product {
					vals[cur] = round(vals[prev] * vals[cur])
				} else {
					vals[cur] = round(vals[prev] + vals[cur])
				}
			}
		}
	}
}

// roundFunc returns the rounding of a float64 result to the width of d,
// so that a chain of float32 or float16 operations matches NumPy's.
func roundFunc(d engine.DType) func(float64) float64 {
	switch d {
	case engine.Float32:
		return func(v float64) float64 { return float64(float32(v)) }
	case engine.Float16:
		return func(v float64) float64 {
			return float64(engine.HalfBitsToFloat32(engine.HalfBitsFromFloat64(v)))
		}
	}
	return func(v float64) float64 { return v }
}

func mPtp(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis starlark.Value = starlark.None
	keep := false
	if err := starlark.UnpackArgs("ptp", args, kwargs, "axis?", &axis, "out?", new(starlark.Value), "keepdims?", &keep); err != nil {
		return nil, err
	}
	axes, err := Axes(axis)
	if err != nil {
		return nil, err
	}
	hi, err := engine.Max(t.T, axes, keep)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.ptp", err)
	}
	lo, err := engine.Min(t.T, axes, keep)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.ptp", err)
	}
	out, err := engine.Sub(hi, lo)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.ptp", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

func mRound(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	decimals := 0
	if err := starlark.UnpackArgs("round", args, kwargs, "decimals?", &decimals, "out?", new(starlark.Value)); err != nil {
		return nil, err
	}
	out, err := RoundDecimals(t.T, decimals)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.round", err)
	}
	return &Tensor{T: out, Flavor: t.Flavor, Scalar: t.Scalar}, nil
}

// RoundDecimals rounds to the given number of decimals, ties to even, as
// NumPy 1.24's around does. Floats compute rint(x * 10^d) / 10^d, or
// rint(x / 10^-d) * 10^-d for negative d, in their own dtype. Integers
// are unchanged unless d is negative.
func RoundDecimals(t *engine.Tensor, decimals int) (*engine.Tensor, error) {
	if !t.DType().IsFloat() {
		if decimals >= 0 {
			return t.Clone(), nil
		}
		return roundIntegers(t, decimals)
	}
	round := roundFunc(t.DType())
	scale := round(math.Pow(10, float64(abs(decimals))))
	vals := t.Floats()
	for i, v := range vals {
		if decimals >= 0 {
			vals[i] = round(math.RoundToEven(round(v*scale)) / scale)
		} else {
			vals[i] = round(math.RoundToEven(round(v/scale)) * scale)
		}
	}
	return engine.FromValues(t.DType(), vals, t.Shape()...)
}

// roundIntegers rounds integers to a negative number of decimals, ties to
// even. Bool arrays become int64, as NumPy's around makes them.
func roundIntegers(t *engine.Tensor, decimals int) (*engine.Tensor, error) {
	scale := int64(1)
	for i := 0; i < -decimals && scale < math.MaxInt64/10; i++ {
		scale *= 10
	}
	vals := make([]int64, t.Numel())
	for i := range vals {
		v := t.Int(i)
		q, r := v/scale, v%scale
		if r < 0 {
			q, r = q-1, r+scale
		}
		if 2*r > scale || (2*r == scale && q%2 != 0) {
			q++
		}
		vals[i] = q * scale
	}
	out, err := engine.FromInt64(vals, t.Shape()...)
	if err != nil || t.DType() == engine.Bool {
		return out, err
	}
	return engine.Cast(out, t.DType())
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func mFill(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var value starlark.Value
	if err := starlark.UnpackArgs("fill", args, kwargs, "value", &value); err != nil {
		return nil, err
	}
	v, err := ToEngine(value, nil, NumPy)
	if err != nil {
		return nil, err
	}
	x, err := v.Item()
	if err != nil {
		return nil, core.Errorf("ValueError", "fill: value must be a scalar, got shape %v", v.Shape())
	}
	filled, err := engine.Full(t.T.DType(), x, t.T.Shape()...)
	if err == nil {
		err = t.T.CopyFrom(filled)
	}
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.fill", err)
	}
	t.WriteBack()
	return starlark.None, nil
}

// itemSize returns ndarray.itemsize or ndarray.nbytes, in bytes.
func itemSize(t *Tensor, name string) starlark.Value {
	size := t.T.DType().Size()
	if name == "nbytes" {
		size *= t.T.Numel()
	}
	return starlark.MakeInt(size)
}

// flatItemIndex converts the arguments of ndarray.item (none, a flat
// index, or one index per axis; negative ones count from the end) to a
// flat index.
func flatItemIndex(t *engine.Tensor, args starlark.Tuple) (int, error) {
	if len(args) == 1 {
		if tuple, ok := args[0].(starlark.Tuple); ok {
			args = tuple
		}
	}
	n := t.Numel()
	if len(args) == 0 {
		if n != 1 {
			return 0, core.Errorf("ValueError", "can only convert an array of size 1 to a Python scalar, got size %d", n)
		}
		return 0, nil
	}
	index := make([]int, len(args))
	for i, a := range args {
		if err := starlark.AsInt(a, &index[i]); err != nil {
			return 0, core.Errorf("TypeError", "an integer is required, not %s", a.Type())
		}
	}
	if len(index) == 1 {
		flat := index[0]
		if flat < 0 {
			flat += n
		}
		if flat < 0 || flat >= n {
			return 0, core.Errorf("IndexError", "index %d is out of bounds for size %d", index[0], n)
		}
		return flat, nil
	}
	shape := t.Shape()
	if len(index) != len(shape) {
		return 0, core.Errorf("ValueError", "incorrect number of indices for array")
	}
	flat := 0
	for axis, i := range index {
		if i < 0 {
			i += shape[axis]
		}
		if i < 0 || i >= shape[axis] {
			return 0, core.Errorf("IndexError", "index %d is out of bounds for axis %d with size %d", index[axis], axis, shape[axis])
		}
		flat = flat*shape[axis] + i
	}
	return flat, nil
}

// logicalReduce computes any or all over axes (nil for all) with
// keepdims, as a bool array.
func logicalReduce(t *engine.Tensor, axes []int, keep, all bool) (*engine.Tensor, error) {
	nonzero, err := engine.NotEqual(t, engine.Scalar(t.DType(), 0))
	if err != nil {
		return nil, err
	}
	asInt, err := engine.Cast(nonzero, engine.Int64)
	if err != nil {
		return nil, err
	}
	var reduced *engine.Tensor
	if all {
		reduced, err = engine.Min(asInt, axes, keep)
	} else {
		reduced, err = engine.Max(asInt, axes, keep)
	}
	if err != nil {
		return nil, err
	}
	return engine.Cast(reduced, engine.Bool)
}

// RoundScalar computes Python's round(x, ndigits) for a NumPy int or float
// scalar x, which NumPy 1.24 returns as a scalar of x's dtype, rounded as
// np.round does. It reports false for any other x or a None ndigits.
func RoundScalar(x, ndigits starlark.Value) (starlark.Value, bool, error) {
	t, ok := x.(*Tensor)
	if !ok || t.Flavor != NumPy || !t.Scalar || t.T.DType() == engine.Bool || ndigits == starlark.None {
		return nil, false, nil
	}
	var decimals int
	if err := starlark.AsInt(ndigits, &decimals); err != nil {
		return nil, true, core.Errorf("TypeError", "'%s' object cannot be interpreted as an integer", ndigits.Type())
	}
	out, err := RoundDecimals(t.T, decimals)
	if err != nil {
		return nil, true, err
	}
	return &Tensor{T: out, Flavor: NumPy, Scalar: true}, true, nil
}
