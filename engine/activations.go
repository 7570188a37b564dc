package engine

import "math"

// The activations in this file are compositions of recorded ops, so
// their gradients come from those ops and they run wherever the ops do.

// ReLU6 returns min(max(a, 0), 6). Its gradient is 1 on (0, 6] and 0
// elsewhere, because ReLU's gradient at 0 is 0 and Minimum's tie at 6
// goes to its first input.
// NOTE: MindSpore's ReLU6Grad may treat the point 6 differently; only
// the open interval (0, 6) is checked against it.
func ReLU6(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return relu6(a), nil
}

func relu6(a *Tensor) *Tensor {
	return minmax(opMin, unary(uRelu, a), full(a.dtype, 6, nil))
}

// HSigmoid returns relu6(a + 3) / 6, MindSpore's hard sigmoid.
func HSigmoid(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return hSigmoid(a), nil
}

func hSigmoid(a *Tensor) *Tensor {
	shifted := add(a, full(a.dtype, 3, nil))
	return div(relu6(shifted), full(a.dtype, 6, nil))
}

// HSwish returns a * relu6(a + 3) / 6, MindSpore's hard swish.
func HSwish(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return mul(a, hSigmoid(a)), nil
}

// ELU returns a where a > 0 and alpha * (exp(a) - 1) elsewhere, as
// MindSpore's Elu computes it. exp is taken of min(a, 0), so large
// inputs do not overflow.
func ELU(a *Tensor, alpha float64) (t *Tensor, err error) {
	defer catch(&err)
	d := a.dtype
	neg := minmax(opMin, a, full(d, 0, nil))
	em1 := sub(unary(uExp, neg), full(d, 1, nil))
	return where(compareRaw(cmpGT, a, full(d, 0, nil)), a, mul(full(d, alpha, nil), em1)), nil
}

// GeLU returns the tanh approximation of the Gaussian error linear unit
// that MindSpore's GeLU computes, 0.5 * a * (1 + tanh(z)) with
// z = sqrt(2/pi) * (a + 0.044715 * a**3). It is evaluated as
// a * sigmoid(2z), the same function, which keeps the tiny values of
// large negative inputs that 1 + tanh(z) rounds to 0, as MindSpore's
// docstring shows for -8 (-3.1077917e-21).
func GeLU(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	d := a.dtype
	c := func(v float64) *Tensor { return full(d, v, nil) }
	cube := mul(a, mul(a, a))
	z := mul(c(math.Sqrt(2/math.Pi)), add(a, mul(c(0.044715), cube)))
	return mul(a, unary(uSigmoid, mul(c(2), z))), nil
}

// LeakyReLU returns max(alpha*a, a) for alpha <= 1 and min(alpha*a, a)
// for alpha > 1, as MindSpore's nn.LeakyReLU computes it. At 0 the
// gradient is alpha, because the tie goes to alpha*a.
func LeakyReLU(a *Tensor, alpha float64) (t *Tensor, err error) {
	defer catch(&err)
	scaled := mul(full(a.dtype, alpha, nil), a)
	if alpha <= 1 {
		return minmax(opMax, scaled, a), nil
	}
	return minmax(opMin, scaled, a), nil
}

// L2Normalize returns a / sqrt(max(sum(a**2, axis), epsilon)), as
// MindSpore's L2Normalize computes it.
func L2Normalize(a *Tensor, axis int, epsilon float64) (t *Tensor, err error) {
	defer catch(&err)
	if a.Rank() == 0 {
		valueErr("L2Normalize", "the input is a 0-d tensor; it must have at least one axis")
	}
	axis = normAxis("L2Normalize", axis, a.Rank())
	s, err := Sum(mul(a, a), []int{axis}, true)
	if err != nil {
		panic(err)
	}
	floor := minmax(opMax, s, full(s.dtype, epsilon, nil))
	return div(a, unary(uSqrt, floor)), nil
}
