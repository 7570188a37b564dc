package cpu

import (
	"math/bits"
	"runtime"
	"sync"
	"unsafe"
)

// The storage pool recycles large float slices. A slice handed out by
// Alloc32 or Alloc64 carries a finalizer. Once the garbage collector finds
// no reference to any part of its array, the finalizer puts the array
// back in the pool instead of letting it be freed. A recycled slice skips
// the page faults and zeroing of a fresh allocation, which for 64 MiB
// cost about 5 ms on the benchmark machine (see BENCHMARKS.md).
//
// Arrays come back only after a collection, and the Go pacer runs few
// when large tensors dominate the heap. So a large request that finds
// the pool empty while other arrays of its class are out runs a
// collection itself first: in a training loop, the previous step's
// arrays are dead by then. The collection costs about 1.5 ms on the
// benchmark machine, less than fresh memory of that size.
//
// Requests come in classes of four sizes per power of two, so a slice is
// at most 25% larger than asked for. Smaller requests than PoolMinBytes
// go straight to make, because the Go allocator serves them quickly and
// a finalizer costs about a microsecond.

// PoolMinBytes is the smallest request that Alloc32 and Alloc64 serve
// from the pool.
const PoolMinBytes = 256 << 10

const (
	// poolGCBytes is the request size from which a miss runs a
	// collection. A collection costs about 1.5 ms, as much as the page
	// faults of a fresh 16 MiB slice.
	poolGCBytes      = 16 << 20
	classesPerOctave = 4
)

// PoolLimit is the most bytes the pool keeps idle. Arrays returned past
// it are left to the garbage collector.
var PoolLimit int64 = 1 << 30

type poolClass struct {
	free [][]byte // idle arrays, most recently returned last
	// out counts arrays of this class handed out and not yet returned.
	out int
	// skip counts down the misses that run no collection, and backoff
	// doubles after each collection that recovers nothing, so that a
	// program that keeps every array pays for few useless collections.
	skip, backoff int
}

var pool struct {
	mu           sync.Mutex
	idle         int64 // bytes in free lists
	hits, misses int64
	classes      [64 * classesPerOctave]poolClass
}

// sizeClass returns the class of a request of size bytes and the class's
// capacity in bytes.
func sizeClass(size int) (class, capacity int) {
	octave := bits.Len(uint(size-1)) - 1 // size-1 in [2^octave, 2^(octave+1))
	step := 1 << (octave - 2)            // four steps per octave
	sub := (size - 1 - 1<<octave) / step
	return octave*classesPerOctave + sub, 1<<octave + (sub+1)*step
}

// Alloc32 returns a float32 slice of length n with unspecified contents.
// Large slices come from the pool; see the package's pool notes.
func Alloc32(n int) []float32 {
	if n*4 < PoolMinBytes {
		return make([]float32, n)
	}
	return Alloc32Notify(n, nil)
}

// Alloc64 is Alloc32 for float64.
func Alloc64(n int) []float64 {
	if n*8 < PoolMinBytes {
		return make([]float64, n)
	}
	return Alloc64Notify(n, nil)
}

// Alloc32Notify returns a pooled float32 slice of length n with
// unspecified contents, n·4 >= PoolMinBytes. When the garbage collector
// finds the slice unreachable, freed (unless nil) runs on the finalizer
// goroutine before the array goes back to the pool. The engine's memory
// limit uses it to stop counting the storage.
func Alloc32Notify(n int, freed func()) []float32 {
	b := allocBytes(n*4, freed)
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// Alloc64Notify is Alloc32Notify for float64.
func Alloc64Notify(n int, freed func()) []float64 {
	b := allocBytes(n*8, freed)
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// allocBytes returns a pooled array of at least size bytes, 8-byte
// aligned, with a finalizer that calls freed and returns the array to
// the pool.
func allocBytes(size int, freed func()) []byte {
	class, capacity := sizeClass(size)
	b := pop(class)
	if b == nil && size >= poolGCBytes && shouldCollect(class) {
		b = collectAndPop(class)
	}
	hit := b != nil
	if !hit {
		// make([]uint64) gives the alignment float64 needs.
		words := make([]uint64, capacity/8)
		b = unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), capacity)
	}
	pool.mu.Lock()
	if hit {
		pool.hits++
	} else {
		pool.misses++
	}
	pool.classes[class].out++
	pool.mu.Unlock()
	runtime.SetFinalizer(&b[0], func(p *byte) {
		if freed != nil {
			freed()
		}
		giveBack(class, unsafe.Slice(p, capacity))
	})
	return b
}

func pop(class int) []byte {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	c := &pool.classes[class]
	n := len(c.free)
	if n == 0 {
		return nil
	}
	b := c.free[n-1]
	c.free[n-1] = nil
	c.free = c.free[:n-1]
	pool.idle -= int64(len(b))
	return b
}

// shouldCollect reports whether a miss of the class should run a
// collection: arrays of it are out, and recent collections found some.
func shouldCollect(class int) bool {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	c := &pool.classes[class]
	if c.out == 0 {
		return false
	}
	if c.skip > 0 {
		c.skip--
		return false
	}
	return true
}

// collectAndPop runs a collection, waits for the finalizers it queues,
// which run on their own goroutine, and pops an array of the class.
func collectAndPop(class int) []byte {
	runtime.GC()
	for range 20 {
		runtime.Gosched()
		if b := pop(class); b != nil {
			pool.mu.Lock()
			pool.classes[class].backoff = 0
			pool.mu.Unlock()
			return b
		}
	}
	pool.mu.Lock()
	c := &pool.classes[class]
	c.backoff = min(max(1, 2*c.backoff), 64)
	c.skip = c.backoff
	pool.mu.Unlock()
	return nil
}

// giveBack is the finalizer of pooled arrays.
func giveBack(class int, b []byte) {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	c := &pool.classes[class]
	c.out--
	if pool.idle+int64(len(b)) > PoolLimit {
		return
	}
	c.free = append(c.free, b)
	pool.idle += int64(len(b))
}

// PoolStats returns how many requests the pool served with a recycled
// array (hits) and with a fresh one (misses).
func PoolStats() (hits, misses int64) {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return pool.hits, pool.misses
}

// PoolIdleBytes returns the bytes of idle arrays the pool holds.
func PoolIdleBytes() int64 {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return pool.idle
}
