package cuda

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cellscript/cellscript/engine"
)

// Backend runs the engine's ops on an NVIDIA GPU, or on the fake driver.
// It implements engine.Backend.
type Backend struct {
	own   *owner
	info  deviceInfo
	alloc *allocator
	mods  *modules
	// fake is the fake driver, or nil for the real one.
	fake *fakeDriver
	// sms is the number of multiprocessors, and maxGrid bounds the
	// blocks of a grid-stride launch.
	sms, maxGrid int64

	// launches counts kernel launches and cuBLAS calls.
	launches atomic.Int64

	closeOnce sync.Once
}

var _ engine.Backend = (*Backend)(nil)

// Options configures Open.
type Options struct {
	// Fake selects the fake driver: device memory is host memory, and
	// each kernel launch runs a Go reference kernel of the same name.
	Fake bool
	// CacheDir is the directory of compiled kernels: "" means
	// os.UserCacheDir()/cellscript/cuda, and "-" keeps none.
	CacheDir string
	// FakeMemory limits the fake device's memory in bytes (0 means
	// 16 GiB), so tests can run out of it.
	FakeMemory int64
}

// Open starts a backend on device 0: it loads the driver, makes the
// primary context current on the owning goroutine's thread and creates
// the stream. Without a driver it returns ErrNoDriver.
func Open(opts Options) (*Backend, error) {
	var drv driver
	var fake *fakeDriver
	if opts.Fake {
		fake = newFakeDriver(opts.FakeMemory)
		drv = fake
	} else {
		real, err := openReal()
		if err != nil {
			return nil, err
		}
		drv = real
	}
	own, err := startOwner(drv)
	if err != nil {
		drv.close()
		return nil, err
	}
	info := drv.info()
	dir := opts.CacheDir
	switch dir {
	case "":
		dir = defaultCacheDir()
	case "-":
		dir = ""
	}
	return &Backend{
		own:     own,
		info:    info,
		alloc:   newAllocator(own, info.TotalMem),
		mods:    newModules(dir, info),
		fake:    fake,
		sms:     int64(max(info.SMs, 1)),
		maxGrid: int64(max(info.SMs, 1)) * 32,
	}, nil
}

// FakeEnv is the environment variable that makes Enable use the fake
// driver: CELLSCRIPT_CUDA_DRIVER=fake runs "GPU" programs on the CPU
// reference kernels, to test the backend end to end without a GPU.
const FakeEnv = "CELLSCRIPT_CUDA_DRIVER"

var (
	enableOnce sync.Once
	enabled    *Backend
	enableErr  error
)

// Enable opens the process's GPU backend once and installs it in the
// engine for engine.GPU. Later calls return the first call's result.
// It returns ErrNoDriver when libcuda.so.1 is missing.
func Enable() error {
	enableOnce.Do(func() {
		opts := Options{}
		switch v := os.Getenv(FakeEnv); v {
		case "", "real":
		case "fake":
			opts.Fake = true
		default:
			enableErr = fmt.Errorf("cuda: %s=%q is invalid; use \"fake\" or leave it unset", FakeEnv, v)
			return
		}
		enabled, enableErr = Open(opts)
		if enableErr == nil {
			engine.UseBackend(enabled)
		}
	})
	return enableErr
}

// Enabled returns the backend that Enable installed, or nil.
func Enabled() *Backend {
	if Enable() != nil {
		return nil
	}
	return enabled
}

// Device returns engine.GPU.
func (b *Backend) Device() engine.Device { return engine.GPU }

// Describe returns the device's name, compute capability, memory and
// driver versions.
func (b *Backend) Describe() string {
	return fmt.Sprintf("%s (compute capability %d.%d, %d multiprocessors, %d MiB; %s)", b.info.Name, b.info.Major, b.info.Minor, b.info.SMs, b.info.TotalMem>>20, b.info.Driver)
}

// IsFake reports whether the backend runs on the fake driver.
func (b *Backend) IsFake() bool { return b.fake != nil }

// Synchronize waits for all work the backend started.
func (b *Backend) Synchronize() error {
	return b.own.do(func(d driver) error { return d.synchronize() })
}

// KernelLaunches returns how many kernels and cuBLAS products the
// backend has started.
func (b *Backend) KernelLaunches() int64 { return b.launches.Load() }

// MemoryInUse returns the bytes of device memory held by live buffers
// and by the allocator's cache of freed blocks.
func (b *Backend) MemoryInUse() (live, cached int64) { return b.alloc.stats() }

// Close frees the cache and stops the owning goroutine. Buffers still
// alive stay allocated until the driver unloads.
func (b *Backend) Close() error {
	var err error
	b.closeOnce.Do(func() {
		b.alloc.trim()
		err = b.own.close()
	})
	return err
}

// Alloc returns uninitialized device storage for n elements of d.
func (b *Backend) Alloc(d engine.DType, n int) (engine.Buffer, error) {
	buf, err := b.alloc.alloc(d, n)
	if err != nil {
		return nil, err
	}
	buf.owner = b
	return buf, nil
}

// buffer returns dst as one of b's buffers.
func (b *Backend) buffer(x engine.Buffer) (*buffer, error) {
	buf, ok := x.(*buffer)
	if !ok || buf.owner != b {
		return nil, fmt.Errorf("cuda: buffer %T does not belong to this backend", x)
	}
	return buf, nil
}

// Upload copies a host slice of the buffer's dtype and length into dst.
func (b *Backend) Upload(dst engine.Buffer, src any) error {
	buf, err := b.buffer(dst)
	if err != nil {
		return err
	}
	host := engine.HostBytes(src)
	if int64(len(host)) != buf.bytes() {
		return fmt.Errorf("cuda: Upload: %T of %d bytes into a buffer of %d bytes", src, len(host), buf.bytes())
	}
	if len(host) == 0 {
		return nil
	}
	return b.own.do(func(d driver) error {
		return d.memcpyHtoD(buf.ptr, unsafe.Pointer(&host[0]), int64(len(host)))
	})
}

// Download copies src into a host slice of its dtype and length,
// waiting for all earlier work.
func (b *Backend) Download(dst any, src engine.Buffer) error {
	buf, err := b.buffer(src)
	if err != nil {
		return err
	}
	host := engine.HostBytes(dst)
	if int64(len(host)) != buf.bytes() {
		return fmt.Errorf("cuda: Download: buffer of %d bytes into %T of %d bytes", buf.bytes(), dst, len(host))
	}
	if len(host) == 0 {
		return nil
	}
	return b.own.do(func(d driver) error {
		return d.memcpyDtoH(unsafe.Pointer(&host[0]), buf.ptr, int64(len(host)))
	})
}

// errUnsupported reports a dtype that a kernel family lacks.
func errUnsupported(op string, d engine.DType) error {
	return &engine.Error{Kind: "TypeError", Msg: fmt.Sprintf("%s does not support dtype %s on GPU", op, d)}
}

var errClosed = errors.New("cuda: the backend is closed")
