package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Live tensor memory accounting. While a limit is set, every storage
// slice that alloc makes is added to liveBytes, and a cleanup attached to
// the slice subtracts it once the garbage collector reclaims the slice.
// Tensors share storage (Detach, Reshape), so the count follows storage,
// not tensors. Without a limit nothing is counted, because attaching a
// cleanup costs several hundred nanoseconds, more than a small op.

var (
	liveBytes   atomic.Int64
	memoryLimit atomic.Int64 // bytes; 0 means no limit

	// reclaimMu lets one goroutine at a time force a collection when an
	// allocation would pass the limit.
	reclaimMu sync.Mutex
)

// minTrackedBytes is the smallest storage that is counted. Go's tiny
// allocator may batch pointer-free objects under 16 bytes into one slot,
// and the cleanup of such an object may never run.
const minTrackedBytes = 16

// reclaimWait bounds how long an allocation over the limit waits for the
// cleanups of a forced collection before it fails.
const reclaimWait = 20 * time.Millisecond

// SetMemoryLimit sets the process-wide limit on live tensor storage, in
// bytes, and returns the previous limit. Zero or a negative value removes
// the limit. An allocation that would take LiveBytes past the limit first
// runs the garbage collector, and fails with a MemoryError *Error when
// the storage still in use leaves no room. The limit covers every
// goroutine and every runtime in the process.
func SetMemoryLimit(bytes int64) (previous int64) {
	return memoryLimit.Swap(max(bytes, 0))
}

// MemoryLimit returns the limit that SetMemoryLimit set, or 0 for none.
func MemoryLimit() int64 { return memoryLimit.Load() }

// LiveBytes returns the bytes of tensor storage that the engine allocated
// while a limit was set and that the garbage collector has not reclaimed
// yet. Storage wrapping a caller's slice (FromFloat32 and friends) is not
// counted, nor storage under 16 bytes.
func LiveBytes() int64 { return liveBytes.Load() }

// reserve counts n elements of dtype d before alloc makes them and
// returns the bytes counted. It raises MemoryError when they do not fit
// under the limit.
func reserve(op string, d DType, n int) int64 {
	size := int64(n) * int64(d.Size())
	if size < minTrackedBytes {
		return 0
	}
	limit := memoryLimit.Load()
	if limit <= 0 {
		return 0
	}
	if size <= limit {
		if tryReserve(size, limit) {
			return size
		}
		reclaim(size, limit)
		if tryReserve(size, limit) {
			return size
		}
	}
	raise("MemoryError", op, "allocating %d elements of %s (%d bytes) would bring live tensor memory to %d bytes, past the limit of %d bytes", n, d, size, liveBytes.Load()+size, limit)
	return 0
}

// tryReserve adds size to liveBytes unless the sum would pass limit.
func tryReserve(size, limit int64) bool {
	for {
		live := liveBytes.Load()
		if live+size > limit {
			return false
		}
		if liveBytes.CompareAndSwap(live, live+size) {
			return true
		}
	}
}

// reclaim forces a garbage collection and waits up to reclaimWait for the
// cleanups of unreachable storage to bring the count down to make room
// for size bytes.
func reclaim(size, limit int64) {
	reclaimMu.Lock()
	defer reclaimMu.Unlock()
	if liveBytes.Load()+size <= limit {
		return
	}
	runtime.GC()
	deadline := time.Now().Add(reclaimWait)
	for liveBytes.Load()+size > limit && time.Now().Before(deadline) {
		time.Sleep(200 * time.Microsecond)
	}
}

// track attaches the cleanup that uncounts size bytes to fresh storage
// and returns the storage.
func track(data any, size int64) any {
	if size == 0 {
		return data
	}
	switch s := data.(type) {
	case []float32:
		runtime.AddCleanup(&s[0], release, size)
	case []float64:
		runtime.AddCleanup(&s[0], release, size)
	case []int32:
		runtime.AddCleanup(&s[0], release, size)
	case []int64:
		runtime.AddCleanup(&s[0], release, size)
	case []bool:
		runtime.AddCleanup(&s[0], release, size)
	}
	return data
}

func release(size int64) { liveBytes.Add(-size) }
