package cuda

import (
	"fmt"
	"math"

	"github.com/cellscript/cellscript/engine"
)

// launch packs vals and starts k over work items with a grid-stride
// grid of up to maxGrid blocks of blockSize threads.
func (b *Backend) launch(k *kernel, work int64, vals ...any) error {
	return b.launchGrid(k, gridFor(work, b.maxGrid), vals...)
}

// launchRows starts k with one block per row, up to maxGrid blocks.
func (b *Backend) launchRows(k *kernel, rows int64, vals ...any) error {
	return b.launchGrid(k, uint32(max(1, min(rows, b.maxGrid))), vals...)
}

func (b *Backend) launchGrid(k *kernel, grid uint32, vals ...any) error {
	if k == nil {
		return fmt.Errorf("cuda: no kernel for this dtype")
	}
	params, err := packArgs(k, vals)
	if err != nil {
		return err
	}
	b.launches.Add(1)
	return b.own.do(func(d driver) error {
		f, err := b.mods.function(d, k)
		if err != nil {
			return err
		}
		if err := d.launch(f, [3]uint32{grid, 1, 1}, [3]uint32{blockSize, 1, 1}, 0, params); err != nil {
			return fmt.Errorf("cuda: launching %s: %w", k.name, err)
		}
		return nil
	})
}

// gridFor returns the blocks for work items, one item per thread, at
// most limit.
func gridFor(work, limit int64) uint32 {
	blocks := (work + blockSize - 1) / blockSize
	return uint32(max(1, min(blocks, limit)))
}

// makeDims describes a result of shape whose operands have the given
// strides (nil for a contiguous operand, skip for a scalar). It drops
// axes of size 1 and merges neighbouring axes that every operand steps
// through contiguously, and returns rank 0 when every operand is read
// contiguously.
func makeDims(shape []int, strides [][]int, skip []bool) (*dims, error) {
	contig := contiguousStrides(shape)
	var sh []int64
	st := make([][]int64, len(strides))
	for ax, size := range shape {
		if size == 1 {
			continue
		}
		if len(sh) > 0 && mergeable(st, strides, contig, skip, ax, size) {
			sh[len(sh)-1] *= int64(size)
			for k := range st {
				st[k][len(st[k])-1] = int64(strideOf(strides[k], contig, ax))
			}
			continue
		}
		sh = append(sh, int64(size))
		for k := range st {
			st[k] = append(st[k], int64(strideOf(strides[k], contig, ax)))
		}
	}
	d := &dims{}
	if isContiguous(sh, st, skip) {
		return d, nil
	}
	if len(sh) > maxRank {
		return nil, fmt.Errorf("cuda: a strided operand of shape %v needs %d axes; the GPU kernels index at most %d", shape, len(sh), maxRank)
	}
	d.rank = int32(len(sh))
	copy(d.shape[:], sh)
	for k := range st {
		copy(d.stride[k][:], st[k])
	}
	return d, nil
}

// mergeable reports whether axis ax of the given size continues the last
// merged axis for every operand not skipped: the last axis's stride is
// ax's stride times its size.
func mergeable(st [][]int64, strides [][]int, contig []int, skip []bool, ax, size int) bool {
	for k := range st {
		if skip[k] {
			continue
		}
		if st[k][len(st[k])-1] != int64(strideOf(strides[k], contig, ax))*int64(size) {
			return false
		}
	}
	return true
}

func strideOf(strides, contig []int, ax int) int {
	if strides == nil {
		return contig[ax]
	}
	return strides[ax]
}

func contiguousStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// isContiguous reports whether every operand not skipped steps through
// the merged shape in row-major order.
func isContiguous(shape []int64, st [][]int64, skip []bool) bool {
	for k := range st {
		if skip[k] {
			continue
		}
		want := int64(1)
		for ax := len(shape) - 1; ax >= 0; ax-- {
			if st[k][ax] != want {
				return false
			}
			want *= shape[ax]
		}
	}
	return true
}

// operandArgs returns the kernel pointer (0 for a scalar), its strides
// and whether it is a scalar.
func (b *Backend) operandArgs(op engine.Operand) (devPtr, []int, bool, error) {
	if op.Buf == nil {
		return 0, nil, true, nil
	}
	buf, err := b.buffer(op.Buf)
	if err != nil {
		return 0, nil, false, err
	}
	return buf.ptr, op.Strides, false, nil
}

// scalarOf returns a scalar operand as the kernel's element type.
func scalarOf(d engine.DType, op engine.Operand) any {
	switch d {
	case engine.Float32:
		return float32(op.Scalar)
	case engine.Float64:
		return op.Scalar
	case engine.Int32:
		return int32(op.IntScalar)
	case engine.Int64:
		return op.IntScalar
	}
	if op.Scalar != 0 || op.IntScalar != 0 {
		return uint8(1)
	}
	return uint8(0)
}

// bitsOf returns a scalar operand as the unsigned type of d's size, for
// the kernels that move elements without looking at them.
func bitsOf(d engine.DType, op engine.Operand) any {
	switch v := scalarOf(d, op).(type) {
	case float32:
		return math.Float32bits(v)
	case float64:
		return math.Float64bits(v)
	case int32:
		return uint32(v)
	case int64:
		return uint64(v)
	default:
		return v
	}
}
