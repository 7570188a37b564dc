package cpu

import (
	"runtime"
	"testing"
	"time"
	"unsafe"
)

func TestSizeClassBounds(t *testing.T) {
	for _, size := range []int{PoolMinBytes, PoolMinBytes + 1, 1 << 20, 3<<20 + 7, 64 << 20} {
		class, capacity := sizeClass(size)
		if capacity < size || capacity > size+size/4+8 {
			t.Errorf("size %d: capacity %d, want in [size, 1.25·size]", size, capacity)
		}
		if c2, cap2 := sizeClass(capacity); c2 != class || cap2 != capacity {
			t.Errorf("size %d: its capacity %d falls in class %d (capacity %d), want class %d", size, capacity, c2, cap2, class)
		}
	}
}

// TestPoolRecyclesUnreachableArrays drops a pooled slice, collects, and
// expects the next request of its class to get the same array back.
func TestPoolRecyclesUnreachableArrays(t *testing.T) {
	n := 3 << 18 // 3 MiB of float32
	first := Alloc32(n)
	if len(first) != n {
		t.Fatalf("len = %d, want %d", len(first), n)
	}
	addr := uintptr(unsafe.Pointer(&first[0]))
	if addr%64 != 0 {
		t.Errorf("pooled array at %#x is not 64-byte aligned", addr)
	}
	first = nil
	var again []float32
	for try := 0; try < 50 && again == nil; try++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
		if PoolIdleBytes() > 0 {
			again = Alloc32(n)
		}
	}
	if again == nil {
		t.Fatal("the dropped array never came back to the pool")
	}
	if got := uintptr(unsafe.Pointer(&again[0])); got != addr {
		t.Errorf("reused array at %#x, want the dropped one at %#x", got, addr)
	}
}

func TestAllocSmallBypassesPool(t *testing.T) {
	s := Alloc64(10)
	if len(s) != 10 || s[3] != 0 {
		t.Errorf("Alloc64(10) = %v, want 10 zeros", s)
	}
}

// TestPoolChurnRotatesTwoArrays allocates a large array per step and drops
// the previous one, as a training loop does, and expects the pool to serve
// the loop from two arrays after the first steps.
func TestPoolChurnRotatesTwoArrays(t *testing.T) {
	n := 8 << 20 // 32 MiB of float32
	hits0, misses0 := PoolStats()
	collections0 := poolCollections()
	var step []float32
	for i := range 16 {
		step = Alloc32(n)
		step[0] = float32(i)
	}
	hits, misses := PoolStats()
	if fresh := misses - misses0; fresh > 3 {
		t.Errorf("16 steps made %d fresh arrays, want at most 3", fresh)
	}
	if waited := poolCollections() - collections0; waited > 2 {
		t.Errorf("16 steps ran %d collections on the request path, want at most 2", waited)
	}
	if reused := hits - hits0; reused < 12 {
		t.Errorf("16 steps reused %d arrays, want at least 12", reused)
	}
}

// TestPoolKeptArraysStayDistinct keeps every array it allocates: the pool
// must never hand out an array that is still reachable.
func TestPoolKeptArraysStayDistinct(t *testing.T) {
	n := 4 << 20 // 16 MiB of float32
	var kept [][]float32
	seen := map[uintptr]bool{}
	for i := range 8 {
		s := Alloc32(n)
		addr := uintptr(unsafe.Pointer(&s[0]))
		if seen[addr] {
			t.Fatalf("step %d got a live array again at %#x", i, addr)
		}
		seen[addr] = true
		kept = append(kept, s)
	}
	runtime.KeepAlive(kept)
}

func poolCollections() int64 {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return pool.collections
}

// TestRecycle32 returns an array at once: the next request of its size
// gets the same array without a collection, and the finalizer, cleared
// by Recycle32, never returns it a second time.
func TestRecycle32(t *testing.T) {
	n := 1 << 18 // 1 MiB of float32
	a := Alloc32(n)
	addr := uintptr(unsafe.Pointer(&a[0]))
	Recycle32(a)
	Recycle32(a) // a second call finds nothing to return
	b := Alloc32(n)
	if got := uintptr(unsafe.Pointer(&b[0])); got != addr {
		t.Fatalf("after Recycle32 the next request got %#x, want the recycled array at %#x", got, addr)
	}
	a = nil
	for range 3 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	c := Alloc32(n)
	if got := uintptr(unsafe.Pointer(&c[0])); got == addr {
		t.Fatalf("an array in use at %#x was handed out again", got)
	}
	runtime.KeepAlive(b)
	Recycle32(make([]float32, n)) // not from the pool: left alone
}

// TestPoolServesMidSizeChurn runs a loop that makes six 1 MiB arrays per
// step and drops them, as a small training step does with its
// activations. Left to the collector's own pace, about 40% of the
// requests got fresh arrays on the benchmark machine. The pool's own
// collections must keep that under 10%.
func TestPoolServesMidSizeChurn(t *testing.T) {
	n := 1 << 18
	hits0, misses0 := PoolStats()
	for range 1000 {
		var step [6][]float32
		for i := range step {
			step[i] = Alloc32(n)
			step[i][0] = 1
		}
	}
	hits, misses := PoolStats()
	if h, m := hits-hits0, misses-misses0; m*10 > h+m {
		t.Errorf("6000 requests took %d fresh arrays and %d recycled ones, want at least 90%% recycled", m, h)
	}
}
