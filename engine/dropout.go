package engine

// Dropout keeps each element of t with probability keep, scaled by
// 1/keep, and zeroes the rest, as MindSpore's ops.Dropout(keep_prob)
// does. rng must return uniform samples in [0, 1); Dropout calls it once
// per element in row-major order and keeps the element when the sample
// is below keep. It returns the output and the bool mask of kept
// elements; the gradient is g * mask / keep.
func Dropout(t *Tensor, keep float64, rng func() float64) (out, mask *Tensor, err error) {
	defer catch(&err)
	if !t.dtype.IsFloat() {
		typeErr("Dropout", "dtype %s is not supported; use float32 or float64", t.dtype)
	}
	if !(keep > 0 && keep <= 1) {
		valueErr("Dropout", "keep probability %v is outside (0, 1]", keep)
	}
	if rng == nil {
		valueErr("Dropout", "rng is nil; pass a function returning uniform samples in [0, 1)")
	}
	mask = newTensor("Dropout", Bool, t.shape)
	m := mask.data.([]bool)
	scaled := newTensor("Dropout", t.dtype, t.shape)
	for i := range m {
		m[i] = rng() < keep
		if m[i] {
			scaled.setFloat(i, 1/keep)
		}
	}
	if t.dev != CPU {
		// The samples come from the host generator, so a device run keeps
		// the CPU's stream; the mask and scales move over in one upload
		// each and the product runs on the device.
		scaled, mask = toDevice(scaled, t.dev), toDevice(mask, t.dev)
	}
	out = binaryRaw(opMul, t, scaled)
	out = record(out, "Dropout", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{binaryRaw(opMul, g, scaled)}
	})
	return out, mask, nil
}
