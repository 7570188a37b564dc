package engine

import (
	"fmt"
	"math"

	"github.com/cellscript/cellscript/engine/cpu"
)

// Device names where a tensor's storage lives.
type Device string

// The devices. Only CPU storage exists in this package; the CUDA backend
// adds GPU storage.
const (
	CPU Device = "CPU"
	GPU Device = "GPU"
)

// Tensor is a contiguous row-major array. Its storage is one of
// []float32, []float64, []int32, []int64 or []bool, matching its dtype;
// a Float16 tensor has []float32 storage holding binary16 values.
//
// Tensors are immutable once an op returns them, with one exception:
// optimizers update a parameter's storage in place (see Data). A tensor
// may be read from many goroutines at once.
type Tensor struct {
	dtype DType
	shape []int
	data  any
	dev   Device

	requiresGrad bool
	node         *node
}

// DType returns the tensor's element type.
func (t *Tensor) DType() DType { return t.dtype }

// Shape returns the tensor's shape, which is empty but not nil for a
// 0-d tensor. The caller must not modify it.
func (t *Tensor) Shape() []int { return t.shape }

// Rank returns the number of dimensions.
func (t *Tensor) Rank() int { return len(t.shape) }

// Numel returns the number of elements.
func (t *Tensor) Numel() int { return Numel(t.shape) }

// Device returns where the tensor's storage lives.
func (t *Tensor) Device() Device { return t.dev }

// Data returns the backing slice ([]float32, []float64, []int32, []int64
// or []bool; []float32 for Float16) without copying. Values written to
// Float16 storage must be binary16 values (see RoundHalf). Writing to it is allowed only for tensors
// that no recorded op still reads, such as parameters between steps.
// For a tensor on a device it returns a host copy, downloaded on first
// use, that the next device op uploads again, so writes reach the
// device when Data is called before each batch of writes.
func (t *Tensor) Data() any { return hostData(t.data, true) }

// F32 returns the float32 storage of a Float32 or Float16 tensor, or nil
// for another dtype.
func (t *Tensor) F32() []float32 { s, _ := t.Data().([]float32); return s }

// F64 returns the float64 storage, or nil for another dtype.
func (t *Tensor) F64() []float64 { s, _ := t.Data().([]float64); return s }

// I32 returns the int32 storage, or nil for another dtype.
func (t *Tensor) I32() []int32 { s, _ := t.Data().([]int32); return s }

// I64 returns the int64 storage, or nil for another dtype.
func (t *Tensor) I64() []int64 { s, _ := t.Data().([]int64); return s }

// Bools returns the bool storage, or nil for another dtype.
func (t *Tensor) Bools() []bool { s, _ := t.Data().([]bool); return s }

func (t *Tensor) String() string {
	return fmt.Sprintf("Tensor(shape=%s, dtype=%s)", FormatShape(t.shape), t.dtype)
}

// alloc returns zeroed storage for n elements of dtype d, counted as
// live tensor memory (see memory.go). It raises a TypeError for an
// invalid dtype and a MemoryError past the memory limit.
func alloc(op string, d DType, n int) any { return allocStorage(op, d, n, true) }

// allocStorage is alloc, except that with zero false float storage may
// hold stale values, for kernels that write every element.
func allocStorage(op string, d DType, n int, zero bool) any {
	size := reserve(op, d, n)
	data, counted := makeStorage(d, n, zero, size)
	if data == nil {
		release(size)
		typeErr(op, "invalid dtype %v; use Float16, Float32, Float64, Int32, Int64 or Bool", d)
	}
	if counted {
		return data
	}
	return track(data, size)
}

// makeStorage returns storage, zeroed unless zero is false, or nil for
// an invalid dtype. Large float storage comes from the pool (storage.go),
// which then releases the size bytes itself and reports counted.
func makeStorage(d DType, n int, zero bool, size int64) (data any, counted bool) {
	switch d {
	case Float32, Float16:
		return floatStorage(n, zero, size, cpu.Alloc32Notify)
	case Float64:
		return floatStorage(n, zero, size, cpu.Alloc64Notify)
	case Int32:
		return make([]int32, n), false
	case Int64:
		return make([]int64, n), false
	case Bool:
		return make([]bool, n), false
	}
	return nil, false
}

func newTensor(op string, d DType, shape []int) *Tensor {
	return newTensorStorage(op, d, shape, true)
}

// wrap makes a tensor from storage and a shape it takes ownership of. A
// 0-d tensor gets an empty non-nil shape, so that FromValues(d, v,
// t.Shape()...) does not mistake it for a missing shape.
func wrap(d DType, shape []int, data any) *Tensor {
	if shape == nil {
		shape = []int{}
	}
	return &Tensor{dtype: d, shape: shape, data: data, dev: storageDevice(data)}
}

// Zeros returns a tensor of zeros.
func Zeros(d DType, shape ...int) (t *Tensor, err error) {
	defer catch(&err)
	return newTensor("Zeros", d, shape), nil
}

// Full returns a tensor with every element equal to v.
func Full(d DType, v float64, shape ...int) (t *Tensor, err error) {
	defer catch(&err)
	return full(d, v, shape), nil
}

func full(d DType, v float64, shape []int) *Tensor {
	t := newTensor("Full", d, shape)
	fill(t, v)
	return t
}

func fill(t *Tensor, v float64) {
	switch s := t.data.(type) {
	case []float32:
		f := float32(v)
		if t.dtype == Float16 {
			f = RoundHalf64(v)
		}
		for i := range s {
			s[i] = f
		}
	case []float64:
		for i := range s {
			s[i] = v
		}
	case []int32:
		for i := range s {
			s[i] = int32(v)
		}
	case []int64:
		for i := range s {
			s[i] = int64(v)
		}
	case []bool:
		for i := range s {
			s[i] = v != 0
		}
	}
}

// Scalar returns a 0-d tensor holding v converted to d. It panics with
// *Error when d is not one of the dtype constants, because it has no
// error result. Full with no shape returns that error instead.
func Scalar(d DType, v float64) *Tensor { return full(d, v, nil) }

// FromFloat32 wraps data as a tensor without copying. The caller must
// not modify data afterwards.
func FromFloat32(data []float32, shape ...int) (*Tensor, error) {
	return fromSlice(Float32, data, len(data), shape)
}

// FromFloat64 wraps data as a tensor without copying.
func FromFloat64(data []float64, shape ...int) (*Tensor, error) {
	return fromSlice(Float64, data, len(data), shape)
}

// FromInt32 wraps data as a tensor without copying.
func FromInt32(data []int32, shape ...int) (*Tensor, error) {
	return fromSlice(Int32, data, len(data), shape)
}

// FromInt64 wraps data as a tensor without copying.
func FromInt64(data []int64, shape ...int) (*Tensor, error) {
	return fromSlice(Int64, data, len(data), shape)
}

// FromBool wraps data as a tensor without copying.
func FromBool(data []bool, shape ...int) (*Tensor, error) {
	return fromSlice(Bool, data, len(data), shape)
}

func fromSlice(d DType, data any, n int, shape []int) (t *Tensor, err error) {
	defer catch(&err)
	if shape == nil {
		shape = []int{n}
	}
	if want := numel("Tensor", shape); want != n {
		valueErr("Tensor", "%d values do not fill shape %s (%d elements)", n, FormatShape(shape), want)
	}
	return wrap(d, append([]int(nil), shape...), data), nil
}

// FromValues converts float64 values to a new tensor of dtype d and shape.
// No shape means a 1-D tensor of len(values); pass an empty non-nil
// shape for a 0-d tensor.
func FromValues(d DType, values []float64, shape ...int) (t *Tensor, err error) {
	defer catch(&err)
	if shape == nil {
		shape = []int{len(values)}
	}
	t = newTensor("Tensor", d, shape)
	if len(values) != t.Numel() {
		valueErr("Tensor", "%d values do not fill shape %s", len(values), FormatShape(shape))
	}
	for i, v := range values {
		t.setFloat(i, v)
	}
	return t, nil
}

// Float returns element i converted to float64.
func (t *Tensor) Float(i int) float64 {
	switch s := hostData(t.data, false).(type) {
	case []float32:
		return float64(s[i])
	case []float64:
		return s[i]
	case []int32:
		return float64(s[i])
	case []int64:
		return float64(s[i])
	case []bool:
		if s[i] {
			return 1
		}
		return 0
	}
	return math.NaN()
}

// Int returns element i converted to int64 (floats truncate toward zero).
func (t *Tensor) Int(i int) int64 {
	switch s := hostData(t.data, false).(type) {
	case []int32:
		return int64(s[i])
	case []int64:
		return s[i]
	default:
		return int64(t.Float(i))
	}
}

func (t *Tensor) setFloat(i int, v float64) {
	switch s := t.data.(type) {
	case []float32:
		if t.dtype == Float16 {
			s[i] = RoundHalf64(v)
		} else {
			s[i] = float32(v)
		}
	case []float64:
		s[i] = v
	case []int32:
		s[i] = int32(v)
	case []int64:
		s[i] = int64(v)
	case []bool:
		s[i] = v != 0
	}
}

// Floats returns a float64 copy of all elements.
func (t *Tensor) Floats() []float64 {
	out := make([]float64, t.Numel())
	for i := range out {
		out[i] = t.Float(i)
	}
	return out
}

// Item returns the single element of a one-element tensor.
func (t *Tensor) Item() (float64, error) {
	if t.Numel() != 1 {
		return 0, &Error{Op: "item", Msg: fmt.Sprintf("a tensor of shape %s has %d elements, not one", FormatShape(t.shape), t.Numel()), Kind: "ValueError"}
	}
	return t.Float(0), nil
}

// Clone returns a copy with its own storage and no autograd history, on
// t's device. It panics with *Error when the device fails.
func (t *Tensor) Clone() *Tensor {
	if t.dev != CPU {
		return deviceClone(t)
	}
	c := newTensor("Clone", t.dtype, t.shape)
	copyData(c.data, t.data)
	return c
}

func copyData(dst, src any) {
	switch d := dst.(type) {
	case []float32:
		copy(d, src.([]float32))
	case []float64:
		copy(d, src.([]float64))
	case []int32:
		copy(d, src.([]int32))
	case []int64:
		copy(d, src.([]int64))
	case []bool:
		copy(d, src.([]bool))
	}
}

// Detach returns a tensor sharing t's storage with no autograd history.
func (t *Tensor) Detach() *Tensor { return wrap(t.dtype, t.shape, t.data) }

// CopyFrom overwrites t's storage with src's values in place. Shapes and
// dtypes must match. Optimizers and Parameter.set_data use it.
func (t *Tensor) CopyFrom(src *Tensor) error {
	if !sameShape(t.shape, src.shape) || t.dtype != src.dtype {
		return &Error{Op: "CopyFrom", Msg: fmt.Sprintf("source %s %s does not match destination %s %s", FormatShape(src.shape), src.dtype, FormatShape(t.shape), t.dtype), Kind: "ValueError"}
	}
	if t.dev != CPU || src.dev != CPU {
		return deviceCopyFrom(t, src)
	}
	copyData(t.data, src.data)
	return nil
}
