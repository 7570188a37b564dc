package engine

import "math"

// mapFloat applies f to each element of a float tensor on the CPU. Each
// value is computed in float64 and rounded once to a's dtype. The
// gradient is g * df(a); a nil df gives a zero gradient, as for step
// functions such as Ceil and Round.
func mapFloat(op string, a *Tensor, f, df func(float64) float64) *Tensor {
	cpuOnly(op, a)
	if !a.dtype.IsFloat() {
		typeErr(op, "dtype is %s; it must be float16, float32 or float64", a.dtype)
	}
	out := newTensor(op, a.dtype, a.shape)
	for i := range a.Numel() {
		out.setFloat(i, f(a.Float(i)))
	}
	if !a.requiresGrad {
		return out
	}
	return record(out, op, []*Tensor{a}, func(g *Tensor) []*Tensor {
		if df == nil {
			return []*Tensor{fullLike(g, g.dtype, 0, g.shape)}
		}
		d := newTensor(op, g.dtype, a.shape)
		for i := range a.Numel() {
			d.setFloat(i, df(a.Float(i)))
		}
		return []*Tensor{binaryRaw(opMul, g, d)}
	})
}

// Erf returns the Gauss error function; its derivative is
// 2/sqrt(pi) * exp(-a**2). It runs on the CPU only.
func Erf(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return mapFloat("Erf", a, math.Erf, func(x float64) float64 {
		return 2 / math.Sqrt(math.Pi) * math.Exp(-x*x)
	}), nil
}

// Ceil rounds toward plus infinity; its gradient is 0. It runs on the
// CPU only.
func Ceil(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return mapFloat("Ceil", a, math.Ceil, nil), nil
}

// Round rounds to the nearest integer, halves to even as MindSpore's
// Round and numpy.round do; its gradient is 0. It runs on the CPU only.
func Round(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return mapFloat("Round", a, math.RoundToEven, nil), nil
}

// classifyFloat returns a bool tensor that is pred of each element, for
// IsNan, IsInf and IsFinite. Integer elements are never NaN or infinite.
func classifyFloat(op string, a *Tensor, pred func(float64) bool) *Tensor {
	cpuOnly(op, a)
	out := newTensor(op, Bool, a.shape)
	d := out.data.([]bool)
	for i := range d {
		d[i] = pred(a.Float(i))
	}
	return out
}

// IsNan returns where a is NaN. It runs on the CPU only.
func IsNan(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return classifyFloat("IsNan", a, math.IsNaN), nil
}

// IsInf returns where a is +Inf or -Inf. It runs on the CPU only.
func IsInf(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return classifyFloat("IsInf", a, func(x float64) bool { return math.IsInf(x, 0) }), nil
}

// IsFinite returns where a is neither NaN nor infinite. It runs on the
// CPU only.
func IsFinite(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return classifyFloat("IsFinite", a, func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }), nil
}

// LogicalAnd returns a && b for bool tensors, with broadcasting.
func LogicalAnd(a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	checkBools("LogicalAnd", a, b)
	// For bools, a && b is min(a, b).
	return cast(binaryRaw(opMin, cast(a, Int32), cast(b, Int32)), Bool), nil
}

// LogicalOr returns a || b for bool tensors, with broadcasting.
func LogicalOr(a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	checkBools("LogicalOr", a, b)
	return cast(binaryRaw(opMax, cast(a, Int32), cast(b, Int32)), Bool), nil
}

func checkBools(op string, a, b *Tensor) {
	if a.dtype != Bool || b.dtype != Bool {
		typeErr(op, "dtypes are %s and %s; both must be bool", a.dtype, b.dtype)
	}
}
