package cpu

import (
	"math/bits"
	"runtime"
	"sync"
	"unsafe"
)

// The storage pool recycles large float slices. A slice handed out by
// Alloc32 or Alloc64 carries a finalizer; once the garbage collector finds
// no reference to any part of its array, the finalizer puts the array
// back in the pool instead of letting it be freed. A recycled slice skips
// the page faults and zeroing of a fresh allocation, which for 64 MiB
// cost about 5 ms on the benchmark machine (see BENCHMARKS.md).
//
// Requests come in classes of four sizes per power of two, so a slice is
// at most 25% larger than asked for. Smaller requests than PoolMinBytes
// go straight to make, because the Go allocator serves them quickly and
// a finalizer costs about a microsecond.

// PoolMinBytes is the smallest request that Alloc32 and Alloc64 serve
// from the pool.
const PoolMinBytes = 256 << 10

const (
	// poolGCBytes is the request size from which a miss forces a garbage
	// collection when recycled slices are likely waiting to be found:
	// collecting a small heap takes well under a millisecond, and a fresh
	// 16 MiB slice costs more than that.
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
	// skip is how many more misses pass before the next forced
	// collection; it doubles after a collection that recovers nothing.
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
	b := allocBytes(n * 4)
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// Alloc64 is Alloc32 for float64.
func Alloc64(n int) []float64 {
	if n*8 < PoolMinBytes {
		return make([]float64, n)
	}
	b := allocBytes(n * 8)
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// allocBytes returns a pooled array of at least size bytes, 8-byte
// aligned, with a finalizer that returns it to the pool.
func allocBytes(size int) []byte {
	class, capacity := sizeClass(size)
	b := take(class, size)
	pool.mu.Lock()
	if b == nil {
		pool.misses++
	} else {
		pool.hits++
	}
	pool.mu.Unlock()
	if b == nil {
		// make([]uint64) gives the alignment float64 needs.
		words := make([]uint64, capacity/8)
		b = unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), capacity)
	}
	pool.mu.Lock()
	pool.classes[class].out++
	pool.mu.Unlock()
	runtime.SetFinalizer(&b[0], func(p *byte) { giveBack(class, unsafe.Slice(p, capacity)) })
	return b
}

// take pops an idle array of the class. On a miss for a large request
// while arrays of the class are out, it runs a collection, so that
// arrays nobody references come back, and tries again.
func take(class, size int) []byte {
	if b := pop(class); b != nil {
		return b
	}
	if size < poolGCBytes || !shouldCollect(class) {
		return nil
	}
	runtime.GC()
	// The finalizers run on their own goroutine after the collection.
	for range 20 {
		runtime.Gosched()
		if b := pop(class); b != nil {
			collected(class, true)
			return b
		}
	}
	collected(class, false)
	return nil
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

// collected adjusts the backoff of forced collections for the class.
func collected(class int, found bool) {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	c := &pool.classes[class]
	if found {
		c.backoff = 0
		return
	}
	c.backoff = min(max(1, 2*c.backoff), 64)
	c.skip = c.backoff
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
