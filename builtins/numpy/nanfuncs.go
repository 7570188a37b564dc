package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// nanReduction returns a NumPy nan-function (np.nansum, np.nanmax, ...)
// that applies f to the non-NaN values of each lane. floatOut makes the
// result float64 for integer input, as np.nanmean and np.nanstd do.
// f receives ddof, which only np.nanstd reads.
func nanReduction(floatOut bool, f func(vals []float64, ddof int) float64) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		var axis starlark.Value = starlark.None
		keep := false
		ddof := 0
		unpacked := []any{"a", &a, "axis?", &axis, "dtype?", new(starlark.Value), "out?", new(starlark.Value)}
		if name == "numpy.nanstd" {
			unpacked = append(unpacked, "ddof?", &ddof)
		}
		unpacked = append(unpacked, "keepdims?", &keep)
		if err := starlark.UnpackArgs(name, args, kwargs, unpacked...); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		axes, err := tensor.Axes(axis)
		if err != nil {
			return nil, err
		}
		d := t.DType()
		switch {
		case floatOut:
			d = floatResult(t)
		case name == "numpy.nansum" && (d == engine.Bool || d == engine.Int32):
			d = engine.Int64
		}
		lane := func(vals []float64) float64 {
			kept := vals[:0]
			for _, v := range vals {
				if !math.IsNaN(v) {
					kept = append(kept, v)
				}
			}
			return f(kept, ddof)
		}
		out, err := reduceAlong(t, axes, keep, d, lane)
		if err != nil {
			return nil, err
		}
		return wrap(out), nil
	}
}

// NOTE: the sums below add left to right, while NumPy adds float arrays
// of more than 8 elements pairwise, so long float sums can differ from
// NumPy's in the last bits.
func laneSum(vals []float64) float64 {
	s := 0.0
	for _, v := range vals {
		s += v
	}
	return s
}

func laneMean(vals []float64) float64 {
	if len(vals) == 0 {
		return math.NaN()
	}
	return laneSum(vals) / float64(len(vals))
}

var (
	nansum  = nanReduction(false, func(vals []float64, _ int) float64 { return laneSum(vals) })
	nanmean = nanReduction(true, func(vals []float64, _ int) float64 { return laneMean(vals) })
	nanmax  = nanReduction(false, func(vals []float64, _ int) float64 { return laneExtreme(vals, 1) })
	nanmin  = nanReduction(false, func(vals []float64, _ int) float64 { return laneExtreme(vals, -1) })
	nanstd  = nanReduction(true, laneStd)
)

// laneExtreme returns the max (sign 1) or min (sign -1) of vals, or NaN
// when vals is empty (NumPy warns "All-NaN slice encountered" there).
func laneExtreme(vals []float64, sign float64) float64 {
	if len(vals) == 0 {
		return math.NaN()
	}
	best := vals[0]
	for _, v := range vals[1:] {
		if (v-best)*sign > 0 {
			best = v
		}
	}
	return best
}

// laneStd is the standard deviation with ddof delta degrees of freedom.
func laneStd(vals []float64, ddof int) float64 {
	n := len(vals) - ddof
	if n <= 0 {
		return math.NaN()
	}
	mean := laneMean(vals)
	sq := 0.0
	for _, v := range vals {
		sq += (v - mean) * (v - mean)
	}
	return math.Sqrt(sq / float64(n))
}
