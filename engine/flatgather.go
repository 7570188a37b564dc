package engine

// GatherFlat returns a tensor of the given shape whose element i is
// t's element at flat index idx[i]. Its gradient scatters back with
// addition, so repeated indices accumulate. Indexing front ends build idx
// from NumPy-style subscripts; every index must lie in [0, t.Numel()).
func GatherFlat(t *Tensor, idx []int, shape []int) (out *Tensor, err error) {
	defer catch(&err)
	if Numel(shape) != len(idx) {
		valueErr("Gather", "%d indices do not fill shape %s", len(idx), FormatShape(shape))
	}
	n := t.Numel()
	for _, j := range idx {
		if j < 0 || j >= n {
			raise("IndexError", "Gather", "flat index %d is out of bounds for a tensor of %d elements", j, n)
		}
	}
	out = gather(t, idx, append([]int(nil), shape...))
	return record(out, "Gather", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape)}
	}), nil
}
