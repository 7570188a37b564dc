package engine

import (
	"sync"

	"github.com/cellscript/cellscript/engine/cpu"
)

// Buffer is device memory that holds the elements of one tensor. A
// backend creates buffers with Alloc and receives only its own buffers
// back. The engine keeps a buffer alive while any tensor refers to it;
// the backend frees the memory once the buffer is unreachable.
type Buffer interface {
	// Len returns the number of elements.
	Len() int
}

// Operand is an input of an elementwise device kernel: a buffer read
// through strides, or a scalar passed by value.
type Operand struct {
	// Buf is nil for a scalar.
	Buf Buffer
	// Scalar is the value of a float or bool scalar (0 or 1), and
	// IntScalar the exact value of an integer scalar.
	Scalar    float64
	IntScalar int64
	// Strides has one entry per axis of the result: the step in
	// elements of Buf along that axis, 0 where the operand broadcasts.
	// Nil means Buf has the result's shape and is read contiguously.
	Strides []int
}

// UnaryOp names an elementwise function of one tensor.
type UnaryOp uint8

// The unary ops. Float ops compute in float64 and round once.
const (
	UnaryNeg        = UnaryOp(uNeg)
	UnaryAbs        = UnaryOp(uAbs)
	UnaryExp        = UnaryOp(uExp)
	UnaryLog        = UnaryOp(uLog)
	UnarySqrt       = UnaryOp(uSqrt)
	UnarySquare     = UnaryOp(uSquare)
	UnaryReLU       = UnaryOp(uRelu)
	UnarySigmoid    = UnaryOp(uSigmoid)
	UnaryTanh       = UnaryOp(uTanh)
	UnarySign       = UnaryOp(uSign)
	UnaryLog1p      = UnaryOp(uLog1p)
	UnarySoftplus   = UnaryOp(uSoftplus)
	UnaryLogSigmoid = UnaryOp(uLogSigmoid)
	UnaryFloor      = UnaryOp(uFloor)
	UnarySin        = UnaryOp(uSin)
	UnaryCos        = UnaryOp(uCos)
	UnaryRsqrt      = UnaryOp(uRsqrt)
	UnaryReciprocal = UnaryOp(uReciprocal)
)

func (k UnaryOp) String() string { return unOpNames[k] }

// BinaryOp names an elementwise function of two tensors.
type BinaryOp uint8

// The binary ops. Maximum and Minimum return the first operand when it
// is NaN; Pow on integers is exact and wraps on overflow.
const (
	BinaryAdd = BinaryOp(opAdd)
	BinarySub = BinaryOp(opSub)
	BinaryMul = BinaryOp(opMul)
	BinaryDiv = BinaryOp(opDiv)
	BinaryMax = BinaryOp(opMax)
	BinaryMin = BinaryOp(opMin)
	BinaryPow = BinaryOp(opPow)
)

func (k BinaryOp) String() string { return binOpNames[k] }

// CompareOp names an elementwise comparison with a bool result.
type CompareOp uint8

// The comparisons.
const (
	CompareLess         = CompareOp(cmpLT)
	CompareLessEqual    = CompareOp(cmpLE)
	CompareGreater      = CompareOp(cmpGT)
	CompareGreaterEqual = CompareOp(cmpGE)
	CompareEqual        = CompareOp(cmpEQ)
	CompareNotEqual     = CompareOp(cmpNE)
)

func (k CompareOp) String() string { return cmpNames[k] }

// ReduceOp names a reduction.
type ReduceOp uint8

// The reductions. Float32 sums, means and products accumulate in
// float64; a float32 mean is float32(sum)·float32(1/n), as MindSpore's
// ReduceMean computes it. Max and Min propagate NaN.
const (
	ReduceSum  = ReduceOp(redSum)
	ReduceMean = ReduceOp(redMean)
	ReduceMax  = ReduceOp(redMax)
	ReduceMin  = ReduceOp(redMin)
	ReduceProd = ReduceOp(redProd)
)

func (k ReduceOp) String() string { return redNames[k] }

// Backend is the op set a device implements. The engine validates
// shapes, dtypes and indices, and computes result shapes, strides and
// gradients. It calls a backend only with consistent arguments. Every
// destination is a fresh buffer of the right length that the backend
// itself allocated, and no call writes zero elements, though Reduce,
// LogSumExp and the losses may read empty rows or inputs.
//
// A method returns an error for a failure of the device (out of memory,
// a failed launch) and for a dtype it does not support; the engine
// reports it as the failure of the op that called it. An *Error passes
// through with its Kind, so a backend reports running out of memory
// with Kind "MemoryError".
//
// Methods may be called from many goroutines at once. Work a method
// starts may still run when it returns; Download waits for all earlier
// work.
type Backend interface {
	// Device returns the device whose memory the buffers live in.
	Device() Device

	// Alloc returns uninitialized storage for n elements of dtype d.
	Alloc(d DType, n int) (Buffer, error)
	// Upload copies the host slice src ([]float32, []float64, []int32,
	// []int64 or []bool, of dst's length) into dst.
	Upload(dst Buffer, src any) error
	// Download copies src into the host slice dst of src's length.
	Download(dst any, src Buffer) error
	// Fill sets every element of dst to v converted to d.
	Fill(d DType, dst Buffer, v Operand) error

	// Unary applies k to each element. d is a float dtype, or an
	// integer dtype for Neg, Abs, Square, ReLU and Sign.
	Unary(k UnaryOp, d DType, dst, x Buffer) error
	// Binary applies k elementwise over the result shape; d is a number
	// dtype. Integer Div and Pow operands are already checked.
	Binary(k BinaryOp, d DType, dst Buffer, a, b Operand, shape []int) error
	// Compare writes the bool result of k over shape; d is the common
	// dtype of a and b.
	Compare(k CompareOp, d DType, dst Buffer, a, b Operand, shape []int) error
	// Select writes a where cond is true and b elsewhere; cond is bool
	// and a and b have dtype d.
	Select(d DType, dst Buffer, cond, a, b Operand, shape []int) error
	// Cast converts n = src.Len() elements of dtype from to dtype to,
	// as the engine's Cast does: floats truncate toward zero into
	// integers, NaN and out-of-range values become the minimum integer,
	// and narrowing integers wraps.
	Cast(to DType, dst Buffer, from DType, src Buffer) error
	// Strided writes, for each index of shape, the element of src at
	// the offset that strides give (0 on broadcast axes): a transpose
	// or a broadcast.
	Strided(d DType, dst, src Buffer, shape, strides []int) error
	// CopyRows copies rows×cols elements: row r of src starts at
	// srcOff + r·srcStride and row r of dst at dstOff + r·dstStride.
	CopyRows(d DType, dst Buffer, dstOff, dstStride int, src Buffer, srcOff, srcStride, rows, cols int) error
	// Gather writes src[idx[i]] into dst[i].
	Gather(d DType, dst, src Buffer, idx []int) error
	// ScatterAdd adds src[i] into dst[idx[i]]; repeated indices
	// accumulate. dst already holds its starting values.
	ScatterAdd(d DType, dst, src Buffer, idx []int) error

	// Reduce reduces src, viewed as (outer, inner, post), over the
	// inner axis into dst of shape (outer, post).
	Reduce(k ReduceOp, d DType, dst, src Buffer, outer, inner, post int) error
	// ArgReduce writes into the int64 dst the index of the first
	// maximum (isMax) or minimum of each of the outer rows of inner
	// elements of src. A NaN counts as the extreme.
	ArgReduce(isMax bool, d DType, dst, src Buffer, outer, inner int) error
	// MatMul computes dst (m×n) = op(a)·op(b) for row-major a and b,
	// where op transposes when the flag is set; lda and ldb are the row
	// lengths of a and b as stored.
	MatMul(d DType, dst, a, b Buffer, m, n, k, lda, ldb int, transA, transB bool) error
	// LogSoftmax writes the log-softmax of each of the rows of cols
	// elements, as the engine's LogSoftmax computes it.
	LogSoftmax(d DType, dst, src Buffer, rows, cols int) error
	// Softmax writes the softmax of each of the rows of cols elements,
	// as the engine's Softmax computes it.
	Softmax(d DType, dst, src Buffer, rows, cols int) error
	// LogSumExp writes one log-sum-exp per row of cols elements.
	LogSumExp(d DType, dst, src Buffer, rows, cols int) error
	// ProdGrad writes g[r]·(product of the other elements of row r)
	// for each element of the outer rows of inner elements of x.
	ProdGrad(d DType, dst, x, g Buffer, outer, inner int) error
	// Clip limits each element to [lo, hi] (integer bounds in
	// IntScalar, float bounds in Scalar).
	Clip(d DType, dst, src Buffer, lo, hi Operand) error
	// OneHot writes on at column indices[i] of row i of dst (rows of
	// depth elements) and off elsewhere. indices is int64, and an index
	// outside [0, depth) gives a row of off.
	OneHot(d DType, dst, indices Buffer, depth int, on, off Operand) error

	// Loss computes the elementwise loss args.Kind of x and y (dtype
	// d), reduced by r into the one-element out unless out is nil, and
	// writes args.Scale times its gradient with respect to x into dx
	// unless dx is nil.
	Loss(args cpu.LossArgs, r Reduction, d DType, out, dx, x, y Buffer) error
	// BinaryCrossEntropy is Loss for the float32 BCE of probabilities
	// x and targets y (cpu.BCE32), with gradient scale.
	BinaryCrossEntropy(r Reduction, out, dx, x, y Buffer, scale float32) error
	// SoftmaxCrossEntropy writes the float32 loss of each row of the
	// rows×cols logits at its int64 label into loss and, unless grad is
	// nil, scale_i·(softmax - onehot) into grad (cpu.SoftmaxXent32).
	// scale is one scalar or a buffer of one factor per row.
	SoftmaxCrossEntropy(loss, grad, logits, labels Buffer, rows, cols int, scale Operand) error
}

var (
	backendsMu sync.RWMutex
	backends   = map[Device]Backend{}
)

// UseBackend installs be as the backend of its device for tensors moved
// there from now on. Tensors already on the device keep the backend
// that made them.
func UseBackend(be Backend) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	backends[be.Device()] = be
}

// BackendOf returns the backend installed for dev, or nil.
func BackendOf(dev Device) Backend {
	backendsMu.RLock()
	defer backendsMu.RUnlock()
	return backends[dev]
}

// ToDevice returns a copy of t on dev, or t itself when it is there
// already. The copy has no autograd history and does not require a
// gradient. Moving to a device needs its backend installed with
// UseBackend.
func ToDevice(t *Tensor, dev Device) (out *Tensor, err error) {
	defer catch(&err)
	return toDevice(t, dev), nil
}

// MoveTo moves t's storage to dev in place, keeping t's identity,
// gradient flag and history. Like CopyFrom, it is for leaf tensors that
// no recorded op still reads, such as parameters before training.
func (t *Tensor) MoveTo(dev Device) (err error) {
	defer catch(&err)
	if t.dev == dev {
		return nil
	}
	moved := toDevice(t, dev)
	t.data, t.dev = moved.data, moved.dev
	return nil
}

func toDevice(t *Tensor, dev Device) *Tensor {
	if t.dev == dev {
		return t
	}
	if dev == CPU {
		host := makeHost(t.dtype, t.Numel())
		deviceCall("ToDevice", t.data.(*deviceData).be.Download(host, deviceBuf(t)))
		return wrap(t.dtype, append([]int(nil), t.shape...), host)
	}
	be := BackendOf(dev)
	if be == nil {
		raise("RuntimeError", "ToDevice", "no backend is installed for device %s; enable it first (set_context(device_target='%s'))", dev, dev)
	}
	src := t
	if t.dev != CPU {
		src = toDevice(t, CPU)
	}
	out := newDeviceTensor(be, "ToDevice", t.dtype, t.shape)
	if out.Numel() > 0 {
		deviceCall("ToDevice", be.Upload(out.data.(*deviceData).buf, hostData(src.data, false)))
	}
	return out
}

// deviceCall raises err, a backend failure, as the failure of op.
func deviceCall(op string, err error) {
	if err == nil {
		return
	}
	if e, ok := err.(*Error); ok {
		panic(&Error{Op: op, Msg: e.Msg, Kind: e.Kind})
	}
	raise("RuntimeError", op, "%v", err)
}

// onDevice returns the backend of the first input that lives on a
// device, or nil when every input is on the CPU. Every other input must
// be on the same device, except that a 0-d CPU tensor joins a device op
// as a scalar when scalars is set.
func onDevice(op string, scalars bool, inputs ...*Tensor) Backend {
	var dev *Tensor
	for _, t := range inputs {
		if t != nil && t.dev != CPU {
			dev = t
			break
		}
	}
	if dev == nil {
		return nil
	}
	for i, t := range inputs {
		if t == nil || t.dev == dev.dev || scalars && t.dev == CPU && t.Rank() == 0 {
			continue
		}
		raise("RuntimeError", op, "input %d %s is on %s but input %d %s is on %s; move both to one device first", indexOf(inputs, dev), FormatShape(dev.shape), dev.dev, i, FormatShape(t.shape), t.dev)
	}
	return dev.data.(*deviceData).be
}

func indexOf(ts []*Tensor, t *Tensor) int {
	for i, x := range ts {
		if x == t {
			return i
		}
	}
	return -1
}

// cpuOnly raises for an op that no device backend implements when any
// input lives on a device.
func cpuOnly(op string, inputs ...*Tensor) {
	for _, t := range inputs {
		if t != nil && t.dev != CPU {
			raise("RuntimeError", op, "%s is not implemented on %s; move the inputs to the CPU first", op, t.dev)
		}
	}
}

// fullLike returns a tensor of shape filled with v on like's device.
func fullLike(like *Tensor, d DType, v float64, shape []int) *Tensor {
	if like.dev == CPU {
		return full(d, v, shape)
	}
	be := like.data.(*deviceData).be
	out := newDeviceTensor(be, "Full", d, shape)
	if out.Numel() > 0 {
		deviceCall("Full", be.Fill(d, out.data.(*deviceData).buf, Operand{Scalar: v, IntScalar: int64(v)}))
	}
	return out
}

// sameDevice returns t on like's device, copying a CPU tensor there.
// Grad uses it for the seed gradient.
func sameDevice(t, like *Tensor) *Tensor {
	if t.dev == like.dev {
		return t
	}
	return toDevice(t, like.dev)
}
