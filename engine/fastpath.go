package engine

import "github.com/cellscript/cellscript/engine/cpu"

// Fast paths for common shapes that the general kernels handle through
// index tables: an operand repeated along leading axes (a bias row), an
// operand spread along trailing axes (a column), reductions over leading
// axes and 2-D transposes. Each gives the same values as the general
// path.

// broadcastKind is the way an operand repeats inside a broadcast result.
type broadcastKind uint8

const (
	bcastOther broadcastKind = iota
	// bcastTile: the operand's elements, in order, repeat reps times,
	// as a (C,) bias does in an (N, C) result.
	bcastTile
	// bcastSpread: each element of the operand covers span consecutive
	// result elements, as an (N, 1) column does in an (N, C) result.
	bcastSpread
)

// broadcastPattern classifies an operand of shape in broadcast to out
// and returns the repeat count (tile) or the span (spread).
func broadcastPattern(in, out []int) (broadcastKind, int) {
	off := len(out) - len(in)
	if off < 0 {
		return bcastOther, 0
	}
	dim := func(i int) int {
		if i < off {
			return 1
		}
		return in[i-off]
	}

	// Tile: leading dims 1, then equal to out's.
	first := 0
	for first < len(out) && dim(first) == 1 && out[first] != 1 {
		first++
	}
	tile := true
	for i := first; i < len(out); i++ {
		if dim(i) != out[i] {
			tile = false
			break
		}
	}
	if tile {
		return bcastTile, Numel(out[:first])
	}

	// Spread: equal to out's, then trailing dims 1.
	last := len(out)
	for last > 0 && dim(last-1) == 1 && out[last-1] != 1 {
		last--
	}
	for i := 0; i < last; i++ {
		if dim(i) != out[i] {
			return bcastOther, 0
		}
	}
	return bcastSpread, Numel(out[last:])
}

// binaryBroadcast computes a float op where one operand has out's shape
// and the other tiles or spreads into it, without expanding it. It
// reports false when the shapes fit neither pattern.
func binaryBroadcast(k binOp, out, a, b *Tensor) bool {
	switch d := out.data.(type) {
	case []float32:
		return binaryBroadcastT(k, d, out.shape, a, b, a.data.([]float32), b.data.([]float32))
	case []float64:
		return binaryBroadcastT(k, d, out.shape, a, b, a.data.([]float64), b.data.([]float64))
	}
	return false
}

func binaryBroadcastT[T float32 | float64](k binOp, d []T, shape []int, a, b *Tensor, as, bs []T) bool {
	if len(as) == 1 || len(bs) == 1 {
		return false // binLoop's scalar loops handle these
	}

	// The operand with out's shape is full; the other one tiles or
	// spreads into it.
	full, part := as, bs
	partShape := b.shape
	partIsB := true
	if !sameShape(a.shape, shape) {
		if !sameShape(b.shape, shape) {
			return false
		}
		full, part, partShape, partIsB = bs, as, a.shape, false
	}

	kind, count := broadcastPattern(partShape, shape)
	step := len(part)
	if kind == bcastSpread {
		step = count
	}
	if kind == bcastOther || step == 0 {
		return false
	}

	segments, grain := len(d)/step, max(1, elementwiseGrain/step)
	// A closure handed to cpu.Parallel escapes to the heap, which small
	// tensors should not pay for.
	if cpu.Workers(segments, grain) <= 1 {
		broadcastSegments(k, d, full, part, step, kind, partIsB, 0, segments)
	} else {
		cpu.Parallel(segments, grain, func(lo, hi int) {
			broadcastSegments(k, d, full, part, step, kind, partIsB, lo, hi)
		})
	}
	return true
}

// broadcastSegments computes segments [lo, hi) of a broadcast op, each
// step elements of d: full's matching segment with the whole part (tile)
// or with one element of it (spread), in operand order.
func broadcastSegments[T float32 | float64](k binOp, d, full, part []T, step int, kind broadcastKind, partIsB bool, lo, hi int) {
	for s := lo; s < hi; s++ {
		seg := d[s*step : (s+1)*step]
		fseg := full[s*step : (s+1)*step]
		p := part
		if kind == bcastSpread {
			p = part[s : s+1]
		}
		if partIsB {
			binLoop(k, seg, fseg, p)
		} else {
			binLoop(k, seg, p, fseg)
		}
	}
}

// expandFast fills out with t broadcast to out's shape when t is a
// scalar or tiles or spreads into it, and reports whether it did.
func expandFast(out, t *Tensor) bool {
	switch d := out.data.(type) {
	case []float32:
		return expandFastT(d, out.shape, t, t.data.([]float32))
	case []float64:
		return expandFastT(d, out.shape, t, t.data.([]float64))
	}
	return false
}

func expandFastT[T float32 | float64](d []T, shape []int, t *Tensor, s []T) bool {
	if len(s) == 1 {
		for i := range d {
			d[i] = s[0]
		}
		return true
	}
	kind, count := broadcastPattern(t.shape, shape)
	switch kind {
	case bcastTile:
		for r := 0; r < count; r++ {
			copy(d[r*len(s):(r+1)*len(s)], s)
		}
		return true
	case bcastSpread:
		for e, v := range s {
			seg := d[e*count : (e+1)*count]
			for i := range seg {
				seg[i] = v
			}
		}
		return true
	}
	return false
}

// reduceLeading sums or averages float32 t over its leading axes
// [0, len(axes)) into out, one float64 accumulator per output element,
// adding rows in order. That is the order the general path uses after
// moving the axes last, so the results are identical.
func reduceLeading(k redOp, out, t *Tensor, axes []int) bool {
	if t.dtype != Float32 || (k != redSum && k != redMean) {
		return false
	}
	for i, a := range axes {
		if a != i {
			return false
		}
	}
	d, s := out.data.([]float32), t.data.([]float32)
	inner := len(d)
	if inner == 0 || len(axes) == t.Rank() {
		return false
	}
	rows := len(s) / inner
	if rows == 0 {
		return false
	}
	grain := max(16, elementwiseGrain/rows)
	if cpu.Workers(inner, grain) <= 1 {
		sumColumns(k, d, s, rows, 0, inner)
	} else {
		cpu.Parallel(inner, grain, func(lo, hi int) { sumColumns(k, d, s, rows, lo, hi) })
	}
	return true
}

// sumColumns reduces columns [lo, hi) of the rows×len(d) matrix s into
// d, adding the rows in order in float64.
func sumColumns(k redOp, d, s []float32, rows, lo, hi int) {
	inner := len(d)
	acc := make([]float64, hi-lo)
	for r := 0; r < rows; r++ {
		row := s[r*inner+lo : r*inner+hi]
		for i, v := range row {
			acc[i] += float64(v)
		}
	}
	for i, v := range acc {
		if k == redMean {
			d[lo+i] = float32(v) * (1 / float32(rows))
		} else {
			d[lo+i] = float32(v)
		}
	}
}

// transpose2D writes the transpose of the rows×cols matrix s into d in
// cache-sized blocks.
func transpose2D[T any](d, s []T, rows, cols int) {
	const block = 32
	for i0 := 0; i0 < rows; i0 += block {
		for j0 := 0; j0 < cols; j0 += block {
			for i := i0; i < min(i0+block, rows); i++ {
				row := s[i*cols : (i+1)*cols]
				for j := j0; j < min(j0+block, cols); j++ {
					d[j*rows+i] = row[j]
				}
			}
		}
	}
}

// transposeMatrix returns the transpose of a 2-D float tensor with the
// given result shape, or nil for other tensors.
func transposeMatrix(t *Tensor, shape []int) *Tensor {
	if t.Rank() != 2 {
		return nil
	}
	switch s := t.data.(type) {
	case []float32:
		out := newTensorUninit("Transpose", t.dtype, shape)
		transpose2D(out.data.([]float32), s, t.shape[0], t.shape[1])
		return out
	case []float64:
		out := newTensorUninit("Transpose", t.dtype, shape)
		transpose2D(out.data.([]float64), s, t.shape[0], t.shape[1])
		return out
	}
	return nil
}

// meanGradFill returns the gradient of a mean over all elements, g/n
// broadcast to shape and rounded as the division in g's dtype rounds
// it, in one tensor, or nil unless g is a single float on the CPU.
func meanGradFill(g *Tensor, n int, shape []int) *Tensor {
	if g.Numel() != 1 || g.dev != CPU {
		return nil
	}
	switch s := g.data.(type) {
	case []float32:
		out := newTensorUninit("ReduceMean", g.dtype, shape)
		v := s[0] / float32(n)
		if g.dtype == Float16 {
			v = RoundHalf(v)
		}
		d := out.data.([]float32)
		for i := range d {
			d[i] = v
		}
		return out
	case []float64:
		out := newTensorUninit("ReduceMean", Float64, shape)
		v := s[0] / float64(n)
		d := out.data.([]float64)
		for i := range d {
			d[i] = v
		}
		return out
	}
	return nil
}

// reduceAll reduces a non-empty float tensor on the CPU over all its
// axes to a 0-d tensor without the index bookkeeping of the general
// path, which for small tensors costs more than the sum. It returns nil
// for other reductions.
func reduceAll(k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	if len(axes) != 0 || keep || t.dev != CPU || t.Numel() == 0 {
		return nil
	}
	switch s := t.data.(type) {
	case []float32:
		out := newTensorUninit(redNames[k], t.dtype, nil)
		reduceFloatRows(k, out.data.([]float32), s, len(s))
		return out
	case []float64:
		out := newTensorUninit(redNames[k], Float64, nil)
		reduceFloatRows(k, out.data.([]float64), s, len(s))
		return out
	}
	return nil
}

// absGrad returns g·sign(a) in one pass, the values that multiplying g
// by Sign(a) gives, or nil unless g and a are float tensors of one dtype
// and shape on the CPU.
func absGrad(g, a *Tensor) *Tensor {
	if g.dtype != a.dtype || !sameShape(g.shape, a.shape) || g.dev != CPU || a.dev != CPU {
		return nil
	}
	switch gs := g.data.(type) {
	case []float32:
		out := newTensorUninit("AbsGrad", a.dtype, a.shape)
		absGradLoop(out.data.([]float32), gs, a.data.([]float32))
		return out
	case []float64:
		out := newTensorUninit("AbsGrad", Float64, a.shape)
		absGradLoop(out.data.([]float64), gs, a.data.([]float64))
		return out
	}
	return nil
}

func absGradLoop[T float32 | float64](d, g, a []T) {
	g = g[:len(d)]
	a = a[:len(d)]
	for i := range d {
		s := a[i] // sign(0) = 0 and sign(NaN) = NaN keep the value
		if s > 0 {
			s = 1
		} else if s < 0 {
			s = -1
		}
		d[i] = g[i] * s
	}
}

// elementwiseGrain is the least number of elements per worker for which
// elementwise kernels split their work, about 30 µs of it.
const elementwiseGrain = 1 << 16

// binLoopParallel is binLoop split across the CPU workers; a or b may
// hold a single element that broadcasts.
func binLoopParallel[T float32 | float64](k binOp, d, a, b []T) {
	if cpu.Workers(len(d), elementwiseGrain) <= 1 {
		binLoop(k, d, a, b) // without a closure, which would escape
		return
	}
	cpu.Parallel(len(d), elementwiseGrain, func(lo, hi int) {
		sa, sb := a, b
		if len(a) == len(d) {
			sa = a[lo:hi]
		}
		if len(b) == len(d) {
			sb = b[lo:hi]
		}
		binLoop(k, d[lo:hi], sa, sb)
	})
}
