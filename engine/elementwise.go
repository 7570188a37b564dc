package engine

import (
	"math"

	"github.com/cellscript/cellscript/engine/cpu"
)

type number interface {
	~float32 | ~float64 | ~int32 | ~int64
}

type binOp uint8

const (
	opAdd binOp = iota
	opSub
	opMul
	opDiv
	opMax
	opMin
	opPow
)

var binOpNames = [...]string{"Add", "Sub", "Mul", "Div", "Maximum", "Minimum", "Pow"}

// arithOps maps the ops that have float32 vector kernels to them.
var arithOps = [...]cpu.ArithOp{opAdd: cpu.ArithAdd, opSub: cpu.ArithSub, opMul: cpu.ArithMul, opDiv: cpu.ArithDiv}

// expandTo returns t broadcast to shape, copying only when needed.
func expandTo(t *Tensor, shape []int) *Tensor {
	if sameShape(t.shape, shape) {
		return t
	}
	if be := onDevice("BroadcastTo", false, t); be != nil {
		return deviceExpand(be, t, shape)
	}
	// The output comes first, so an oversized shape raises MemoryError
	// before the index table of the same size is allocated.
	out := newTensorUninit("BroadcastTo", t.dtype, shape)
	if expandFast(out, t) {
		return out
	}
	idx := broadcastIndex(t.shape, shape)
	switch d := out.data.(type) {
	case []float32:
		gatherLoop(d, t.data.([]float32), idx)
	case []float64:
		gatherLoop(d, t.data.([]float64), idx)
	case []int32:
		gatherLoop(d, t.data.([]int32), idx)
	case []int64:
		gatherLoop(d, t.data.([]int64), idx)
	case []bool:
		gatherLoop(d, t.data.([]bool), idx)
	}
	return out
}

func gatherLoop[T any](dst, src []T, idx []int) {
	for i, j := range idx {
		dst[i] = src[j]
	}
}

// binaryRaw computes op elementwise with broadcasting, without autograd.
// Both operands must have the same dtype, which the result keeps.
func binaryRaw(k binOp, a, b *Tensor) *Tensor {
	name := binOpNames[k]
	if a.dtype != b.dtype {
		typeErr(name, "dtypes %s and %s differ; cast one operand first", a.dtype, b.dtype)
	}
	if a.dtype == Bool {
		typeErr(name, "bool tensors are not supported; cast to a number dtype first")
	}
	shape := broadcastOrRaise(name, a.shape, b.shape)
	if be := onDevice(name, true, a, b); be != nil {
		return deviceBinary(be, k, a, b, shape)
	}
	out := newTensorUninit(name, a.dtype, shape)
	n := out.Numel()
	if n == 0 {
		return out
	}
	if binaryBroadcast(k, out, a, b) {
		return roundHalfTensor(out)
	}
	// Scalars stay as they are; other operands are expanded to out's shape.
	if a.Numel() != 1 {
		a = expandTo(a, shape)
	}
	if b.Numel() != 1 {
		b = expandTo(b, shape)
	}
	switch d := out.data.(type) {
	case []float32:
		binLoopParallel(k, d, a.data.([]float32), b.data.([]float32))
	case []float64:
		binLoopParallel(k, d, a.data.([]float64), b.data.([]float64))
	case []int32:
		intCheck(k, b)
		intBinLoop(k, d, a.data.([]int32), b.data.([]int32))
	case []int64:
		intCheck(k, b)
		intBinLoop(k, d, a.data.([]int64), b.data.([]int64))
	}
	return roundHalfTensor(out)
}

// intCheck raises for the integer divisors and exponents that have no
// integer result: a zero divisor and a negative exponent.
func intCheck(k binOp, b *Tensor) {
	switch k {
	case opDiv:
		for i := 0; i < b.Numel(); i++ {
			if b.Int(i) == 0 {
				raise("ZeroDivisionError", "Div", "integer division by zero; cast to a float dtype for true division")
			}
		}
	case opPow:
		for i := 0; i < b.Numel(); i++ {
			if b.Int(i) < 0 {
				valueErr("Pow", "integers to negative integer powers are not allowed; cast to a float dtype first")
			}
		}
	}
}

// intBinLoop is binLoop for integers, with Pow computed exactly.
func intBinLoop[T int32 | int64](k binOp, d, a, b []T) {
	if k != opPow {
		binLoop(k, d, a, b)
		return
	}
	for i := range d {
		d[i] = intPow(a[min(i, len(a)-1)], b[min(i, len(b)-1)])
	}
}

// intPow returns x**y for y >= 0 by repeated squaring. Products wrap on
// overflow, which gives NumPy's result, because multiplication modulo
// 2**n does not depend on the order of the factors.
func intPow[T int32 | int64](x, y T) T {
	var r T = 1
	for y > 0 {
		if y&1 == 1 {
			r *= x
		}
		x *= x
		y >>= 1
	}
	return r
}

// binLoop applies op; a or b may hold a single element that broadcasts.
func binLoop[T number](k binOp, d, a, b []T) {
	switch {
	case len(a) == len(d) && len(b) == len(d):
		binSame(k, d, a, b)
	case len(b) == 1 && len(a) == len(d):
		binScalarRight(k, d, a, b[0])
	case len(a) == 1 && len(b) == len(d):
		binScalarLeft(k, d, a[0], b)
	default: // both single elements
		binSame(k, d, []T{a[0]}, []T{b[0]})
	}
}

func apply[T number](k binOp, x, y T) T {
	switch k {
	case opAdd:
		return x + y
	case opSub:
		return x - y
	case opMul:
		return x * y
	case opDiv:
		return x / y
	case opMax:
		if x != x || x >= y {
			return x
		}
		return y
	case opMin:
		if x != x || x <= y {
			return x
		}
		return y
	default:
		return T(math.Pow(float64(x), float64(y)))
	}
}

func binSame[T number](k binOp, d, a, b []T) {
	d = d[:len(a)]
	b = b[:len(a)]
	if k <= opDiv && len(d) >= 16 {
		if d32, ok := any(d).([]float32); ok {
			cpu.Arith32(arithOps[k], d32, any(a).([]float32), any(b).([]float32))
			return
		}
	}
	switch k {
	case opAdd:
		for i := range d {
			d[i] = a[i] + b[i]
		}
	case opSub:
		for i := range d {
			d[i] = a[i] - b[i]
		}
	case opMul:
		for i := range d {
			d[i] = a[i] * b[i]
		}
	case opDiv:
		for i := range d {
			d[i] = a[i] / b[i]
		}
	default:
		for i := range d {
			d[i] = apply(k, a[i], b[i])
		}
	}
}

func binScalarRight[T number](k binOp, d, a []T, y T) {
	switch k {
	case opAdd:
		for i := range d {
			d[i] = a[i] + y
		}
	case opSub:
		for i := range d {
			d[i] = a[i] - y
		}
	case opMul:
		for i := range d {
			d[i] = a[i] * y
		}
	case opDiv:
		for i := range d {
			d[i] = a[i] / y
		}
	default:
		for i := range d {
			d[i] = apply(k, a[i], y)
		}
	}
}

func binScalarLeft[T number](k binOp, d []T, x T, b []T) {
	for i := range d {
		d[i] = apply(k, x, b[i])
	}
}

// sumTo reduces a broadcast gradient g back to shape, summing over the
// axes that broadcasting added or stretched.
func sumTo(g *Tensor, shape []int) *Tensor {
	if sameShape(g.shape, shape) {
		return g
	}
	lead := len(g.shape) - len(shape)
	var axes []int
	for i := range g.shape {
		if i < lead || shape[i-lead] == 1 && g.shape[i] != 1 {
			axes = append(axes, i)
		}
	}
	r := reduceRaw(redSum, g, axes, true)
	return reshapeRaw(r, shape)
}

func add(a, b *Tensor) *Tensor {
	out := binaryRaw(opAdd, a, b)
	if !a.requiresGrad && !b.requiresGrad {
		return out
	}
	return record(out, "Add", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g, a.shape), sumTo(g, b.shape)}
	})
}

func sub(a, b *Tensor) *Tensor {
	out := binaryRaw(opSub, a, b)
	if !a.requiresGrad && !b.requiresGrad {
		return out
	}
	return record(out, "Sub", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		return []*Tensor{sumTo(g, a.shape), sumTo(neg(g), b.shape)}
	})
}

func mul(a, b *Tensor) *Tensor {
	out := binaryRaw(opMul, a, b)
	if !a.requiresGrad && !b.requiresGrad {
		return out
	}
	return record(out, "Mul", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		ad, bd := a.Detach(), b.Detach()
		return []*Tensor{sumTo(mul(g, bd), a.shape), sumTo(mul(g, ad), b.shape)}
	})
}

func div(a, b *Tensor) *Tensor {
	out := binaryRaw(opDiv, a, b)
	if !a.requiresGrad && !b.requiresGrad {
		return out
	}
	return record(out, "Div", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		ad, bd := a.Detach(), b.Detach()
		ga := div(g, bd)
		gb := neg(div(mul(ga, ad), bd))
		return []*Tensor{sumTo(ga, a.shape), sumTo(gb, b.shape)}
	})
}

// maximum follows MindSpore's MaximumGrad: the gradient goes to a where
// a >= b and to b elsewhere.
func maximum(a, b *Tensor) *Tensor { return minmax(opMax, a, b) }

func minimum(a, b *Tensor) *Tensor { return minmax(opMin, a, b) }

func minmax(k binOp, a, b *Tensor) *Tensor {
	out := binaryRaw(k, a, b)
	return record(out, binOpNames[k], []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		var pickA *Tensor
		if k == opMax {
			pickA = compareRaw(cmpGE, a, b)
		} else {
			pickA = compareRaw(cmpLE, a, b)
		}
		zero := full(g.dtype, 0, nil)
		ga := where(pickA, g, zero)
		gb := where(pickA, zero, g)
		return []*Tensor{sumTo(ga, a.shape), sumTo(gb, b.shape)}
	})
}

func pow(a, b *Tensor) *Tensor {
	out := binaryRaw(opPow, a, b)
	return record(out, "Pow", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		ad, bd, od := a.Detach(), b.Detach(), out.Detach()
		one := full(bd.dtype, 1, nil)
		ga := mul(g, mul(bd, binaryRaw(opPow, ad, binaryRaw(opSub, bd, one))))
		var gb *Tensor
		if b.requiresGrad {
			gb = sumTo(mul(g, mul(od, unaryRaw(uLog, ad))), b.shape)
		}
		return []*Tensor{sumTo(ga, a.shape), gb}
	})
}

// Add returns a + b with NumPy broadcasting. Operands must share a dtype.
func Add(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return add(a, b), nil }

// Sub returns a - b with broadcasting.
func Sub(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return sub(a, b), nil }

// Mul returns a * b with broadcasting.
func Mul(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return mul(a, b), nil }

// Div returns a / b with broadcasting. Integer division truncates; the
// caller casts to a float dtype for true division.
func Div(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return div(a, b), nil }

// Maximum returns the elementwise maximum (NaN wins).
func Maximum(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return maximum(a, b), nil }

// Minimum returns the elementwise minimum (NaN wins).
func Minimum(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return minimum(a, b), nil }

// Pow returns a ** b elementwise, as numpy.power does. Integer powers
// are exact (wrapping on overflow), and a negative integer exponent
// raises ValueError.
func Pow(a, b *Tensor) (t *Tensor, err error) { defer catch(&err); return pow(a, b), nil }
