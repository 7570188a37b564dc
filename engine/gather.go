package engine

// GatherElements picks elements of t along axis at index, as
// torch.gather and MindSpore's ops.GatherD do: for axis 1 of a 3-D
// tensor, out[i][j][k] = t[i][index[i][j][k]][k]. index is int32 or int64
// with t's rank, its size on every other axis must not exceed t's, and
// the result has index's shape. Negative indices count from the end, as
// in numpy.take_along_axis. The gradient scatters back with addition,
// so repeated indices accumulate.
func GatherElements(t *Tensor, axis int, index *Tensor) (out *Tensor, err error) {
	defer catch(&err)
	return gatherElements(t, axis, index), nil
}

func gatherElements(t *Tensor, axis int, index *Tensor) *Tensor {
	const op = "GatherElements"
	if !index.dtype.IsInt() {
		typeErr(op, "index dtype is %s; it must be int32 or int64", index.dtype)
	}
	if index.Rank() != t.Rank() {
		valueErr(op, "index shape %s and input shape %s must have the same rank", FormatShape(index.shape), FormatShape(t.shape))
	}
	axis = normAxis(op, axis, t.Rank())
	for ax, d := range index.shape {
		if ax != axis && d > t.shape[ax] {
			valueErr(op, "index shape %s exceeds input shape %s on axis %d", FormatShape(index.shape), FormatShape(t.shape), ax)
		}
	}

	n := t.shape[axis]
	tSt := stridesOf(t.shape)
	idx := make([]int, index.Numel())
	counter := make([]int, index.Rank())
	for k := range idx {
		v := int(index.Int(k))
		if v < -n || v >= n {
			raise("IndexError", op, "index %d is out of bounds for axis %d with size %d", v, axis, n)
		}
		if v < 0 {
			v += n
		}
		pos := 0
		for ax, c := range counter {
			if ax == axis {
				c = v
			}
			pos += c * tSt[ax]
		}
		idx[k] = pos
		for ax := len(counter) - 1; ax >= 0; ax-- {
			counter[ax]++
			if counter[ax] < index.shape[ax] {
				break
			}
			counter[ax] = 0
		}
	}

	out := gather(t, idx, append([]int(nil), index.shape...))
	return record(out, op, []*Tensor{t, nil}, func(g *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(g, idx, t.shape), nil}
	})
}
