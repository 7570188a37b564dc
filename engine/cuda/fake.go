package cuda

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unsafe"
)

// fakeDriver implements driver on the CPU, so that CI runs the backend's
// code paths without a GPU: allocation, copies, module compilation and
// loading, argument packing and launch geometry. Device memory is host
// memory behind fake addresses. "Compiling" records the source, and
// loading reads the kernel names it declares. A launch checks its
// geometry against the hardware's limits, decodes the packed arguments
// and runs the Go reference kernel of the same name (fake_kernels.go).
type fakeDriver struct {
	mu     sync.Mutex
	blocks map[uint64][]uint64
	nextID uint64
	used   int64
	limit  int64

	sources  []string
	modules  [][]string
	launches []fakeLaunch
	gemms    int
}

// fakeLaunch records one kernel launch.
type fakeLaunch struct {
	Kernel      string
	Grid, Block [3]uint32
	ArgBytes    int
}

// Fake addresses carry the block id above fakeShift and the offset
// below it, so a block holds up to 64 GiB.
const fakeShift = 36

func newFakeDriver(limit int64) *fakeDriver {
	if limit <= 0 {
		limit = 16 << 30
	}
	return &fakeDriver{blocks: map[uint64][]uint64{}, nextID: 1, limit: limit}
}

func (f *fakeDriver) bind() error { return nil }

func (f *fakeDriver) info() deviceInfo {
	return deviceInfo{Name: "fake CUDA device (CPU reference kernels)", Major: 9, Minor: 0, TotalMem: uint64(f.limit), SMs: 4, Driver: "fake driver"}
}

func (f *fakeDriver) memAlloc(bytes int64) (devPtr, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if bytes <= 0 || bytes >= 1<<fakeShift {
		return 0, fmt.Errorf("fake cuMemAlloc: invalid size %d", bytes)
	}
	if f.used+bytes > f.limit {
		return 0, errOutOfMemory
	}
	id := f.nextID
	f.nextID++
	f.blocks[id] = make([]uint64, (bytes+7)/8)
	f.used += bytes
	return devPtr(id << fakeShift), nil
}

func (f *fakeDriver) memFree(p devPtr) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := uint64(p) >> fakeShift
	blk, ok := f.blocks[id]
	if !ok || uint64(p)&(1<<fakeShift-1) != 0 {
		return fmt.Errorf("fake cuMemFree: %#x is not an allocation", uint64(p))
	}
	f.used -= int64(len(blk)) * 8
	delete(f.blocks, id)
	return nil
}

// bytesAt returns n bytes of device memory at p; an address outside
// every allocation panics, as a kernel's bad access would fault.
func (f *fakeDriver) bytesAt(p devPtr, n int64) []byte {
	if n == 0 {
		return nil
	}
	f.mu.Lock()
	blk, ok := f.blocks[uint64(p)>>fakeShift]
	f.mu.Unlock()
	off := int64(uint64(p) & (1<<fakeShift - 1))
	if !ok || off+n > int64(len(blk))*8 {
		panic(fmt.Sprintf("fake device: access of %d bytes at %#x is outside every allocation", n, uint64(p)))
	}
	all := unsafe.Slice((*byte)(unsafe.Pointer(&blk[0])), len(blk)*8)
	return all[off : off+n]
}

// view returns n elements of type T at p, or nil for a null pointer.
func view[T any](f *fakeDriver, p devPtr, n int64) []T {
	if p == 0 {
		return nil
	}
	var x T
	size := int64(unsafe.Sizeof(x))
	if uint64(p)%uint64(size) != 0 {
		panic(fmt.Sprintf("fake device: %#x is not aligned for %T", uint64(p), x))
	}
	b := f.bytesAt(p, n*size)
	if n == 0 {
		return []T{}
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
}

func (f *fakeDriver) memcpyHtoD(dst devPtr, src unsafe.Pointer, bytes int64) error {
	copy(f.bytesAt(dst, bytes), unsafe.Slice((*byte)(src), bytes))
	return nil
}

func (f *fakeDriver) memcpyDtoH(dst unsafe.Pointer, src devPtr, bytes int64) error {
	copy(unsafe.Slice((*byte)(dst), bytes), f.bytesAt(src, bytes))
	return nil
}

func (f *fakeDriver) memcpyDtoD(dst, src devPtr, bytes int64) error {
	copy(f.bytesAt(dst, bytes), f.bytesAt(src, bytes))
	return nil
}

// kernelDecl matches an entry point of a module's source.
var kernelDecl = regexp.MustCompile(`extern "C" __global__ void (\w+)\(([^)]*)\)`)

// compile checks that the options name an architecture and returns the
// source itself as the image.
func (f *fakeDriver) compile(src, name string, options []string) ([]byte, string, error) {
	if len(options) == 0 || !strings.HasPrefix(options[0], "--gpu-architecture=sm_") {
		return nil, "", fmt.Errorf("fake NVRTC: options %q name no architecture", options)
	}
	f.mu.Lock()
	f.sources = append(f.sources, src)
	f.mu.Unlock()
	return []byte(src), "", nil
}

func (f *fakeDriver) compilerVersion() string { return "fake NVRTC" }

// moduleLoad reads the kernels the image declares and checks each one's
// parameters against the kernel table.
func (f *fakeDriver) moduleLoad(image []byte) (handle, error) {
	var names []string
	for _, m := range kernelDecl.FindAllStringSubmatch(string(image), -1) {
		k := kernels[m[1]]
		if k == nil {
			return 0, fmt.Errorf("fake cuModuleLoadData: kernel %s is not in the kernel table", m[1])
		}
		if m[2] != strings.Join(k.params, ", ") {
			return 0, fmt.Errorf("fake cuModuleLoadData: kernel %s declares (%s) but the kernel table has (%s)", m[1], m[2], strings.Join(k.params, ", "))
		}
		names = append(names, m[1])
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.modules = append(f.modules, names)
	return handle(len(f.modules)), nil
}

// fakeFunc packs a function handle as module<<20 | kernel index.
func (f *fakeDriver) moduleFunction(m handle, name string) (handle, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if m == 0 || int(m) > len(f.modules) {
		return 0, fmt.Errorf("fake cuModuleGetFunction: invalid module %d", m)
	}
	for i, n := range f.modules[m-1] {
		if n == name {
			return handle(uintptr(m)<<20 | uintptr(i)), nil
		}
	}
	return 0, fmt.Errorf("fake cuModuleGetFunction: no kernel %s in the module (CUDA_ERROR_NOT_FOUND)", name)
}

// The launch limits of every NVIDIA GPU since compute capability 3.0,
// and the parameter space of cuLaunchKernel before CUDA 12.1.
const (
	maxThreadsPerBlock = 1024
	maxGridX           = 1<<31 - 1
	maxGridYZ          = 65535
	maxParamBytes      = 4096
	maxStaticShared    = 48 << 10
)

func (f *fakeDriver) launch(fn handle, grid, block [3]uint32, shared uint32, params []byte) error {
	f.mu.Lock()
	mod, idx := int(fn>>20), int(fn&(1<<20-1))
	if mod == 0 || mod > len(f.modules) || idx >= len(f.modules[mod-1]) {
		f.mu.Unlock()
		return fmt.Errorf("fake cuLaunchKernel: invalid function handle %#x", uintptr(fn))
	}
	name := f.modules[mod-1][idx]
	f.launches = append(f.launches, fakeLaunch{Kernel: name, Grid: grid, Block: block, ArgBytes: len(params)})
	f.mu.Unlock()
	k := kernels[name]
	if err := checkGeometry(k, grid, block, shared, len(params)); err != nil {
		return err
	}
	vals, err := unpackArgs(k, params)
	if err != nil {
		return err
	}
	run := references[name]
	if run == nil {
		return fmt.Errorf("fake cuLaunchKernel: no reference kernel for %s", name)
	}
	run(f, launchGeometry{grid: grid, block: block}, vals)
	return nil
}

// checkGeometry rejects what the hardware rejects, and block sizes other
// than the one a block-reducing kernel needs.
func checkGeometry(k *kernel, grid, block [3]uint32, shared uint32, params int) error {
	threads := uint64(block[0]) * uint64(block[1]) * uint64(block[2])
	switch {
	case threads == 0 || threads > maxThreadsPerBlock:
		return fmt.Errorf("fake cuLaunchKernel %s: block %v has %d threads (CUDA_ERROR_INVALID_VALUE)", k.name, block, threads)
	case grid[0] == 0 || grid[0] > maxGridX || grid[1] == 0 || grid[1] > maxGridYZ || grid[2] == 0 || grid[2] > maxGridYZ:
		return fmt.Errorf("fake cuLaunchKernel %s: grid %v is out of range (CUDA_ERROR_INVALID_VALUE)", k.name, grid)
	case shared > maxStaticShared:
		return fmt.Errorf("fake cuLaunchKernel %s: %d bytes of shared memory", k.name, shared)
	case params > maxParamBytes:
		return fmt.Errorf("fake cuLaunchKernel %s: %d bytes of parameters", k.name, params)
	case k.block != 0 && (block[0] != uint32(k.block) || block[1] != 1 || block[2] != 1):
		return fmt.Errorf("fake cuLaunchKernel %s: block %v, but the kernel's shared arrays need (%d, 1, 1)", k.name, block, k.block)
	}
	return nil
}

func (f *fakeDriver) synchronize() error { return nil }

func (f *fakeDriver) close() error { return nil }

// Launches returns the kernel launches so far, for tests.
func (f *fakeDriver) recordedLaunches() []fakeLaunch {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeLaunch(nil), f.launches...)
}

// gemm is cuBLAS's column-major gemm: C = alpha·op(A)·op(B) + beta·C,
// with A m×k after op, B k×n after op, and C m×n, each stored by
// columns with the given leading dimension. Products accumulate in
// float64.
func (f *fakeDriver) gemm(t gemmType, transA, transB bool, m, n, k int, alpha float64, a devPtr, lda int, b devPtr, ldb int, beta float64, c devPtr, ldc int) error {
	rowsA, rowsB := m, k
	if transA {
		rowsA = k
	}
	if transB {
		rowsB = n
	}
	if m < 0 || n < 0 || k < 0 || lda < max(1, rowsA) || ldb < max(1, rowsB) || ldc < max(1, m) {
		return fmt.Errorf("fake cublasGemm: m=%d n=%d k=%d lda=%d ldb=%d ldc=%d (CUBLAS_STATUS_INVALID_VALUE)", m, n, k, lda, ldb, ldc)
	}
	f.mu.Lock()
	f.gemms++
	f.mu.Unlock()
	colsA, colsB := k, n
	if transA {
		colsA = m
	}
	if transB {
		colsB = k
	}
	if t == gemmF32 {
		gemmRef(view[float32](f, a, int64(lda*(colsA-1)+rowsA)), view[float32](f, b, int64(ldb*(colsB-1)+rowsB)), view[float32](f, c, int64(ldc*(n-1)+m)), transA, transB, m, n, k, lda, ldb, ldc, alpha, beta)
	} else {
		gemmRef(view[float64](f, a, int64(lda*(colsA-1)+rowsA)), view[float64](f, b, int64(ldb*(colsB-1)+rowsB)), view[float64](f, c, int64(ldc*(n-1)+m)), transA, transB, m, n, k, lda, ldb, ldc, alpha, beta)
	}
	return nil
}

func gemmRef[T float32 | float64](a, b, c []T, transA, transB bool, m, n, k, lda, ldb, ldc int, alpha, beta float64) {
	for j := 0; j < n; j++ {
		for i := 0; i < m; i++ {
			var acc float64
			for p := 0; p < k; p++ {
				ai, bi := i+p*lda, p+j*ldb
				if transA {
					ai = p + i*lda
				}
				if transB {
					bi = j + p*ldb
				}
				acc += float64(a[ai]) * float64(b[bi])
			}
			v := alpha * acc
			if beta != 0 {
				v += beta * float64(c[i+j*ldc])
			}
			c[i+j*ldc] = T(v)
		}
	}
}
