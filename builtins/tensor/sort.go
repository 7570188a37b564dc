package tensor

import (
	"math"
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// SortAlong sorts t along axis in ascending order, with NaN last as in
// NumPy. It returns the sorted values, or with indices the int64
// positions that sort each line, as np.argsort does. The sort is stable.
// NOTE: NumPy's default quicksort is not stable for more than 16
// elements, so np.argsort may order tied elements differently there.
func SortAlong(t *engine.Tensor, axis int, indices bool) (*engine.Tensor, error) {
	rank := t.Rank()
	if rank == 0 {
		return nil, core.Errorf("ValueError", "axis %d is out of bounds for array of dimension 0", axis)
	}
	if axis < -rank || axis >= rank {
		return nil, core.Errorf("ValueError", "axis %d is out of bounds for array of dimension %d", axis, rank)
	}
	if axis < 0 {
		axis += rank
	}

	shape := t.Shape()
	n := shape[axis]
	inner := engine.Numel(shape[axis+1:])
	outer := engine.Numel(shape[:axis])
	vals := t.Floats()
	out := make([]float64, len(vals))
	order := make([]int, n)

	for o := 0; o < outer; o++ {
		for in := 0; in < inner; in++ {
			base := o*n*inner + in
			for k := range order {
				order[k] = k
			}
			sort.SliceStable(order, func(i, j int) bool {
				return lessNaNLast(vals[base+order[i]*inner], vals[base+order[j]*inner])
			})
			for k, src := range order {
				if indices {
					out[base+k*inner] = float64(src)
				} else {
					out[base+k*inner] = vals[base+src*inner]
				}
			}
		}
	}

	if indices {
		return engine.FromValues(engine.Int64, out, shape...)
	}
	return engine.FromValues(t.DType(), out, shape...)
}

func lessNaNLast(a, b float64) bool {
	if math.IsNaN(a) {
		return false
	}
	return a < b || math.IsNaN(b)
}

// SortAxisArg reads the axis argument of sort and argsort: an int, or
// None to sort the flattened array, which it returns with axis 0.
func SortAxisArg(t *engine.Tensor, axis starlark.Value) (*engine.Tensor, int, error) {
	if axis == starlark.None {
		flat, err := engine.Reshape(t, -1)
		return flat, 0, err
	}
	var ax int
	if err := starlark.AsInt(axis, &ax); err != nil {
		return nil, 0, core.Errorf("TypeError", "axis must be an int or None, not %s", axis.Type())
	}
	return t, ax, nil
}

// mSort is ndarray.sort(axis=-1), which sorts in place.
func mSort(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	axis := -1
	if err := starlark.UnpackArgs("sort", args, kwargs, "axis?", &axis, "kind?", new(starlark.Value), "order?", new(starlark.Value)); err != nil {
		return nil, err
	}
	sorted, err := SortAlong(t.T, axis, false)
	if err != nil {
		return nil, err
	}
	if err := t.T.CopyFrom(sorted); err != nil {
		return nil, core.Errorf("ValueError", "sort: %v", err)
	}
	t.WriteBack()
	return starlark.None, nil
}

// mArgsort is ndarray.argsort(axis=-1).
func mArgsort(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis starlark.Value = starlark.MakeInt(-1)
	if err := starlark.UnpackArgs("argsort", args, kwargs, "axis?", &axis, "kind?", new(starlark.Value), "order?", new(starlark.Value)); err != nil {
		return nil, err
	}
	src, ax, err := SortAxisArg(t.T, axis)
	if err != nil {
		return nil, err
	}
	out, err := SortAlong(src, ax, true)
	if err != nil {
		return nil, err
	}
	return wrapFlavor(out, t.Flavor), nil
}
