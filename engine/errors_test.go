package engine

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"testing"
)

func TestShapeErrorsNameOp(t *testing.T) {
	a, _ := Zeros(Float32, 2, 3)
	b, _ := Zeros(Float32, 4)
	c, _ := Zeros(Float32, 3, 3)
	img, _ := Zeros(Float32, 1, 3, 4, 4)
	filters, _ := Zeros(Float32, 2, 2, 3, 3)
	boolMask, _ := Zeros(Bool, 4)
	cond, _ := Zeros(Bool, 2, 3)
	index, _ := Zeros(Int64, 2)
	binary := map[string]func(a, b *Tensor) (*Tensor, error){
		"Add": Add, "Sub": Sub, "Mul": Mul, "Div": Div, "Maximum": Maximum,
		"Minimum": Minimum, "Pow": Pow, "FloorDiv": FloorDiv, "Mod": Mod,
		"Less": Less, "Equal": Equal,
	}
	cases := []struct {
		op string
		f  func() (*Tensor, error)
	}{
		{"Select", func() (*Tensor, error) { return Where(cond, a, b) }},
		{"MatMul", func() (*Tensor, error) { return MatMul(a, c, true, false) }},
		{"Reshape", func() (*Tensor, error) { return Reshape(a, 4, -1) }},
		{"Transpose", func() (*Tensor, error) { return Transpose(a, []int{0}) }},
		{"BroadcastTo", func() (*Tensor, error) { return BroadcastTo(a, 3, 3) }},
		{"Concat", func() (*Tensor, error) { return Concat([]*Tensor{a, c}, 1) }},
		{"Stack", func() (*Tensor, error) { return Stack([]*Tensor{a, c}, 0) }},
		{"ReduceSum", func() (*Tensor, error) { return Sum(a, []int{2}, false) }},
		{"ReduceMean", func() (*Tensor, error) { return Mean(a, []int{0, 0}, false) }},
		{"ReduceMax", func() (*Tensor, error) { return Max(a, []int{-3}, false) }},
		{"Argmax", func() (*Tensor, error) { return ArgMax(a, 2, false) }},
		{"Softmax", func() (*Tensor, error) { return Softmax(a, 2) }},
		{"LogSoftmax", func() (*Tensor, error) { return LogSoftmax(a, -3) }},
		{"StridedSlice", func() (*Tensor, error) { return StridedSlice(a, []Range{{0, 1, 1}}) }},
		{"Gather", func() (*Tensor, error) { return Take(a, index, 2) }},
		{"MaskedSelect", func() (*Tensor, error) { return MaskedSelect(a, boolMask) }},
		{"Conv2D", func() (*Tensor, error) { return Conv2D(img, filters, [2]int{1, 1}, [4]int{}, [2]int{1, 1}, 1) }},
		{"Conv2D", func() (*Tensor, error) { return Conv2D(img, filters, [2]int{1, 1}, [4]int{}, [2]int{1, 1}, 2) }},
		{"Conv2D", func() (*Tensor, error) { return Conv2D(img, img, [2]int{1, 1}, [4]int{1, 0, 0, 0}, [2]int{2, 1}, 1) }},
		{"MaxPool2D", func() (*Tensor, error) { return MaxPool2D(a, [2]int{2, 2}, [2]int{1, 1}, [2]int{}) }},
		{"MaxPool2D", func() (*Tensor, error) { return MaxPool2D(img, [2]int{5, 2}, [2]int{1, 1}, [2]int{}) }},
		{"Norm", func() (*Tensor, error) { return Norm(a, []int{5}, 2) }},
		{"LogSumExp", func() (*Tensor, error) { return LogSumExp(a, 2, false) }},
		{"Clip", func() (*Tensor, error) { return Clip(a, math.NaN(), 1) }},
		{"Squeeze", func() (*Tensor, error) { return Squeeze(a, 0) }},
		{"ExpandDims", func() (*Tensor, error) { return ExpandDims(a, 3) }},
		{"GatherElements", func() (*Tensor, error) { return GatherElements(a, 0, index) }},
		{"Tensor", func() (*Tensor, error) { return FromFloat32(make([]float32, 5), 2, 3) }},
		{"Grad", func() (*Tensor, error) {
			g, err := Grad(a, []*Tensor{a}, b)
			if err != nil {
				return nil, err
			}
			return g[0], nil
		}},
	}
	for op, f := range binary {
		cases = append(cases, struct {
			op string
			f  func() (*Tensor, error)
		}{op, func() (*Tensor, error) { return f(a, b) }})
	}
	for _, c := range cases {
		_, err := c.f()
		var e *Error
		switch {
		case !errors.As(err, &e):
			t.Errorf("%s: error %v, want *Error", c.op, err)
		case e.Kind != "ValueError":
			t.Errorf("%s: kind %s (%v), want ValueError", c.op, e.Kind, e)
		case e.Op != c.op:
			t.Errorf("error %q names op %q, want %q", e, e.Op, c.op)
		}
	}
}

func TestHugeShapesRaiseMemoryErrorBeforeAllocating(t *testing.T) {
	const huge = 1 << 40
	scalar := Scalar(Float32, 1)
	indices, _ := Zeros(Int64, 1024)
	img, _ := Zeros(Float32, 1, 1, 2, 2)
	filter, _ := Zeros(Float32, 1, 1, 1, 1)
	cases := []struct {
		name string
		f    func() (*Tensor, error)
	}{
		{"Zeros", func() (*Tensor, error) { return Zeros(Float32, huge, huge) }},
		{"Zeros past the limit", func() (*Tensor, error) { return Zeros(Float64, 1<<20, 1<<20) }},
		{"Full", func() (*Tensor, error) { return Full(Int64, 1, huge, huge, huge) }},
		{"FromValues", func() (*Tensor, error) { return FromValues(Float32, nil, huge, huge) }},
		{"BroadcastTo", func() (*Tensor, error) { return BroadcastTo(scalar, huge, huge) }},
		{"BroadcastTo past the limit", func() (*Tensor, error) { return BroadcastTo(scalar, 1<<20, 1<<20) }},
		{"OneHot", func() (*Tensor, error) { return OneHot(indices, huge, 1, 0, Float32) }},
		{"Conv2D padding", func() (*Tensor, error) {
			return Conv2D(img, filter, [2]int{1, 1}, [4]int{1 << 30, 1 << 30, 1 << 30, 1 << 30}, [2]int{1, 1}, 1)
		}},
	}
	for _, c := range cases {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := c.f()
		runtime.ReadMemStats(&after)
		var e *Error
		if !errors.As(err, &e) || e.Kind != "MemoryError" {
			t.Errorf("%s: error %v, want MemoryError", c.name, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("%s allocated %d bytes before failing", c.name, grew)
		}
	}
	x, _ := Zeros(Float32, 0)
	_, err := Reshape(x, huge, huge, huge, 0)
	if err != nil {
		t.Errorf("Reshape of an empty tensor to a shape with a 0: %v", err)
	}
	y, _ := Zeros(Float32, 4)
	_, err = Reshape(y, huge, huge, huge)
	var e *Error
	if !errors.As(err, &e) || e.Kind != "ValueError" {
		t.Errorf("Reshape to an overflowing shape: error %v, want ValueError", err)
	}
}

func TestInvalidDTypeIsTypeError(t *testing.T) {
	x, _ := Zeros(Float32, 2)
	indices, _ := Zeros(Int64, 2)
	for _, d := range []DType{0, Float16 + 1, 255} {
		calls := map[string]func() (*Tensor, error){
			"Zeros":      func() (*Tensor, error) { return Zeros(d, 2) },
			"Full":       func() (*Tensor, error) { return Full(d, 1, 2) },
			"FromValues": func() (*Tensor, error) { return FromValues(d, []float64{1}) },
			"Cast":       func() (*Tensor, error) { return Cast(x, d) },
			"OneHot":     func() (*Tensor, error) { return OneHot(indices, 3, 1, 0, d) },
		}
		for name, f := range calls {
			_, err := f()
			var e *Error
			if !errors.As(err, &e) || e.Kind != "TypeError" {
				t.Errorf("%s with dtype %v: error %v, want TypeError", name, d, err)
			}
		}
	}
}

// TestNoPanicOnBadInput calls every exported op on every pairing of a
// set of tensors of all dtypes and awkward shapes, with out-of-range
// axes and parameters. Errors are expected; panics are bugs.
func TestNoPanicOnBadInput(t *testing.T) {
	var tensors []*Tensor
	shapes := [][]int{{}, {0}, {3}, {1}, {2, 3}, {1, 3, 1}, {2, 0, 3}, {1, 2, 3, 3}, {2, 1, 0, 2}}
	for _, d := range []DType{Float32, Float64, Int32, Int64, Bool} {
		for _, s := range shapes {
			x, err := Full(d, 1, s...)
			if err != nil {
				t.Fatal(err)
			}
			tensors = append(tensors, x)
		}
	}
	negIndex, _ := FromInt64([]int64{-9, 4}, 2)
	tensors = append(tensors, negIndex)
	axesSets := [][]int{nil, {0}, {-1}, {4}, {-5}, {0, 0}, {1, -1}}
	ranges := [][]Range{nil, {{0, 1, 1}}, {{0, 5, 1}, {2, -1, -1}}, {{0, 1, 0}, {0, 1, 1}}, {{-1, 2, 1}, {0, 3, 1}}, {{0, math.MaxInt, 1}, {math.MinInt, 0, -1}}}
	call := func(name string, f func() error) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panicked: %v", name, r)
			}
		}()
		_ = f()
	}
	binary := map[string]func(a, b *Tensor) (*Tensor, error){
		"Add": Add, "Sub": Sub, "Mul": Mul, "Div": Div, "Maximum": Maximum, "Minimum": Minimum,
		"Pow": Pow, "FloorDiv": FloorDiv, "Mod": Mod, "Less": Less, "Equal": Equal,
		"Take0":          func(a, b *Tensor) (*Tensor, error) { return Take(a, b, 0) },
		"GatherElements": func(a, b *Tensor) (*Tensor, error) { return GatherElements(a, -1, b) },
		"MaskedSelect":   MaskedSelect,
		"MatMul":         func(a, b *Tensor) (*Tensor, error) { return MatMul(a, b, false, true) },
		"Where":          func(a, b *Tensor) (*Tensor, error) { return Where(a, b, b) },
		"Concat":         func(a, b *Tensor) (*Tensor, error) { return Concat([]*Tensor{a, b}, 1) },
		"Stack":          func(a, b *Tensor) (*Tensor, error) { return Stack([]*Tensor{a, b}, -1) },
		"Conv2D": func(a, b *Tensor) (*Tensor, error) {
			return Conv2D(a, b, [2]int{1, 0}, [4]int{1, -1, 0, 0}, [2]int{1, 1}, 1)
		},
		"Conv2D groups": func(a, b *Tensor) (*Tensor, error) {
			return Conv2D(a, b, [2]int{1, 1}, [4]int{}, [2]int{1 << 62, 1}, 0)
		},
		"Grad": func(a, b *Tensor) (*Tensor, error) {
			g, err := Grad(a, []*Tensor{b}, b)
			if err != nil {
				return nil, err
			}
			return g[0], nil
		},
		"CopyFrom": func(a, b *Tensor) (*Tensor, error) { return nil, a.Clone().CopyFrom(b) },
	}
	for _, a := range tensors {
		for name, f := range binary {
			for _, b := range tensors {
				call(fmt.Sprintf("%s(%v, %v)", name, a, b), func() error { _, err := f(a, b); return err })
			}
		}
		for _, axes := range axesSets {
			for name, f := range map[string]func(*Tensor, []int, bool) (*Tensor, error){"Sum": Sum, "Mean": Mean, "Max": Max, "Min": Min, "Prod": Prod} {
				call(fmt.Sprintf("%s(%v, %v)", name, a, axes), func() error { _, err := f(a, axes, true); return err })
			}
			call(fmt.Sprintf("Norm(%v, %v)", a, axes), func() error { _, err := Norm(a, axes, 2); return err })
			call(fmt.Sprintf("Transpose(%v, %v)", a, axes), func() error { _, err := Transpose(a, axes); return err })
			call(fmt.Sprintf("Squeeze(%v, %v)", a, axes), func() error { _, err := Squeeze(a, axes...); return err })
			call(fmt.Sprintf("Reshape(%v, %v)", a, axes), func() error { _, err := Reshape(a, axes...); return err })
			call(fmt.Sprintf("BroadcastTo(%v, %v)", a, axes), func() error { _, err := BroadcastTo(a, axes...); return err })
		}
		for _, r := range ranges {
			call(fmt.Sprintf("StridedSlice(%v, %v)", a, r), func() error { _, err := StridedSlice(a, r); return err })
		}
		for _, axis := range []int{-5, -1, 0, 1, 4} {
			calls := map[string]func() (*Tensor, error){
				"Softmax":    func() (*Tensor, error) { return Softmax(a, axis) },
				"LogSoftmax": func() (*Tensor, error) { return LogSoftmax(a, axis) },
				"LogSumExp":  func() (*Tensor, error) { return LogSumExp(a, axis, false) },
				"ArgMax":     func() (*Tensor, error) { return ArgMax(a, axis, false) },
				"ArgMin":     func() (*Tensor, error) { return ArgMin(a, axis, true) },
				"ExpandDims": func() (*Tensor, error) { return ExpandDims(a, axis) },
				"OneHot":     func() (*Tensor, error) { return OneHot(a, axis, 1, 0, Float32) },
				"MaxPool2D": func() (*Tensor, error) {
					return MaxPool2D(a, [2]int{axis, 2}, [2]int{1, axis}, [2]int{0, 1})
				},
				"Dropout": func() (*Tensor, error) {
					out, _, err := Dropout(a, float64(axis)/4, func() float64 { return 0.5 })
					return out, err
				},
				"Clip":       func() (*Tensor, error) { return Clip(a, float64(axis), math.Inf(1)) },
				"GatherFlat": func() (*Tensor, error) { return GatherFlat(a, []int{axis}, []int{1}) },
			}
			for name, f := range calls {
				call(fmt.Sprintf("%s(%v, %d)", name, a, axis), func() error { _, err := f(); return err })
			}
		}
		unary := []func(*Tensor) (*Tensor, error){Neg, Abs, Exp, Log, Sqrt, Square, ReLU, Sigmoid, Tanh, Sign, Log1p, Softplus, LogSigmoid, Floor, Sin, Cos, Rsqrt, Reciprocal, LogicalNot}
		for i, f := range unary {
			call(fmt.Sprintf("unary %d(%v)", i, a), func() error { _, err := f(a); return err })
		}
		for _, d := range []DType{Float32, Int32, Bool, 0} {
			call(fmt.Sprintf("Cast(%v, %v)", a, d), func() error { _, err := Cast(a, d); return err })
		}
		call(fmt.Sprintf("Item(%v)", a), func() error { _, err := a.Item(); return err })
	}
}
