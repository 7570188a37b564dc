package engine

import (
	"math"

	"github.com/cellscript/cellscript/engine/cpu"
)

type unOp uint8

const (
	uNeg unOp = iota
	uAbs
	uExp
	uLog
	uSqrt
	uSquare
	uRelu
	uSigmoid
	uTanh
	uSign
	uLog1p
	uSoftplus
	uLogSigmoid
	uFloor
	uSin
	uCos
	uRsqrt
	uReciprocal
)

var unOpNames = [...]string{"Neg", "Abs", "Exp", "Log", "Sqrt", "Square", "ReLU", "Sigmoid", "Tanh", "Sign", "Log1p", "Softplus", "LogSigmoid", "Floor", "Sin", "Cos", "Rsqrt", "Reciprocal"}

func softplus(x float64) float64 {
	// log(1 + e^x) without overflow: x + log1p(e^-x) for x > 0.
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

func evalUnary(k unOp, x float64) float64 {
	switch k {
	case uNeg:
		return -x
	case uAbs:
		return math.Abs(x)
	case uExp:
		return math.Exp(x)
	case uLog:
		return math.Log(x)
	case uSqrt:
		return math.Sqrt(x)
	case uSquare:
		return x * x
	case uRelu:
		if x > 0 {
			return x
		}
		return 0
	case uSigmoid:
		if x >= 0 {
			return 1 / (1 + math.Exp(-x))
		}
		e := math.Exp(x)
		return e / (1 + e)
	case uTanh:
		return math.Tanh(x)
	case uSign:
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return x // 0, -0 and NaN keep themselves
	case uLog1p:
		return math.Log1p(x)
	case uSoftplus:
		return softplus(x)
	case uLogSigmoid:
		return -softplus(-x)
	case uFloor:
		return math.Floor(x)
	case uSin:
		return math.Sin(x)
	case uCos:
		return math.Cos(x)
	case uRsqrt:
		return 1 / math.Sqrt(x)
	default:
		return 1 / x
	}
}

// unaryRaw applies k elementwise without autograd. Float results are
// computed in float64 and rounded once, so float32 results are correctly
// rounded for the basic functions.
func unaryRaw(k unOp, a *Tensor) *Tensor {
	name := unOpNames[k]
	if be := onDevice(name, false, a); be != nil {
		return deviceUnary(be, k, a)
	}
	out := newTensorUninit(name, a.dtype, a.shape)
	switch d := out.data.(type) {
	case []float32:
		s := a.data.([]float32)
		switch k {
		case uNeg:
			for i, x := range s {
				d[i] = -x
			}
		case uAbs:
			for i, x := range s {
				d[i] = float32(math.Abs(float64(x)))
			}
		case uSquare:
			for i, x := range s {
				d[i] = x * x
			}
		case uRelu:
			cpu.Relu32(d, s)
		// Exp and Log stay correctly rounded: the softmax gradients
		// built from them cancel, which turns an ulp into a visible
		// error. The fused losses use cpu.Exp32 and cpu.Log32.
		case uSigmoid:
			cpu.Sigmoid32(d, s)
		case uTanh:
			cpu.Tanh32(d, s)
		default:
			for i, x := range s {
				d[i] = float32(evalUnary(k, float64(x)))
			}
		}
	case []float64:
		for i, x := range a.data.([]float64) {
			d[i] = evalUnary(k, x)
		}
	case []int32:
		intUnary(k, d, a.data.([]int32))
	case []int64:
		intUnary(k, d, a.data.([]int64))
	default:
		typeErr(name, "bool tensors are not supported; cast to a number dtype first")
	}
	return roundHalfTensor(out)
}

// intUnary computes the integer ops in integer arithmetic, so int64
// values beyond 2**53 stay exact. Neg, Abs and Square wrap on overflow,
// as NumPy's do.
func intUnary[T int32 | int64](k unOp, d, s []T) {
	switch k {
	case uNeg:
		for i, x := range s {
			d[i] = -x
		}
	case uAbs:
		for i, x := range s {
			d[i] = x
			if x < 0 {
				d[i] = -x
			}
		}
	case uSquare:
		for i, x := range s {
			d[i] = x * x
		}
	case uRelu:
		for i, x := range s {
			d[i] = max(x, 0)
		}
	case uSign:
		for i, x := range s {
			d[i] = T(cmpSign(x))
		}
	default:
		typeErr(unOpNames[k], "integer tensors are not supported; cast to float32 first")
	}
}

func cmpSign[T int32 | int64](x T) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func unary(k unOp, a *Tensor) *Tensor {
	out := unaryRaw(k, a)
	if !a.requiresGrad {
		return out // skips allocating the closure
	}
	return record(out, unOpNames[k], []*Tensor{a}, func(g *Tensor) []*Tensor {
		return []*Tensor{unaryGrad(k, g, a, out)}
	})
}

// unaryGrad returns g times the derivative of k at a (with y = k(a)).
// It uses the unrecorded kernels, so a and y need not be detached.
func unaryGrad(k unOp, g, a, y *Tensor) *Tensor {
	one := func() *Tensor { return full(a.dtype, 1, nil) }
	mul := func(x, y *Tensor) *Tensor { return binaryRaw(opMul, x, y) }
	div := func(x, y *Tensor) *Tensor { return binaryRaw(opDiv, x, y) }
	add := func(x, y *Tensor) *Tensor { return binaryRaw(opAdd, x, y) }
	sub := func(x, y *Tensor) *Tensor { return binaryRaw(opSub, x, y) }
	neg := func(x *Tensor) *Tensor { return unaryRaw(uNeg, x) }
	switch k {
	case uNeg:
		return neg(g)
	case uAbs:
		// MindSpore's AbsGrad uses sign(x), so the subgradient at 0 is 0.
		if out := absGrad(g, a); out != nil {
			return out
		}
		return mul(g, unaryRaw(uSign, a))
	case uExp:
		return mul(g, y)
	case uLog:
		return div(g, a)
	case uSqrt:
		return div(g, mul(full(a.dtype, 2, nil), y))
	case uSquare:
		return mul(g, mul(full(a.dtype, 2, nil), a))
	case uRelu:
		if g.dtype == Float32 && a.dtype == Float32 && sameShape(g.shape, a.shape) && g.dev == CPU && a.dev == CPU {
			out := newTensorUninit("ReluGrad", Float32, a.shape)
			cpu.ReluGrad32(out.data.([]float32), g.data.([]float32), a.data.([]float32))
			return out
		}
		return mul(g, cast(compareRaw(cmpGT, a, full(a.dtype, 0, nil)), g.dtype))
	case uSigmoid:
		return mul(g, mul(y, sub(one(), y)))
	case uTanh:
		return mul(g, sub(one(), mul(y, y)))
	case uSign, uFloor:
		return fullLike(g, g.dtype, 0, g.shape)
	case uLog1p:
		return div(g, add(one(), a))
	case uSoftplus:
		return mul(g, unaryRaw(uSigmoid, a))
	case uLogSigmoid:
		return mul(g, unaryRaw(uSigmoid, neg(a)))
	case uSin:
		return mul(g, unaryRaw(uCos, a))
	case uCos:
		return neg(mul(g, unaryRaw(uSin, a)))
	case uRsqrt:
		// d/dx x^-1/2 = -1/2 x^-3/2 = -y^3 / 2
		return mul(g, mul(full(a.dtype, -0.5, nil), mul(y, mul(y, y))))
	default: // reciprocal
		return neg(mul(g, mul(y, y)))
	}
}

func neg(a *Tensor) *Tensor { return unary(uNeg, a) }

// Neg returns -a.
func Neg(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uNeg, a), nil }

// Abs returns |a|; its gradient at 0 is 0, as MindSpore's is.
func Abs(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uAbs, a), nil }

// Exp returns e**a.
func Exp(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uExp, a), nil }

// Log returns the natural logarithm.
func Log(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uLog, a), nil }

// Sqrt returns the square root.
func Sqrt(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSqrt, a), nil }

// Square returns a*a.
func Square(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSquare, a), nil }

// ReLU returns max(a, 0); its gradient at 0 is 0.
func ReLU(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uRelu, a), nil }

// Sigmoid returns 1/(1+e**-a), computed without overflow.
func Sigmoid(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSigmoid, a), nil }

// Tanh returns the hyperbolic tangent.
func Tanh(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uTanh, a), nil }

// Sign returns -1, 0 or 1 (NaN stays NaN).
func Sign(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSign, a), nil }

// Log1p returns log(1+a).
func Log1p(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uLog1p, a), nil }

// Softplus returns log(1+e**a) without overflow for any a.
func Softplus(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSoftplus, a), nil }

// LogSigmoid returns log(sigmoid(a)) without overflow for any a.
func LogSigmoid(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return unary(uLogSigmoid, a), nil
}

// Floor rounds toward minus infinity; its gradient is 0.
func Floor(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uFloor, a), nil }

// Sin returns the sine.
func Sin(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uSin, a), nil }

// Cos returns the cosine.
func Cos(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uCos, a), nil }

// Rsqrt returns 1/sqrt(a).
func Rsqrt(a *Tensor) (t *Tensor, err error) { defer catch(&err); return unary(uRsqrt, a), nil }

// Reciprocal returns 1/a.
func Reciprocal(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return unary(uReciprocal, a), nil
}
