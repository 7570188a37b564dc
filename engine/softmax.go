package engine

import (
	"math"

	"github.com/cellscript/cellscript/engine/cpu"
)

// logSoftmaxRaw computes log-softmax along the last axis exactly: each
// row is shifted by its maximum and the log-sum-exp accumulates in
// float64, so logits of any magnitude give finite results.
func logSoftmaxRaw(t *Tensor) *Tensor {
	if !t.dtype.IsFloat() {
		typeErr("LogSoftmax", "dtype %s is not supported; use float32 or float64", t.dtype)
	}
	if t.Rank() == 0 {
		valueErr("LogSoftmax", "input must have at least one dimension")
	}
	if be := onDevice("LogSoftmax", false, t); be != nil {
		return deviceLogSoftmax(be, t)
	}
	c := t.shape[t.Rank()-1]
	out := newTensor("LogSoftmax", t.dtype, t.shape)
	switch d := out.data.(type) {
	case []float32:
		logSoftmaxRows(d, t.data.([]float32), c)
	case []float64:
		logSoftmaxRows(d, t.data.([]float64), c)
	}
	return roundHalfTensor(out)
}

func logSoftmaxRows[T float32 | float64](d, s []T, c int) {
	if c == 0 {
		return
	}
	for start := 0; start < len(s); start += c {
		row := s[start : start+c]
		lse := logSumExpRow(row)
		if math.IsInf(lse, 1) {
			logSoftmaxInfRow(d[start:start+c], row)
			continue
		}
		for j, v := range row {
			d[start+j] = T(float64(v) - lse)
		}
	}
}

// logSoftmaxInfRow fills the log-softmax of a row holding +Inf with its
// limit: the k infinite logits share the probability, -log(k) each, and
// the finite ones get -Inf, where v - lse would give NaN.
func logSoftmaxInfRow[T float32 | float64](d, row []T) {
	k := 0
	for _, v := range row {
		if math.IsInf(float64(v), 1) {
			k++
		}
	}
	for j, v := range row {
		d[j] = T(math.Inf(-1))
		if math.IsInf(float64(v), 1) {
			d[j] = T(-math.Log(float64(k)))
		}
	}
}

// logSumExpRow returns log(sum(exp(row))) in float64, shifted by the
// row's maximum. An empty or all -Inf row gives -Inf, a row holding +Inf
// gives +Inf, and NaN propagates.
func logSumExpRow[T float32 | float64](row []T) float64 {
	m := math.Inf(-1)
	for _, v := range row {
		if v != v {
			return math.NaN()
		}
		m = max(m, float64(v))
	}
	if math.IsInf(m, 0) {
		return m
	}
	var s float64
	for _, v := range row {
		s += math.Exp(float64(v) - m)
	}
	return m + math.Log(s)
}

// logSoftmax is log-softmax along axis with its gradient
// g - softmax·sum(g).
func logSoftmax(t *Tensor, axis int) *Tensor {
	axis = normAxis("LogSoftmax", axis, t.Rank())
	last := t.Rank() - 1
	if axis != last {
		perm := swapPerm(t.Rank(), axis, last)
		return transpose(logSoftmax(transpose(t, perm), -1), perm)
	}
	out := logSoftmaxRaw(t)
	return record(out, "LogSoftmax", []*Tensor{t}, func(g *Tensor) []*Tensor {
		p := unaryRaw(uExp, out.Detach())
		s := reduceRaw(redSum, g, []int{last}, true)
		return []*Tensor{binaryRaw(opSub, g, binaryRaw(opMul, p, expandTo(s, p.shape)))}
	})
}

// softmax is softmax along axis with gradient y·(g - sum(g·y)).
func softmax(t *Tensor, axis int) *Tensor {
	axis = normAxis("Softmax", axis, t.Rank())
	last := t.Rank() - 1
	if axis != last {
		perm := swapPerm(t.Rank(), axis, last)
		return transpose(softmax(transpose(t, perm), -1), perm)
	}
	out := softmaxRaw(t)
	return record(out, "Softmax", []*Tensor{t}, func(g *Tensor) []*Tensor {
		y := out.Detach()
		s := reduceRaw(redSum, binaryRaw(opMul, g, y), []int{last}, true)
		return []*Tensor{binaryRaw(opMul, y, binaryRaw(opSub, g, expandTo(s, y.shape)))}
	})
}

// softmaxRaw computes softmax along the last axis as
// exp(x - max) / sum(exp(x - max)), with the exponentials, the sum and
// the quotient in float64 and one rounding to the dtype at the end. A
// float32 result is therefore the correctly rounded softmax unless the
// exact value lies within float64 error of a float32 rounding boundary.
func softmaxRaw(t *Tensor) *Tensor {
	if !t.dtype.IsFloat() {
		typeErr("Softmax", "dtype %s is not supported; use float32 or float64", t.dtype)
	}
	if t.Rank() == 0 {
		valueErr("Softmax", "input must have at least one dimension")
	}
	if be := onDevice("Softmax", false, t); be != nil {
		return deviceSoftmax(be, t)
	}
	c := t.shape[t.Rank()-1]
	out := newTensor("Softmax", t.dtype, t.shape)
	switch d := out.data.(type) {
	case []float32:
		softmaxRows(d, t.data.([]float32), c)
	case []float64:
		softmaxRows(d, t.data.([]float64), c)
	}
	return roundHalfTensor(out)
}

// softmaxRows fills d with the softmax of each row of c elements of s,
// splitting the rows across workers.
func softmaxRows[T float32 | float64](d, s []T, c int) {
	if c == 0 {
		return
	}
	cpu.Parallel(len(s)/c, max(1, (1<<14)/c), func(lo, hi int) {
		e := make([]float64, c)
		for r := lo; r < hi; r++ {
			softmaxRow(d[r*c:(r+1)*c], s[r*c:(r+1)*c], e)
		}
	})
}

// softmaxRow writes the softmax of row into d, using e (len(row)) for
// the float64 exponentials. A row containing NaN gives NaN, and so does a
// row whose elements are all -Inf. A row containing +Inf shares the
// probability among its k infinite entries, 1/k each, and gives the
// others 0, the limit that exp of LogSoftmax gives.
func softmaxRow[T float32 | float64](d, row []T, e []float64) {
	m := math.Inf(-1)
	for _, v := range row {
		m = max(m, float64(v))
	}
	if math.IsInf(m, 1) {
		for j, v := range row {
			e[j] = 0
			if math.IsInf(float64(v), 1) {
				e[j] = 1
			}
		}
	} else {
		for j, v := range row {
			e[j] = math.Exp(float64(v) - m)
		}
	}
	var sum float64
	for _, v := range e {
		sum += v
	}
	for j, v := range e {
		d[j] = T(v / sum)
	}
}

func swapPerm(rank, a, b int) []int {
	p := make([]int, rank)
	for i := range p {
		p[i] = i
	}
	p[a], p[b] = p[b], p[a]
	return p
}

// LogSoftmax returns log(softmax(t)) along axis, exact for large logits.
func LogSoftmax(t *Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	return logSoftmax(t, axis), nil
}

// Softmax returns the softmax along axis.
func Softmax(t *Tensor, axis int) (out *Tensor, err error) {
	defer catch(&err)
	return softmax(t, axis), nil
}

// LogSumExp returns log(sum(exp(t))) along axis, shifted by the maximum
// so that it is exact for large inputs, as MindSpore's ops.logsumexp and
// scipy.special.logsumexp do. The gradient is softmax(t) along axis.
func LogSumExp(t *Tensor, axis int, keepDims bool) (out *Tensor, err error) {
	defer catch(&err)
	return logSumExp(t, axis, keepDims), nil
}

func logSumExp(t *Tensor, axis int, keep bool) *Tensor {
	if !t.dtype.IsFloat() {
		typeErr("LogSumExp", "dtype %s is not supported; use float32 or float64", t.dtype)
	}
	axis = normAxis("LogSumExp", axis, t.Rank())
	if be := onDevice("LogSumExp", false, t); be != nil {
		return deviceLogSumExp(be, t, axis, keep)
	}
	ax := []int{axis}
	out := newTensor("LogSumExp", t.dtype, reduceShape(t.shape, ax, keep))
	src, _, inner := moveAxesLast(t, ax)
	for o := range out.Numel() {
		switch s := src.data.(type) {
		case []float32:
			out.setFloat(o, logSumExpRow(s[o*inner:(o+1)*inner]))
		case []float64:
			out.setFloat(o, logSumExpRow(s[o*inner:(o+1)*inner]))
		}
	}
	kept := reduceShape(t.shape, ax, true)
	return record(out, "LogSumExp", []*Tensor{t}, func(g *Tensor) []*Tensor {
		lse := expandTo(reshapeRaw(out.Detach(), kept), t.shape)
		p := unaryRaw(uExp, binaryRaw(opSub, t.Detach(), lse))
		return []*Tensor{binaryRaw(opMul, p, expandTo(reshapeRaw(g, kept), t.shape))}
	})
}
