package engine

import (
	"unsafe"

	"github.com/cellscript/cellscript/engine/cpu"
)

// floatStorage returns n elements from the storage pool
// (cpu.Alloc32Notify or cpu.Alloc64Notify), cleared when zero is set.
// Requests below cpu.PoolMinBytes use make. size is the bytes that the
// memory limit counted for the storage (0 without a limit). For pooled
// storage the pool's finalizer releases them, when the collector finds
// the storage unreachable, and floatStorage reports counted, so that
// the caller attaches no cleanup of its own.
func floatStorage[T float32 | float64](n int, zero bool, size int64, pooled func(int, func()) []T) (s []T, counted bool) {
	var x T
	if n*int(unsafe.Sizeof(x)) < cpu.PoolMinBytes {
		return make([]T, n), false
	}
	var freed func()
	if size > 0 {
		freed = func() { release(size) }
	}
	s = pooled(n, freed)
	if zero {
		clear(s)
	}
	return s, size > 0
}

// newTensorUninit is newTensor for kernels that write every element: its
// float storage may hold stale values from the pool.
func newTensorUninit(op string, d DType, shape []int) *Tensor {
	return newTensorStorage(op, d, shape, false)
}

// newTensorStorage returns a tensor of the shape with fresh storage,
// zeroed when zero is set.
func newTensorStorage(op string, d DType, shape []int, zero bool) *Tensor {
	n := numel(op, shape)
	if t := newTinyTensor(d, shape, n); t != nil {
		return t
	}
	return wrapCopy(d, shape, allocStorage(op, d, n, zero))
}

// tensorWithDims is a tensor with room for its shape and, for tensors of
// fewer than tinyBytes bytes, its storage, allocated together.
type tensorWithDims struct {
	t     Tensor
	dims  [4]int
	small [tinyBytes / 8]uint64
	// header is the slice header of a tiny tensor's storage, which
	// t.data points at (see boxSlice).
	header []byte
}

// tinyBytes bounds the storage that newTinyTensor keeps inline. Below 16
// bytes the memory limit counts nothing either (see minTrackedBytes).
const tinyBytes = 16

// newTinyTensor returns a zeroed tensor whose storage lives in the same
// allocation as the tensor, or nil when the storage needs tinyBytes or
// more, the shape has more than four dimensions, or d is invalid.
func newTinyTensor(d DType, shape []int, n int) *Tensor {
	if n*storageSize(d) >= tinyBytes || len(shape) > 4 {
		return nil
	}
	if int(d) >= len(sliceTypes) || sliceTypes[d] == nil {
		return nil
	}
	b := new(tensorWithDims)
	b.header = unsafe.Slice((*byte)(unsafe.Pointer(&b.small[0])), n)
	data := boxSlice(sliceTypes[d], &b.header)
	b.t = Tensor{dtype: d, data: data, dev: storageDevice(data)}
	k := copy(b.dims[:], shape)
	b.t.shape = b.dims[:k:k]
	return &b.t
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

// sliceTypes holds, per dtype, an interface value of its storage type.
var sliceTypes = [...]any{
	Float32: []float32(nil),
	Float64: []float64(nil),
	Int32:   []int32(nil),
	Int64:   []int64(nil),
	Bool:    []bool(nil),
	Float16: []float32(nil),
}

// eface is the layout of an empty interface value: the dynamic type and
// a pointer to the value.
type eface struct{ typ, data unsafe.Pointer }

// boxSlice returns an interface value of template's slice type whose
// value is the slice header *header, reinterpreted. Converting a slice
// to an interface copies its header to a fresh allocation. Pointing the
// interface at a header inside the tensor's own allocation saves that
// allocation, which for tiny tensors is a fifth of an op's cost. The
// header must not change afterwards, as an interface's value never
// does. Every slice header has the same layout, so a []byte header
// serves for each element type: its length and capacity must count
// elements of the template's type.
func boxSlice(template any, header *[]byte) (v any) {
	t := (*eface)(unsafe.Pointer(&template))
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: t.typ, data: unsafe.Pointer(header)}
	return v
}
