package engine

import (
	"errors"
	"testing"
)

func TestBroadcastShapesMatchNumPy(t *testing.T) {
	var cases []struct {
		A   []int `json:"a"`
		B   []int `json:"b"`
		Out []int `json:"out"`
	}
	loadReference(t, "broadcast.json", &cases)
	for _, c := range cases {
		got, ok := BroadcastShapes(c.A, c.B)
		switch {
		case c.Out == nil && ok:
			t.Errorf("BroadcastShapes(%v, %v) = %v, want no broadcast", c.A, c.B, got)
		case c.Out != nil && !ok:
			t.Errorf("BroadcastShapes(%v, %v) failed, want %v", c.A, c.B, c.Out)
		case c.Out != nil && !sameShape(got, c.Out):
			t.Errorf("BroadcastShapes(%v, %v) = %v, want %v", c.A, c.B, got, c.Out)
		}
	}
}

func TestAddBroadcastsSizeZero(t *testing.T) {
	cases := []struct {
		a, b, want []int
	}{
		{[]int{0}, []int{1}, []int{0}},
		{[]int{2, 0}, []int{2, 1}, []int{2, 0}},
		{[]int{0, 3}, []int{3}, []int{0, 3}},
		{[]int{1, 0}, []int{4, 1}, []int{4, 0}},
		{[]int{0}, []int{}, []int{0}},
	}
	for _, c := range cases {
		a, _ := Zeros(Float32, c.a...)
		b, _ := Zeros(Float32, c.b...)
		got, err := Add(a, b)
		if err != nil {
			t.Errorf("Add(%v, %v): %v", c.a, c.b, err)
			continue
		}
		if !sameShape(got.Shape(), c.want) || got.Numel() != 0 {
			t.Errorf("Add(%v, %v) has shape %v, want %v", c.a, c.b, got.Shape(), c.want)
		}
	}
	a, _ := Zeros(Float32, 0)
	b, _ := Zeros(Float32, 2)
	_, err := Add(a, b)
	var e *Error
	if !errors.As(err, &e) || e.Kind != "ValueError" {
		t.Errorf("Add((0,), (2,)) error = %v, want a ValueError", err)
	}
}

func TestBroadcastValues(t *testing.T) {
	a := f64(t, []float64{1, 2, 3}, 3, 1)
	b := f64(t, []float64{10, 20, 30, 40}, 1, 4)
	got, err := Sub(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-9, -19, -29, -39, -8, -18, -28, -38, -7, -17, -27, -37}
	for i, w := range want {
		if got.Float(i) != w {
			t.Fatalf("Sub((3,1), (1,4)) = %v, want %v", got.Floats(), want)
		}
	}
}

func TestPromoteMatchesNumPy(t *testing.T) {
	var cases [][3]string
	loadReference(t, "promote.json", &cases)
	if len(cases) != 36 {
		t.Fatalf("promote.json has %d pairs, want 36", len(cases))
	}
	for _, c := range cases {
		a, _ := ParseDType(c[0])
		b, _ := ParseDType(c[1])
		if got := Promote(a, b); got.String() != c[2] {
			t.Errorf("Promote(%s, %s) = %s, want %s (numpy.result_type)", a, b, got, c[2])
		}
	}
}

func TestPromoteMindSpore(t *testing.T) {
	cases := []struct{ a, b, want DType }{
		{Int32, Float32, Float32},
		{Int64, Float32, Float32},
		{Float32, Float64, Float64},
		{Bool, Int32, Int32},
		{Int32, Int64, Int64},
		{Bool, Bool, Bool},
		{Float64, Int64, Float64},
		{Float16, Float32, Float32},
		{Float16, Int32, Float16},
		{Float16, Int64, Float16},
		{Float16, Bool, Float16},
		{Float16, Float64, Float64},
	}
	for _, c := range cases {
		if got := PromoteMindSpore(c.a, c.b); got != c.want {
			t.Errorf("PromoteMindSpore(%s, %s) = %s, want %s", c.a, c.b, got, c.want)
		}
		if got := PromoteMindSpore(c.b, c.a); got != c.want {
			t.Errorf("PromoteMindSpore(%s, %s) = %s, want %s", c.b, c.a, got, c.want)
		}
	}
}
