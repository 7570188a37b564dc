package engine

// GatherNd gathers slices of t at the index tuples in the last axis of
// indices, as MindSpore's GatherNd does: indices of shape (..., M) pick
// t[i0, ..., iM-1], so the result has shape indices.shape[:-1] +
// t.shape[M:]. Indices must be int32 or int64 and in range. The gradient
// scatters back with addition.
func GatherNd(t, indices *Tensor) (out *Tensor, err error) {
	defer catch(&err)
	idx, outShape := ndOffsets("GatherNd", indices, t.shape)
	out = gather(t, idx, outShape)
	return record(out, "GatherNd", []*Tensor{t, nil}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape), nil}
	}), nil
}

// ScatterNd returns zeros of shape with updates added at the index tuples
// in the last axis of indices, as MindSpore's ScatterNd does; repeated
// indices accumulate. updates must have shape indices.shape[:-1] +
// shape[M:]. The gradient with respect to updates gathers g at the same
// positions.
func ScatterNd(indices, updates *Tensor, shape []int) (out *Tensor, err error) {
	defer catch(&err)
	for _, d := range shape {
		if d < 0 {
			valueErr("ScatterNd", "shape %s has a negative dimension", FormatShape(shape))
		}
	}
	idx, want := ndOffsets("ScatterNd", indices, shape)
	if !sameShape(updates.shape, want) {
		valueErr("ScatterNd", "updates shape %s must be %s for indices shape %s and shape %s", FormatShape(updates.shape), FormatShape(want), FormatShape(indices.shape), FormatShape(shape))
	}
	if updates.dtype == Bool {
		typeErr("ScatterNd", "bool updates are not supported; cast to a number dtype first")
	}
	out = scatterAdd(updates, idx, append([]int(nil), shape...))
	return record(out, "ScatterNd", []*Tensor{nil, updates}, func(g *Tensor) []*Tensor {
		return []*Tensor{nil, gather(g, idx, updates.shape)}
	}), nil
}

// ndOffsets returns the flat offsets into a tensor of shape that the
// index tuples select, one per element of the result, and the result's
// shape indices.shape[:-1] + shape[M:].
func ndOffsets(op string, indices *Tensor, shape []int) ([]int, []int) {
	if !indices.dtype.IsInt() {
		typeErr(op, "indices dtype is %s; it must be int32 or int64", indices.dtype)
	}
	if indices.Rank() == 0 {
		valueErr(op, "indices is a 0-d tensor; its last axis must hold index tuples")
	}
	m := indices.shape[indices.Rank()-1]
	if m > len(shape) {
		valueErr(op, "index tuples have %d entries but shape %s has only %d axes", m, FormatShape(shape), len(shape))
	}
	strides := stridesOf(shape)
	slice := Numel(shape[m:])
	tuples := indices.Numel() / max(m, 1)
	if m == 0 {
		tuples = Numel(indices.shape[:indices.Rank()-1])
	}
	idx := make([]int, 0, tuples*slice)
	for k := range tuples {
		base := 0
		for a := range m {
			v := int(indices.Int(k*m + a))
			if v < 0 || v >= shape[a] {
				raise("IndexError", op, "index %d is out of bounds for axis %d with size %d", v, a, shape[a])
			}
			base += v * strides[a]
		}
		for s := range slice {
			idx = append(idx, base+s)
		}
	}
	outShape := append(append([]int{}, indices.shape[:indices.Rank()-1]...), shape[m:]...)
	return idx, outShape
}
