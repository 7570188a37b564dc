package tensor

import (
	"math"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// TestMSRepr checks repr(Tensor) against MindSpore's C++ tensor
// formatter: the expected strings follow its rules (scientific floats in
// 15 columns, aligned integers, 6-entry summaries, the missing comma
// before the fourth row) worked out by hand.
func TestMSRepr(t *testing.T) {
	f32 := func(v []float32, shape ...int) *engine.Tensor {
		x, err := engine.FromFloat32(v, shape...)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	i32 := func(v []int32, shape ...int) *engine.Tensor {
		x, err := engine.FromInt32(v, shape...)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	ramp := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(i)
		}
		return v
	}
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	cases := []struct {
		name string
		t    *engine.Tensor
		want string
	}{
		{"float scalar", engine.Scalar(engine.Float32, float64(float32(0.325))), "Tensor(shape=[], dtype=Float32, value= 0.325)"},
		{"float scalar of 6 digits", engine.Scalar(engine.Float32, float64(float32(1.0/3))), "Tensor(shape=[], dtype=Float32, value= 0.333333)"},
		{"small float scalar", engine.Scalar(engine.Float32, float64(float32(1e-5))), "Tensor(shape=[], dtype=Float32, value= 1e-05)"},
		{"integral float scalar", engine.Scalar(engine.Float32, 2), "Tensor(shape=[], dtype=Float32, value= 2)"},
		{"int vector", i32([]int32{1, -20}, 2), "Tensor(shape=[2], dtype=Int32, value= [  1, -20])"},
		{"float vector", f32([]float32{1.5, -2}, 2), "Tensor(shape=[2], dtype=Float32, value= [ 1.50000000e+00, -2.00000000e+00])"},
		{"nan and inf", f32([]float32{nan, inf, -inf}, 3), "Tensor(shape=[3], dtype=Float32, value= [            nan,             inf,            -inf])"},
		{"matrix", f32([]float32{4.5, 2.5, 1, 0}, 2, 2), "Tensor(shape=[2, 2], dtype=Float32, value=\n[[ 4.50000000e+00,  2.50000000e+00],\n [ 1.00000000e+00,  0.00000000e+00]])"},
		{"four rows", i32([]int32{1, 2, 3, 4}, 4, 1), "Tensor(shape=[4, 1], dtype=Int32, value=\n[[1],\n [2],\n [3]\n [4]])"},
		{"summarised rows", i32([]int32{0, 1, 2, 3, 4, 5, 6, 7}, 8, 1), "Tensor(shape=[8, 1], dtype=Int32, value=\n[[0],\n [1],\n [2],\n ...\n [5],\n [6],\n [7]])"},
		{"summarised columns", i32([]int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 2, 7), "Tensor(shape=[2, 7], dtype=Int32, value=\n[[ 0,  1,  2 ...  4,  5,  6],\n [ 7,  8,  9 ... 11, 12, 13]])"},
		{"long vector", f32(ramp(13), 13), "Tensor(shape=[13], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00,  3.00000000e+00,  4.00000000e+00,  5.00000000e+00,  6.00000000e+00,  7.00000000e+00,  8.00000000e+00,  9.00000000e+00,  1.00000000e+01,  1.10000000e+01, \n  1.20000000e+01])"},
		{"empty", f32(nil, 0), "Tensor(shape=[0], dtype=Float32, value= )"},
	}
	for _, c := range cases {
		if got := MSRepr(c.t); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestMSPrintString checks the ops.Print form, which has no commas.
func TestMSPrintString(t *testing.T) {
	x, err := engine.FromInt32([]int32{1, 1}, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "Tensor(shape=[2, 1], dtype=Int32, value=\n[[1]\n [1]])"
	if got := MSPrintString(x); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMSReprBoolAndHalf checks the bool and float16 element widths.
func TestMSReprBoolAndHalf(t *testing.T) {
	b, err := engine.FromBool([]bool{true, false}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := MSRepr(b), "Tensor(shape=[2], dtype=Bool, value= [ True, False])"; got != want {
		t.Errorf("bool: got %q, want %q", got, want)
	}
	h, err := engine.FromHalfBits([]uint16{0x3c00, 0xc000}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := MSRepr(h), "Tensor(shape=[2], dtype=Float16, value= [ 1.0000e+00, -2.0000e+00])"; got != want {
		t.Errorf("float16: got %q, want %q", got, want)
	}
}
