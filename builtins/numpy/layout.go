package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// gatherBy builds an array of shape out whose element at each index is
// t's element at flat offset source(index). Sources of -1 take fill, which
// must then be non-nil.
func gatherBy(t *engine.Tensor, out []int, source func(index []int) int, fill *engine.Tensor) (*engine.Tensor, error) {
	n := 1
	for _, d := range out {
		n = engine.CheckedProduct(n, d)
	}
	if n > engine.MaxElements {
		return nil, core.Errorf("MemoryError", "shape %v has more than %d elements; request fewer", out, engine.MaxElements)
	}
	flat, err := engine.Reshape(t, -1)
	if err != nil {
		return nil, err
	}
	padSlot := flat.Numel()
	if fill != nil {
		f, err := engine.Cast(fill, t.DType())
		if err != nil {
			return nil, err
		}
		f, err = engine.Reshape(f, 1)
		if err != nil {
			return nil, err
		}
		if flat, err = engine.Concat([]*engine.Tensor{flat, f}, 0); err != nil {
			return nil, err
		}
	}
	idx := tensor.IndexMap(out, n, source)
	for k := range idx {
		if idx[k] < 0 {
			idx[k] = padSlot
		}
	}
	return engine.GatherFlat(flat, idx, out)
}

// intsArg reads an int or a sequence of ints.
func intsArg(v starlark.Value, what string) ([]int, error) {
	var n int
	if err := starlark.AsInt(v, &n); err == nil {
		return []int{n}, nil
	}
	seq, ok := v.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s must be an int or a sequence of ints, not %s", what, v.Type())
	}
	out := make([]int, seq.Len())
	for i := range out {
		if err := starlark.AsInt(seq.Index(i), &out[i]); err != nil {
			return nil, core.Errorf("TypeError", "%s must be an int or a sequence of ints, not %s", what, v.String())
		}
	}
	return out, nil
}

func normalizeAxis(axis, rank int) (int, error) {
	if axis < -rank || axis >= rank {
		return 0, core.Errorf("ValueError", "axis %d is out of bounds for array of dimension %d", axis, rank)
	}
	if axis < 0 {
		axis += rank
	}
	return axis, nil
}

func tile(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, repsArg starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "A", &a, "reps", &repsArg); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	reps, err := intsArg(repsArg, "reps")
	if err != nil {
		return nil, err
	}
	rank := max(len(reps), t.Rank())
	shape := leftPad(t.Shape(), rank)
	reps = leftPad(reps, rank)
	out := make([]int, rank)
	for i := range out {
		if reps[i] < 0 {
			return nil, core.Errorf("ValueError", "negative dimensions are not allowed, got reps %v", reps)
		}
		out[i] = shape[i] * reps[i]
	}
	src := make([]int, rank)
	r, err := gatherBy(t, out, func(index []int) int {
		for i, k := range index {
			src[i] = k % shape[i]
		}
		return tensor.RowMajorOffset(src, shape)
	}, nil)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

// leftPad prepends 1s to dims until it has rank entries.
func leftPad(dims []int, rank int) []int {
	out := make([]int, 0, rank)
	for i := len(dims); i < rank; i++ {
		out = append(out, 1)
	}
	return append(out, dims...)
}

func repeat(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, repeatsArg starlark.Value
	var axisArg starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "repeats", &repeatsArg, "axis?", &axisArg); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	axis := 0
	if axisArg == starlark.None {
		if t, err = engine.Reshape(t, -1); err != nil {
			return nil, err
		}
	} else if err := starlark.AsInt(axisArg, &axis); err != nil {
		return nil, core.Errorf("TypeError", "axis must be an int or None, not %s", axisArg.Type())
	}
	if axis, err = normalizeAxis(axis, max(t.Rank(), 1)); err != nil {
		return nil, err
	}
	if t.Rank() == 0 {
		if t, err = engine.Reshape(t, 1); err != nil {
			return nil, err
		}
	}
	shape := t.Shape()
	counts, err := intsArg(repeatsArg, "repeats")
	if err != nil {
		return nil, err
	}
	if len(counts) == 1 {
		for len(counts) < shape[axis] {
			counts = append(counts, counts[0])
		}
	}
	if len(counts) != shape[axis] {
		return nil, core.Errorf("ValueError", "operands could not be broadcast together with shape (%d,) (%d,)", shape[axis], len(counts))
	}
	var sources []int
	for i, c := range counts {
		if c < 0 {
			return nil, core.Errorf("ValueError", "repeats may not contain negative values, got %d", c)
		}
		for ; c > 0; c-- {
			sources = append(sources, i)
		}
	}
	out := append([]int{}, shape...)
	out[axis] = len(sources)
	src := make([]int, len(shape))
	r, err := gatherBy(t, out, func(index []int) int {
		copy(src, index)
		src[axis] = sources[index[axis]]
		return tensor.RowMajorOffset(src, shape)
	}, nil)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

// splitFn is np.split, or np.array_split when uneven is set: sections
// of equal size (array_split gives the first len % n sections one extra
// element) or cuts at the given indices.
func splitFn(uneven bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a, sections starlark.Value
		axis := 0
		if err := starlark.UnpackArgs(name, args, kwargs, "ary", &a, "indices_or_sections", &sections, "axis?", &axis); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		if axis, err = normalizeAxis(axis, t.Rank()); err != nil {
			return nil, err
		}
		length := t.Shape()[axis]
		cuts, err := splitPoints(sections, length, uneven)
		if err != nil {
			return nil, err
		}
		parts := make([]starlark.Value, 0, len(cuts)+1)
		start := 0
		for i := 0; i <= len(cuts); i++ {
			end := length
			if i < len(cuts) {
				end = cuts[i]
			}
			lo, hi := min(max(start, 0), length), min(max(end, 0), length)
			idx := make([]int64, 0, max(hi-lo, 0))
			for k := lo; k < hi; k++ {
				idx = append(idx, int64(k))
			}
			indices, err := engine.FromInt64(idx, len(idx))
			if err != nil {
				return nil, err
			}
			part, err := engine.Take(t, indices, axis)
			if err != nil {
				return nil, err
			}
			parts = append(parts, wrap(part))
			start = end
		}
		return starlark.NewList(parts), nil
	}
}

func splitPoints(sections starlark.Value, length int, uneven bool) ([]int, error) {
	var n int
	if err := starlark.AsInt(sections, &n); err != nil {
		return intsArg(sections, "indices_or_sections")
	}
	if n <= 0 {
		return nil, core.Errorf("ValueError", "number sections must be larger than 0, got %d", n)
	}
	if !uneven && length%n != 0 {
		return nil, core.Errorf("ValueError", "array split does not result in an equal division: %d elements into %d sections", length, n)
	}
	size, extra := length/n, length%n
	cuts := make([]int, 0, n-1)
	pos := 0
	for i := 0; i < n-1; i++ {
		pos += size
		if i < extra {
			pos++
		}
		cuts = append(cuts, pos)
	}
	return cuts, nil
}

func pad(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, widthArg starlark.Value
	mode := "constant"
	var constant starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs(name, args, kwargs, "array", &a, "pad_width", &widthArg, "mode?", &mode, "constant_values?", &constant); err != nil {
		return nil, err
	}
	if mode != "constant" {
		return nil, core.Errorf("NotImplementedError", "%s: mode %q is not supported; pass mode='constant'", name, mode)
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	widths, err := padWidths(widthArg, t.Rank())
	if err != nil {
		return nil, err
	}
	fill, err := asArray(constant)
	if err != nil || fill.Numel() != 1 {
		return nil, core.Errorf("NotImplementedError", "%s: constant_values must be one number", name)
	}
	shape := t.Shape()
	out := make([]int, len(shape))
	for i := range out {
		out[i] = widths[i][0] + shape[i] + widths[i][1]
	}
	src := make([]int, len(shape))
	r, err := gatherBy(t, out, func(index []int) int {
		for i, k := range index {
			src[i] = k - widths[i][0]
			if src[i] < 0 || src[i] >= shape[i] {
				return -1
			}
		}
		return tensor.RowMajorOffset(src, shape)
	}, fill)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

// padWidths reads np.pad's pad_width: n, (n,), (before, after) or one
// (before, after) pair per axis.
func padWidths(v starlark.Value, rank int) ([][2]int, error) {
	var pairs [][]int
	if seq, ok := v.(starlark.Indexable); ok && seq.Len() > 0 {
		if _, nested := seq.Index(0).(starlark.Indexable); nested {
			for i := 0; i < seq.Len(); i++ {
				p, err := intsArg(seq.Index(i), "pad_width")
				if err != nil {
					return nil, err
				}
				pairs = append(pairs, p)
			}
		}
	}
	if pairs == nil {
		p, err := intsArg(v, "pad_width")
		if err != nil {
			return nil, err
		}
		pairs = [][]int{p}
	}
	widths := make([][2]int, rank)
	for axis := range widths {
		p := pairs[0]
		if len(pairs) == rank {
			p = pairs[axis]
		} else if len(pairs) != 1 {
			return nil, core.Errorf("ValueError", "pad_width has %d pairs for an array of rank %d", len(pairs), rank)
		}
		switch len(p) {
		case 1:
			widths[axis] = [2]int{p[0], p[0]}
		case 2:
			widths[axis] = [2]int{p[0], p[1]}
		default:
			return nil, core.Errorf("ValueError", "pad_width entries must be (before, after) pairs, got %d values", len(p))
		}
		if widths[axis][0] < 0 || widths[axis][1] < 0 {
			return nil, core.Errorf("ValueError", "index can't contain negative values, got pad_width %v", p)
		}
	}
	return widths, nil
}

func meshgrid(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	indexing := "xy"
	for _, kv := range kwargs {
		key, _ := starlark.AsString(kv[0])
		s, ok := starlark.AsString(kv[1])
		if key != "indexing" || !ok || (s != "xy" && s != "ij") {
			return nil, core.Errorf("TypeError", "%s: only indexing='xy' or 'ij' is supported, got %s=%s", name, key, kv[1])
		}
		indexing = s
	}
	inputs := make([]*engine.Tensor, len(args))
	out := make([]int, len(args))
	for i, a := range args {
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		if inputs[i], err = engine.Reshape(t, -1); err != nil {
			return nil, err
		}
		out[i] = inputs[i].Numel()
	}
	if indexing == "xy" && len(out) > 1 {
		out[0], out[1] = out[1], out[0]
	}
	grids := make([]starlark.Value, len(inputs))
	for i, t := range inputs {
		axis := i
		if indexing == "xy" && len(out) > 1 && i < 2 {
			axis = 1 - i
		}
		r, err := gatherBy(t, out, func(index []int) int { return index[axis] }, nil)
		if err != nil {
			return nil, err
		}
		grids[i] = wrap(r)
	}
	return starlark.Tuple(grids), nil
}

func diff(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	n, axis := 1, -1
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "n?", &n, "axis?", &axis); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, core.Errorf("ValueError", "order must be non-negative but got %d", n)
	}
	if axis, err = normalizeAxis(axis, t.Rank()); err != nil {
		return nil, err
	}
	for ; n > 0; n-- {
		length := t.Shape()[axis]
		if length == 0 {
			break
		}
		upper, err := takeRange(t, 1, length, axis)
		if err != nil {
			return nil, err
		}
		lower, err := takeRange(t, 0, length-1, axis)
		if err != nil {
			return nil, err
		}
		if t, err = engine.Sub(upper, lower); err != nil {
			return nil, err
		}
	}
	return wrap(t), nil
}

func takeRange(t *engine.Tensor, start, end, axis int) (*engine.Tensor, error) {
	idx := make([]int64, 0, max(end-start, 0))
	for k := start; k < end; k++ {
		idx = append(idx, int64(k))
	}
	indices, err := engine.FromInt64(idx, len(idx))
	if err != nil {
		return nil, err
	}
	return engine.Take(t, indices, axis)
}

func swapaxes(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var axis1, axis2 int
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis1", &axis1, "axis2", &axis2); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	if axis1, err = normalizeAxis(axis1, t.Rank()); err != nil {
		return nil, err
	}
	if axis2, err = normalizeAxis(axis2, t.Rank()); err != nil {
		return nil, err
	}
	perm := identityPerm(t.Rank())
	perm[axis1], perm[axis2] = axis2, axis1
	r, err := engine.Transpose(t, perm)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

func identityPerm(rank int) []int {
	perm := make([]int, rank)
	for i := range perm {
		perm[i] = i
	}
	return perm
}

func moveaxis(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, srcArg, dstArg starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "source", &srcArg, "destination", &dstArg); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	src, err := intsArg(srcArg, "source")
	if err != nil {
		return nil, err
	}
	dst, err := intsArg(dstArg, "destination")
	if err != nil {
		return nil, err
	}
	if len(src) != len(dst) {
		return nil, core.Errorf("ValueError", "`source` and `destination` arguments must have the same number of elements")
	}
	moved := map[int]bool{}
	for i := range src {
		if src[i], err = normalizeAxis(src[i], t.Rank()); err != nil {
			return nil, err
		}
		if dst[i], err = normalizeAxis(dst[i], t.Rank()); err != nil {
			return nil, err
		}
		moved[src[i]] = true
	}
	// As NumPy does: the axes that stay keep their order, and each moved
	// axis is inserted at its destination, in order of destination.
	var perm []int
	for axis := 0; axis < t.Rank(); axis++ {
		if !moved[axis] {
			perm = append(perm, axis)
		}
	}
	order := identityPerm(len(dst))
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && dst[order[j]] < dst[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for _, k := range order {
		perm = append(perm[:dst[k]], append([]int{src[k]}, perm[dst[k]:]...)...)
	}
	r, err := engine.Transpose(t, perm)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

func outer(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, y, err := twoArrays(name, args, kwargs, "a", "b")
	if err != nil {
		return nil, err
	}
	column, err := engine.Reshape(x, -1, 1)
	if err != nil {
		return nil, err
	}
	row, err := engine.Reshape(y, 1, -1)
	if err != nil {
		return nil, err
	}
	r, err := engine.Mul(column, row)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

func accumulate(product bool) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		var axis, dtype starlark.Value = starlark.None, starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "axis?", &axis, "dtype?", &dtype, "out?", new(starlark.Value)); err != nil {
			return nil, err
		}
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		if dtype != starlark.None {
			// NumPy accumulates in the dtype given.
			d, err := tensor.DTypeOf(dtype)
			if err != nil {
				return nil, err
			}
			if t, err = engine.Cast(t, d); err != nil {
				return nil, err
			}
		}
		r, err := tensor.Accumulate(t, axis, product)
		if err != nil {
			return nil, err
		}
		return wrap(r), nil
	}
}

func nanToNum(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	nan := 0.0
	var posinf, neginf starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &a, "copy?", new(bool), "nan?", (*core.Float)(&nan), "posinf?", &posinf, "neginf?", &neginf); err != nil {
		return nil, err
	}
	t, err := asArray(a)
	if err != nil {
		return nil, err
	}
	if !t.DType().IsFloat() {
		return wrap(t.Clone()), nil
	}
	// NumPy replaces infinities with the largest finite value of the dtype.
	largest := math.MaxFloat64
	switch t.DType() {
	case engine.Float32:
		largest = math.MaxFloat32
	case engine.Float16:
		largest = 65504
	}
	high, low := largest, -largest
	if posinf != starlark.None {
		if high, err = floatArg(posinf, "posinf"); err != nil {
			return nil, err
		}
	}
	if neginf != starlark.None {
		if low, err = floatArg(neginf, "neginf"); err != nil {
			return nil, err
		}
	}
	vals := t.Floats()
	for i, v := range vals {
		switch {
		case math.IsNaN(v):
			vals[i] = nan
		case math.IsInf(v, 1):
			vals[i] = high
		case math.IsInf(v, -1):
			vals[i] = low
		}
	}
	r, err := engine.FromValues(t.DType(), vals, t.Shape()...)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

func floatArg(v starlark.Value, what string) (float64, error) {
	f, ok := starlark.AsFloat(v)
	if !ok {
		return 0, core.Errorf("TypeError", "%s must be a number, not %s", what, v.Type())
	}
	return f, nil
}

// expm1 computes exp(x) - 1 accurately near zero, in x's float dtype.
func expm1(t *engine.Tensor) (*engine.Tensor, error) {
	vals := t.Floats()
	for i, v := range vals {
		vals[i] = math.Expm1(v)
	}
	return engine.FromValues(t.DType(), vals, t.Shape()...)
}

// dot is np.dot: a product when either operand is 0-d, and matmul
// otherwise.
func dot(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "b", &b, "out?", new(starlark.Value)); err != nil {
		return nil, err
	}
	ts, err := arrays(starlark.Tuple{a, b})
	if err != nil {
		return nil, err
	}
	if ts[0].Rank() == 0 || ts[1].Rank() == 0 {
		r, err := engine.Mul(ts[0], ts[1])
		if err != nil {
			return nil, err
		}
		return wrap(r), nil
	}
	return matmul(thread, name, starlark.Tuple{a, b}, nil)
}
