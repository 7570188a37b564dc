package engine

import (
	"sync"
	"unsafe"
)

// deviceData is the data field of a tensor whose storage lives on a
// device. Tensors that share storage (Detach, Reshape) share one
// deviceData.
//
// Host code reads a device tensor through a host copy that is made on
// the first read and kept while the storage does not change. Data and
// the typed accessors hand that copy out for writing too, as optimizers
// write parameters in place, so the next device op uploads it first.
//
// NOTE: the optimizers update parameters on the host through this copy,
// so each step downloads every gradient and uploads every parameter. An
// engine op for the update would keep training on the device.
type deviceData struct {
	be    Backend
	buf   Buffer
	dtype DType
	n     int

	mu sync.Mutex
	// host is the host copy, or nil before the first host read.
	host any
	// hostWritten is set when host was handed out for writing: the
	// device has not seen what was written to it.
	hostWritten bool
}

// newDeviceTensor returns a tensor with uninitialized storage on be.
func newDeviceTensor(be Backend, op string, d DType, shape []int) *Tensor {
	n := numel(op, shape)
	if d == Float16 {
		typeErr(op, "float16 tensors are not supported on %s; cast to float32 first", be.Device())
	}
	if d < Float32 || d > Bool {
		typeErr(op, "invalid dtype %v; use Float32, Float64, Int32, Int64 or Bool", d)
	}
	buf, err := be.Alloc(d, n)
	deviceCall(op, err)
	data := &deviceData{be: be, buf: buf, dtype: d, n: n}
	return wrap(d, append(make([]int, 0, len(shape)), shape...), data)
}

// storageDevice returns the device of a tensor's data field.
func storageDevice(data any) Device {
	if s, ok := data.(*deviceData); ok {
		return s.be.Device()
	}
	return CPU
}

// deviceBuf returns the buffer of a device tensor, first uploading a
// host copy that was handed out for writing.
func deviceBuf(t *Tensor) Buffer {
	s := t.data.(*deviceData)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hostWritten {
		deviceCall("Upload", s.be.Upload(s.buf, s.host))
		s.hostWritten = false
	}
	return s.buf
}

// hostData returns the storage of data as a host slice: data itself on
// the CPU, the host copy of device storage otherwise. With forWrite the
// copy counts as written. A failed download panics with *Error, since
// the accessors that call this have no error result.
func hostData(data any, forWrite bool) any {
	s, ok := data.(*deviceData)
	if !ok {
		return data
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.host == nil {
		host := makeHost(s.dtype, s.n)
		if s.n > 0 {
			deviceCall("Download", s.be.Download(host, s.buf))
		}
		s.host = host
	}
	if forWrite {
		s.hostWritten = true
	}
	return s.host
}

// deviceChanged drops the host copy after the device storage changed
// in place.
func deviceChanged(t *Tensor) {
	s := t.data.(*deviceData)
	s.mu.Lock()
	s.host, s.hostWritten = nil, false
	s.mu.Unlock()
}

// makeHost returns zeroed host storage outside the memory accounting:
// host copies and downloads live as long as the device storage they
// mirror.
func makeHost(d DType, n int) any {
	switch d {
	case Float32:
		return make([]float32, n)
	case Float64:
		return make([]float64, n)
	case Int32:
		return make([]int32, n)
	case Int64:
		return make([]int64, n)
	case Bool:
		return make([]bool, n)
	}
	typeErr("Tensor", "invalid dtype %v; use Float32, Float64, Int32, Int64 or Bool", d)
	return nil
}

// HostBytes returns the bytes of a host slice ([]float32, []float64,
// []int32, []int64 or []bool) without copying, for backends that move
// storage to and from a device. A bool is one byte, 0 or 1.
func HostBytes(s any) []byte {
	switch x := s.(type) {
	case []float32:
		return bytesOf(x)
	case []float64:
		return bytesOf(x)
	case []int32:
		return bytesOf(x)
	case []int64:
		return bytesOf(x)
	case []bool:
		return bytesOf(x)
	}
	return nil
}

func bytesOf[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var x T
	return unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(x)))
}
