package engine

import "math"

// The device paths of the engine's kernels. Each kernel function (for
// example binaryRaw) validates its inputs, then hands tensors that live
// on a device to the function here, which allocates the result on the
// device and calls the backend. Gradient rules are written with the
// kernel functions, so they run on the device of their inputs without
// device code of their own.

// outBuf returns the buffer of a device tensor that an op just made.
func outBuf(t *Tensor) Buffer { return t.data.(*deviceData).buf }

// bufOrNil returns the buffer of t, or nil when t is nil.
func bufOrNil(t *Tensor) Buffer {
	if t == nil {
		return nil
	}
	return deviceBuf(t)
}

// operandOf returns t as a kernel input for a result of shape: a scalar
// for a CPU tensor (onDevice lets only 0-d ones through), or t's buffer
// with broadcast strides.
func operandOf(t *Tensor, shape []int) Operand {
	if t.dev == CPU {
		return Operand{Scalar: t.Float(0), IntScalar: t.Int(0)}
	}
	op := Operand{Buf: deviceBuf(t)}
	if !sameShape(t.shape, shape) {
		op.Strides = broadcastStrides(t.shape, shape)
	}
	return op
}

// broadcastStrides returns the element strides of a tensor of shape in
// broadcast to out, aligned to out's axes, with 0 on broadcast axes.
func broadcastStrides(in, out []int) []int {
	st := make([]int, len(out))
	inSt := stridesOf(in)
	off := len(out) - len(in)
	for i := range in {
		if in[i] != 1 {
			st[off+i] = inSt[i]
		}
	}
	return st
}

func isIntUnary(k unOp) bool {
	switch k {
	case uNeg, uAbs, uSquare, uRelu, uSign:
		return true
	}
	return false
}

func deviceUnary(be Backend, k unOp, a *Tensor) *Tensor {
	name := unOpNames[k]
	switch {
	case a.dtype == Bool:
		typeErr(name, "bool tensors are not supported; cast to a number dtype first")
	case a.dtype.IsInt() && !isIntUnary(k):
		typeErr(name, "integer tensors are not supported; cast to float32 first")
	}
	out := newDeviceTensor(be, name, a.dtype, a.shape)
	if out.Numel() > 0 {
		deviceCall(name, be.Unary(UnaryOp(k), a.dtype, outBuf(out), deviceBuf(a)))
	}
	return out
}

func deviceBinary(be Backend, k binOp, a, b *Tensor, shape []int) *Tensor {
	name := binOpNames[k]
	if a.dtype.IsInt() {
		intCheck(k, b)
	}
	out := newDeviceTensor(be, name, a.dtype, shape)
	if out.Numel() > 0 {
		deviceCall(name, be.Binary(BinaryOp(k), a.dtype, outBuf(out), operandOf(a, shape), operandOf(b, shape), shape))
	}
	return out
}

func deviceCompare(be Backend, k cmpOp, a, b *Tensor, shape []int) *Tensor {
	name := cmpNames[k]
	out := newDeviceTensor(be, name, Bool, shape)
	if out.Numel() > 0 {
		deviceCall(name, be.Compare(CompareOp(k), a.dtype, outBuf(out), operandOf(a, shape), operandOf(b, shape), shape))
	}
	return out
}

func deviceSelect(be Backend, cond, a, b *Tensor, shape []int) *Tensor {
	out := newDeviceTensor(be, "Select", a.dtype, shape)
	if out.Numel() > 0 {
		deviceCall("Select", be.Select(a.dtype, outBuf(out), operandOf(cond, shape), operandOf(a, shape), operandOf(b, shape), shape))
	}
	return out
}

// deviceCast converts t and records the gradient of a float-to-float
// cast, as cast does.
func deviceCast(be Backend, t *Tensor, d DType) *Tensor {
	out := newDeviceTensor(be, "Cast", d, t.shape)
	if out.Numel() > 0 {
		deviceCall("Cast", be.Cast(d, outBuf(out), t.dtype, deviceBuf(t)))
	}
	if !t.dtype.IsFloat() || !d.IsFloat() {
		return out
	}
	src := t.dtype
	return record(out, "Cast", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{cast(g, src)}
	})
}

func deviceExpand(be Backend, t *Tensor, shape []int) *Tensor {
	out := newDeviceTensor(be, "BroadcastTo", t.dtype, shape)
	if out.Numel() > 0 {
		deviceCall("BroadcastTo", be.Strided(t.dtype, outBuf(out), deviceBuf(t), shape, broadcastStrides(t.shape, shape)))
	}
	return out
}

func deviceTranspose(be Backend, t *Tensor, perm, shape []int) *Tensor {
	inSt := stridesOf(t.shape)
	st := make([]int, len(perm))
	for i, p := range perm {
		st[i] = inSt[p]
	}
	out := newDeviceTensor(be, "Transpose", t.dtype, shape)
	if out.Numel() > 0 {
		deviceCall("Transpose", be.Strided(t.dtype, outBuf(out), deviceBuf(t), shape, st))
	}
	return out
}

// deviceReduce reduces t over the sorted axes. Axes that form one block
// are reduced in place as the middle of an (outer, inner, post) view;
// others move last first.
func deviceReduce(be Backend, k redOp, t *Tensor, axes []int, keep bool) *Tensor {
	name := redNames[k]
	out := newDeviceTensor(be, name, t.dtype, reduceShape(t.shape, axes, keep))
	inner := 1
	for _, a := range axes {
		inner *= t.shape[a]
	}
	if inner == 0 && (k == redMax || k == redMin) && out.Numel() > 0 {
		valueErr(name, "zero-size array of shape %s has no %s; reduce over a non-empty axis or use Sum", FormatShape(t.shape), map[redOp]string{redMax: "maximum", redMin: "minimum"}[k])
	}
	if out.Numel() == 0 {
		return out
	}
	src, outer, post := t, 1, 1
	if len(axes) > 0 && axes[len(axes)-1]-axes[0] == len(axes)-1 {
		outer = Numel(t.shape[:axes[0]])
		post = Numel(t.shape[axes[len(axes)-1]+1:])
	} else {
		src, outer, _ = moveAxesLast(t, axes)
	}
	deviceCall(name, be.Reduce(ReduceOp(k), t.dtype, outBuf(out), deviceBuf(src), outer, inner, post))
	return out
}

func deviceProdGrad(be Backend, t, g *Tensor, axes []int) *Tensor {
	src, outer, inner := moveAxesLast(t, axes)
	res := newDeviceTensor(be, "ReduceProd", t.dtype, src.shape)
	if res.Numel() > 0 {
		deviceCall("ReduceProd", be.ProdGrad(t.dtype, outBuf(res), deviceBuf(src), deviceBuf(g), outer, inner))
	}
	return transposeRaw(res, invertPerm(axesLastPerm(t.Rank(), axes)))
}

func deviceArgExtreme(be Backend, name string, t *Tensor, axis int, keep, isMax bool) *Tensor {
	src, outer, inner := moveAxesLast(t, []int{axis})
	if inner == 0 {
		valueErr(name, "attempt to get %s of an empty sequence", name)
	}
	out := newDeviceTensor(be, name, Int64, reduceShape(t.shape, []int{axis}, keep))
	if outer > 0 {
		deviceCall(name, be.ArgReduce(isMax, t.dtype, outBuf(out), deviceBuf(src), outer, inner))
	}
	return out
}

func deviceMatmul(be Backend, a, b *Tensor, m, n, k int, transA, transB bool) *Tensor {
	if a.dtype == Bool {
		// NumPy's matmul of bools is the OR of ANDs.
		return cast(matmulRaw(cast(a, Int64), cast(b, Int64), transA, transB), Bool)
	}
	out := newDeviceTensor(be, "MatMul", a.dtype, []int{m, n})
	switch {
	case m == 0 || n == 0:
	case k == 0:
		deviceCall("MatMul", be.Fill(a.dtype, outBuf(out), Operand{}))
	default:
		deviceCall("MatMul", be.MatMul(a.dtype, outBuf(out), deviceBuf(a), deviceBuf(b), m, n, k, a.shape[1], b.shape[1], transA, transB))
	}
	return out
}

func deviceLogSoftmax(be Backend, t *Tensor) *Tensor {
	out := newDeviceTensor(be, "LogSoftmax", t.dtype, t.shape)
	if c := t.shape[t.Rank()-1]; out.Numel() > 0 {
		deviceCall("LogSoftmax", be.LogSoftmax(t.dtype, outBuf(out), deviceBuf(t), out.Numel()/c, c))
	}
	return out
}

func deviceSoftmax(be Backend, t *Tensor) *Tensor {
	out := newDeviceTensor(be, "Softmax", t.dtype, t.shape)
	if c := t.shape[t.Rank()-1]; out.Numel() > 0 {
		deviceCall("Softmax", be.Softmax(t.dtype, outBuf(out), deviceBuf(t), out.Numel()/c, c))
	}
	return out
}

// deviceLogSumExp is logSumExp for a device tensor, with its gradient.
func deviceLogSumExp(be Backend, t *Tensor, axis int, keep bool) *Tensor {
	ax := []int{axis}
	out := newDeviceTensor(be, "LogSumExp", t.dtype, reduceShape(t.shape, ax, keep))
	src, rows, inner := moveAxesLast(t, ax)
	if rows > 0 {
		deviceCall("LogSumExp", be.LogSumExp(t.dtype, outBuf(out), deviceBuf(src), rows, inner))
	}
	kept := reduceShape(t.shape, ax, true)
	return record(out, "LogSumExp", []*Tensor{t}, func(g *Tensor) []*Tensor {
		lse := expandTo(reshapeRaw(out.Detach(), kept), t.shape)
		p := unaryRaw(uExp, binaryRaw(opSub, t.Detach(), lse))
		return []*Tensor{binaryRaw(opMul, p, expandTo(reshapeRaw(g, kept), t.shape))}
	})
}

// deviceConcat copies each input's rows into place along axis.
func deviceConcat(be Backend, ts []*Tensor, axis int, shape []int) *Tensor {
	out := newDeviceTensor(be, "Concat", ts[0].dtype, shape)
	outer := Numel(shape[:axis])
	innerOut := Numel(shape[axis:])
	off := 0
	for _, t := range ts {
		inner := Numel(t.shape[axis:])
		if outer*inner > 0 {
			deviceCall("Concat", be.CopyRows(t.dtype, outBuf(out), off, innerOut, deviceBuf(t), 0, inner, outer, inner))
		}
		off += inner
	}
	return out
}

func deviceSliceAxis(be Backend, t *Tensor, axis, start, stop int) *Tensor {
	shape := append([]int(nil), t.shape...)
	shape[axis] = stop - start
	out := newDeviceTensor(be, "Slice", t.dtype, shape)
	outer := Numel(t.shape[:axis])
	inner := Numel(t.shape[axis+1:])
	n := (stop - start) * inner
	if outer*n > 0 {
		deviceCall("Slice", be.CopyRows(t.dtype, outBuf(out), 0, n, deviceBuf(t), start*inner, t.shape[axis]*inner, outer, n))
	}
	return out
}

func deviceGather(be Backend, t *Tensor, idx []int, shape []int) *Tensor {
	out := newDeviceTensor(be, "Gather", t.dtype, shape)
	if len(idx) > 0 {
		deviceCall("Gather", be.Gather(t.dtype, outBuf(out), deviceBuf(t), idx))
	}
	return out
}

func deviceScatterAdd(be Backend, g *Tensor, idx []int, shape []int) *Tensor {
	out := fullLike(g, g.dtype, 0, shape)
	if len(idx) > 0 {
		deviceCall("ScatterAdd", be.ScatterAdd(g.dtype, outBuf(out), deviceBuf(g), idx))
	}
	return out
}

func deviceClone(t *Tensor) *Tensor {
	be := t.data.(*deviceData).be
	out := newDeviceTensor(be, "Clone", t.dtype, t.shape)
	if n := t.Numel(); n > 0 {
		deviceCall("Clone", be.CopyRows(t.dtype, outBuf(out), 0, n, deviceBuf(t), 0, n, 1, n))
	}
	return out
}

// deviceCopyFrom is CopyFrom where either tensor lives on a device.
func deviceCopyFrom(t, src *Tensor) error {
	return Try(func() {
		n := t.Numel()
		switch {
		case n == 0:
		case t.dev == CPU:
			copyData(t.data, hostData(src.data, false))
		case src.dev == t.dev:
			be := t.data.(*deviceData).be
			deviceCall("CopyFrom", be.CopyRows(t.dtype, deviceBuf(t), 0, n, deviceBuf(src), 0, n, 1, n))
			deviceChanged(t)
		default:
			be := t.data.(*deviceData).be
			buf := deviceBuf(t)
			deviceCall("CopyFrom", be.Upload(buf, hostData(toDevice(src, CPU).data, false)))
			deviceChanged(t)
		}
	})
}

// deviceClip limits t to [lo, hi] with clip's integer bounds.
func deviceClip(be Backend, t *Tensor, lo, hi float64) *Tensor {
	var l, h Operand
	switch t.dtype {
	case Float32, Float64:
		l, h = Operand{Scalar: lo}, Operand{Scalar: hi}
	case Int32:
		l = Operand{IntScalar: int64(intBound[int32](math.Ceil(lo)))}
		h = Operand{IntScalar: int64(intBound[int32](math.Floor(hi)))}
	case Int64:
		l = Operand{IntScalar: intBound[int64](math.Ceil(lo))}
		h = Operand{IntScalar: intBound[int64](math.Floor(hi))}
	default:
		typeErr("Clip", "bool tensors are not supported; cast to a number dtype first")
	}
	out := newDeviceTensor(be, "Clip", t.dtype, t.shape)
	if out.Numel() > 0 {
		deviceCall("Clip", be.Clip(t.dtype, outBuf(out), deviceBuf(t), l, h))
	}
	return out
}

// clipInside returns 1 where lo <= t <= hi (compared in float64) and 0
// elsewhere, in dtype d, on t's device.
func clipInside(t *Tensor, d DType, lo, hi float64) *Tensor {
	x := cast(t.Detach(), Float64)
	ge := compareRaw(cmpGE, x, Scalar(Float64, lo))
	le := compareRaw(cmpLE, x, Scalar(Float64, hi))
	return binaryRaw(opMul, cast(ge, d), cast(le, d))
}

// deviceMulNoNaN multiplies, then selects 0 where the broadcast y is 0.
func deviceMulNoNaN(x, y *Tensor) *Tensor {
	out := binaryRaw(opMul, x, y)
	if out.Numel() == 0 {
		return out
	}
	isZero := compareRaw(cmpEQ, y, Scalar(y.dtype, 0))
	return where(isZero, Scalar(out.dtype, 0), out)
}

func deviceOneHot(be Backend, indices *Tensor, depth int, on, off float64, d DType) *Tensor {
	shape := append(append([]int(nil), indices.shape...), depth)
	out := newDeviceTensor(be, "OneHot", d, shape)
	if out.Numel() > 0 {
		idx := cast(indices, Int64)
		deviceCall("OneHot", be.OneHot(d, outBuf(out), deviceBuf(idx), depth, Operand{Scalar: on, IntScalar: int64(on)}, Operand{Scalar: off, IntScalar: int64(off)}))
	}
	return out
}

// deviceNorm computes norm's value on the device in float64, as norm
// does: the L1 norm sums magnitudes, and the L2 norm scales by the
// largest magnitude before squaring (LAPACK's dnrm2), giving the scale
// itself where it is 0, +Inf or NaN.
func deviceNorm(t *Tensor, ax []int, p float64) *Tensor {
	inner := 1
	for _, a := range ax {
		inner *= t.shape[a]
	}
	if inner == 0 {
		return fullLike(t, t.dtype, 0, reduceShape(t.shape, ax, false))
	}
	mag := unaryRaw(uAbs, cast(t.Detach(), Float64))
	if p == 1 {
		return cast(reduceRaw(redSum, mag, ax, false), t.dtype)
	}
	scale := reduceRaw(redMax, mag, ax, true)
	r := binaryRaw(opDiv, mag, expandTo(scale, mag.shape))
	s := reduceRaw(redSum, binaryRaw(opMul, r, r), ax, true)
	n := binaryRaw(opMul, scale, unaryRaw(uSqrt, s))
	n = selectRaw(compareRaw(cmpEQ, scale, Scalar(Float64, 0)), scale, n, n.shape)
	n = selectRaw(compareRaw(cmpEQ, scale, Scalar(Float64, math.Inf(1))), scale, n, n.shape)
	return cast(reshapeRaw(n, reduceShape(t.shape, ax, false)), t.dtype)
}
