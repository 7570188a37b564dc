package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Diagonal returns the diagonal at offset of the 2-D slices spanned by
// axis1 and axis2, as NumPy 1.24's ndarray.diagonal does: both axes are
// removed and the diagonal becomes the last axis. A positive offset
// reads above the main diagonal, a negative one below it, and an offset
// past the edge gives an empty last axis.
func Diagonal(t *engine.Tensor, offset, axis1, axis2 int) (*engine.Tensor, error) {
	shape := t.Shape()
	rank := len(shape)
	if rank < 2 {
		return nil, core.Errorf("ValueError", "diag requires an array of at least two dimensions")
	}
	a1, err := diagonalAxis(axis1, rank, "axis1")
	if err != nil {
		return nil, err
	}
	a2, err := diagonalAxis(axis2, rank, "axis2")
	if err != nil {
		return nil, err
	}
	if a1 == a2 {
		return nil, core.Errorf("ValueError", "axis1 and axis2 cannot be the same")
	}

	// The diagonal starts at (row, col) and has length n.
	row, col := 0, offset
	if offset < 0 {
		row, col = -offset, 0
	}
	n := max(0, min(shape[a1]-row, shape[a2]-col))

	var otherAxes []int
	for axis := range rank {
		if axis != a1 && axis != a2 {
			otherAxes = append(otherAxes, axis)
		}
	}
	out := make([]int, 0, len(otherAxes)+1)
	for _, axis := range otherAxes {
		out = append(out, shape[axis])
	}
	out = append(out, n)

	source := make([]int, rank)
	return gatherFlat(t, out, func(index []int) int {
		for i, axis := range otherAxes {
			source[axis] = index[i]
		}
		step := index[len(index)-1]
		source[a1] = row + step
		source[a2] = col + step
		return RowMajorOffset(source, shape)
	})
}

// Trace sums Diagonal(t, offset, axis1, axis2) along its last axis. A nil
// dtype sums with NumPy's sum dtypes (bool and int32 sum to int64), and
// a non-nil dtype casts the diagonal to it and sums in that dtype.
func Trace(t *engine.Tensor, offset, axis1, axis2 int, dtype *engine.DType) (*engine.Tensor, error) {
	d, err := Diagonal(t, offset, axis1, axis2)
	if err != nil {
		return nil, err
	}
	last := []int{d.Rank() - 1}
	if dtype != nil {
		if d, err = engine.Cast(d, *dtype); err != nil {
			return nil, err
		}
		return engine.Sum(d, last, false)
	}
	return Reduce("sum", d, last, false, NumPy)
}

func diagonalAxis(axis, rank int, argName string) (int, error) {
	if axis < -rank || axis >= rank {
		return 0, core.Errorf("ValueError", "%s: axis %d is out of bounds for array of dimension %d", argName, axis, rank)
	}
	if axis < 0 {
		axis += rank
	}
	return axis, nil
}

// gatherFlat builds an array of shape out whose element at each index
// is t's element at row-major offset source(index).
func gatherFlat(t *engine.Tensor, out []int, source func(index []int) int) (*engine.Tensor, error) {
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
	return engine.GatherFlat(flat, IndexMap(out, n, source), out)
}

// IndexMap returns, for each of the n elements of shape in row-major
// order, source(index) of its index.
func IndexMap(shape []int, n int, source func(index []int) int) []int {
	idx := make([]int, n)
	index := make([]int, len(shape))
	for k := range idx {
		rest := k
		for axis := len(shape) - 1; axis >= 0; axis-- {
			index[axis] = rest % shape[axis]
			rest /= shape[axis]
		}
		idx[k] = source(index)
	}
	return idx
}

// RowMajorOffset returns the row-major offset of index in shape.
func RowMajorOffset(index, shape []int) int {
	offset := 0
	for axis, i := range index {
		offset = offset*shape[axis] + i
	}
	return offset
}

// diagonalArgs unpacks NumPy's (offset=0, axis1=0, axis2=1) arguments.
func diagonalArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, extra ...any) (offset, axis1, axis2 int, err error) {
	axis2 = 1
	pairs := append([]any{"offset?", &offset, "axis1?", &axis1, "axis2?", &axis2}, extra...)
	err = starlark.UnpackArgs(name, args, kwargs, pairs...)
	return offset, axis1, axis2, err
}

func mDiagonal(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	offset, axis1, axis2, err := diagonalArgs("diagonal", args, kwargs)
	if err != nil {
		return nil, err
	}
	out, err := Diagonal(t.T, offset, axis1, axis2)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.diagonal", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

func mTrace(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dtypeArg starlark.Value = starlark.None
	offset, axis1, axis2, err := diagonalArgs("trace", args, kwargs, "dtype?", &dtypeArg, "out?", new(starlark.Value))
	if err != nil {
		return nil, err
	}
	var dtype *engine.DType
	if dtypeArg != starlark.None {
		d, err := DTypeOf(dtypeArg)
		if err != nil {
			return nil, core.Errorf("TypeError", "trace: %v", err)
		}
		dtype = &d
	}
	out, err := Trace(t.T, offset, axis1, axis2, dtype)
	if err != nil {
		return nil, core.EngineError("numpy.ndarray.trace", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}
