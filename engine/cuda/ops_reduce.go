package cuda

import (
	"fmt"

	"github.com/cellscript/cellscript/engine"
)

// The reductions of engine.Backend.

// Thresholds that pick a reduction kernel. A row of at least longRow
// elements, in a reduction of too few rows to fill the device, splits
// into chunks of at least minChunk elements. A column reduction runs one
// thread per output unless its columns are long and few; those are
// transposed into rows first.
const (
	longRow      = 1 << 15
	minChunk     = 1 << 12
	shortColumns = 1 << 12
)

// Reduce reduces src, viewed as (outer, inner, post), over inner.
func (b *Backend) Reduce(op engine.ReduceOp, d engine.DType, dst, src engine.Buffer, outer, inner, post int) error {
	out, err := b.buffer(dst)
	if err != nil {
		return err
	}
	in, err := b.buffer(src)
	if err != nil {
		return err
	}
	if out.n != outer*post || in.n != outer*inner*post {
		return fmt.Errorf("cuda: Reduce of (%d, %d, %d) from %d into %d elements", outer, inner, post, in.n, out.n)
	}
	if d == engine.Bool && op != engine.ReduceMax && op != engine.ReduceMin {
		return errUnsupported(op.String(), d)
	}

	t := ctypeOf(d)
	if post == 1 {
		return b.reduceRows(op, t, out.ptr, in.ptr, int64(outer), int64(inner))
	}
	cols := int64(outer) * int64(post)
	if inner <= shortColumns || cols >= b.maxGrid*blockSize {
		return b.launch(kernelFor("reduce_cols", t), cols, int32(op), out.ptr, in.ptr, int64(outer), int64(inner), int64(post))
	}

	// Few long columns: move the reduced axis last, then reduce rows.
	blk, err := b.alloc.scratch(in.bytes())
	if err != nil {
		return err
	}
	defer b.alloc.put(blk)
	dm, err := makeDims([]int{outer, post, inner}, [][]int{{inner * post, 1, post}}, []bool{false})
	if err != nil {
		return err
	}
	n := int64(in.n)
	if err := b.launch(kernels["cs_strided_"+sizeTypeOf(d).tag], n, blk.ptr, in.ptr, dm, n); err != nil {
		return err
	}
	return b.reduceRows(op, t, out.ptr, blk.ptr, cols, int64(inner))
}

// reduceRows reduces rows of inner elements, in two passes when the
// rows are long and too few to occupy every multiprocessor.
func (b *Backend) reduceRows(op engine.ReduceOp, t ctype, out, in devPtr, rows, inner int64) error {
	sms := b.sms
	if rows >= 2*sms || inner < longRow {
		return b.launchRows(kernelFor("reduce_rows", t), rows, int32(op), out, in, rows, inner)
	}
	chunks := (4*sms + rows - 1) / rows
	chunk := max((inner+chunks-1)/chunks, minChunk)
	chunks = (inner + chunk - 1) / chunk
	accSize := int64(8)
	if t == tI32 || t == tB8 {
		accSize = 4
	}
	blk, err := b.alloc.scratch(rows * chunks * accSize)
	if err != nil {
		return err
	}
	defer b.alloc.put(blk)
	if err := b.launchRows(kernelFor("reduce_part", t), rows*chunks, int32(op), blk.ptr, in, rows, inner, chunk, chunks); err != nil {
		return err
	}
	return b.launchRows(kernelFor("reduce_fin", t), rows, int32(op), out, blk.ptr, rows, chunks, inner)
}

// rowsArgs checks a row kernel's buffers: src holds rows×cols elements
// and dst outElems.
func (b *Backend) rowsArgs(dst, src engine.Buffer, rows, cols, outElems int) (*buffer, *buffer, error) {
	out, err := b.buffer(dst)
	if err != nil {
		return nil, nil, err
	}
	in, err := b.buffer(src)
	if err != nil {
		return nil, nil, err
	}
	if in.n != rows*cols || out.n != outElems {
		return nil, nil, fmt.Errorf("cuda: %d rows of %d elements from %d into %d elements", rows, cols, in.n, out.n)
	}
	return out, in, nil
}

// ArgReduce writes the index of each row's first maximum or minimum.
func (b *Backend) ArgReduce(isMax bool, d engine.DType, dst, src engine.Buffer, outer, inner int) error {
	out, in, err := b.rowsArgs(dst, src, outer, inner, outer)
	if err != nil {
		return err
	}
	flag := int32(0)
	if isMax {
		flag = 1
	}
	return b.launchRows(kernelFor("argreduce", ctypeOf(d)), int64(outer), flag, out.ptr, in.ptr, int64(outer), int64(inner))
}

// LogSoftmax writes the log-softmax of each row.
func (b *Backend) LogSoftmax(d engine.DType, dst, src engine.Buffer, rows, cols int) error {
	out, in, err := b.rowsArgs(dst, src, rows, cols, rows*cols)
	if err != nil {
		return err
	}
	if !d.IsFloat() {
		return errUnsupported("LogSoftmax", d)
	}
	return b.launchRows(kernelFor("logsoftmax", ctypeOf(d)), int64(rows), out.ptr, in.ptr, int64(rows), int64(cols))
}

// Softmax writes the softmax of each row.
func (b *Backend) Softmax(d engine.DType, dst, src engine.Buffer, rows, cols int) error {
	out, in, err := b.rowsArgs(dst, src, rows, cols, rows*cols)
	if err != nil {
		return err
	}
	if !d.IsFloat() {
		return errUnsupported("Softmax", d)
	}
	return b.launchRows(kernelFor("softmax", ctypeOf(d)), int64(rows), out.ptr, in.ptr, int64(rows), int64(cols))
}

// LogSumExp writes one log-sum-exp per row.
func (b *Backend) LogSumExp(d engine.DType, dst, src engine.Buffer, rows, cols int) error {
	out, in, err := b.rowsArgs(dst, src, rows, cols, rows)
	if err != nil {
		return err
	}
	if !d.IsFloat() {
		return errUnsupported("LogSumExp", d)
	}
	return b.launchRows(kernelFor("logsumexp", ctypeOf(d)), int64(rows), out.ptr, in.ptr, int64(rows), int64(cols))
}

// ProdGrad writes each element's share of a product's gradient.
func (b *Backend) ProdGrad(d engine.DType, dst, x, g engine.Buffer, outer, inner int) error {
	out, in, err := b.rowsArgs(dst, x, outer, inner, outer*inner)
	if err != nil {
		return err
	}
	gb, err := b.buffer(g)
	if err != nil {
		return err
	}
	if gb.n != outer {
		return fmt.Errorf("cuda: ProdGrad gradient of %d elements for %d rows", gb.n, outer)
	}
	if !d.IsFloat() {
		return errUnsupported("ProdGrad", d)
	}
	work, err := b.alloc.scratch(int64(outer) * int64(inner+1) * 8)
	if err != nil {
		return err
	}
	defer b.alloc.put(work)
	return b.launch(kernelFor("prodgrad", ctypeOf(d)), int64(outer), out.ptr, work.ptr, in.ptr, gb.ptr, int64(outer), int64(inner))
}
