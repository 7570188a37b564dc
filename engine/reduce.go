package engine

import (
	"math"
	"sort"
)

type redOp uint8

const (
	redSum redOp = iota
	redMean
	redMax
	redMin
	redProd
)

var redNames = [...]string{"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd"}

// normAxes resolves axes against rank; nil or empty means all axes.
// The result is sorted and free of duplicates.
func normAxes(op string, axes []int, rank int) []int {
	if len(axes) == 0 {
		all := make([]int, rank)
		for i := range all {
			all[i] = i
		}
		return all
	}
	seen := make([]bool, rank)
	out := make([]int, 0, len(axes))
	for _, a := range axes {
		a = normAxis(op, a, rank)
		if seen[a] {
			valueErr(op, "axis %d appears more than once", a)
		}
		seen[a] = true
		out = append(out, a)
	}
	sort.Ints(out)
	return out
}

// reduceShape returns the output shape, keeping 1s when keep is set.
func reduceShape(shape, axes []int, keep bool) []int {
	out := []int{}
	j := 0
	for i, d := range shape {
		if j < len(axes) && axes[j] == i {
			j++
			if keep {
				out = append(out, 1)
			}
			continue
		}
		out = append(out, d)
	}
	return out
}

// moveAxesLast transposes t so that the reduced axes come last and
// returns it with the (outer, inner) sizes of the result.
func moveAxesLast(t *Tensor, axes []int) (*Tensor, int, int) {
	perm := axesLastPerm(t.Rank(), axes)
	inner := 1
	for _, a := range axes {
		inner *= t.shape[a]
	}
	outer := 1
	for _, p := range perm[:len(perm)-len(axes)] {
		outer *= t.shape[p]
	}
	return transposeRaw(t, perm), outer, inner
}

// axesLastPerm returns the permutation that keeps the axes not in axes
// in order and moves axes (sorted) to the end.
func axesLastPerm(rank int, axes []int) []int {
	isRed := make([]bool, rank)
	for _, a := range axes {
		isRed[a] = true
	}
	perm := make([]int, 0, rank)
	for i := 0; i < rank; i++ {
		if !isRed[i] {
			perm = append(perm, i)
		}
	}
	return append(perm, axes...)
}

func invertPerm(perm []int) []int {
	inv := make([]int, len(perm))
	for i, p := range perm {
		inv[p] = i
	}
	return inv
}

// reduceRaw reduces t over axes (all when empty) without autograd.
// Float32 sums and means accumulate in float64 and round once. Integer
// reductions stay in integer arithmetic, and bool sums and products
// count in int64, as NumPy's do.
func reduceRaw(k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	name := redNames[k]
	if out := reduceAll(k, t, axes, keep); out != nil {
		return roundHalfTensor(out)
	}
	axes = normAxes(name, axes, t.Rank())
	if t.dtype == Bool && k != redMax && k != redMin {
		t = cast(t, Int64)
	}
	if be := onDevice(name, false, t); be != nil {
		return deviceReduce(be, k, t, axes, keep)
	}
	out := newTensor(name, t.dtype, reduceShape(t.shape, axes, keep))
	if reduceLeading(k, out, t, axes) {
		return roundHalfTensor(out)
	}
	src, outer, inner := moveAxesLast(t, axes)
	if inner == 0 && (k == redMax || k == redMin) && outer > 0 {
		valueErr(name, "zero-size array of shape %s has no %s; reduce over a non-empty axis or use Sum", FormatShape(t.shape), map[redOp]string{redMax: "maximum", redMin: "minimum"}[k])
	}
	switch d := out.data.(type) {
	case []float32:
		reduceFloatRows(k, d, src.data.([]float32), inner)
	case []float64:
		reduceFloatRows(k, d, src.data.([]float64), inner)
	case []int32:
		reduceIntRows(k, d, src.data.([]int32), inner)
	case []int64:
		reduceIntRows(k, d, src.data.([]int64), inner)
	case []bool:
		reduceBoolRows(k, d, src.data.([]bool), inner)
	}
	return roundHalfTensor(out)
}

func reduce(k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	out := reduceRaw(k, t, axes, keep)
	if !t.dtype.IsFloat() || !t.requiresGrad {
		return out
	}
	// normAxes copies the caller's axes, which the closure must not see
	// change. A reduction over all axes has none to copy, and its axes
	// and kept shape are built only if its gradient needs them.
	var ax, kept []int
	if len(axes) > 0 {
		ax = normAxes(redNames[k], axes, t.Rank())
		kept = reduceShape(t.shape, ax, true)
	}
	return record(out, redNames[k], []*Tensor{t}, func(g *Tensor) []*Tensor {
		if k == redMean {
			if m := meanGradFill(g, t.Numel()/max(1, out.Numel()), t.shape); m != nil {
				return []*Tensor{m}
			}
		}
		ax, kept := ax, kept
		if ax == nil {
			ax = normAxes(redNames[k], nil, t.Rank())
			kept = reduceShape(t.shape, ax, true)
		}
		g = reshapeRaw(g, kept)
		switch k {
		case redSum:
			return []*Tensor{expandTo(g, t.shape)}
		case redMean:
			n := t.Numel() / max(1, out.Numel())
			return []*Tensor{expandTo(binaryRaw(opDiv, g, full(g.dtype, float64(n), nil)), t.shape)}
		case redMax, redMin:
			// The gradient is split evenly among tied extreme elements.
			hit := cast(compareRaw(cmpEQ, t.Detach(), reshapeRaw(out.Detach(), kept)), t.dtype)
			count := reduceRaw(redSum, hit, ax, true)
			return []*Tensor{binaryRaw(opMul, hit, expandTo(binaryRaw(opDiv, g, count), t.shape))}
		default:
			return []*Tensor{prodGrad(t.Detach(), g, ax)}
		}
	})
}

// prodGrad returns g times the product of the other elements of each
// reduced row. It multiplies prefix and suffix products instead of
// dividing the product by each element, so rows containing zeros get
// the exact gradient.
func prodGrad(t, g *Tensor, axes []int) *Tensor {
	if be := onDevice("ReduceProd", false, t, g); be != nil {
		return deviceProdGrad(be, t, g, axes)
	}
	src, _, inner := moveAxesLast(t, axes)
	res := newTensor("ReduceProd", t.dtype, src.shape)
	switch d := res.data.(type) {
	case []float32:
		prodGradRows(d, src.data.([]float32), g.data.([]float32), inner)
	case []float64:
		prodGradRows(d, src.data.([]float64), g.data.([]float64), inner)
	}
	return transposeRaw(roundHalfTensor(res), invertPerm(axesLastPerm(t.Rank(), axes)))
}

func prodGradRows[T float32 | float64](d, x, g []T, inner int) {
	suffix := make([]float64, inner+1)
	for o, gv := range g {
		row := x[o*inner : (o+1)*inner]
		suffix[inner] = 1
		for i := inner - 1; i >= 0; i-- {
			suffix[i] = suffix[i+1] * float64(row[i])
		}
		prefix := 1.0
		for i, v := range row {
			d[o*inner+i] = T(float64(gv) * prefix * suffix[i+1])
			prefix *= float64(v)
		}
	}
}

// Sum reduces over axes (all when none are given).
func Sum(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redSum, t, axes, keepDims), nil
}

// Mean averages over axes (all when none are given). Float32 inputs
// accumulate in float64, so the result is the correctly rounded mean.
func Mean(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	if !t.dtype.IsFloat() {
		typeErr("ReduceMean", "dtype %s is not supported; cast to float32 first", t.dtype)
	}
	return reduce(redMean, t, axes, keepDims), nil
}

// Max reduces with the maximum, as numpy.amax does: NaN propagates, an
// empty reduced axis raises ValueError, and the gradient is split evenly
// among tied maxima.
func Max(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redMax, t, axes, keepDims), nil
}

// Min reduces with the minimum; it treats NaN, empty axes and ties as
// Max does.
func Min(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redMin, t, axes, keepDims), nil
}

// Prod multiplies over axes. Its gradient is exact for rows that
// contain zeros.
func Prod(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redProd, t, axes, keepDims), nil
}

// ArgMax returns the int64 index of the first maximum along axis.
func ArgMax(t *Tensor, axis int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return argExtreme(t, axis, keepDims, true), nil
}

// ArgMin returns the int64 index of the first minimum along axis.
func ArgMin(t *Tensor, axis int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return argExtreme(t, axis, keepDims, false), nil
}

func argExtreme(t *Tensor, axis int, keep, isMax bool) *Tensor {
	name := "Argmin"
	if isMax {
		name = "Argmax"
	}
	axis = normAxis(name, axis, t.Rank())
	if be := onDevice(name, false, t); be != nil {
		return deviceArgExtreme(be, name, t, axis, keep, isMax)
	}
	src, outer, inner := moveAxesLast(t, []int{axis})
	if inner == 0 {
		valueErr(name, "attempt to get %s of an empty sequence", name)
	}
	out := newTensor(name, Int64, reduceShape(t.shape, []int{axis}, keep))
	d := out.data.([]int64)
	for o := 0; o < outer; o++ {
		best, bi := src.Float(o*inner), 0
		for i := 1; i < inner && !math.IsNaN(best); i++ {
			v := src.Float(o*inner + i)
			if math.IsNaN(v) || (isMax && v > best) || (!isMax && v < best) {
				best, bi = v, i
			}
		}
		d[o] = int64(bi)
	}
	return out
}
