package engine

import (
	"math"
	"slices"
)

// reshapeRaw returns t's storage under a new shape with the same
// element count, without autograd.
func reshapeRaw(t *Tensor, shape []int) *Tensor {
	if Numel(shape) != t.Numel() {
		valueErr("Reshape", "cannot reshape a tensor of shape %s into shape %s", FormatShape(t.shape), FormatShape(shape))
	}
	return wrap(t.dtype, append([]int(nil), shape...), t.data)
}

func reshape(t *Tensor, shape []int) *Tensor {
	shape = inferShape(t, shape)
	out := reshapeRaw(t, shape)
	return record(out, "Reshape", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{reshapeRaw(g, t.shape)}
	})
}

// inferShape fills one -1 dimension from the element count.
func inferShape(t *Tensor, shape []int) []int {
	unknown := -1
	for i, d := range shape {
		switch {
		case d == -1 && unknown >= 0:
			valueErr("Reshape", "only one dimension of shape %s can be -1", FormatShape(shape))
		case d == -1:
			unknown = i
		case d < 0:
			valueErr("Reshape", "invalid dimension %d in shape %s", d, FormatShape(shape))
		}
	}
	known, ok := knownProduct(shape)
	if !ok {
		valueErr("Reshape", "cannot reshape a tensor of shape %s into shape %s because the new shape overflows", FormatShape(t.shape), FormatShape(shape))
	}
	if unknown < 0 {
		if known != t.Numel() {
			valueErr("Reshape", "cannot reshape a tensor of shape %s into shape %s", FormatShape(t.shape), FormatShape(shape))
		}
		return shape
	}
	if known == 0 || t.Numel()%known != 0 {
		valueErr("Reshape", "cannot reshape a tensor of shape %s into shape %s", FormatShape(t.shape), FormatShape(shape))
	}
	out := append([]int(nil), shape...)
	out[unknown] = t.Numel() / known
	return out
}

// knownProduct multiplies the dimensions other than -1, reporting false
// when the product overflows int. A zero dimension makes it 0.
func knownProduct(shape []int) (int, bool) {
	if slices.Contains(shape, 0) {
		return 0, true
	}
	p := 1
	for _, d := range shape {
		if d == -1 {
			continue
		}
		if p > math.MaxInt/d {
			return 0, false
		}
		p *= d
	}
	return p, true
}

// Reshape returns t with a new shape of the same size; one dimension
// may be -1.
func Reshape(t *Tensor, shape ...int) (out *Tensor, err error) {
	defer catch(&err)
	return reshape(t, shape), nil
}

// transposeRaw permutes axes, copying the data, without autograd.
func transposeRaw(t *Tensor, perm []int) *Tensor {
	rank := t.Rank()
	identity := true
	for i, p := range perm {
		if p != i {
			identity = false
		}
	}
	if identity {
		return t
	}
	shape := make([]int, rank)
	for i, p := range perm {
		shape[i] = t.shape[p]
	}
	if be := onDevice("Transpose", false, t); be != nil {
		return deviceTranspose(be, t, perm, shape)
	}
	if out := transposeMatrix(t, shape); out != nil {
		return out
	}
	inSt := stridesOf(t.shape)
	st := make([]int, rank)
	for i, p := range perm {
		st[i] = inSt[p]
	}
	idx := make([]int, Numel(shape))
	counter := make([]int, rank)
	pos := 0
	for k := range idx {
		idx[k] = pos
		for ax := rank - 1; ax >= 0; ax-- {
			counter[ax]++
			pos += st[ax]
			if counter[ax] < shape[ax] {
				break
			}
			pos -= st[ax] * counter[ax]
			counter[ax] = 0
		}
	}
	out := newTensor("Transpose", t.dtype, shape)
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

func transpose(t *Tensor, perm []int) *Tensor {
	rank := t.Rank()
	if perm == nil {
		perm = make([]int, rank)
		for i := range perm {
			perm[i] = rank - 1 - i
		}
	}
	if len(perm) != rank {
		valueErr("Transpose", "perm has %d axes but the tensor has rank %d", len(perm), rank)
	}
	seen := make([]bool, rank)
	norm := make([]int, rank)
	for i, p := range perm {
		p = normAxis("Transpose", p, rank)
		if seen[p] {
			valueErr("Transpose", "axis %d repeats in perm", p)
		}
		seen[p] = true
		norm[i] = p
	}
	out := transposeRaw(t, norm)
	if out == t {
		// An identity perm returns t itself, whose history must stay.
		return t
	}
	inv := make([]int, rank)
	for i, p := range norm {
		inv[p] = i
	}
	return record(out, "Transpose", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{transposeRaw(g, inv)}
	})
}

// Transpose permutes axes; a nil perm reverses them.
func Transpose(t *Tensor, perm []int) (out *Tensor, err error) {
	defer catch(&err)
	return transpose(t, perm), nil
}

func broadcastTo(t *Tensor, shape []int) *Tensor {
	if s, ok := BroadcastShapes(t.shape, shape); !ok || !sameShape(s, shape) {
		valueErr("BroadcastTo", "cannot broadcast shape %s to %s", FormatShape(t.shape), FormatShape(shape))
	}
	out := expandTo(t, shape)
	if out == t {
		// Broadcasting to t's own shape returns t, whose history must stay.
		return t
	}
	return record(out, "BroadcastTo", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g, t.shape)}
	})
}

// BroadcastTo expands t to shape by NumPy broadcasting.
func BroadcastTo(t *Tensor, shape ...int) (out *Tensor, err error) {
	defer catch(&err)
	return broadcastTo(t, shape), nil
}

// concat joins tensors of one dtype along axis.
func concat(ts []*Tensor, axis int) *Tensor {
	if len(ts) == 0 {
		valueErr("Concat", "needs at least one tensor")
	}
	first := ts[0]
	axis = normAxis("Concat", axis, first.Rank())
	shape := append([]int(nil), first.shape...)
	shape[axis] = 0
	for i, t := range ts {
		if t.dtype != first.dtype {
			typeErr("Concat", "tensor %d has dtype %s but tensor 0 has %s", i, t.dtype, first.dtype)
		}
		if t.Rank() != first.Rank() {
			valueErr("Concat", "tensor %d has shape %s but tensor 0 has %s", i, FormatShape(t.shape), FormatShape(first.shape))
		}
		for ax := range shape {
			if ax != axis && t.shape[ax] != first.shape[ax] {
				valueErr("Concat", "tensor %d has shape %s but tensor 0 has %s; only axis %d may differ", i, FormatShape(t.shape), FormatShape(first.shape), axis)
			}
		}
		shape[axis] += t.shape[axis]
	}
	out := concatRaw(ts, axis, shape)
	return record(out, "Concat", ts, func(g *Tensor) []*Tensor {
		gs := make([]*Tensor, len(ts))
		start := 0
		for i, t := range ts {
			gs[i] = sliceAxis(g, axis, start, start+t.shape[axis])
			start += t.shape[axis]
		}
		return gs
	})
}

// concatRaw joins checked tensors into a result of shape, without
// autograd.
func concatRaw(ts []*Tensor, axis int, shape []int) *Tensor {
	if be := onDevice("Concat", false, ts...); be != nil {
		return deviceConcat(be, ts, axis, shape)
	}
	first := ts[0]
	out := newTensor("Concat", first.dtype, shape)
	outer := Numel(shape[:axis])
	innerOut := Numel(shape[axis:])
	off := 0
	for _, t := range ts {
		inner := Numel(t.shape[axis:])
		for o := 0; o < outer; o++ {
			copyRange(out, o*innerOut+off, t, o*inner, inner)
		}
		off += inner
	}
	return out
}

// copyRange copies n elements of src from si into dst at di.
func copyRange(dst *Tensor, di int, src *Tensor, si, n int) {
	switch d := dst.data.(type) {
	case []float32:
		copy(d[di:di+n], src.data.([]float32)[si:si+n])
	case []float64:
		copy(d[di:di+n], src.data.([]float64)[si:si+n])
	case []int32:
		copy(d[di:di+n], src.data.([]int32)[si:si+n])
	case []int64:
		copy(d[di:di+n], src.data.([]int64)[si:si+n])
	case []bool:
		copy(d[di:di+n], src.data.([]bool)[si:si+n])
	}
}

// sliceAxis returns t[..., start:stop, ...] along one axis, without autograd.
func sliceAxis(t *Tensor, axis, start, stop int) *Tensor {
	if be := onDevice("Slice", false, t); be != nil {
		return deviceSliceAxis(be, t, axis, start, stop)
	}
	shape := append([]int(nil), t.shape...)
	shape[axis] = stop - start
	out := newTensor("Slice", t.dtype, shape)
	outer := Numel(t.shape[:axis])
	inner := Numel(t.shape[axis+1:])
	n := (stop - start) * inner
	for o := 0; o < outer; o++ {
		copyRange(out, o*n, t, (o*t.shape[axis]+start)*inner, n)
	}
	return out
}

// Concat joins tensors along axis.
func Concat(ts []*Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	return concat(ts, axis), nil
}

// Stack joins tensors of equal shape along a new axis.
func Stack(ts []*Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	if len(ts) == 0 {
		valueErr("Stack", "needs at least one tensor")
	}
	rank := ts[0].Rank() + 1
	axis = normAxis("Stack", axis, rank)
	parts := make([]*Tensor, len(ts))
	for i, t := range ts {
		if !sameShape(t.shape, ts[0].shape) {
			valueErr("Stack", "tensor %d has shape %s but tensor 0 has %s", i, FormatShape(t.shape), FormatShape(ts[0].shape))
		}
		shape := append(append(append([]int(nil), t.shape[:axis]...), 1), t.shape[axis:]...)
		parts[i] = reshape(t, shape)
	}
	return concat(parts, axis), nil
}

// Squeeze removes the given axes, which must have size 1, or every axis
// of size 1 when none are given, as numpy.squeeze and MindSpore's
// ops.squeeze do. The gradient is reshaped back.
func Squeeze(t *Tensor, axes ...int) (out *Tensor, err error) {
	defer catch(&err)
	drop := make([]bool, t.Rank())
	if len(axes) == 0 {
		for i, d := range t.shape {
			drop[i] = d == 1
		}
	} else {
		for _, a := range normAxes("Squeeze", axes, t.Rank()) {
			if t.shape[a] != 1 {
				valueErr("Squeeze", "cannot squeeze axis %d of shape %s because its size is not 1", a, FormatShape(t.shape))
			}
			drop[a] = true
		}
	}
	shape := []int{}
	for i, d := range t.shape {
		if !drop[i] {
			shape = append(shape, d)
		}
	}
	return reshape(t, shape), nil
}

// ExpandDims inserts an axis of size 1 at position axis (negative axes
// count from the end of the result), as numpy.expand_dims and
// MindSpore's ops.expand_dims do.
func ExpandDims(t *Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	axis = normAxis("ExpandDims", axis, t.Rank()+1)
	shape := append(append(append([]int(nil), t.shape[:axis]...), 1), t.shape[axis:]...)
	return reshape(t, shape), nil
}
