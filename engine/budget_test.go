package engine

import (
	"errors"
	"testing"
)

func TestCheckAllocationBounds(t *testing.T) {
	withMemoryLimit(t, 1<<20)
	before := LiveBytes()
	if err := CheckAllocation("op", 1000, 8); err != nil {
		t.Errorf("8000 bytes under a 1 MiB limit: %v", err)
	}
	for _, c := range []struct{ n, size int }{
		{MaxElements + 1, 1},
		{-1, 8},
		{1<<17 + 1, 8}, // 8 bytes past the limit with nothing live
		{1 << 20, 16},
	} {
		err := CheckAllocation("op", c.n, c.size)
		var e *Error
		if !errors.As(err, &e) || e.Kind != "MemoryError" || e.Op != "op" {
			t.Errorf("CheckAllocation(%d, %d) = %v, want a MemoryError of op", c.n, c.size, err)
		}
	}
	if after := LiveBytes(); after > before {
		t.Errorf("CheckAllocation reserved memory: live bytes went from %d to %d", before, after)
	}
}

func TestCheckAllocationWithoutLimit(t *testing.T) {
	withMemoryLimit(t, 0)
	if err := CheckAllocation("op", MaxElements, 8); err != nil {
		t.Errorf("MaxElements without a memory limit: %v", err)
	}
	if err := CheckAllocation("op", MaxElements+1, 1); err == nil {
		t.Error("MaxElements+1 passed")
	}
}

func TestCheckedProduct(t *testing.T) {
	cases := []struct{ a, b, want int }{
		{3, 4, 12}, {0, 1 << 62, 0}, {1 << 62, 0, 0},
		{1 << 20, 1 << 20, MaxElements + 1}, {1 << 40, 1 << 40, MaxElements + 1},
		{-1, 5, -1}, {5, -1, -1},
	}
	for _, c := range cases {
		if got := CheckedProduct(c.a, c.b); got != c.want {
			t.Errorf("CheckedProduct(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
