package numpy

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
)

// reduceAlong applies f to each lane of t along axes (all axes when axes
// is nil) and returns the results as an array of dtype d. The reduced
// axes are dropped from the shape, or kept with length 1 when keep is
// set. f receives the lane's values in C order and may reorder them.
func reduceAlong(t *engine.Tensor, axes []int, keep bool, d engine.DType, f func([]float64) float64) (*engine.Tensor, error) {
	reduced, err := reducedAxes(t.Rank(), axes)
	if err != nil {
		return nil, err
	}
	var perm, outShape []int
	laneLen := 1
	for i, n := range t.Shape() {
		if !reduced[i] {
			perm = append(perm, i)
			outShape = append(outShape, n)
		} else if keep {
			outShape = append(outShape, 1)
		}
	}
	for i, n := range t.Shape() {
		if reduced[i] {
			perm = append(perm, i)
			laneLen *= n
		}
	}
	if t.Rank() > 1 {
		if t, err = engine.Transpose(t, perm); err != nil {
			return nil, err
		}
	}
	lanes := 1
	for _, n := range outShape {
		lanes *= n
	}
	vals := t.Floats()
	out := make([]float64, lanes)
	for i := range out {
		out[i] = f(vals[i*laneLen : (i+1)*laneLen])
	}
	if len(outShape) == 0 {
		return engine.Scalar(d, out[0]), nil
	}
	return engine.FromValues(d, out, outShape...)
}

// reducedAxes marks the axes of a rank-dimensional array that axes names,
// or all of them when axes is nil.
func reducedAxes(rank int, axes []int) ([]bool, error) {
	reduced := make([]bool, rank)
	if axes == nil {
		for i := range reduced {
			reduced[i] = true
		}
		return reduced, nil
	}
	for _, a := range axes {
		if a < -rank || a >= rank {
			return nil, core.Errorf("ValueError", "axis %d is out of bounds for array of dimension %d", a, rank)
		}
		if a < 0 {
			a += rank
		}
		if reduced[a] {
			return nil, core.Errorf("ValueError", "duplicate value in 'axis'")
		}
		reduced[a] = true
	}
	return reduced, nil
}
