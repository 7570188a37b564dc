package engine

import "github.com/cellscript/cellscript/engine/cpu"

// Reduction selects how a fused loss op reduces its elementwise values.
type Reduction uint8

// The reductions of the fused loss ops.
const (
	// ReductionMean averages over all elements. For float32 it returns
	// float32(sum) * float32(1/n), as Mean does, and for float16 that
	// product rounded to binary16.
	ReductionMean Reduction = iota + 1
	// ReductionSum adds all elements.
	ReductionSum
	// ReductionNone keeps one loss per sample; the elementwise losses
	// (L1Loss, MSELoss, SmoothL1Loss) do not accept it.
	ReductionNone
)

// String returns the MindSpore name of the reduction: "mean", "sum" or
// "none".
func (r Reduction) String() string {
	switch r {
	case ReductionMean:
		return "mean"
	case ReductionSum:
		return "sum"
	case ReductionNone:
		return "none"
	}
	return "invalid"
}

// L1Loss returns the mean or sum of |x - y| over all elements, a 0-d
// tensor of x's dtype, as Mean(Abs(Sub(x, y))) or Sum(...) compute it,
// in one pass over memory. x and y must share a float dtype and a shape
// (no broadcasting). When either requires a gradient the same pass
// writes d/dx = sign(x - y)/n (MindSpore's AbsGrad: 0 at x = y), which
// the backward pass returns without touching x and y again when the
// incoming gradient is 1.
func L1Loss(x, y *Tensor, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	return elementwiseLoss("L1Loss", cpu.LossArgs{Kind: cpu.L1}, x, y, r), nil
}

// MSELoss returns the mean or sum of (x - y)² over all elements, as
// Mean(Square(Sub(x, y))) computes it, in one pass; see L1Loss.
func MSELoss(x, y *Tensor, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	return elementwiseLoss("MSELoss", cpu.LossArgs{Kind: cpu.MSE}, x, y, r), nil
}

// SmoothL1Loss returns the mean or sum over all elements of
// 0.5·d²/beta where d = |x - y| < beta and d - 0.5·beta elsewhere
// (MindSpore's nn.SmoothL1Loss), in one pass; see L1Loss. beta must be
// greater than 0.
func SmoothL1Loss(x, y *Tensor, beta float64, r Reduction) (out *Tensor, err error) {
	defer catch(&err)
	if !(beta > 0) {
		valueErr("SmoothL1Loss", "beta must be greater than 0, but got %v", beta)
	}
	return elementwiseLoss("SmoothL1Loss", cpu.LossArgs{Kind: cpu.SmoothL1, Beta: beta}, x, y, r), nil
}

func elementwiseLoss(op string, args cpu.LossArgs, x, y *Tensor, r Reduction) *Tensor {
	if r != ReductionMean && r != ReductionSum {
		valueErr(op, "reduction %d is invalid; use ReductionMean or ReductionSum", r)
	}
	if x.dtype != y.dtype || !x.dtype.IsFloat() {
		typeErr(op, "x dtype %s and y dtype %s must be the same float dtype", x.dtype, y.dtype)
	}
	if !sameShape(x.shape, y.shape) {
		valueErr(op, "x shape %s and y shape %s must be equal", FormatShape(x.shape), FormatShape(y.shape))
	}
	if be := onDevice(op, false, x, y); be != nil {
		return deviceElementwiseLoss(be, op, args, x, y, r)
	}
	n := x.Numel()
	args.Scale = lossGradScale(x.dtype, r, n, 1)
	var dx *Tensor
	if x.requiresGrad || y.requiresGrad {
		dx = newTensorUninit(op, x.dtype, x.shape)
	}
	out := reducedLoss(x.dtype, r, n, lossKernel(args, x, y, dx))
	if dx != nil {
		roundHalfTensor(dx)
	}
	return record(out, op, []*Tensor{x, y}, func(g *Tensor) []*Tensor {
		gx := dx
		if gv := g.Float(0); gv != 1 {
			gx = newTensorUninit(op, x.dtype, x.shape)
			args.Scale = lossGradScale(x.dtype, r, n, gv)
			lossKernel(args, x.Detach(), y.Detach(), gx)
			roundHalfTensor(gx)
		}
		var gy *Tensor
		if y.requiresGrad {
			gy = unaryRaw(uNeg, gx)
		}
		if !x.requiresGrad {
			gx = nil
		}
		return []*Tensor{gx, gy}
	})
}

// lossKernel returns the float64 sum of the loss of x and y and writes
// the gradient into dx unless dx is nil. Float16 operands run the
// float32 kernel, and the caller rounds dx.
func lossKernel(args cpu.LossArgs, x, y, dx *Tensor) float64 {
	if x.dtype == Float32 || x.dtype == Float16 {
		var d []float32
		if dx != nil {
			d = dx.data.([]float32)
		}
		return cpu.Loss32(args, x.data.([]float32), y.data.([]float32), d)
	}
	var d []float64
	if dx != nil {
		d = dx.data.([]float64)
	}
	return cpu.Loss64(args, x.data.([]float64), y.data.([]float64), d)
}

// lossGradScale returns the factor of the elementwise derivative for an
// incoming gradient g: g/n for a mean, computed in the dtype as Mean's
// gradient is, and g for a sum. Float16 computes in float32 and rounds
// the factor to binary16, as the Float16 Div does.
func lossGradScale(d DType, r Reduction, n int, g float64) float64 {
	switch {
	case r == ReductionSum && d == Float32:
		return float64(float32(g))
	case r == ReductionSum && d == Float16:
		return float64(RoundHalf64(g))
	case r == ReductionSum:
		return g
	case d == Float32:
		return float64(float32(g) / float32(n))
	case d == Float16:
		return float64(RoundHalf(RoundHalf64(g) / float32(n)))
	}
	return g / float64(n)
}

// reducedLoss returns the 0-d loss from the float64 sum, rounded as
// Mean and Sum round.
func reducedLoss(d DType, r Reduction, n int, sum float64) *Tensor {
	out := newTensor("Loss", d, nil)
	switch {
	case d == Float32 && r == ReductionMean:
		out.data.([]float32)[0] = float32(sum) * (1 / float32(n))
	case d == Float32:
		out.data.([]float32)[0] = float32(sum)
	case d == Float16 && r == ReductionMean:
		out.data.([]float32)[0] = RoundHalf(float32(sum) * (1 / float32(n)))
	case d == Float16:
		out.data.([]float32)[0] = RoundHalf64(sum)
	case r == ReductionMean:
		out.data.([]float64)[0] = sum / float64(n)
	default:
		out.data.([]float64)[0] = sum
	}
	return out
}
