package nn

import (
	"fmt"

	"github.com/cellscript/cellscript/engine"
)

// lossEngine calls engine ops and panics with their *engine.Error, so a
// loss reads as a formula inside runLoss, which recovers the error.
type lossEngine struct{}

// eng holds the panicking engine calls of the loss formulas.
var eng lossEngine

func lossMust(t *engine.Tensor, err error) *engine.Tensor {
	if err != nil {
		panic(err)
	}
	return t
}

func (lossEngine) Add(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Add(a, b)) }
func (lossEngine) Sub(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Sub(a, b)) }
func (lossEngine) Mul(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Mul(a, b)) }
func (lossEngine) Div(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Div(a, b)) }
func (lossEngine) Neg(a *engine.Tensor) *engine.Tensor    { return lossMust(engine.Neg(a)) }
func (lossEngine) Abs(a *engine.Tensor) *engine.Tensor    { return lossMust(engine.Abs(a)) }
func (lossEngine) Exp(a *engine.Tensor) *engine.Tensor    { return lossMust(engine.Exp(a)) }
func (lossEngine) Log(a *engine.Tensor) *engine.Tensor    { return lossMust(engine.Log(a)) }
func (lossEngine) Sqrt(a *engine.Tensor) *engine.Tensor   { return lossMust(engine.Sqrt(a)) }
func (lossEngine) Square(a *engine.Tensor) *engine.Tensor { return lossMust(engine.Square(a)) }
func (lossEngine) ReLU(a *engine.Tensor) *engine.Tensor   { return lossMust(engine.ReLU(a)) }
func (lossEngine) Softplus(a *engine.Tensor) *engine.Tensor {
	return lossMust(engine.Softplus(a))
}
func (lossEngine) Maximum(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Maximum(a, b)) }
func (lossEngine) Minimum(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Minimum(a, b)) }
func (lossEngine) Pow(a, b *engine.Tensor) *engine.Tensor     { return lossMust(engine.Pow(a, b)) }
func (lossEngine) Where(c, a, b *engine.Tensor) *engine.Tensor {
	return lossMust(engine.Where(c, a, b))
}
func (lossEngine) Equal(a, b *engine.Tensor) *engine.Tensor   { return lossMust(engine.Equal(a, b)) }
func (lossEngine) Greater(a, b *engine.Tensor) *engine.Tensor { return lossMust(engine.Greater(a, b)) }
func (lossEngine) Less(a, b *engine.Tensor) *engine.Tensor    { return lossMust(engine.Less(a, b)) }
func (lossEngine) Cast(a *engine.Tensor, d engine.DType) *engine.Tensor {
	return lossMust(engine.Cast(a, d))
}
func (lossEngine) Sum(a *engine.Tensor, axes ...int) *engine.Tensor {
	return lossMust(engine.Sum(a, axes, false))
}
func (lossEngine) Mean(a *engine.Tensor, axes ...int) *engine.Tensor {
	return lossMust(engine.Mean(a, axes, false))
}
func (lossEngine) Reshape(a *engine.Tensor, shape ...int) *engine.Tensor {
	return lossMust(engine.Reshape(a, shape...))
}
func (lossEngine) Transpose(a *engine.Tensor, perm []int) *engine.Tensor {
	return lossMust(engine.Transpose(a, perm))
}
func (lossEngine) LogSoftmax(a *engine.Tensor, axis int) *engine.Tensor {
	return lossMust(engine.LogSoftmax(a, axis))
}
func (lossEngine) Gather(a *engine.Tensor, idx []int, shape []int) *engine.Tensor {
	return lossMust(engine.GatherFlat(a, idx, shape))
}
func (lossEngine) Norm(a *engine.Tensor, axes []int, p float64) *engine.Tensor {
	return lossMust(engine.Norm(a, axes, p))
}
func (lossEngine) BroadcastTo(a *engine.Tensor, shape []int) *engine.Tensor {
	return lossMust(engine.BroadcastTo(a, shape...))
}

// Scalar returns a 0-d tensor of like's dtype.
func (lossEngine) Scalar(like *engine.Tensor, v float64) *engine.Tensor {
	return engine.Scalar(like.DType(), v)
}

// Values returns a constant tensor of like's dtype and device with the
// given shape.
func (lossEngine) Values(like *engine.Tensor, values []float64, shape ...int) *engine.Tensor {
	if shape == nil {
		shape = []int{len(values)}
	}
	t := lossMust(engine.FromValues(like.DType(), values, shape...))
	return lossMust(engine.ToDevice(t, like.Device()))
}

// Mask returns a constant bool tensor of the given shape.
func (lossEngine) Mask(values []bool, shape ...int) *engine.Tensor {
	if shape == nil {
		shape = []int{len(values)}
	}
	return lossMust(engine.FromBool(values, shape...))
}

// False returns a 0-d bool false.
func (lossEngine) False() *engine.Tensor {
	return lossMust(engine.FromBool([]bool{false}, []int{}...))
}

// Weighted returns w*v, 0 wherever the weight w is 0 even where v is
// infinite: for a label y = 1 the (1 - y)*softplus(x) term of a logit
// x = +inf is 0, not 0*inf = NaN. The gradient with respect to w at
// w = 0 stays v.
func (lossEngine) Weighted(w, v *engine.Tensor) *engine.Tensor {
	return lossMust(engine.MulNoNaN(v, eng.As(w, v)))
}

// lossFail raises an invalid-input error inside runLoss. op is the loss's
// name, which Python callers replace with the Python-level call.
func lossFail(kind, op, format string, args ...any) {
	panic(&engine.Error{Kind: kind, Op: op, Msg: fmt.Sprintf(format, args...)})
}

// runLoss runs a loss body written with eng, lossCheck and lossFail and
// returns its result, or the *engine.Error that it raised.
func runLoss(body func() *engine.Tensor) (out *engine.Tensor, err error) {
	err = engine.Try(func() { out = body() })
	return out, err
}

// Reduce applies a LossBase reduction to elementwise losses: 'mean' and
// 'sum' over all elements, 'none' keeps them. Float tensors reduce in
// their own dtype with float64 accumulation (float32 means follow
// MindSpore's ReduceMean, which multiplies the float32 sum by
// float32(1/n)). Integer losses are reduced in float32 and cast back,
// truncating as LossBase.get_loss does.
func (lossEngine) Reduce(l *engine.Tensor, reduction string) *engine.Tensor {
	if !l.DType().IsFloat() {
		return eng.Cast(eng.Reduce(eng.Cast(l, engine.Float32), reduction), l.DType())
	}
	switch reduction {
	case "mean":
		return eng.Mean(l)
	case "sum":
		return eng.Sum(l)
	}
	return l
}

// lossSameShape reports whether two tensors have equal shapes.
func lossSameShape(a, b *engine.Tensor) bool {
	return engine.FormatShape(a.Shape()) == engine.FormatShape(b.Shape())
}

// lossShape formats a tensor's shape as Python prints a tuple.
func lossShape(t *engine.Tensor) string { return engine.FormatShape(t.Shape()) }

// lossExpect is the set of input checks of the loss bodies, which raise
// through lossFail.
type lossExpect struct{}

// lossCheck holds the input checks of the loss formulas.
var lossCheck lossExpect

// Float raises TypeError unless t holds floats.
func (lossExpect) Float(op, name string, t *engine.Tensor) {
	if !t.DType().IsFloat() {
		lossFail("TypeError", op, "%s must be a float32 or float64 Tensor, but got %s", name, t.DType())
	}
}

// SameShape raises ValueError unless a and b have equal shapes.
func (lossExpect) SameShape(op, aName string, a *engine.Tensor, bName string, b *engine.Tensor) {
	if !lossSameShape(a, b) {
		lossFail("ValueError", op, "%s shape %s and %s shape %s must be equal", aName, lossShape(a), bName, lossShape(b))
	}
}

// Broadcast raises ValueError unless the shapes broadcast and returns
// the broadcast shape.
func (lossExpect) Broadcast(op, aName string, a *engine.Tensor, bName string, b *engine.Tensor) []int {
	s, ok := engine.BroadcastShapes(a.Shape(), b.Shape())
	if !ok {
		lossFail("ValueError", op, "%s shape %s and %s shape %s do not broadcast", aName, lossShape(a), bName, lossShape(b))
	}
	return s
}

// As casts t to like's dtype, the promotion MindSpore's Mul applies to
// a weight or a label used in a float formula.
func (lossEngine) As(t, like *engine.Tensor) *engine.Tensor {
	if t.DType() == like.DType() {
		return t
	}
	return eng.Cast(t, like.DType())
}
