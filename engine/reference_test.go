package engine

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// refArray is an array recorded by testdata/gen_reference.py: integers
// as JSON numbers and floats as float.hex() strings.
type refArray struct {
	Shape  []int             `json:"shape"`
	DType  string            `json:"dtype"`
	Values []json.RawMessage `json:"values"`
}

func loadReference(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read reference data: %v", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
}

func (a refArray) floats(t *testing.T) []float64 {
	t.Helper()
	out := make([]float64, len(a.Values))
	for i, raw := range a.Values {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			n, err := strconv.ParseInt(string(raw), 10, 64)
			if err != nil {
				t.Fatalf("value %s is neither a hex float nor an integer", raw)
			}
			out[i] = float64(n)
			continue
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("parse %q: %v", s, err)
		}
		out[i] = f
	}
	return out
}

func (a refArray) ints(t *testing.T) []int64 {
	t.Helper()
	out := make([]int64, len(a.Values))
	for i, raw := range a.Values {
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			t.Fatalf("value %s is not an integer", raw)
		}
		out[i] = n
	}
	return out
}

// tensor converts the array to an engine tensor of the recorded dtype.
func (a refArray) tensor(t *testing.T) *Tensor {
	t.Helper()
	d, ok := ParseDType(a.DType)
	if !ok {
		t.Fatalf("unknown dtype %q", a.DType)
	}
	shape := append([]int{}, a.Shape...)
	var x *Tensor
	var err error
	switch d {
	case Int64:
		x, err = FromInt64(a.ints(t), shape...)
	case Int32:
		v := a.ints(t)
		s := make([]int32, len(v))
		for i, n := range v {
			s[i] = int32(n)
		}
		x, err = FromInt32(s, shape...)
	default:
		x, err = FromValues(d, a.floats(t), shape...)
	}
	if err != nil {
		t.Fatalf("build reference tensor: %v", err)
	}
	return x
}

// sameFloat reports whether got and want are equal, treating NaNs as
// equal and telling -0 from +0.
func sameFloat(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return got == want && math.Signbit(got) == math.Signbit(want)
}

// closeFloat reports whether got is within rtol of want (relative to
// the larger magnitude) or within atol, with NaN equal to NaN.
func closeFloat(got, want, rtol, atol float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) {
		return sameFloat(got, want)
	}
	return math.Abs(got-want) <= atol+rtol*max(math.Abs(got), math.Abs(want))
}

// checkClose compares a tensor with a reference array elementwise.
func checkClose(t *testing.T, what string, got *Tensor, want refArray, rtol, atol float64) {
	t.Helper()
	if !sameShape(got.Shape(), want.Shape) {
		t.Fatalf("%s: shape %s, want %s", what, FormatShape(got.Shape()), FormatShape(want.Shape))
	}
	w := want.floats(t)
	bad := 0
	for i, v := range w {
		if g := got.Float(i); !closeFloat(g, v, rtol, atol) {
			if bad < 5 {
				t.Errorf("%s: element %d = %.17g, want %.17g", what, i, g, v)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d elements differ in all", what, bad)
	}
}
