package numpy

import (
	"math"
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// floatResult is the dtype of a float statistic of t: t's own float
// dtype, or float64 for integer and bool arrays.
func floatResult(t *engine.Tensor) engine.DType {
	if t.DType().IsFloat() {
		return t.DType()
	}
	return engine.Float64
}

// median is np.median(a, axis=None, out=None, overwrite_input=False,
// keepdims=False).
func median(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axis starlark.Value = starlark.None
	keep := false
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis?", &axis, "out?", new(starlark.Value), "overwrite_input?", new(bool), "keepdims?", &keep); err != nil {
		return nil, err
	}
	return quantiles(a, starlark.Float(0.5), axis, keep, true)
}

// quantileFn returns np.quantile (scale 1) or np.percentile (scale
// 100): q(a, q, axis=None, out=None, overwrite_input=False,
// method='linear', keepdims=False).
func quantileFn(scale float64) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a, q starlark.Value
		var axis starlark.Value = starlark.None
		method := "linear"
		keep := false
		if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "q", &q, "axis?", &axis, "out?", new(starlark.Value), "overwrite_input?", new(bool), "method?", &method, "keepdims?", &keep); err != nil {
			return nil, err
		}
		if method != "linear" {
			return nil, core.Errorf("ValueError", "method '%s' is not supported; only the default method='linear' is", method)
		}
		qt, err := asArray(q)
		if err != nil {
			return nil, err
		}
		fractions := make([]float64, qt.Numel())
		for i, v := range qt.Floats() {
			if !(v >= 0 && v <= scale) {
				if scale == 100 {
					return nil, core.Errorf("ValueError", "Percentiles must be in the range [0, 100]")
				}
				return nil, core.Errorf("ValueError", "Quantiles must be in the range [0, 1]")
			}
			fractions[i] = v / scale
		}
		scaled, _ := engine.FromValues(engine.Float64, fractions, qt.Shape()...)
		return quantiles(a, tensor.NewArray(scaled), axis, keep, false)
	}
}

// quantiles computes the linear-method quantiles q (fractions in [0, 1])
// of a along axis. The result has q's shape followed by the reduced
// shape. For the median (isMedian) the middle pair is averaged as
// np.median does, which can differ in the last bit from interpolation.
func quantiles(a, q, axis starlark.Value, keep, isMedian bool) (starlark.Value, error) {
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	qt, err := asArray(q)
	if err != nil {
		return nil, err
	}
	axes, err := tensor.Axes(axis)
	if err != nil {
		return nil, err
	}
	d := floatResult(t)
	var parts []*engine.Tensor
	for _, fraction := range qt.Floats() {
		lane := func(vals []float64) float64 { return laneQuantile(vals, fraction, isMedian) }
		part, err := reduceAlong(t, axes, keep, d, lane)
		if err != nil {
			return nil, err
		}
		parts = append(parts, part)
	}
	if qt.Rank() == 0 {
		return wrap(parts[0]), nil
	}
	out, err := engine.Stack(parts, 0)
	if err != nil {
		return nil, err
	}
	out, err = engine.Reshape(out, append(append([]int{}, qt.Shape()...), parts[0].Shape()...)...)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

// laneQuantile sorts vals in place and interpolates the quantile at
// fraction with NumPy's 'linear' method; a NaN in vals gives NaN.
func laneQuantile(vals []float64, fraction float64, isMedian bool) float64 {
	n := len(vals)
	if n == 0 {
		return math.NaN()
	}
	for _, v := range vals {
		if math.IsNaN(v) {
			return math.NaN()
		}
	}
	sort.Float64s(vals)
	if isMedian {
		if n%2 == 1 {
			return vals[n/2]
		}
		return (vals[n/2-1] + vals[n/2]) / 2
	}
	index := fraction * float64(n-1)
	lower := math.Floor(index)
	below := vals[int(lower)]
	above := vals[min(int(lower)+1, n-1)]
	return lerp(below, above, index-lower)
}

// lerp interpolates as NumPy 1.24's _lerp does: from below for t < 0.5
// and from above otherwise, which keeps the result monotonic in t.
func lerp(a, b, t float64) float64 {
	diff := b - a
	if t >= 0.5 {
		return b - diff*(1-t)
	}
	return a + diff*t
}
