package cuda

import (
	"math/bits"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/cellscript/cellscript/engine"
)

// buffer is device storage for one tensor. Its memory returns to the
// allocator when the garbage collector finds the buffer unreachable.
type buffer struct {
	ptr   devPtr
	n     int
	dtype engine.DType
	owner *Backend
}

// Len returns the number of elements.
func (b *buffer) Len() int { return b.n }

// bytes returns the size of the elements in bytes.
func (b *buffer) bytes() int64 { return int64(b.n) * int64(b.dtype.Size()) }

var _ engine.Buffer = (*buffer)(nil)

// block is one device allocation.
type block struct {
	ptr  devPtr
	size int64
}

// allocator caches freed device blocks by size class, because
// cuMemFree synchronizes the device and cuMemAlloc is slow. All work is
// on one stream, so a block freed by a tensor that earlier launches
// still read can be reused at once: later launches run after them.
type allocator struct {
	own *owner

	mu sync.Mutex
	// free holds cached blocks by size class.
	free map[int64][]devPtr
	// cached and inUse count bytes in free and in live buffers.
	cached, inUse int64
	// maxCached is the largest total the cache keeps.
	maxCached int64
	// released receives blocks from buffer cleanups.
	released chan block
}

// reclaimWait bounds how long an allocation that found the device full
// waits for the garbage collector to return unreachable buffers.
const reclaimWait = 50 * time.Millisecond

func newAllocator(own *owner, totalMem uint64) *allocator {
	return &allocator{
		own:       own,
		free:      map[int64][]devPtr{},
		maxCached: int64(totalMem / 4),
		released:  make(chan block, 1024),
	}
}

// sizeClass rounds n bytes up: to a power of two up to 1 MiB, then to a
// multiple of 2 MiB, so that blocks of similar size are reused.
func sizeClass(n int64) int64 {
	const small, big = 1 << 20, 2 << 20
	if n <= 512 {
		return 512
	}
	if n <= small {
		return 1 << bits.Len64(uint64(n-1))
	}
	return (n + big - 1) / big * big
}

// alloc returns a buffer for n elements of dtype d. A full device makes
// it drop the cache, run the garbage collector and try again before it
// fails with a MemoryError.
func (a *allocator) alloc(d engine.DType, n int) (*buffer, error) {
	buf := &buffer{n: n, dtype: d}
	if n == 0 {
		return buf, nil
	}
	blk, err := a.scratch(buf.bytes())
	if err != nil {
		return nil, err
	}
	buf.ptr = blk.ptr
	runtime.AddCleanup(buf, a.release, blk)
	return buf, nil
}

// scratch returns a block of at least n bytes. For temporary memory the
// caller returns it with put as soon as the launches that use it are
// queued: later work on the stream runs after them.
func (a *allocator) scratch(n int64) (block, error) {
	size := sizeClass(n)
	ptr, err := a.take(size)
	if err == errOutOfMemory {
		a.reclaim(size)
		ptr, err = a.take(size)
	}
	if err == errOutOfMemory {
		a.mu.Lock()
		inUse := a.inUse
		a.mu.Unlock()
		return block{}, &engine.Error{Kind: "MemoryError", Msg: "the GPU is out of memory: allocating " + formatBytes(size) + " with " + formatBytes(inUse) + " held by live tensors"}
	}
	if err != nil {
		return block{}, err
	}
	return block{ptr, size}, nil
}

// take reuses a cached block of the class or allocates one.
func (a *allocator) take(size int64) (devPtr, error) {
	a.drain()
	a.mu.Lock()
	if list := a.free[size]; len(list) > 0 {
		ptr := list[len(list)-1]
		a.free[size] = list[:len(list)-1]
		a.cached -= size
		a.inUse += size
		a.mu.Unlock()
		return ptr, nil
	}
	a.mu.Unlock()
	var ptr devPtr
	err := a.own.do(func(d driver) error {
		var err error
		ptr, err = d.memAlloc(size)
		return err
	})
	if err != nil {
		return 0, err
	}
	a.mu.Lock()
	a.inUse += size
	a.mu.Unlock()
	return ptr, nil
}

// release runs as a cleanup on the garbage collector's goroutine; it
// only queues the block, or caches it directly when the queue is full.
func (a *allocator) release(b block) {
	select {
	case a.released <- b:
	default:
		a.put(b)
	}
}

// drain moves queued blocks into the cache.
func (a *allocator) drain() {
	for {
		select {
		case b := <-a.released:
			a.put(b)
		default:
			return
		}
	}
}

// put caches a freed block, or frees it when the cache is full.
func (a *allocator) put(b block) {
	a.mu.Lock()
	a.inUse -= b.size
	if a.cached+b.size <= a.maxCached {
		a.free[b.size] = append(a.free[b.size], b.ptr)
		a.cached += b.size
		a.mu.Unlock()
		return
	}
	a.mu.Unlock()
	_ = a.own.do(func(d driver) error { return d.memFree(b.ptr) })
}

// reclaim frees the cache and collects garbage, waiting up to
// reclaimWait for cleanups to return buffers.
func (a *allocator) reclaim(size int64) {
	a.trim()
	runtime.GC()
	deadline := time.Now().Add(reclaimWait)
	for time.Now().Before(deadline) {
		a.drain()
		a.mu.Lock()
		found := len(a.free[size]) > 0 || a.cached >= size
		a.mu.Unlock()
		if found {
			break
		}
		time.Sleep(time.Millisecond)
	}
	a.drain()
	a.mu.Lock()
	keep := a.free[size]
	a.mu.Unlock()
	if len(keep) == 0 {
		a.trim()
	}
}

// trim frees every cached block.
func (a *allocator) trim() {
	a.mu.Lock()
	var ptrs []devPtr
	for size, list := range a.free {
		ptrs = append(ptrs, list...)
		delete(a.free, size)
	}
	a.cached = 0
	a.mu.Unlock()
	if len(ptrs) == 0 {
		return
	}
	_ = a.own.do(func(d driver) error {
		for _, p := range ptrs {
			if err := d.memFree(p); err != nil {
				return err
			}
		}
		return nil
	})
}

// stats returns the bytes held by live buffers and by the cache.
func (a *allocator) stats() (inUse, cached int64) {
	a.drain()
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.inUse, a.cached
}

func formatBytes(n int64) string {
	const mib = 1 << 20
	if n >= mib {
		return strconv.FormatInt(n/mib, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
