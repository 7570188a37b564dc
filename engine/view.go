package engine

// View returns a tensor of the given shape whose storage is elements
// offset..offset+Numel(shape) of t's storage, shared, not copied: a write
// through either tensor shows in the other. It is NumPy's view for a
// basic index that selects a contiguous block, such as a[1] or a[2:5]
// of a C-contiguous array. The view records no gradient. t must be on
// the CPU.
func View(t *Tensor, offset int, shape []int) (out *Tensor, err error) {
	defer catch(&err)
	const op = "View"
	cpuOnly(op, t)
	n := numel(op, shape)
	if offset < 0 || offset+n > t.Numel() {
		valueErr(op, "elements %d to %d lie outside a tensor of shape %s", offset, offset+n, FormatShape(t.shape))
	}
	shape = append([]int(nil), shape...)
	switch d := t.data.(type) {
	case []float32:
		return wrap(t.dtype, shape, d[offset:offset+n:offset+n]), nil
	case []float64:
		return wrap(t.dtype, shape, d[offset:offset+n:offset+n]), nil
	case []int32:
		return wrap(t.dtype, shape, d[offset:offset+n:offset+n]), nil
	case []int64:
		return wrap(t.dtype, shape, d[offset:offset+n:offset+n]), nil
	case []bool:
		return wrap(t.dtype, shape, d[offset:offset+n:offset+n]), nil
	}
	typeErr(op, "dtype %s has no storage to share", t.dtype)
	return nil, nil
}
