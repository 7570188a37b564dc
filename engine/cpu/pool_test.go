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
