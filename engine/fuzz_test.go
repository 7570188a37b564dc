package engine_test

import (
	"errors"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// The fuzz targets of this file check shape handling against a reference
// written here from NumPy's rules, independent of the engine's code.
// Run one with go test -fuzz=FuzzBroadcast ./engine; the corpus under
// testdata/fuzz replays in every plain go test run.

// fuzzShape decodes a shape of rank at most 4 with dimensions 0 to 4
// from b: the first byte gives the rank and each next byte a dimension.
func fuzzShape(b []byte) []int {
	if len(b) == 0 {
		return []int{}
	}
	rank := min(int(b[0])%5, len(b)-1)
	shape := make([]int, rank)
	for i := range shape {
		shape[i] = int(b[i+1]) % 5
	}
	return shape
}

// numel is the element count of shape.
func numel(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// arange returns 0, 1, 2, ... times scale in dtype d with the given
// shape. The values are small integers, exact in every dtype.
func arange(t *testing.T, d engine.DType, scale float64, shape []int) *engine.Tensor {
	t.Helper()
	values := make([]float64, numel(shape))
	for i := range values {
		values[i] = float64(i%50) * scale
	}
	x, err := engine.FromValues(d, values, append([]int{}, shape...)...)
	if err != nil {
		t.Fatalf("FromValues %v: %v", shape, err)
	}
	return x
}

// broadcastReference returns NumPy's broadcast shape of a and b.
func broadcastReference(a, b []int) ([]int, bool) {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 1; i <= n; i++ {
		da, db := 1, 1
		if i <= len(a) {
			da = a[len(a)-i]
		}
		if i <= len(b) {
			db = b[len(b)-i]
		}
		switch {
		case da == db, db == 1:
			out[n-i] = da
		case da == 1:
			out[n-i] = db
		default:
			return nil, false
		}
	}
	return out, true
}

// sourceIndex returns the flat index into an operand of shape src of
// the output element at multi-index idx, repeating size-1 axes.
func sourceIndex(src, idx []int) int {
	flat := 0
	offset := len(idx) - len(src)
	for axis, d := range src {
		i := idx[offset+axis]
		if d == 1 {
			i = 0
		}
		flat = flat*d + i
	}
	return flat
}

// unravel returns the multi-index of flat index k in shape.
func unravel(k int, shape []int) []int {
	idx := make([]int, len(shape))
	for axis := len(shape) - 1; axis >= 0; axis-- {
		idx[axis] = k % shape[axis]
		k /= shape[axis]
	}
	return idx
}

var fuzzDTypes = []engine.DType{engine.Float32, engine.Float64, engine.Int32, engine.Int64}

var fuzzBinaryOps = []struct {
	name string
	op   func(a, b *engine.Tensor) (*engine.Tensor, error)
	ref  func(a, b float64) float64
}{
	{"Add", engine.Add, func(a, b float64) float64 { return a + b }},
	{"Sub", engine.Sub, func(a, b float64) float64 { return a - b }},
	{"Mul", engine.Mul, func(a, b float64) float64 { return a * b }},
	{"Maximum", engine.Maximum, func(a, b float64) float64 { return max(a, b) }},
	{"Minimum", engine.Minimum, func(a, b float64) float64 { return min(a, b) }},
}

func FuzzBroadcast(f *testing.F) {
	f.Add([]byte{2, 3, 4}, []byte{1, 4}, uint8(0))
	f.Add([]byte{2, 3, 1}, []byte{2, 1, 4}, uint8(7))
	f.Add([]byte{3, 2, 1, 3}, []byte{2, 4, 1}, uint8(12))
	f.Add([]byte{0}, []byte{4, 1, 2, 0, 3}, uint8(3))
	f.Add([]byte{2, 3, 4}, []byte{1, 3}, uint8(1))
	f.Fuzz(func(t *testing.T, a, b []byte, choice uint8) {
		sa, sb := fuzzShape(a), fuzzShape(b)
		op := fuzzBinaryOps[int(choice)%len(fuzzBinaryOps)]
		d := fuzzDTypes[int(choice)/len(fuzzBinaryOps)%len(fuzzDTypes)]
		x, y := arange(t, d, 1, sa), arange(t, d, 3, sb)
		out, err := op.op(x, y)
		want, ok := broadcastReference(sa, sb)
		if !ok {
			checkEngineError(t, err, "ValueError")
			return
		}
		if err != nil {
			t.Fatalf("%s %v %v: %v, want shape %v", op.name, sa, sb, err, want)
		}
		if got := out.Shape(); !equalShapes(got, want) {
			t.Fatalf("%s %v %v: shape %v, want %v", op.name, sa, sb, got, want)
		}
		if out.DType() != d {
			t.Fatalf("%s of two %s tensors has dtype %s", op.name, d, out.DType())
		}
		for k := 0; k < out.Numel(); k++ {
			idx := unravel(k, want)
			ref := op.ref(x.Float(sourceIndex(sa, idx)), y.Float(sourceIndex(sb, idx)))
			if got := out.Float(k); got != ref {
				t.Fatalf("%s %v %v: element %v = %v, want %v", op.name, sa, sb, idx, got, ref)
			}
		}
	})
}

func FuzzReshape(f *testing.F) {
	f.Add([]byte{2, 3, 4}, []byte{4, 3}, uint8(0))
	f.Add([]byte{2, 3, 4}, []byte{0xff, 2}, uint8(1))
	f.Add([]byte{3, 2, 0, 3}, []byte{0xff, 0}, uint8(2))
	f.Add([]byte{1, 4}, []byte{0xff, 0xff}, uint8(3))
	f.Add([]byte{0}, []byte{1, 1, 1}, uint8(0))
	f.Add([]byte{2, 2, 2}, []byte{0xfe, 2}, uint8(1))
	f.Fuzz(func(t *testing.T, from, to []byte, choice uint8) {
		shape := fuzzShape(from)
		target := make([]int, min(len(to), 5))
		for i := range target {
			target[i] = int(int8(to[i]))
		}
		d := fuzzDTypes[int(choice)%len(fuzzDTypes)]
		x := arange(t, d, 1, shape)
		out, err := engine.Reshape(x, target...)
		want, valid := reshapeReference(x.Numel(), target)
		if err != nil {
			if valid {
				t.Fatalf("Reshape %v to %v: %v, want shape %v", shape, target, err, want)
			}
			checkEngineError(t, err, "ValueError")
			return
		}
		if out.Numel() != x.Numel() {
			t.Fatalf("Reshape %v to %v: %d elements, want %d", shape, target, out.Numel(), x.Numel())
		}
		if valid && !equalShapes(out.Shape(), want) {
			t.Fatalf("Reshape %v to %v: shape %v, want %v", shape, target, out.Shape(), want)
		}
		for i, dim := range target {
			if dim >= 0 && (len(out.Shape()) != len(target) || out.Shape()[i] != dim) {
				t.Fatalf("Reshape %v to %v: shape %v does not keep the explicit dimensions", shape, target, out.Shape())
			}
		}
		for k := 0; k < x.Numel(); k++ {
			if out.Float(k) != x.Float(k) {
				t.Fatalf("Reshape %v to %v: element %d = %v, want %v", shape, target, k, out.Float(k), x.Float(k))
			}
		}
	})
}

// reshapeReference returns the shape that reshaping n elements to
// target must give when target is valid in both NumPy and MindSpore:
// non-negative dimensions, or one -1 whose size the others determine.
// It returns false for a target that is invalid, or that NumPy 1.24
// accepts and MindSpore rejects (another negative dimension).
func reshapeReference(n int, target []int) ([]int, bool) {
	known, unknown := 1, -1
	for i, d := range target {
		switch {
		case d == -1 && unknown < 0:
			unknown = i
		case d < 0:
			return nil, false
		default:
			known *= d
		}
	}
	out := append([]int{}, target...)
	if unknown < 0 {
		return out, known == n
	}
	if known == 0 || n%known != 0 {
		return nil, false
	}
	out[unknown] = n / known
	return out, true
}

// checkEngineError fails unless err is an *engine.Error of kind, or a
// MemoryError, which any op may raise.
func checkEngineError(t *testing.T, err error, kind string) {
	t.Helper()
	var e *engine.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want an *engine.Error", err, err)
	}
	if e.Kind != kind && e.Kind != "MemoryError" {
		t.Fatalf("error kind %s (%v), want %s", e.Kind, err, kind)
	}
	if e.Msg == "" {
		t.Fatalf("error %v has no message", err)
	}
}

func equalShapes(a, b []int) bool {
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
