package engine

import "github.com/cellscript/cellscript/engine/cpu"

// The device paths of the fused loss ops. Each mirrors its CPU op
// (elementwiseLoss, BinaryCrossEntropy, SoftmaxCrossEntropy): the
// forward pass writes the gradient for an incoming gradient of 1, and
// the backward pass returns it or reruns the kernel with another scale.
// The reduced loss stays on the device.

func deviceElementwiseLoss(be Backend, op string, args cpu.LossArgs, x, y *Tensor, r Reduction) *Tensor {
	n := x.Numel()
	args.Scale = lossGradScale(x.dtype, r, n, 1)
	var dx *Tensor
	if x.requiresGrad || y.requiresGrad {
		dx = newDeviceTensor(be, op, x.dtype, x.shape)
	}
	out := newDeviceTensor(be, op, x.dtype, nil)
	deviceCall(op, be.Loss(args, r, x.dtype, outBuf(out), bufOrNil(dx), deviceBuf(x), deviceBuf(y)))
	return record(out, op, []*Tensor{x, y}, func(g *Tensor) []*Tensor {
		gx := dx
		if gv := g.Float(0); gv != 1 {
			gx = newDeviceTensor(be, op, x.dtype, x.shape)
			rerun := args
			rerun.Scale = lossGradScale(x.dtype, r, n, gv)
			deviceCall(op, be.Loss(rerun, r, x.dtype, nil, outBuf(gx), deviceBuf(x), deviceBuf(y)))
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

func deviceBinaryCrossEntropy(be Backend, x, y *Tensor, r Reduction) *Tensor {
	const op = "BinaryCrossEntropy"
	n := x.Numel()
	var dx *Tensor
	if x.requiresGrad {
		dx = newDeviceTensor(be, op, Float32, x.shape)
	}
	out := newDeviceTensor(be, op, Float32, nil)
	scale := float32(lossGradScale(Float32, r, n, 1))
	deviceCall(op, be.BinaryCrossEntropy(r, outBuf(out), bufOrNil(dx), deviceBuf(x), deviceBuf(y), scale))
	return record(out, op, []*Tensor{x, y}, func(g *Tensor) []*Tensor {
		gx := dx
		if gv := g.Float(0); gv != 1 {
			gx = newDeviceTensor(be, op, Float32, x.shape)
			rescale := float32(lossGradScale(Float32, r, n, gv))
			deviceCall(op, be.BinaryCrossEntropy(r, nil, outBuf(gx), deviceBuf(x), deviceBuf(y), rescale))
		}
		return []*Tensor{gx, nil}
	})
}

// deviceSoftmaxCrossEntropy mirrors SoftmaxCrossEntropy and rowLoss.
func deviceSoftmaxCrossEntropy(be Backend, logits *Tensor, labels []int, r Reduction) *Tensor {
	const op = "SoftmaxCrossEntropy"
	n, c := logits.shape[0], logits.shape[1]
	lab := make([]int64, n)
	for i, l := range labels {
		lab[i] = int64(l)
	}
	labT := toDevice(wrap(Int64, []int{n}, lab), logits.dev)

	run := func(grad *Tensor, scale Operand) *Tensor {
		loss := newDeviceTensor(be, op, Float32, []int{n})
		if n > 0 {
			deviceCall(op, be.SoftmaxCrossEntropy(outBuf(loss), bufOrNil(grad), deviceBuf(logits), deviceBuf(labT), n, c, scale))
		}
		return loss
	}
	newGrad := func() *Tensor { return newDeviceTensor(be, op, Float32, logits.shape) }
	inputs := []*Tensor{logits}

	if r == ReductionNone {
		out := run(nil, Operand{})
		return record(out, op, inputs, func(g *Tensor) []*Tensor {
			grad := newGrad()
			run(grad, Operand{Buf: deviceBuf(sameDevice(cast(g, Float32), logits))})
			return []*Tensor{grad}
		})
	}

	var grad *Tensor
	if logits.requiresGrad {
		grad = newGrad()
	}
	losses := run(grad, Operand{Scalar: float64(float32(lossGradScale(Float32, r, n, 1)))})
	red := redSum
	if r == ReductionMean {
		red = redMean
	}
	out := reduceRaw(red, losses, nil, false)
	return record(out, op, inputs, func(g *Tensor) []*Tensor {
		if gv := g.Float(0); gv != 1 {
			grad = newGrad()
			run(grad, Operand{Scalar: float64(float32(lossGradScale(Float32, r, n, gv)))})
		}
		return []*Tensor{grad}
	})
}

// deviceCosineEmbeddingLoss composes CosineEmbeddingLoss from recorded
// device ops in the order of cpu.CosineEmbedding32's float32 steps, so
// autograd gives its gradient: cos = x1·x2 / (sqrt(|x1|² + eps)·
// sqrt(|x2|² + eps)), then 1 - cos where the label is 1 and
// 0.5·(z + |z|), z = cos - margin, where it is -1.
func deviceCosineEmbeddingLoss(x1, x2, labels *Tensor, margin float64, r Reduction) *Tensor {
	eps := Scalar(Float32, 1e-12)
	dot := reduce(redSum, mul(x1, x2), []int{1}, false)
	n1 := unary(uSqrt, add(reduce(redSum, mul(x1, x1), []int{1}, false), eps))
	n2 := unary(uSqrt, add(reduce(redSum, mul(x2, x2), []int{1}, false), eps))
	cos := div(dot, mul(n1, n2))
	z := sub(cos, Scalar(Float32, margin))
	similar := sub(Scalar(Float32, 1), cos)
	dissimilar := mul(Scalar(Float32, 0.5), add(z, unary(uAbs, z)))
	y := cast(labels, Float32)
	zero := Scalar(Float32, 0)
	loss := where(compareRaw(cmpEQ, y, Scalar(Float32, 1)), similar, where(compareRaw(cmpEQ, y, Scalar(Float32, -1)), dissimilar, zero))
	switch r {
	case ReductionMean:
		return reduce(redMean, loss, nil, false)
	case ReductionSum:
		return reduce(redSum, loss, nil, false)
	}
	return loss
}
