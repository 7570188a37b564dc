package cpu

import "math"

// SoftmaxXent32 computes the softmax cross entropy of each row x_i of
// the rows×c matrix x against the class labels[i] in [0, c):
// loss[i] = -float32(x_i[labels[i]] - logsumexp(x_i)), where logsumexp is
// shifted by the row's maximum and accumulated in float64. When grad is
// not nil it also writes grad_i = scale_i·(softmax(x_i) - onehot(labels[i]))
// with scale_i = scale[i], or scale[0] for every row when scale has one
// element.
//
// A row holding NaN gives NaN. A row holding +Inf splits the
// probability among its infinite entries and gives the others -Inf log
// probability, as the engine's LogSoftmax does. On the AVX-512 path the
// exponentials are float32 (within 1 ulp), so the loss and gradient may
// differ from the float64 reference path in the last bits.
func SoftmaxXent32(x []float32, c int, labels []int, loss, grad, scale []float32) {
	rows := len(loss)
	if len(x) != rows*c || len(labels) != rows || grad != nil && len(grad) != len(x) || len(scale) != 1 && len(scale) != rows {
		panic("cpu: SoftmaxXent32 slice lengths do not match")
	}
	if c == 0 {
		return
	}
	Parallel(rows, max(1, (1<<16)/c), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			row := x[i*c : (i+1)*c]
			var g []float32
			if grad != nil {
				g = grad[i*c : (i+1)*c]
			}
			s := scale[0]
			if len(scale) > 1 {
				s = scale[i]
			}
			loss[i] = xentRow(row, labels[i], g, s)
		}
	})
}

// xentRow returns the loss of one row and writes its gradient into g
// unless g is nil.
func xentRow(x []float32, label int, g []float32, scale float32) float32 {
	if active < AVX512 {
		return xentRowGo(x, label, g, scale)
	}
	m, nan := rowMaxAVX512(&x[0], len(x))
	if nan || math.IsInf(float64(m), 0) {
		return xentRowGo(x, label, g, scale)
	}
	var e *float32
	if g != nil {
		e = &g[0]
	}
	sum := expSumAVX512(e, &x[0], len(x), m)
	lse := float64(m) + math.Log(sum)
	l := -float32(float64(x[label]) - lse)
	if g != nil {
		scale2AVX512(&g[0], &g[0], len(g), float32(1/sum), scale)
		g[label] -= scale
	}
	return l
}

// xentRowGo is the reference: the engine's exact log-softmax, then
// p = exp(logp) and g = scale·p - scale·onehot in float32.
func xentRowGo(x []float32, label int, g []float32, scale float32) float32 {
	lse := logSumExp(x)
	inf := math.IsInf(lse, 1)
	infCount := 0
	if inf {
		for _, v := range x {
			if math.IsInf(float64(v), 1) {
				infCount++
			}
		}
	}
	logp := func(v float32) float32 {
		if !inf {
			return float32(float64(v) - lse)
		}
		if math.IsInf(float64(v), 1) {
			return float32(-math.Log(float64(infCount)))
		}
		return float32(math.Inf(-1))
	}
	if g != nil {
		for j, v := range x {
			p := float32(math.Exp(float64(logp(v))))
			g[j] = p * scale
		}
		g[label] -= scale
	}
	return -logp(x[label])
}

// logSumExp returns log(sum(exp(x))) in float64, shifted by the maximum:
// NaN when x holds NaN, +Inf when it holds +Inf, -Inf when all are -Inf.
func logSumExp(x []float32) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		if v != v {
			return math.NaN()
		}
		m = max(m, float64(v))
	}
	if math.IsInf(m, 0) {
		return m
	}
	var s float64
	for _, v := range x {
		s += math.Exp(float64(v) - m)
	}
	return m + math.Log(s)
}
