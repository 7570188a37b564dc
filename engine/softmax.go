package engine

import "math"

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
	c := t.shape[t.Rank()-1]
	out := newTensor("LogSoftmax", t.dtype, t.shape)
	rows := 0
	if c > 0 {
		rows = t.Numel() / c
	}
	row := make([]float64, c)
	for r := 0; r < rows; r++ {
		m := math.Inf(-1)
		for j := 0; j < c; j++ {
			row[j] = t.Float(r*c + j)
			if row[j] > m {
				m = row[j]
			}
		}
		if math.IsInf(m, -1) {
			m = 0
		}
		var s float64
		for _, v := range row {
			s += math.Exp(v - m)
		}
		lse := m + math.Log(s)
		for j, v := range row {
			out.setFloat(r*c+j, v-lse)
		}
	}
	return out
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
	out := unaryRaw(uExp, logSoftmaxRaw(t))
	return record(out, "Softmax", []*Tensor{t}, func(g *Tensor) []*Tensor {
		y := out.Detach()
		s := reduceRaw(redSum, binaryRaw(opMul, g, y), []int{last}, true)
		return []*Tensor{binaryRaw(opMul, y, binaryRaw(opSub, g, expandTo(s, y.shape)))}
	})
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
