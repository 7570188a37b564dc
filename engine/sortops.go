package engine

import (
	"math"
	"slices"
)

// Sort sorts t along axis and returns the values and their int32
// positions in t, as MindSpore's Sort does. The sort is stable, so equal
// values keep their order, and NaN sorts after every number (before
// every number when descending). The values' gradient scatters back to
// the positions. It runs on the CPU only.
func Sort(t *Tensor, axis int, descending bool) (values, indices *Tensor, err error) {
	defer catch(&err)
	if t.Rank() == 0 {
		valueErr("Sort", "the input is a 0-d tensor; it must have at least one axis")
	}
	axis = normAxis("Sort", axis, t.Rank())
	indices = sortIndices("Sort", t, axis, descending, t.shape[axis])
	return gatherElements(t, axis, indices), indices, nil
}

// TopK returns the k largest values along the last axis of t, largest
// first, and their int32 positions, as MindSpore's TopK does with
// sorted=True. Equal values keep their order of position. The values'
// gradient scatters back to the positions. It runs on the CPU only.
func TopK(t *Tensor, k int) (values, indices *Tensor, err error) {
	defer catch(&err)
	if t.Rank() == 0 {
		valueErr("TopK", "the input is a 0-d tensor; it must have at least one axis")
	}
	n := t.shape[t.Rank()-1]
	if k < 0 || k > n {
		valueErr("TopK", "k is %d; it must be in [0, %d], the size of the last axis of shape %s", k, n, FormatShape(t.shape))
	}
	indices = sortIndices("TopK", t, t.Rank()-1, true, k)
	return gatherElements(t, t.Rank()-1, indices), indices, nil
}

// sortIndices returns the int32 positions that sort t along axis, keeping
// the first keep of each run.
func sortIndices(op string, t *Tensor, axis int, descending bool, keep int) *Tensor {
	cpuOnly(op, t)
	if t.dtype == Bool {
		typeErr(op, "bool tensors are not supported; cast to a number dtype first")
	}
	n := t.shape[axis]
	inner := Numel(t.shape[axis+1:])
	outer := Numel(t.shape[:axis])
	shape := slices.Clone(t.shape)
	shape[axis] = keep
	out := newTensor(op, Int32, shape)
	d := out.data.([]int32)
	order := make([]int, n)
	for o := range outer {
		for in := range inner {
			at := func(j int) float64 { return t.Float((o*n+j)*inner + in) }
			for j := range order {
				order[j] = j
			}
			slices.SortStableFunc(order, func(i, j int) int {
				c := compareNaNLast(at(i), at(j))
				if descending {
					c = -c
				}
				return c
			})
			for j := range keep {
				d[(o*keep+j)*inner+in] = int32(order[j])
			}
		}
	}
	return out
}

// compareNaNLast orders numbers ascending with NaN after every number.
func compareNaNLast(x, y float64) int {
	switch xn, yn := math.IsNaN(x), math.IsNaN(y); {
	case xn && yn:
		return 0
	case xn:
		return 1
	case yn:
		return -1
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
