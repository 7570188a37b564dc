package cpu

import (
	"math/bits"
	"runtime"
	"sync"
	"time"
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
// A class that keeps coming back this way is churning: each step drops
// the array the step before it made. For such a class the pool keeps a
// second array in rotation and collects ahead, on a background
// goroutine, whenever it hands out the class's last idle array. That
// collection overlaps the caller's work, and by the next request it has
// returned the array the caller dropped, so the request waits for
// nothing.
//
// Smaller arrays, from PoolMinBytes up to poolGCBytes, come back the
// same way, but a collection is worth less to each of them. The pool
// keeps a debt instead: the bytes of such arrays it handed out since its
// last collection. A miss runs a collection once that debt would cost
// more in page faults, were the arrays fresh, than the collection costs,
// timed each time it runs. With
// a small heap a collection took 75-135 µs on the benchmark machine,
// about what faulting in 1-2 MiB of fresh pages costs. A training step
// that drops a few 1 MiB activations then collects about once per step
// and reuses the arrays while they are still in cache. A program with a
// large heap, where collections are slow, collects less often.
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
	// churn is set when a collection run for this class recovered an
	// array: the class is then served by collecting ahead.
	churn bool
}

// freshNanosPerByte is the cost of a fresh allocation per byte: 64 MiB
// of page faults and zeroing took about 5 ms on the benchmark machine.
const freshNanosPerByte = 5e6 / (64 << 20)

var pool struct {
	mu sync.Mutex
	// debt is the bytes handed out for requests below poolGCBytes since
	// the last collection the pool ran, and gcNanos the duration of that
	// collection.
	debt         int64
	gcNanos      float64
	idle         int64 // bytes in free lists
	hits, misses int64
	// collections counts the collections run on a request's own
	// goroutine, not ahead.
	collections int64
	classes     [64 * classesPerOctave]poolClass
	// live records the arrays handed out and not yet returned, by
	// address: an integer, which does not keep them alive.
	live map[uintptr]liveArray
	// ahead is closed when the background collection in flight, if
	// any, has finished; nil when none is in flight.
	ahead chan struct{}
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
	switch {
	case b != nil:
	case size >= poolGCBytes:
		b = popAfterCollection(class)
	default:
		b = popAfterDebt(class, size)
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
	if size < poolGCBytes {
		pool.debt += int64(size)
	}
	pool.mu.Unlock()
	if size >= poolGCBytes {
		collectAhead(class)
	}
	pool.mu.Lock()
	if pool.live == nil {
		pool.live = make(map[uintptr]liveArray)
	}
	pool.live[uintptr(unsafe.Pointer(&b[0]))] = liveArray{class: class, capacity: capacity, freed: freed}
	pool.mu.Unlock()
	runtime.SetFinalizer(&b[0], returnArray)
	return b
}

// liveArray is the pool's record of an array it handed out.
type liveArray struct {
	class, capacity int
	freed           func()
}

// returnArray puts the array that starts at p back in the pool, as its
// finalizer or Recycle32 found it unused.
func returnArray(p *byte) {
	pool.mu.Lock()
	a, ok := pool.live[uintptr(unsafe.Pointer(p))]
	delete(pool.live, uintptr(unsafe.Pointer(p)))
	pool.mu.Unlock()
	if !ok {
		return
	}
	if a.freed != nil {
		a.freed()
	}
	giveBack(a.class, unsafe.Slice(p, a.capacity))
}

// Recycle32 returns s, a slice from Alloc32 or Alloc32Notify, to the pool
// at once instead of when the garbage collector finds it unused, so that
// the next request of its size gets it while it is still in cache. The
// caller must hold the only reference to s and its array, and must not
// use them afterwards. Slices that did not come from the pool are left
// alone.
func Recycle32(s []float32) {
	if cap(s)*4 < PoolMinBytes {
		return
	}
	p := (*byte)(unsafe.Pointer(unsafe.SliceData(s)))
	pool.mu.Lock()
	_, ok := pool.live[uintptr(unsafe.Pointer(p))]
	pool.mu.Unlock()
	if !ok {
		return
	}
	runtime.SetFinalizer(p, nil)
	returnArray(p)
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

// popAfterCollection serves a large request that found its class's
// free list empty. It waits for a background collection in flight, and
// otherwise runs one itself when shouldCollect reports that one may pay off. A
// churning class that still finds nothing returns nil, so the caller
// allocates the class's second array.
func popAfterCollection(class int) []byte {
	pool.mu.Lock()
	ahead := pool.ahead
	pool.mu.Unlock()
	if ahead != nil {
		<-ahead
		if b := awaitReturn(class); b != nil {
			return b
		}
	}
	if !shouldCollect(class) {
		return nil
	}
	pool.mu.Lock()
	churn := pool.classes[class].churn
	pool.mu.Unlock()
	if churn && ahead == nil {
		return nil
	}
	return collectAndPop(class)
}

// popAfterDebt serves a request below poolGCBytes that found its class's
// free list empty. It runs a collection when arrays of the class are out
// and the bytes handed out since the last one, this request's included,
// would cost more to fault in than that collection took. Otherwise it
// returns nil, so the caller allocates.
func popAfterDebt(class, size int) []byte {
	if !shouldCollect(class) {
		return nil
	}
	pool.mu.Lock()
	due := float64(pool.debt+int64(size))*freshNanosPerByte >= pool.gcNanos
	if due {
		pool.debt = 0
	}
	pool.mu.Unlock()
	if !due {
		return nil
	}
	start := time.Now()
	b := collectAndPop(class)
	elapsed := float64(time.Since(start).Nanoseconds())
	pool.mu.Lock()
	pool.gcNanos = elapsed
	pool.mu.Unlock()
	return b
}

// collectAhead starts a background collection when the class's free
// list is empty, the class churns and another of its arrays is out, so
// that the array the caller drops by its next request is back by then.
func collectAhead(class int) {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	c := &pool.classes[class]
	if !c.churn || len(c.free) > 0 || c.out < 2 || pool.ahead != nil {
		return
	}
	done := make(chan struct{})
	pool.ahead = done
	go func() {
		runtime.GC()
		recovered := false
		for i := 0; i < 20 && !recovered; i++ {
			runtime.Gosched()
			pool.mu.Lock()
			recovered = len(c.free) > 0
			pool.mu.Unlock()
		}
		pool.mu.Lock()
		// A program that keeps its arrays makes ahead collections
		// useless: fall back to collecting on a miss, with backoff.
		c.churn = recovered
		pool.ahead = nil
		pool.mu.Unlock()
		close(done)
	}()
}

// collectAndPop runs a collection and pops an array of the class.
func collectAndPop(class int) []byte {
	pool.mu.Lock()
	pool.collections++
	pool.mu.Unlock()
	runtime.GC()
	return awaitReturn(class)
}

// awaitReturn waits briefly for the finalizers that a finished
// collection queued, which run on their own goroutine, and pops an
// array of the class. It records whether the collection paid off.
func awaitReturn(class int) []byte {
	for range 20 {
		runtime.Gosched()
		if b := pop(class); b != nil {
			pool.mu.Lock()
			c := &pool.classes[class]
			c.backoff = 0
			c.churn = true
			pool.mu.Unlock()
			return b
		}
	}
	pool.mu.Lock()
	c := &pool.classes[class]
	c.backoff = min(max(1, 2*c.backoff), 64)
	c.skip = c.backoff
	c.churn = false
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
