package engine

import (
	"errors"
	"math"
	"testing"
)

// TestSumFloat32SixteenMillion sums 2**24 copies of float32(0.1). A
// float32 accumulator stops growing at 2**21; float64 accumulation gives
// the exact sum 13421773 * 2**-27 * 2**24 = 1677721.625, which float32
// represents exactly.
func TestSumFloat32SixteenMillion(t *testing.T) {
	const n = 1 << 24
	data := make([]float32, n)
	for i := range data {
		data[i] = 0.1
	}
	x, err := FromFloat32(data)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Sum(x, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.F32()[0]; got != 1677721.625 {
		t.Errorf("sum = %v, want 1677721.625", got)
	}
	mean, err := Mean(x, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := mean.F32()[0]; got != float32(0.1) {
		t.Errorf("mean = %v, want float32(0.1)", got)
	}
	cols, err := Reshape(x, n/4, 4)
	if err != nil {
		t.Fatal(err)
	}
	colSum, err := Sum(cols, []int{0}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := colSum.F32()[3]; got != 1677721.625/4 {
		t.Errorf("column sum = %v, want %v", got, 1677721.625/4)
	}
}

func TestEmptyReductions(t *testing.T) {
	empty, _ := Zeros(Float32, 0)
	empty2, _ := Zeros(Float64, 0, 3)

	sum, err := Sum(empty, nil, false)
	if err != nil || sum.Float(0) != 0 {
		t.Errorf("Sum of (0,) = %v, %v; want 0", sum, err)
	}
	prod, err := Prod(empty, nil, false)
	if err != nil || prod.Float(0) != 1 {
		t.Errorf("Prod of (0,) = %v, %v; want 1", prod, err)
	}
	mean, err := Mean(empty, nil, false)
	if err != nil || !math.IsNaN(mean.Float(0)) {
		t.Errorf("Mean of (0,) = %v, %v; want NaN", mean, err)
	}
	cols, err := Sum(empty2, []int{0}, false)
	if err != nil || !sameShape(cols.Shape(), []int{3}) || cols.Float(2) != 0 {
		t.Errorf("Sum of (0, 3) over axis 0 = %v, %v; want three zeros", cols, err)
	}
	for _, f := range []func(*Tensor, []int, bool) (*Tensor, error){Max, Min} {
		_, err := f(empty, nil, false)
		var e *Error
		if !errors.As(err, &e) || e.Kind != "ValueError" {
			t.Errorf("Max/Min of (0,) error = %v, want ValueError", err)
		}
		_, err = f(empty2, []int{0}, false)
		if !errors.As(err, &e) || e.Kind != "ValueError" {
			t.Errorf("Max/Min of (0, 3) over axis 0 error = %v, want ValueError", err)
		}
		rows, err := f(empty2, []int{1}, false)
		if err != nil || !sameShape(rows.Shape(), []int{0}) {
			t.Errorf("Max/Min of (0, 3) over axis 1 = %v, %v; want shape (0,)", rows, err)
		}
	}
	_, err = ArgMax(empty, 0, false)
	if err == nil {
		t.Error("ArgMax of (0,) succeeded, want an error")
	}
}

func TestReductionsMatchNumPy(t *testing.T) {
	var ref map[string]refArray
	loadReference(t, "ops.json", &ref)
	x := ref["x"].tensor(t)
	rows := ref["sum_rows"].tensor(t)

	got, err := Sum(rows, []int{1}, false)
	if err != nil {
		t.Fatal(err)
	}
	// Pairwise sums of 400 values of size 1e3 agree with NumPy's to a
	// few ulps; both differ from the exact sum by rounding alone.
	checkClose(t, "Sum axis 1", got, ref["sum_rows_axis1"], 1e-13, 0)
	prod, _ := Prod(x, []int{0}, false)
	checkClose(t, "Prod axis 0", prod, ref["prod_rows_axis0"], 1e-15, 0)
	mean, _ := Mean(x, []int{0, 1}, false)
	checkClose(t, "Mean axes (0, 1)", mean, ref["mean_axes01"], 1e-15, 1e-17)
	mx, _ := Max(x, []int{-1}, false)
	checkClose(t, "Max axis -1", mx, ref["max_axis2"], 0, 0)
}

func TestIntReductionsExact(t *testing.T) {
	big := int64(1)<<53 + 1
	x, _ := FromInt64([]int64{big, 2, big + 2, -7}, 4)
	cases := []struct {
		name string
		f    func(*Tensor, []int, bool) (*Tensor, error)
		want int64
	}{
		{"Sum", Sum, 2*big + 2 + 2 - 7},
		{"Max", Max, big + 2},
		{"Min", Min, -7},
		{"Prod", Prod, big * 2 * (big + 2) * -7}, // wraps, as NumPy's int64 product does
	}
	for _, c := range cases {
		got, err := c.f(x, nil, false)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.DType() != Int64 || got.I64()[0] != c.want {
			t.Errorf("%s = %v (%s), want %d", c.name, got.Int(0), got.DType(), c.want)
		}
	}
}

func TestBoolReductions(t *testing.T) {
	b, _ := FromBool([]bool{true, false, true, true}, 2, 2)
	sum, _ := Sum(b, nil, false)
	if sum.DType() != Int64 || sum.I64()[0] != 3 {
		t.Errorf("Sum of bools = %v %s, want 3 int64", sum.Float(0), sum.DType())
	}
	anyRow, _ := Max(b, []int{1}, false)
	allRow, _ := Min(b, []int{1}, false)
	if got := anyRow.Bools(); got[0] != true || got[1] != true {
		t.Errorf("Max of bool rows = %v, want [true true]", got)
	}
	if got := allRow.Bools(); got[0] != false || got[1] != true {
		t.Errorf("Min of bool rows = %v, want [false true]", got)
	}
}

func TestMaxPropagatesNaN(t *testing.T) {
	x := f64(t, []float64{1, math.NaN(), 3})
	got, _ := Max(x, nil, false)
	if !math.IsNaN(got.Float(0)) {
		t.Errorf("Max with NaN = %v, want NaN", got.Float(0))
	}
}
