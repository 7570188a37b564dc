package engine

import (
	"errors"
	"runtime"
	"testing"
	"time"
)

// withMemoryLimit sets the limit for one test and restores the previous
// one. Tests that use it must not run in parallel with others.
func withMemoryLimit(t *testing.T, bytes int64) {
	t.Helper()
	prev := SetMemoryLimit(bytes)
	t.Cleanup(func() { SetMemoryLimit(prev) })
}

// waitLive collects garbage until LiveBytes is at most want or a second
// has passed, and returns the last count.
func waitLive(want int64) int64 {
	deadline := time.Now().Add(time.Second)
	for LiveBytes() > want && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return LiveBytes()
}

func TestMemoryLimitRejectsLargeTensor(t *testing.T) {
	withMemoryLimit(t, 1<<20)
	_, err := Zeros(Float64, 1024, 1024) // 8 MiB
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Zeros past the limit: got %v, want *Error", err)
	}
	if e.Kind != "MemoryError" {
		t.Errorf("Kind = %q, want MemoryError", e.Kind)
	}
	if e.Op != "Zeros" {
		t.Errorf("Op = %q, want Zeros", e.Op)
	}
}

func TestMemoryLimitCountsHeldTensors(t *testing.T) {
	base := waitLive(0)
	withMemoryLimit(t, base+1<<20)
	var held []*Tensor
	var err error
	for range 8 {
		var x *Tensor
		x, err = Zeros(Float32, 64, 1024) // 256 KiB each
		if err != nil {
			break
		}
		held = append(held, x)
	}
	if err == nil {
		t.Fatalf("held %d tensors of 256 KiB under a 1 MiB limit without an error", len(held))
	}
	if len(held) != 4 {
		t.Errorf("held %d tensors before the error, want 4", len(held))
	}
	runtime.KeepAlive(held)
}

func TestMemoryLimitReclaimsDroppedTensors(t *testing.T) {
	base := waitLive(0)
	withMemoryLimit(t, base+1<<20)
	// 64 allocations of 256 KiB each pass 16 MiB in total, so the loop
	// only succeeds if dropped storage is reclaimed.
	for i := range 64 {
		if _, err := Zeros(Float32, 64, 1024); err != nil {
			t.Fatalf("allocation %d: %v", i, err)
		}
	}
}

func TestLiveBytesFollowsStorage(t *testing.T) {
	base := waitLive(0)
	withMemoryLimit(t, 1<<40)
	x, err := Zeros(Float64, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got := LiveBytes() - base; got != 8000 {
		t.Errorf("live bytes after one 1000-element float64 tensor = %d, want 8000", got)
	}
	y := x.Detach() // shares storage: no new bytes
	if got := LiveBytes() - base; got != 8000 {
		t.Errorf("live bytes after Detach = %d, want 8000", got)
	}
	runtime.KeepAlive(y)
	x, y = nil, nil
	if got := waitLive(base); got != base {
		t.Errorf("live bytes after the tensor was dropped = %d, want %d", got, base)
	}
}

func TestMemoryLimitOffCountsNothing(t *testing.T) {
	withMemoryLimit(t, 0)
	before := LiveBytes()
	x, err := Zeros(Float64, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got := LiveBytes(); got != before {
		t.Errorf("live bytes without a limit changed from %d to %d", before, got)
	}
	runtime.KeepAlive(x)
}

func TestMemoryLimitInvalidDTypeReleases(t *testing.T) {
	base := waitLive(0)
	withMemoryLimit(t, 1<<40)
	if _, err := Zeros(DType(99), 1000); err == nil {
		t.Fatal("Zeros with dtype 99 returned no error")
	}
	if got := LiveBytes(); got != base {
		t.Errorf("live bytes after a rejected dtype = %d, want %d", got, base)
	}
}
