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
	rank := t.Rank()
	isRed := make([]bool, rank)
	for _, a := range axes {
		isRed[a] = true
	}
	perm := make([]int, 0, rank)
	outer, inner := 1, 1
	for i := 0; i < rank; i++ {
		if !isRed[i] {
			perm = append(perm, i)
			outer *= t.shape[i]
		}
	}
	for _, a := range axes {
		perm = append(perm, a)
		inner *= t.shape[a]
	}
	return transposeRaw(t, perm), outer, inner
}

// reduceRaw reduces t over axes (all when empty) without autograd.
// Float32 sums and means accumulate in float64 and round once.
func reduceRaw(k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	name := redNames[k]
	axes = normAxes(name, axes, t.Rank())
	src, outer, inner := moveAxesLast(t, axes)
	dtype := t.dtype
	if dtype == Bool && (k == redSum || k == redMean) {
		dtype = Int64
		src = cast(src, Int64)
	}
	out := newTensor(name, dtype, reduceShape(t.shape, axes, keep))
	if inner == 0 && (k == redMax || k == redMin) && outer > 0 {
		valueErr(name, "cannot take the %s of an empty tensor of shape %s", map[redOp]string{redMax: "maximum", redMin: "minimum"}[k], FormatShape(t.shape))
	}
	for o := 0; o < outer; o++ {
		out.setFloat(o, reduceRow(k, src, o*inner, inner))
	}
	if k != redMean && dtype.IsInt() {
		// Integer sums are exact in int64 arithmetic.
		if k == redSum {
			for o := 0; o < outer; o++ {
				var s int64
				for i := 0; i < inner; i++ {
					s += src.Int(o*inner + i)
				}
				out.setInt(o, s)
			}
		}
	}
	return out
}

func (t *Tensor) setInt(i int, v int64) {
	switch s := t.data.(type) {
	case []int32:
		s[i] = int32(v)
	case []int64:
		s[i] = v
	default:
		t.setFloat(i, float64(v))
	}
}

func reduceRow(k redOp, t *Tensor, start, n int) float64 {
	switch s := t.data.(type) {
	case []float32:
		return reduceSlice(k, s[start:start+n])
	case []float64:
		return reduceSlice(k, s[start:start+n])
	case []int32:
		return reduceSlice(k, s[start:start+n])
	case []int64:
		return reduceSlice(k, s[start:start+n])
	default:
		b := s.([]bool)[start : start+n]
		f := make([]float64, n)
		for i, v := range b {
			if v {
				f[i] = 1
			}
		}
		return reduceSlice(k, f)
	}
}

func reduceSlice[T number](k redOp, s []T) float64 {
	switch k {
	case redSum, redMean:
		var acc float64
		for _, v := range s {
			acc += float64(v)
		}
		if k == redMean {
			return acc / float64(len(s)) // 0/0 gives NaN for empty input, as NumPy does
		}
		return acc
	case redProd:
		acc := 1.0
		for _, v := range s {
			acc *= float64(v)
		}
		return acc
	default:
		best := float64(s[0])
		for _, v := range s[1:] {
			f := float64(v)
			if f != f {
				return f
			}
			if (k == redMax && f > best) || (k == redMin && f < best) {
				best = f
			}
		}
		return best
	}
}

func reduce(k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	out := reduceRaw(k, t, axes, keep)
	if !t.dtype.IsFloat() {
		return out
	}
	ax := normAxes(redNames[k], axes, t.Rank())
	kept := reduceShape(t.shape, ax, true)
	return record(out, redNames[k], []*Tensor{t}, func(g *Tensor) []*Tensor {
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
			// d prod / d x_i = prod / x_i, valid where x_i != 0.
			p := reshapeRaw(out.Detach(), kept)
			return []*Tensor{binaryRaw(opDiv, binaryRaw(opMul, expandTo(g, t.shape), expandTo(p, t.shape)), t.Detach())}
		}
	})
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

// Max reduces with the maximum; NaN propagates.
func Max(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redMax, t, axes, keepDims), nil
}

// Min reduces with the minimum; NaN propagates.
func Min(t *Tensor, axes []int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return reduce(redMin, t, axes, keepDims), nil
}

// Prod multiplies over axes.
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
