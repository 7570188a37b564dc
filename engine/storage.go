package engine

import (
	"unsafe"

	"github.com/cellscript/cellscript/engine/cpu"
)

// floatStorage returns n elements from the storage pool (cpu.Alloc32 or
// cpu.Alloc64), cleared when zero is set. Small requests, and every
// request while a memory limit is set, use make instead: the limit's
// accounting counts an array as freed when the collector frees it, and a
// pooled array is reused instead.
func floatStorage[T float32 | float64](n int, zero bool, pooled func(int) []T) []T {
	var x T
	if memoryLimit.Load() > 0 || n*int(unsafe.Sizeof(x)) < cpu.PoolMinBytes {
		return make([]T, n)
	}
	s := pooled(n)
	if zero {
		clear(s)
	}
	return s
}

// newTensorUninit is newTensor for kernels that write every element: its
// float storage may hold stale values from the pool.
func newTensorUninit(op string, d DType, shape []int) *Tensor {
	n := numel(op, shape)
	return wrapCopy(d, shape, allocStorage(op, d, n, false))
}

// tensorWithDims is a tensor and room for its shape, allocated together.
type tensorWithDims struct {
	t    Tensor
	dims [4]int
}

// wrapCopy is wrap with a copy of shape. Up to four dimensions share the
// tensor's allocation, which saves one allocation per op; eager code on
// small tensors spends most of its time allocating. It must set the
// fields that wrap sets.
func wrapCopy(d DType, shape []int, data any) *Tensor {
	if len(shape) > len(tensorWithDims{}.dims) {
		return wrap(d, append([]int(nil), shape...), data)
	}
	b := new(tensorWithDims)
	b.t = Tensor{dtype: d, data: data, dev: storageDevice(data)}
	n := copy(b.dims[:], shape)
	b.t.shape = b.dims[:n:n]
	return &b.t
}
