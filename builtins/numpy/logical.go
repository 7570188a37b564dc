package numpy

import (
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// logical returns np.logical_and, np.logical_or or np.logical_xor: op
// applied to the truth values of two broadcast arrays, giving bools.
func logical(op func(p, q bool) bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, y, err := twoArrays(name, args, kwargs, "x1", "x2")
		if err != nil {
			return nil, err
		}
		shape, ok := engine.BroadcastShapes(x.Shape(), y.Shape())
		if !ok {
			return nil, core.Errorf("ValueError", "operands could not be broadcast together with shapes %s %s", engine.FormatShape(x.Shape()), engine.FormatShape(y.Shape()))
		}
		x, _ = engine.BroadcastTo(x, shape...)
		y, _ = engine.BroadcastTo(y, shape...)
		out := make([]bool, x.Numel())
		for i := range out {
			out[i] = op(x.Float(i) != 0, y.Float(i) != 0)
		}
		t, err := engine.FromBool(out, shape...)
		if err != nil {
			return nil, err
		}
		return wrap(t), nil
	}
}

var (
	logicalAnd = logical(func(p, q bool) bool { return p && q })
	logicalOr  = logical(func(p, q bool) bool { return p || q })
	logicalXor = logical(func(p, q bool) bool { return p != q })
	// logicalNot is np.logical_not; NaN counts as true, as in NumPy.
	logicalNot = floatTest(func(v float64) bool { return v == 0 })
)

// countNonzero is np.count_nonzero(a, axis=None, keepdims=False): a
// Python int without axis, an int64 array with it.
func countNonzero(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axis starlark.Value = starlark.None
	keep := false
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis?", &axis, "keepdims?", &keep); err != nil {
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
	count := func(vals []float64) float64 {
		n := 0
		for _, v := range vals {
			if v != 0 {
				n++
			}
		}
		return float64(n)
	}
	out, err := reduceAlong(t, axes, keep, engine.Int64, count)
	if err != nil {
		return nil, err
	}
	if axes == nil && !keep {
		v, _ := out.Item()
		return starlark.MakeInt64(int64(v)), nil
	}
	return wrap(out), nil
}

// isin is np.isin(element, test_elements, assume_unique=False,
// invert=False): a bool array of element's shape.
func isin(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var element, test starlark.Value
	invert := false
	if err := starlark.UnpackArgs(name, args, kwargs, "element", &element, "test_elements", &test, "assume_unique?", new(bool), "invert?", &invert); err != nil {
		return nil, err
	}
	x, err := asArray(element)
	if err != nil {
		return nil, err
	}
	y, err := asArray(test)
	if err != nil {
		return nil, err
	}
	members := make(map[float64]bool, y.Numel())
	for _, v := range y.Floats() {
		members[v] = true
	}
	out := make([]bool, x.Numel())
	for i, v := range x.Floats() {
		out[i] = members[v] != invert
	}
	t, err := engine.FromBool(out, x.Shape()...)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

// digitize is np.digitize(x, bins, right=False): for each value, the
// index of the bin it falls in, for increasing or decreasing bins.
func digitize(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, binsv starlark.Value
	right := false
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv, "bins", &binsv, "right?", &right); err != nil {
		return nil, err
	}
	x, err := asArray(xv)
	if err != nil {
		return nil, err
	}
	binsT, err := asArray(binsv)
	if err != nil {
		return nil, err
	}
	if binsT.Rank() != 1 {
		return nil, core.Errorf("ValueError", "object too deep for desired array; bins must be 1-dimensional, not of shape %s", engine.FormatShape(binsT.Shape()))
	}
	bins := binsT.Floats()
	increasing, ok := monotonic(bins)
	if !ok {
		return nil, core.Errorf("ValueError", "bins must be monotonically increasing or decreasing")
	}
	out := make([]float64, x.Numel())
	for i, v := range x.Floats() {
		out[i] = float64(binIndex(bins, v, increasing, right))
	}
	t, err := engine.FromValues(engine.Int64, out, x.Shape()...)
	if err != nil {
		return nil, err
	}
	return wrap(t), nil
}

// monotonic reports whether bins never decrease (increasing) or never
// increase; ok is false when they do both.
func monotonic(bins []float64) (increasing, ok bool) {
	up, down := true, true
	for i := 1; i < len(bins); i++ {
		if bins[i] < bins[i-1] {
			up = false
		}
		if bins[i] > bins[i-1] {
			down = false
		}
	}
	return up, up || down
}

// binIndex places v among bins as NumPy's digitize does: with right
// unset, bins[i-1] <= v < bins[i] gives i for increasing bins.
func binIndex(bins []float64, v float64, increasing, right bool) int {
	n := len(bins)
	if increasing {
		if right {
			return sort.Search(n, func(i int) bool { return bins[i] >= v })
		}
		return sort.Search(n, func(i int) bool { return bins[i] > v })
	}
	// Decreasing bins: search the reversed bins with the opposite side.
	reversed := func(i int) float64 { return bins[n-1-i] }
	if right {
		return n - sort.Search(n, func(i int) bool { return reversed(i) >= v })
	}
	return n - sort.Search(n, func(i int) bool { return reversed(i) > v })
}

// bincount is np.bincount(x, weights=None, minlength=0): the count (or
// summed weight) of each non-negative integer in the 1-D array x.
func bincount(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	var weightsV starlark.Value = starlark.None
	minlength := 0
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv, "weights?", &weightsV, "minlength?", &minlength); err != nil {
		return nil, err
	}
	x, err := asArray(xv)
	if err != nil {
		return nil, err
	}
	if minlength < 0 {
		return nil, core.Errorf("ValueError", "'minlength' must not be negative")
	}
	if x.Rank() != 1 {
		return nil, core.Errorf("ValueError", "object too deep for desired array")
	}
	if x.Numel() > 0 && x.DType().IsFloat() {
		return nil, core.Errorf("TypeError", "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'", x.DType())
	}
	values := x.Floats()
	size := minlength
	for _, v := range values {
		if v < 0 {
			return nil, core.Errorf("ValueError", "'list' argument must have no negative elements")
		}
		size = max(size, int(v)+1)
	}
	if err := engine.CheckAllocation(name, size, 8); err != nil {
		return nil, err
	}
	counts := make([]float64, size)
	d := engine.Int64
	if weightsV == starlark.None {
		for _, v := range values {
			counts[int(v)]++
		}
	} else {
		w, err := asArray(weightsV)
		if err != nil {
			return nil, err
		}
		if w.Numel() != len(values) || w.Rank() != 1 {
			return nil, core.Errorf("ValueError", "The weights and list don't have the same length.")
		}
		for i, v := range values {
			counts[int(v)] += w.Float(i)
		}
		d = engine.Float64
	}
	t, err := engine.FromValues(d, counts, size)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

// columnStack is np.column_stack(tup): 1-D arrays become columns and
// 2-D arrays join along axis 1.
func columnStack(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "tup", &seq); err != nil {
		return nil, err
	}
	ts, err := arrays(seq)
	if err != nil {
		return nil, err
	}
	for i, t := range ts {
		if t.Rank() < 2 {
			if ts[i], err = engine.Reshape(t, -1, 1); err != nil {
				return nil, err
			}
		}
	}
	if err := checkConcatShapes(ts, 1); err != nil {
		return nil, err
	}
	out, err := engine.Concat(ts, 1)
	if err != nil {
		return nil, err
	}
	return wrap(out), nil
}

// checkConcatShapes raises NumPy's error when ts differ in a dimension
// other than axis.
func checkConcatShapes(ts []*engine.Tensor, axis int) error {
	if len(ts) == 0 {
		return core.Errorf("ValueError", "need at least one array to concatenate")
	}
	first := ts[0].Shape()
	for i, t := range ts[1:] {
		shape := t.Shape()
		if len(shape) != len(first) {
			return core.Errorf("ValueError", "all the input array dimensions except for the concatenation axis must match exactly, but array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", len(first), i+1, len(shape))
		}
		for d := range shape {
			if d != axis && shape[d] != first[d] {
				return core.Errorf("ValueError", "all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d", d, first[d], i+1, shape[d])
			}
		}
	}
	return nil
}
