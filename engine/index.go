package engine

import "math"

// Range selects start, start+step, ... along one axis, stopping before
// stop (NumPy slice semantics after the bounds are resolved; step may be
// negative).
type Range struct{ Start, Stop, Step int }

// Len returns the number of indices the range selects. It does not
// overflow for any Start, Stop and Step, and returns math.MaxInt for
// ranges longer than that.
func (r Range) Len() int {
	var span, step uint
	switch {
	case r.Step > 0 && r.Stop > r.Start:
		span, step = uint(r.Stop)-uint(r.Start), uint(r.Step)
	case r.Step < 0 && r.Start > r.Stop:
		// uint(-r.Step) is 2**63 for the minimum int, as it should be.
		span, step = uint(r.Start)-uint(r.Stop), uint(-r.Step)
	default:
		return 0
	}
	return int(min((span-1)/step+1, math.MaxInt))
}

// ResolveSlice applies Python's slice rules for a dimension of size n.
// Nil bounds mean "from the start" and "to the end" for the step's
// direction.
func ResolveSlice(start, stop *int, step, n int) Range {
	var lo, hi int
	if step > 0 {
		lo, hi = 0, n
	} else {
		lo, hi = n-1, -1
	}
	clamp := func(v int) int {
		if v < 0 {
			v += n
		}
		if step > 0 {
			return min(max(v, 0), n)
		}
		return min(max(v, -1), n-1)
	}
	if start != nil {
		lo = clamp(*start)
	}
	if stop != nil {
		hi = clamp(*stop)
	}
	return Range{lo, hi, step}
}

// stridedIndex returns, for each element of the sliced result, its flat
// index in t.
func stridedIndex(shape []int, ranges []Range) ([]int, []int) {
	out := make([]int, len(shape))
	for i, r := range ranges {
		out[i] = r.Len()
	}
	st := stridesOf(shape)
	idx := make([]int, Numel(out))
	counter := make([]int, len(out))
	for k := range idx {
		pos := 0
		for ax, c := range counter {
			pos += (ranges[ax].Start + c*ranges[ax].Step) * st[ax]
		}
		idx[k] = pos
		for ax := len(out) - 1; ax >= 0; ax-- {
			counter[ax]++
			if counter[ax] < out[ax] {
				break
			}
			counter[ax] = 0
		}
	}
	return idx, out
}

// StridedSlice selects one Range per axis (len(ranges) == rank).
func StridedSlice(t *Tensor, ranges []Range) (out *Tensor, err error) {
	defer catch(&err)
	return stridedSlice(t, ranges), nil
}

func stridedSlice(t *Tensor, ranges []Range) *Tensor {
	if len(ranges) != t.Rank() {
		valueErr("StridedSlice", "%d ranges for a tensor of rank %d", len(ranges), t.Rank())
	}
	ranges = append([]Range(nil), ranges...)
	for ax, r := range ranges {
		if r.Step == 0 {
			valueErr("StridedSlice", "slice step cannot be zero")
		}
		if r.Len() == 0 {
			continue
		}
		if r.Start < 0 || r.Start >= t.shape[ax] {
			raise("IndexError", "StridedSlice", "index %d is out of bounds for axis %d with size %d", r.Start, ax, t.shape[ax])
		}
		// A stop past the end selects up to the end, as in NumPy.
		if r.Step > 0 {
			ranges[ax].Stop = min(r.Stop, t.shape[ax])
		} else {
			ranges[ax].Stop = max(r.Stop, -1)
		}
	}
	shape := make([]int, len(ranges))
	for i, r := range ranges {
		shape[i] = r.Len()
	}
	numel("StridedSlice", shape)
	idx, _ := stridedIndex(t.shape, ranges)
	out := gather(t, idx, shape)
	return record(out, "StridedSlice", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape)}
	})
}

// gather builds a tensor of shape from t's elements at flat indices idx.
func gather(t *Tensor, idx []int, shape []int) *Tensor {
	if be := onDevice("Gather", false, t); be != nil {
		return deviceGather(be, t, idx, shape)
	}
	out := newTensor("Gather", t.dtype, shape)
	switch d := out.data.(type) {
	case []float32:
		gatherLoop(d, t.data.([]float32), idx)
	case []float64:
		gatherLoop(d, t.data.([]float64), idx)
	case []int32:
		gatherLoop(d, t.data.([]int32), idx)
	case []int64:
		gatherLoop(d, t.data.([]int64), idx)
	case []bool:
		gatherLoop(d, t.data.([]bool), idx)
	}
	return out
}

// scatterAdd returns zeros of shape with g's elements added at idx.
func scatterAdd(g *Tensor, idx []int, shape []int) *Tensor {
	if be := onDevice("ScatterAdd", false, g); be != nil {
		return deviceScatterAdd(be, g, idx, shape)
	}
	out := newTensor("ScatterAdd", g.dtype, shape)
	switch d := out.data.(type) {
	case []float32:
		for i, j := range idx {
			d[j] += g.data.([]float32)[i]
		}
	case []float64:
		for i, j := range idx {
			d[j] += g.data.([]float64)[i]
		}
	default:
		for i, j := range idx {
			out.setFloat(j, out.Float(j)+g.Float(i))
		}
	}
	return roundHalfTensor(out)
}

// Take gathers along axis with integer indices (negative ones count from
// the end), like numpy.take and MindSpore's Gather. The result's shape is
// t.shape[:axis] + indices.shape + t.shape[axis+1:].
func Take(t, indices *Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	return take(t, indices, axis), nil
}

func take(t, indices *Tensor, axis int) *Tensor {
	if !indices.dtype.IsInt() {
		typeErr("Gather", "indices dtype is %s; it must be int32 or int64", indices.dtype)
	}
	axis = normAxis("Gather", axis, t.Rank())
	n := t.shape[axis]
	outer := Numel(t.shape[:axis])
	inner := Numel(t.shape[axis+1:])
	shape := append(append(append([]int(nil), t.shape[:axis]...), indices.shape...), t.shape[axis+1:]...)
	numel("Gather", shape)
	k := indices.Numel()
	idx := make([]int, 0, outer*k*inner)
	for o := 0; o < outer; o++ {
		for j := 0; j < k; j++ {
			v := int(indices.Int(j))
			if v < -n || v >= n {
				raise("IndexError", "Gather", "index %d is out of bounds for axis %d with size %d", v, axis, n)
			}
			if v < 0 {
				v += n
			}
			base := (o*n + v) * inner
			for i := 0; i < inner; i++ {
				idx = append(idx, base+i)
			}
		}
	}
	out := gather(t, idx, shape)
	return record(out, "Gather", []*Tensor{t, nil}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape), nil}
	})
}

// MaskedSelect returns the elements of t where mask (broadcast to t's
// shape) is true, as a 1-D tensor.
func MaskedSelect(t, mask *Tensor) (out *Tensor, err error) {
	defer catch(&err)
	if mask.dtype != Bool {
		typeErr("MaskedSelect", "mask dtype is %s; it must be bool", mask.dtype)
	}
	if s, ok := BroadcastShapes(t.shape, mask.shape); !ok || !sameShape(s, t.shape) {
		valueErr("MaskedSelect", "mask shape %s does not broadcast to %s", FormatShape(mask.shape), FormatShape(t.shape))
	}
	m := expandTo(mask, t.shape)
	var idx []int
	for i, v := range hostData(m.data, false).([]bool) {
		if v {
			idx = append(idx, i)
		}
	}
	res := gather(t, idx, []int{len(idx)})
	return record(res, "MaskedSelect", []*Tensor{t, nil}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape), nil}
	}), nil
}

// OneHot returns a tensor of shape indices.shape + (depth,) with on at
// each index and off elsewhere. Indices outside [0, depth) give a row of
// off values, as MindSpore's OneHot does.
func OneHot(indices *Tensor, depth int, on, off float64, d DType) (out *Tensor, err error) {
	defer catch(&err)
	if !indices.dtype.IsInt() {
		typeErr("OneHot", "indices dtype is %s; it must be int32 or int64", indices.dtype)
	}
	if be := onDevice("OneHot", false, indices); be != nil {
		return deviceOneHot(be, indices, depth, on, off, d), nil
	}
	shape := append(append([]int(nil), indices.shape...), depth)
	out = full(d, off, shape)
	for i := 0; i < indices.Numel(); i++ {
		if v := indices.Int(i); v >= 0 && v < int64(depth) {
			out.setFloat(i*depth+int(v), on)
		}
	}
	return out, nil
}
