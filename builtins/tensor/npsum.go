package tensor

import (
	"slices"

	"github.com/cellscript/cellscript/engine"
)

// numpyFloatSum sums a float NumPy array, whose elements are data, over
// axes (nil for all) in its own precision, in the order NumPy 1.24
// adds, so that the result matches NumPy bit for bit. A reduction over
// every axis is one pairwise sum (engine.PairwiseSum) of the whole
// array. Any other reduction walks the rows of the last axis in C order
// (see sumRows). wrap makes the result tensor.
func numpyFloatSum[T float32 | float64](t *engine.Tensor, data []T, axes []int, keep bool, wrap func([]T, ...int) (*engine.Tensor, error)) (*engine.Tensor, error) {
	shape := t.Shape()
	reduced := reducedAxes(len(shape), axes)
	outShape := reducedShape(shape, reduced, keep)
	if !slices.Contains(reduced, false) {
		sum := engine.PairwiseSum(data)
		if len(outShape) == 0 {
			return engine.Scalar(t.DType(), float64(sum)), nil
		}
		return wrap([]T{sum}, outShape...)
	}
	sums := make([]T, engine.Numel(outShape))
	merged, mergedReduced := coalesce(shape, reduced)
	sumRows(sums, data, merged, mergedReduced)
	return wrap(sums, outShape...)
}

// reducedAxes marks the axes to reduce: every axis when axes is nil.
func reducedAxes(rank int, axes []int) []bool {
	reduced := make([]bool, rank)
	for i := range reduced {
		reduced[i] = axes == nil
	}
	for _, a := range axes {
		if a < 0 {
			a += rank
		}
		if a >= 0 && a < rank {
			reduced[a] = true
		}
	}
	return reduced
}

// reducedShape returns the shape of the result: the kept axes, and 1 for
// each reduced axis when keep is set.
func reducedShape(shape []int, reduced []bool, keep bool) []int {
	out := []int{}
	for i, d := range shape {
		switch {
		case !reduced[i]:
			out = append(out, d)
		case keep:
			out = append(out, 1)
		}
	}
	return out
}

// sumRows adds the rows of the last axis of data, in C order, into
// sums, as NumPy's reduction loop does. When the last axis is reduced,
// each row's pairwise sum is added to the row's output element. When it
// is kept, the row is added to its output row element by element.
func sumRows[T float32 | float64](sums, data []T, shape []int, reduced []bool) {
	rank := len(shape)
	rowLen := shape[rank-1]
	if rowLen == 0 {
		return
	}
	// outStride[i] is the step in sums of axis i, 0 for reduced axes.
	outStride := make([]int, rank)
	step := 1
	for i := rank - 1; i >= 0; i-- {
		if !reduced[i] {
			outStride[i] = step
			step *= shape[i]
		}
	}
	index := make([]int, rank-1)
	for at := 0; at < len(data); at += rowLen {
		base := 0
		for i, v := range index {
			base += v * outStride[i]
		}
		row := data[at : at+rowLen]
		if reduced[rank-1] {
			sums[base] += engine.PairwiseSum(row)
		} else {
			acc := sums[base : base+rowLen]
			for j, v := range row {
				acc[j] += v
			}
		}
		for i := len(index) - 1; i >= 0; i-- {
			index[i]++
			if index[i] < shape[i] {
				break
			}
			index[i] = 0
		}
	}
}

// coalesce merges neighbouring axes of a C-contiguous shape that are
// both reduced or both kept into one axis, as NumPy's iterator does, so
// that a row can span several axes.
func coalesce(shape []int, reduced []bool) ([]int, []bool) {
	var outShape []int
	var outReduced []bool
	for i, d := range shape {
		if n := len(outShape); n > 0 && outReduced[n-1] == reduced[i] {
			outShape[n-1] *= d
			continue
		}
		outShape = append(outShape, d)
		outReduced = append(outReduced, reduced[i])
	}
	return outShape, outReduced
}
