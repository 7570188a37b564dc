package cuda

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/cellscript/cellscript/engine"
)

// The elementwise and layout ops of engine.Backend.

// Fill sets every element of dst to v.
func (b *Backend) Fill(d engine.DType, dst engine.Buffer, v engine.Operand) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	n := int64(out.n)
	return b.launch(kernelFor("fill", ctypeOf(d)), n, out.ptr, scalarOf(d, v), n)
}

// Unary applies op to each element of x.
func (b *Backend) Unary(op engine.UnaryOp, d engine.DType, dst, x engine.Buffer) error {
	out, src, err := b.pair(dst, x)
	if err != nil {
		return err
	}
	if d == engine.Bool {
		return errUnsupported("unary "+op.String(), d)
	}
	n := int64(out.n)
	return b.launch(kernelFor("unary", ctypeOf(d)), n, int32(op), out.ptr, src.ptr, n)
}

// pair returns two of b's buffers of one length.
func (b *Backend) pair(dst, src engine.Buffer) (*buffer, *buffer, error) {
	out, err := b.buffer(dst)
	if err != nil {
		return nil, nil, err
	}
	in, err := b.buffer(src)
	if err != nil {
		return nil, nil, err
	}
	if out.n != in.n {
		return nil, nil, fmt.Errorf("cuda: buffers of %d and %d elements differ in length", out.n, in.n)
	}
	return out, in, nil
}

// elementwise resolves the output and operands of a broadcasting
// kernel: their pointers and the Dims that index them.
func (b *Backend) elementwise(dst engine.Buffer, shape []int, ops ...engine.Operand) (*buffer, []devPtr, *dims, error) {
	out, err := b.buffer(dst)
	if err != nil {
		return nil, nil, nil, err
	}
	if n := numel(shape); n != out.n {
		return nil, nil, nil, fmt.Errorf("cuda: result shape %v has %d elements but the buffer has %d", shape, n, out.n)
	}
	ptrs := make([]devPtr, len(ops))
	strides := make([][]int, len(ops))
	skip := make([]bool, len(ops))
	for i, op := range ops {
		if ptrs[i], strides[i], skip[i], err = b.operandArgs(op); err != nil {
			return nil, nil, nil, err
		}
	}
	dm, err := makeDims(shape, strides, skip)
	return out, ptrs, dm, err
}

func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// Binary applies op elementwise with broadcasting.
func (b *Backend) Binary(op engine.BinaryOp, d engine.DType, dst engine.Buffer, x, y engine.Operand, shape []int) error {
	if d == engine.Bool {
		return errUnsupported("binary "+op.String(), d)
	}
	out, ptrs, dm, err := b.elementwise(dst, shape, x, y)
	if err != nil {
		return err
	}
	n := int64(out.n)
	return b.launch(kernelFor("binary", ctypeOf(d)), n, int32(op), out.ptr, ptrs[0], ptrs[1], scalarOf(d, x), scalarOf(d, y), dm, n)
}

// Compare writes the bool result of op with broadcasting.
func (b *Backend) Compare(op engine.CompareOp, d engine.DType, dst engine.Buffer, x, y engine.Operand, shape []int) error {
	out, ptrs, dm, err := b.elementwise(dst, shape, x, y)
	if err != nil {
		return err
	}
	n := int64(out.n)
	return b.launch(kernelFor("compare", ctypeOf(d)), n, int32(op), out.ptr, ptrs[0], ptrs[1], scalarOf(d, x), scalarOf(d, y), dm, n)
}

// Select writes x where cond is true and y elsewhere.
func (b *Backend) Select(d engine.DType, dst engine.Buffer, cond, x, y engine.Operand, shape []int) error {
	out, ptrs, dm, err := b.elementwise(dst, shape, x, y, cond)
	if err != nil {
		return err
	}
	n := int64(out.n)
	return b.launch(kernels["cs_select_"+sizeTypeOf(d).tag], n, out.ptr, ptrs[2], ptrs[0], ptrs[1], scalarOf(engine.Bool, cond).(uint8), bitsOf(d, x), bitsOf(d, y), dm, n)
}

// Cast converts src from one dtype to another.
func (b *Backend) Cast(to engine.DType, dst engine.Buffer, from engine.DType, src engine.Buffer) error {
	out, in, err := b.pair(dst, src)
	if err != nil {
		return err
	}
	if to == from {
		return b.copyBytes(out.ptr, in.ptr, out.bytes())
	}
	n := int64(out.n)
	return b.launch(kernels["cs_cast_"+ctypeOf(from).tag+"_"+ctypeOf(to).tag], n, out.ptr, in.ptr, n)
}

func (b *Backend) copyBytes(dst, src devPtr, n int64) error {
	if n == 0 {
		return nil
	}
	return b.own.do(func(d driver) error { return d.memcpyDtoD(dst, src, n) })
}

// Strided copies src into dst through strides: a transpose or a
// broadcast.
func (b *Backend) Strided(d engine.DType, dst, src engine.Buffer, shape, strides []int) error {
	in, err := b.buffer(src)
	if err != nil {
		return err
	}
	out, _, dm, err := b.elementwise(dst, shape, engine.Operand{Buf: src, Strides: strides})
	if err != nil {
		return err
	}
	if dm.rank == 0 {
		return b.copyBytes(out.ptr, in.ptr, out.bytes())
	}
	n := int64(out.n)
	return b.launch(kernels["cs_strided_"+sizeTypeOf(d).tag], n, out.ptr, in.ptr, dm, n)
}

// CopyRows copies rows of cols elements between strided positions.
func (b *Backend) CopyRows(d engine.DType, dst engine.Buffer, dstOff, dstStride int, src engine.Buffer, srcOff, srcStride, rows, cols int) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	in, err := b.buffer(src)
	if err != nil {
		return err
	}
	if rows <= 0 || cols <= 0 {
		return nil
	}
	if dstOff+(rows-1)*dstStride+cols > out.n || srcOff+(rows-1)*srcStride+cols > in.n {
		return fmt.Errorf("cuda: CopyRows of %d×%d elements runs past a buffer of %d or %d", rows, cols, out.n, in.n)
	}
	size := int64(d.Size())
	dp := out.ptr + devPtr(int64(dstOff)*size)
	sp := in.ptr + devPtr(int64(srcOff)*size)
	if rows == 1 || dstStride == cols && srcStride == cols {
		return b.copyBytes(dp, sp, int64(rows)*int64(cols)*size)
	}
	return b.launch(kernels["cs_copyrows_"+sizeTypeOf(d).tag], int64(rows)*int64(cols), dp, int64(dstStride), sp, int64(srcStride), int64(rows), int64(cols))
}

// uploadIndices copies idx to a scratch block of int64, which the
// caller returns with put after queueing the launch that reads it.
func (b *Backend) uploadIndices(idx []int) (block, error) {
	host := make([]int64, len(idx))
	for i, v := range idx {
		host[i] = int64(v)
	}
	blk, err := b.alloc.scratch(int64(len(host)) * 8)
	if err != nil {
		return block{}, err
	}
	err = b.own.do(func(d driver) error {
		return d.memcpyHtoD(blk.ptr, unsafe.Pointer(&host[0]), int64(len(host))*8)
	})
	if err != nil {
		b.alloc.put(blk)
		return block{}, err
	}
	return blk, nil
}

// Gather writes src[idx[i]] into dst[i].
func (b *Backend) Gather(d engine.DType, dst, src engine.Buffer, idx []int) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	in, err := b.buffer(src)
	if err != nil {
		return err
	}
	if len(idx) != out.n {
		return fmt.Errorf("cuda: Gather of %d indices into %d elements", len(idx), out.n)
	}
	if len(idx) == 0 {
		return nil
	}
	blk, err := b.uploadIndices(idx)
	if err != nil {
		return err
	}
	defer b.alloc.put(blk)
	n := int64(len(idx))
	return b.launch(kernels["cs_gather_"+sizeTypeOf(d).tag], n, out.ptr, in.ptr, blk.ptr, n)
}

// ScatterAdd adds src[i] into dst[idx[i]] with atomics.
func (b *Backend) ScatterAdd(d engine.DType, dst, src engine.Buffer, idx []int) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	in, err := b.buffer(src)
	if err != nil {
		return err
	}
	if d == engine.Bool {
		return errUnsupported("ScatterAdd", d)
	}
	if len(idx) != in.n {
		return fmt.Errorf("cuda: ScatterAdd of %d indices from %d elements", len(idx), in.n)
	}
	if len(idx) == 0 || out.n == 0 {
		return nil
	}
	blk, err := b.uploadIndices(idx)
	if err != nil {
		return err
	}
	defer b.alloc.put(blk)
	n := int64(len(idx))
	return b.launch(kernelFor("scatter_add", ctypeOf(d)), n, out.ptr, in.ptr, blk.ptr, n)
}

// Clip limits each element to [lo, hi].
func (b *Backend) Clip(d engine.DType, dst, src engine.Buffer, lo, hi engine.Operand) error {
	out, in, err := b.pair(dst, src)
	if err != nil {
		return err
	}
	if d == engine.Bool {
		return errUnsupported("Clip", d)
	}
	n := int64(out.n)
	return b.launch(kernelFor("clip", ctypeOf(d)), n, out.ptr, in.ptr, scalarOf(d, lo), scalarOf(d, hi), n)
}

// OneHot writes on at each row's index and off elsewhere.
func (b *Backend) OneHot(d engine.DType, dst, indices engine.Buffer, depth int, on, off engine.Operand) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	idx, err := b.buffer(indices)
	if err != nil {
		return err
	}
	if depth <= 0 || idx.n*depth != out.n {
		return fmt.Errorf("cuda: OneHot of %d indices and depth %d into %d elements", idx.n, depth, out.n)
	}
	n := int64(out.n)
	return b.launch(kernelFor("onehot", ctypeOf(d)), n, out.ptr, idx.ptr, scalarOf(d, on), scalarOf(d, off), int64(depth), n)
}

// MatMul computes op(a)·op(b): cuBLAS for floats, swapping the operands
// because cuBLAS is column-major (row-major C = A·B is column-major
// Cᵀ = Bᵀ·Aᵀ), and a kernel for integers.
func (b *Backend) MatMul(d engine.DType, dst, x, y engine.Buffer, m, n, k, lda, ldb int, transA, transB bool) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	a, err := b.buffer(x)
	if err != nil {
		return err
	}
	c, err := b.buffer(y)
	if err != nil {
		return err
	}
	if out.n != m*n {
		return fmt.Errorf("cuda: MatMul result of %d×%d into %d elements", m, n, out.n)
	}
	switch d {
	case engine.Float32, engine.Float64:
		for _, v := range []int{m, n, k, lda, ldb} {
			if v > math.MaxInt32 {
				return fmt.Errorf("cuda: MatMul dimension %d exceeds cuBLAS's 32-bit limit", v)
			}
		}
		t := gemmF32
		if d == engine.Float64 {
			t = gemmF64
		}
		b.launches.Add(1)
		return b.own.do(func(dr driver) error {
			return dr.gemm(t, transB, transA, n, m, k, 1, c.ptr, ldb, a.ptr, lda, 0, out.ptr, n)
		})
	case engine.Int32, engine.Int64:
		tb := func(v bool) int32 {
			if v {
				return 1
			}
			return 0
		}
		return b.launch(kernelFor("matmul", ctypeOf(d)), int64(m)*int64(n), out.ptr, a.ptr, c.ptr, int64(m), int64(n), int64(k), int64(lda), int64(ldb), tb(transA), tb(transB))
	}
	return errUnsupported("MatMul", d)
}
