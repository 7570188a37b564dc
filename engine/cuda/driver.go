package cuda

import (
	"errors"
	"unsafe"
)

// devPtr is a device address (CUdeviceptr).
type devPtr uint64

// handle is an opaque driver object: a CUmodule or a CUfunction.
type handle uintptr

// deviceInfo describes the device a driver opened.
type deviceInfo struct {
	Name string
	// Major and Minor are the compute capability (9, 0 for Hopper).
	Major, Minor int
	// TotalMem is the device memory in bytes.
	TotalMem uint64
	// SMs is the number of multiprocessors.
	SMs int
	// Driver names the driver and compiler versions.
	Driver string
}

// gemmType selects cublasSgemm or cublasDgemm.
type gemmType uint8

const (
	gemmF32 gemmType = iota
	gemmF64
)

// driver is the part of CUDA the backend uses: the driver API on one
// stream of the primary context, NVRTC and cuBLAS. The real driver
// calls the libraries through purego; the fake one runs every call on
// the CPU. All methods run on the goroutine that owns the driver (see
// owner); bind runs first on that goroutine's thread.
//
// Work is ordered on one stream: copies to the device and launches may
// still run when the method returns, and memcpyDtoH returns once the
// data has arrived, after all earlier work.
type driver interface {
	bind() error
	info() deviceInfo

	memAlloc(bytes int64) (devPtr, error)
	memFree(p devPtr) error
	// memcpyHtoD copies from host memory that the caller keeps alive
	// for the duration of the call only.
	memcpyHtoD(dst devPtr, src unsafe.Pointer, bytes int64) error
	memcpyDtoH(dst unsafe.Pointer, src devPtr, bytes int64) error
	memcpyDtoD(dst, src devPtr, bytes int64) error

	// compile turns CUDA C source into a module image for the device
	// with the given NVRTC options. log holds the compiler's messages.
	compile(src, name string, options []string) (image []byte, log string, err error)
	// compilerVersion identifies the compiler for the image cache.
	compilerVersion() string
	moduleLoad(image []byte) (handle, error)
	moduleFunction(m handle, name string) (handle, error)
	// launch starts f with the packed argument buffer params, which
	// holds no Go pointers.
	launch(f handle, grid, block [3]uint32, shared uint32, params []byte) error

	// gemm is cuBLAS's column-major sgemm or dgemm with host alpha and
	// beta.
	gemm(t gemmType, transA, transB bool, m, n, k int, alpha float64, a devPtr, lda int, b devPtr, ldb int, beta float64, c devPtr, ldc int) error

	synchronize() error
	close() error
}

// ErrNoDriver reports that the CUDA driver library libcuda.so.1 was not
// found, so no GPU can be used.
var ErrNoDriver = errors.New("no CUDA driver was found (libcuda.so.1)")

// errOutOfMemory is the error of memAlloc on a full device.
var errOutOfMemory = errors.New("out of device memory")
