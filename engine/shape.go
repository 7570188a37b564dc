package engine

import (
	"fmt"
	"math"
	"strings"
)

// MaxElements is the largest number of elements a single tensor may hold.
// A shape beyond it fails before any allocation.
var MaxElements = 1 << 34

// FormatShape renders a shape as Python prints a tuple: (3, 4), (5,), ().
func FormatShape(shape []int) string {
	if len(shape) == 1 {
		return fmt.Sprintf("(%d,)", shape[0])
	}
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = fmt.Sprint(d)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// numel returns the element count of shape, raising for negative
// dimensions and for counts beyond MaxElements.
func numel(op string, shape []int) int {
	n := 1
	for _, d := range shape {
		if d < 0 {
			valueErr(op, "negative dimension %d in shape %s", d, FormatShape(shape))
		}
		if d != 0 && n > math.MaxInt/d {
			raise("MemoryError", op, "shape %s has too many elements", FormatShape(shape))
		}
		n *= d
	}
	if n > MaxElements {
		raise("MemoryError", op, "shape %s has %d elements, more than the limit of %d", FormatShape(shape), n, MaxElements)
	}
	return n
}

// Numel returns the number of elements of a shape (1 for a 0-d shape).
func Numel(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// BroadcastShapes returns the NumPy broadcast of two shapes.
func BroadcastShapes(a, b []int) ([]int, bool) {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 0; i < n; i++ {
		da, db := 1, 1
		if j := len(a) - n + i; j >= 0 {
			da = a[j]
		}
		if j := len(b) - n + i; j >= 0 {
			db = b[j]
		}
		switch {
		case da == db:
			out[i] = da
		case da == 1:
			out[i] = db
		case db == 1:
			out[i] = da
		default:
			return nil, false
		}
	}
	return out, true
}

func broadcastOrRaise(op string, a, b []int) []int {
	out, ok := BroadcastShapes(a, b)
	if !ok {
		valueErr(op, "shapes %s and %s do not broadcast", FormatShape(a), FormatShape(b))
	}
	return out
}

// stridesOf returns row-major element strides for shape.
func stridesOf(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// broadcastIndex maps each flat index of out to the flat index of an
// operand of shape in (broadcast to out). The returned slice is nil when
// in equals out, meaning the identity map.
func broadcastIndex(in, out []int) []int {
	if sameShape(in, out) {
		return nil
	}
	n := Numel(out)
	idx := make([]int, n)
	// Strides of in aligned to out's rank, 0 on broadcast axes.
	st := make([]int, len(out))
	inSt := stridesOf(in)
	off := len(out) - len(in)
	for i := range in {
		if in[i] != 1 {
			st[off+i] = inSt[i]
		}
	}
	counter := make([]int, len(out))
	pos := 0
	for k := 0; k < n; k++ {
		idx[k] = pos
		for ax := len(out) - 1; ax >= 0; ax-- {
			counter[ax]++
			pos += st[ax]
			if counter[ax] < out[ax] {
				break
			}
			pos -= st[ax] * counter[ax]
			counter[ax] = 0
		}
	}
	return idx
}

// normAxis resolves a possibly negative axis against rank.
func normAxis(op string, axis, rank int) int {
	if axis < -rank || axis >= rank {
		raise("ValueError", op, "axis %d is out of range for a tensor of rank %d", axis, rank)
	}
	if axis < 0 {
		axis += rank
	}
	return axis
}
