package cuda

import (
	"fmt"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/cpu"
)

// The fused losses of engine.Backend.

// lossGrid returns the blocks of a loss over n elements; each block
// writes one partial sum. The float32 kernel takes four elements per
// thread.
func (b *Backend) lossGrid(n int64) uint32 { return gridFor(max(n/4, 1), b.maxGrid) }

// finishLoss adds the partial sums into out, unless out is nil.
func (b *Backend) finishLoss(k *kernel, out engine.Buffer, part block, parts uint32, r engine.Reduction, n int64) error {
	if out == nil {
		return nil
	}
	o, err := b.buffer(out)
	if err != nil {
		return err
	}
	if o.n != 1 {
		return fmt.Errorf("cuda: a reduced loss needs a buffer of one element, not %d", o.n)
	}
	mean := int32(0)
	if r == engine.ReductionMean {
		mean = 1
	}
	return b.launchGrid(k, 1, o.ptr, part.ptr, mean, int64(parts), n)
}

// optional returns the pointer of a buffer that may be nil.
func (b *Backend) optional(x engine.Buffer, n int) (devPtr, error) {
	if x == nil {
		return 0, nil
	}
	buf, err := b.buffer(x)
	if err != nil {
		return 0, err
	}
	if buf.n != n {
		return 0, fmt.Errorf("cuda: buffer of %d elements, want %d", buf.n, n)
	}
	return buf.ptr, nil
}

// Loss computes an elementwise loss and its gradient in one pass.
func (b *Backend) Loss(args cpu.LossArgs, r engine.Reduction, d engine.DType, out, dx, x, y engine.Buffer) error {
	xb, yb, err := b.pair(x, y)
	if err != nil {
		return err
	}
	dxp, err := b.optional(dx, xb.n)
	if err != nil {
		return err
	}
	if !d.IsFloat() {
		return errUnsupported("Loss", d)
	}

	n := int64(xb.n)
	grid := b.lossGrid(n)
	part, err := b.alloc.scratch(int64(grid) * 8)
	if err != nil {
		return err
	}
	defer b.alloc.put(part)

	t := ctypeOf(d)
	kind := int32(args.Kind)
	if d == engine.Float32 {
		// The constants of cpu.Loss32, rounded to float32 there too.
		scale, beta := float32(args.Scale), float32(args.Beta)
		err = b.launchGrid(kernelFor("loss", t), grid, kind, dxp, part.ptr, xb.ptr, yb.ptr, scale, beta, float32(0.5*args.Beta), scale/beta*0.5, n)
	} else {
		err = b.launchGrid(kernelFor("loss", t), grid, kind, dxp, part.ptr, xb.ptr, yb.ptr, args.Scale, args.Beta, 0.5*args.Beta, args.Scale/args.Beta*0.5, n)
	}
	if err != nil {
		return err
	}
	return b.finishLoss(kernelFor("loss_fin", t), out, part, grid, r, n)
}

// BinaryCrossEntropy computes the float32 BCE and its gradient.
func (b *Backend) BinaryCrossEntropy(r engine.Reduction, out, dx, x, y engine.Buffer, scale float32) error {
	xb, yb, err := b.pair(x, y)
	if err != nil {
		return err
	}
	dxp, err := b.optional(dx, xb.n)
	if err != nil {
		return err
	}
	n := int64(xb.n)
	grid := gridFor(n, b.maxGrid)
	part, err := b.alloc.scratch(int64(grid) * 8)
	if err != nil {
		return err
	}
	defer b.alloc.put(part)
	if err := b.launchGrid(kernelFor("bce", tF32), grid, dxp, part.ptr, xb.ptr, yb.ptr, scale, n); err != nil {
		return err
	}
	return b.finishLoss(kernelFor("loss_fin", tF32), out, part, grid, r, n)
}

// SoftmaxCrossEntropy computes each row's loss and, unless grad is nil,
// its scaled gradient.
func (b *Backend) SoftmaxCrossEntropy(loss, grad, logits, labels engine.Buffer, rows, cols int, scale engine.Operand) error {
	lb, err := b.buffer(loss)
	if err != nil {
		return err
	}
	xb, err := b.buffer(logits)
	if err != nil {
		return err
	}
	lab, err := b.buffer(labels)
	if err != nil {
		return err
	}
	if lb.n != rows || xb.n != rows*cols || lab.n != rows {
		return fmt.Errorf("cuda: SoftmaxCrossEntropy of %d×%d logits with %d labels into %d losses", rows, cols, lab.n, lb.n)
	}
	gp, err := b.optional(grad, rows*cols)
	if err != nil {
		return err
	}
	sp, err := b.optional(scale.Buf, rows)
	if err != nil {
		return err
	}
	return b.launchRows(kernelFor("xent", tF32), int64(rows), lb.ptr, gp, xb.ptr, lab.ptr, sp, float32(scale.Scalar), int64(rows), int64(cols))
}
