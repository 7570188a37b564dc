package engine

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestFloorDivModMatchNumPy(t *testing.T) {
	var ref map[string]map[string]refArray
	loadReference(t, "divmod.json", &ref)
	for _, dt := range []string{"float64", "float32", "int64", "int32"} {
		r := ref[dt]
		a, b := r["a"].tensor(t), r["b"].tensor(t)
		q, err := FloorDiv(a, b)
		if err != nil {
			t.Fatalf("FloorDiv %s: %v", dt, err)
		}
		m, err := Mod(a, b)
		if err != nil {
			t.Fatalf("Mod %s: %v", dt, err)
		}
		if q.DType().String() != dt || m.DType().String() != dt {
			t.Errorf("%s results have dtypes %s and %s", dt, q.DType(), m.DType())
		}
		checkExact(t, "FloorDiv "+dt, q, r["floordiv"])
		checkExact(t, "Mod "+dt, m, r["mod"])
	}
}

// checkExact compares bit for bit, telling -0 from +0.
func checkExact(t *testing.T, what string, got *Tensor, want refArray) {
	t.Helper()
	if got.DType().IsInt() {
		w := want.ints(t)
		for i, v := range w {
			if got.Int(i) != v {
				t.Errorf("%s: element %d = %d, want %d", what, i, got.Int(i), v)
			}
		}
		return
	}
	for i, v := range want.floats(t) {
		if g := got.Float(i); !sameFloat(g, v) {
			t.Errorf("%s: element %d = %v, want %v", what, i, g, v)
		}
	}
}

func TestIntDivisionByZero(t *testing.T) {
	a, _ := FromInt64([]int64{1, 2}, 2)
	b, _ := FromInt64([]int64{1, 0}, 2)
	for name, f := range map[string]func(a, b *Tensor) (*Tensor, error){"FloorDiv": FloorDiv, "Mod": Mod, "Div": Div} {
		_, err := f(a, b)
		var e *Error
		if !errors.As(err, &e) || e.Kind != "ZeroDivisionError" || e.Op != name {
			t.Errorf("%s by zero: error %v, want ZeroDivisionError from %s", name, err, name)
		}
	}
}

func TestPowIntExact(t *testing.T) {
	var ref map[string]map[string]refArray
	loadReference(t, "pow_int.json", &ref)
	for _, dt := range []string{"int64", "int32"} {
		r := ref[dt]
		got, err := Pow(r["a"].tensor(t), r["b"].tensor(t))
		if err != nil {
			t.Fatalf("Pow %s: %v", dt, err)
		}
		checkExact(t, "Pow "+dt, got, r["pow"])
	}
	a, _ := FromInt32([]int32{2}, 1)
	b, _ := FromInt32([]int32{-1}, 1)
	_, err := Pow(a, b)
	var e *Error
	if !errors.As(err, &e) || e.Kind != "ValueError" {
		t.Errorf("Pow(2, -1) on int32: error %v, want ValueError", err)
	}
}

func TestConv2DMatchesDirectConvolution(t *testing.T) {
	var cases []struct {
		X, W, Out refArray
		Stride    [2]int
		Pad       [4]int
		Dilation  [2]int
		Groups    int
	}
	loadReference(t, "conv.json", &cases)
	for i, c := range cases {
		x, w := c.X.tensor(t), c.W.tensor(t)
		got, err := Conv2D(x, w, c.Stride, c.Pad, c.Dilation, c.Groups)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkClose(t, "Conv2D float64", got, c.Out, 1e-12, 1e-12)
		x32, _ := Cast(x, Float32)
		w32, _ := Cast(w, Float32)
		got32, err := Conv2D(x32, w32, c.Stride, c.Pad, c.Dilation, c.Groups)
		if err != nil {
			t.Fatalf("case %d float32: %v", i, err)
		}
		checkClose(t, "Conv2D float32", got32, c.Out, 1e-5, 1e-5)
	}
}

func TestMaxPool2DMatchesNumPy(t *testing.T) {
	var cases []struct {
		X, Out              refArray
		Kernel, Stride, Pad [2]int
	}
	loadReference(t, "pool.json", &cases)
	for i, c := range cases {
		got, err := MaxPool2D(c.X.tensor(t), c.Kernel, c.Stride, c.Pad)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		checkClose(t, "MaxPool2D", got, c.Out, 0, 0)
	}
}

func TestLossOpsMatchNumPy(t *testing.T) {
	var ref map[string]refArray
	loadReference(t, "ops.json", &ref)
	x := ref["x"].tensor(t)
	run := func(name string, f func() (*Tensor, error), rtol float64) {
		t.Helper()
		got, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkClose(t, name, got, ref[name], rtol, 1e-15)
	}
	run("norm2_all", func() (*Tensor, error) { return Norm(x, nil, 2) }, 1e-14)
	run("norm2_axis1", func() (*Tensor, error) { return Norm(x, []int{1}, 2) }, 1e-14)
	run("norm1_axes02", func() (*Tensor, error) { return Norm(x, []int{0, 2}, 1) }, 1e-14)
	run("logsumexp_axis1", func() (*Tensor, error) { return LogSumExp(x, 1, false) }, 1e-14)
	run("logsumexp_big_axis0", func() (*Tensor, error) { return LogSumExp(ref["big"].tensor(t), 0, false) }, 1e-14)
	run("softmax_axis1", func() (*Tensor, error) { return Softmax(x, 1) }, 1e-13)
	run("logsoftmax_axis_last", func() (*Tensor, error) { return LogSoftmax(x, -1) }, 1e-13)
	run("gather_axis1", func() (*Tensor, error) {
		part, err := StridedSlice(x, []Range{{0, 2, 1}, {0, 4, 1}, {0, 3, 1}})
		if err != nil {
			return nil, err
		}
		return GatherElements(part, 1, ref["gather_index"].tensor(t))
	}, 0)
	clipIn := ref["clip_in"].tensor(t)
	run("clip_lo_hi", func() (*Tensor, error) { return Clip(clipIn, -1, 0.75) }, 0)
	run("clip_hi_lt_lo", func() (*Tensor, error) { return Clip(clipIn, 1, -1) }, 0)
	ints, _ := FromInt64([]int64{-5, -2, 0, 2, 5}, 5)
	run("clip_int", func() (*Tensor, error) { return Clip(ints, -1.5, 2.5) }, 0)
}

func TestNormExtremes(t *testing.T) {
	x := f64(t, []float64{3e200, 4e200})
	got, _ := Norm(x, nil, 2)
	if v := got.Float(0); math.Abs(v-5e200) > 1e186 {
		t.Errorf("Norm of (3e200, 4e200) = %v, want 5e200", v)
	}
	tiny := f64(t, []float64{3e-200, 4e-200})
	got, _ = Norm(tiny, nil, 2)
	if v := got.Float(0); math.Abs(v-5e-200) > 1e-214 {
		t.Errorf("Norm of (3e-200, 4e-200) = %v, want 5e-200", v)
	}
	_, err := Norm(x, nil, 3)
	var e *Error
	if !errors.As(err, &e) || e.Kind != "ValueError" {
		t.Errorf("Norm with p = 3: error %v, want ValueError", err)
	}
}

func TestLogSumExpEdgeRows(t *testing.T) {
	inf := math.Inf(1)
	x := f64(t, []float64{-inf, -inf, 1, inf, 1, math.NaN()}, 3, 2)
	got, err := LogSumExp(x, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if !sameShape(got.Shape(), []int{3, 1}) {
		t.Fatalf("keepdims shape %v, want (3, 1)", got.Shape())
	}
	want := []float64{-inf, inf, math.NaN()}
	for i, w := range want {
		if !sameFloat(got.Float(i), w) {
			t.Errorf("row %d = %v, want %v", i, got.Float(i), w)
		}
	}
}

func TestGatherElementsErrors(t *testing.T) {
	x := f64(t, []float64{1, 2, 3, 4, 5, 6}, 2, 3)
	bad := []struct {
		name  string
		index *Tensor
		kind  string
	}{
		{"out of range", mustInt64(t, []int64{0, 3}, 2, 1), "IndexError"},
		{"rank", mustInt64(t, []int64{0, 1}, 2), "ValueError"},
		{"too large", mustInt64(t, []int64{0, 0, 0}, 3, 1), "ValueError"},
		{"float index", x, "TypeError"},
	}
	for _, c := range bad {
		_, err := GatherElements(x, 1, c.index)
		var e *Error
		if !errors.As(err, &e) || e.Kind != c.kind || e.Op != "GatherElements" {
			t.Errorf("%s: error %v, want %s from GatherElements", c.name, err, c.kind)
		}
	}
}

func mustInt64(t *testing.T, v []int64, shape ...int) *Tensor {
	t.Helper()
	x, err := FromInt64(v, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestSqueezeExpandDims(t *testing.T) {
	x, _ := Zeros(Float32, 1, 3, 1, 2)
	cases := []struct {
		name string
		f    func() (*Tensor, error)
		want []int
	}{
		{"Squeeze all", func() (*Tensor, error) { return Squeeze(x) }, []int{3, 2}},
		{"Squeeze -2", func() (*Tensor, error) { return Squeeze(x, -2) }, []int{1, 3, 2}},
		{"Squeeze 0 2", func() (*Tensor, error) { return Squeeze(x, 0, 2) }, []int{3, 2}},
		{"ExpandDims 0", func() (*Tensor, error) { return ExpandDims(x, 0) }, []int{1, 1, 3, 1, 2}},
		{"ExpandDims -1", func() (*Tensor, error) { return ExpandDims(x, -1) }, []int{1, 3, 1, 2, 1}},
		{"ExpandDims 4", func() (*Tensor, error) { return ExpandDims(x, 4) }, []int{1, 3, 1, 2, 1}},
	}
	for _, c := range cases {
		got, err := c.f()
		if err != nil || !sameShape(got.Shape(), c.want) {
			t.Errorf("%s = %v, %v; want shape %v", c.name, got, err, c.want)
		}
	}
	for _, f := range []func() (*Tensor, error){
		func() (*Tensor, error) { return Squeeze(x, 1) },
		func() (*Tensor, error) { return Squeeze(x, 4) },
		func() (*Tensor, error) { return ExpandDims(x, 5) },
		func() (*Tensor, error) { return ExpandDims(x, -6) },
	} {
		_, err := f()
		var e *Error
		if !errors.As(err, &e) || e.Kind != "ValueError" {
			t.Errorf("bad Squeeze or ExpandDims: error %v, want ValueError", err)
		}
	}
}

func TestDropout(t *testing.T) {
	x := f64(t, []float64{1, 2, 3, 4, 5, 6, 7, 8})
	samples := []float64{0.1, 0.9, 0.5, 0.74, 0.75, 0.2, 0.99, 0}
	i := 0
	rng := func() float64 { i++; return samples[i-1] }
	out, mask, err := Dropout(x, 0.75, rng)
	if err != nil {
		t.Fatal(err)
	}
	wantMask := []bool{true, false, true, true, false, true, false, true}
	if !slices.Equal(mask.Bools(), wantMask) {
		t.Errorf("mask = %v, want %v", mask.Bools(), wantMask)
	}
	for k, kept := range wantMask {
		want := 0.0
		if kept {
			want = x.Float(k) / 0.75
		}
		if math.Abs(out.Float(k)-want) > 1e-15 {
			t.Errorf("output %d = %v, want %v", k, out.Float(k), want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, keep := range []float64{0, -0.5, 1.5, math.NaN()} {
		if _, _, err := Dropout(x, keep, r.Float64); err == nil {
			t.Errorf("Dropout with keep = %v succeeded, want an error", keep)
		}
	}
	if _, _, err := Dropout(x, 0.5, nil); err == nil {
		t.Error("Dropout with a nil rng succeeded, want an error")
	}
}

func TestIntOpsExactBeyondFloat64(t *testing.T) {
	big := int64(1)<<53 + 1
	x := mustInt64(t, []int64{big, -big, math.MinInt64}, 3)
	neg, _ := Neg(x)
	if got := neg.I64(); got[0] != -big || got[1] != big || got[2] != math.MinInt64 {
		t.Errorf("Neg = %v", got)
	}
	abs, _ := Abs(x)
	if got := abs.I64(); got[0] != big || got[1] != big || got[2] != math.MinInt64 {
		t.Errorf("Abs = %v, want [%d %d %d] (NumPy wraps the minimum)", got, big, big, int64(math.MinInt64))
	}
	a := mustInt64(t, []int64{big, 1, 0, 1}, 2, 2)
	b := mustInt64(t, []int64{3, 0, 5, 1}, 2, 2)
	mm, err := MatMul(a, b, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := mm.I64(); got[0] != 3*big+5 || got[1] != 1 || got[2] != 5 || got[3] != 1 {
		t.Errorf("int64 MatMul = %v, want [%d 1 5 1]", got, 3*big+5)
	}
	narrow, _ := Cast(mustInt64(t, []int64{1<<40 + 5, -(1 << 40) - 3}, 2), Int32)
	if got := narrow.I32(); got[0] != 5 || got[1] != -3 {
		t.Errorf("int64 to int32 = %v, want [5 -3] (wrapping)", got)
	}
	wide := f64(t, []float64{3e9, math.NaN(), -3e9, 2.7, -2.7})
	conv, _ := Cast(wide, Int32)
	want := []int32{math.MinInt32, math.MinInt32, math.MinInt32, 2, -2}
	if !slices.Equal(conv.I32(), want) {
		t.Errorf("float64 to int32 = %v, want %v", conv.I32(), want)
	}
}

func TestScalarShapeIsNotNil(t *testing.T) {
	s := Scalar(Float32, 2)
	if s.Shape() == nil || s.Rank() != 0 {
		t.Fatalf("Scalar shape = %#v, want an empty non-nil shape", s.Shape())
	}
	again, err := FromValues(Float64, s.Floats(), s.Shape()...)
	if err != nil || again.Rank() != 0 {
		t.Errorf("FromValues with a 0-d shape = %v, %v; want a 0-d tensor", again, err)
	}
}
