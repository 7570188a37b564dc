package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// sortAxis reads the a and axis arguments of np.sort and np.argsort:
// axis is -1 by default, and None sorts the flattened array.
func sortAxis(name string, args starlark.Tuple, kwargs []starlark.Tuple) (*engine.Tensor, int, error) {
	var a starlark.Value
	var axis starlark.Value = starlark.MakeInt(-1)
	var kind starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis?", &axis, "kind?", &kind, "order?", new(starlark.Value)); err != nil {
		return nil, 0, err
	}
	// Every kind sorts stably here. NOTE: NumPy's default quicksort
	// (introsort) is not stable above 16 elements, so the order of equal
	// keys can differ from NumPy's unless kind is 'stable' or 'mergesort'.
	switch kind {
	case starlark.None, starlark.String("quicksort"), starlark.String("mergesort"), starlark.String("heapsort"), starlark.String("stable"):
	default:
		return nil, 0, core.Errorf("ValueError", "sort kind must be one of 'quick', 'heap', or 'stable' (got %s)", kind)
	}
	t, err := asArray(a)
	if err != nil {
		return nil, 0, err
	}
	return tensor.SortAxisArg(t, axis)
}

func sortFn(indices bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		t, axis, err := sortAxis(name, args, kwargs)
		if err != nil {
			return nil, err
		}
		out, err := tensor.SortAlong(t, axis, indices)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(out), nil
	}
}

// unique is np.unique(ar, return_index=False, return_inverse=False,
// return_counts=False) on the flattened array.
func unique(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axis starlark.Value = starlark.None
	var returnIndex, returnInverse, returnCounts bool
	if err := starlark.UnpackArgs(name, args, kwargs, "ar", &a, "return_index?", &returnIndex, "return_inverse?", &returnInverse, "return_counts?", &returnCounts, "axis?", &axis, "equal_nan?", new(bool)); err != nil {
		return nil, err
	}
	if axis != starlark.None {
		return nil, core.Errorf("NotImplementedError", "%s: axis=%s is not supported; only the unique elements of the flattened array are", name, axis)
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	flat, err := engine.Reshape(t, -1)
	if err != nil {
		return nil, err
	}
	order, err := tensor.SortAlong(flat, 0, true)
	if err != nil {
		return nil, err
	}

	// Walk the elements in sorted order and start a new unique value
	// wherever the value changes (NaNs count as equal, as in NumPy 1.24).
	vals := flat.Floats()
	var values, first, counts []float64
	inverse := make([]float64, len(vals))
	for k := 0; k < order.Numel(); k++ {
		src := int(order.Int(k))
		v := vals[src]
		last := len(values) - 1
		if last < 0 || !(values[last] == v || math.IsNaN(values[last]) && math.IsNaN(v)) {
			values = append(values, v)
			first = append(first, float64(src))
			counts = append(counts, 0)
			last++
		}
		counts[last]++
		inverse[src] = float64(last)
	}

	out, err := engine.FromValues(t.DType(), values, len(values))
	if err != nil {
		return nil, err
	}
	if !returnIndex && !returnInverse && !returnCounts {
		return tensor.NewArray(out), nil
	}
	result := starlark.Tuple{tensor.NewArray(out)}
	for _, extra := range []struct {
		on   bool
		data []float64
	}{{returnIndex, first}, {returnInverse, inverse}, {returnCounts, counts}} {
		if !extra.on {
			continue
		}
		e, err := engine.FromValues(engine.Int64, extra.data, len(extra.data))
		if err != nil {
			return nil, err
		}
		result = append(result, tensor.NewArray(e))
	}
	return result, nil
}

func nonzeroFn(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	if t, err = engine.Cast(t, engine.Bool); err != nil {
		return nil, err
	}
	return nonzero(t)
}
