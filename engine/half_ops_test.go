package engine

import (
	"math"
	"testing"
)

// TestFloat16OpsMatchNumPy compares float16 ops with NumPy 1.24, which
// computes float16 arithmetic in float32 and rounds each result.
func TestFloat16OpsMatchNumPy(t *testing.T) {
	var ref map[string]refArray
	loadReference(t, "float16_ops.json", &ref)
	a, b, p := ref["a"].tensor(t), ref["b"].tensor(t), ref["p"].tensor(t)
	if a.DType() != Float16 {
		t.Fatalf("reference input dtype %s, want float16", a.DType())
	}
	unary := func(f func(*Tensor) (*Tensor, error), x *Tensor) func() (*Tensor, error) {
		return func() (*Tensor, error) { return f(x) }
	}
	binary := func(f func(x, y *Tensor) (*Tensor, error)) func() (*Tensor, error) {
		return func() (*Tensor, error) { return f(a, b) }
	}
	cases := map[string]func() (*Tensor, error){
		"add":       binary(Add),
		"sub":       binary(Sub),
		"mul":       binary(Mul),
		"div":       binary(Div),
		"maximum":   binary(Maximum),
		"neg":       unary(Neg, a),
		"abs":       unary(Abs, a),
		"square":    unary(Square, a),
		"sqrt":      unary(Sqrt, p),
		"exp":       unary(Exp, a),
		"log":       unary(Log, p),
		"tanh":      unary(Tanh, a),
		"sum_axis0": func() (*Tensor, error) { return Sum(a, []int{0}, false) },
		"sum_all":   func() (*Tensor, error) { return Sum(a, nil, false) },
		"max_axis1": func() (*Tensor, error) { return Max(a, []int{1}, false) },
		"matmul":    func() (*Tensor, error) { return MatMul(a, b, false, true) },
		"add_scalar": func() (*Tensor, error) {
			return Add(a, Scalar(Float16, 1.5))
		},
		"cast_from_f64": func() (*Tensor, error) {
			x := mustTensor(t, Float64, []float64{0.1, 1.0 / 3, 65519, 65520, 1e-8, -2.5e-5, 7e4}, 7)
			return Cast(x, Float16)
		},
		// NumPy's mean of float16 sums in float32 and divides in float32
		// before rounding, so it may differ from Mean in the last bit.
		"mean_axis1": func() (*Tensor, error) { return Mean(a, []int{1}, false) },
		"mean_all":   func() (*Tensor, error) { return Mean(a, nil, false) },
	}
	for name, f := range cases {
		got, err := f()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.DType() != Float16 {
			t.Errorf("%s: dtype %s, want float16", name, got.DType())
		}
		checkHalfValues(t, name, got)
		checkClose(t, name, got, ref[name], halfRtol[name], 0)
	}
}

// halfRtol holds the tolerances of the cases where NumPy does not round
// once. NumPy 1.24 sums a float16 array over a non-contiguous axis by
// adding one row at a time and rounding each partial sum to float16,
// while Sum adds in float32 and rounds once, as MindSpore's CPU
// ReduceSum does; the results may differ by an ulp (2**-10 relative).
var halfRtol = map[string]float64{"sum_axis0": 1.0 / 1024}

// checkHalfValues fails unless every element of t is a binary16 value.
func checkHalfValues(t *testing.T, what string, x *Tensor) {
	t.Helper()
	for i, v := range x.F32() {
		if RoundHalf(v) != v && v == v {
			t.Errorf("%s: element %d = %.9g is not a float16 value", what, i, v)
			return
		}
	}
}

func TestFloat16PromotionOfOperands(t *testing.T) {
	x := mustTensor(t, Float16, []float64{0.1, 0.2}, 2)
	if _, err := Add(x, mustTensor(t, Float32, []float64{1, 2}, 2)); err == nil {
		t.Errorf("Add(float16, float32) succeeded, want a dtype error")
	}
	y, err := Cast(x, Float32)
	if err != nil {
		t.Fatal(err)
	}
	if got := y.Float(0); got != 0.0999755859375 {
		t.Errorf("Cast(float16 0.1, float32) = %.17g, want 0.0999755859375", got)
	}
}

func TestFloat16GPUTransferRaises(t *testing.T) {
	x := mustTensor(t, Float16, []float64{1}, 1)
	_, err := ToDevice(x, GPU)
	if err == nil {
		t.Fatal("ToDevice(float16, GPU) succeeded, want an error")
	}
}

// TestFloat16GradEqualsRoundedFloat32 checks ops whose vjp is one
// rounded operation: the float16 gradient must equal the float32
// gradient of the same values rounded to float16.
func TestFloat16GradEqualsRoundedFloat32(t *testing.T) {
	xs := []float64{0.5, -1.25, 2, 0.1, -0.3, 3.7}
	ys := []float64{1.5, 0.25, -2, 0.7, 0.3, -1.1}
	cases := map[string]func(x, y *Tensor) (*Tensor, error){
		"Mul": func(x, y *Tensor) (*Tensor, error) { return sumOf(Mul(x, y)) },
		"Exp": func(x, _ *Tensor) (*Tensor, error) { return sumOf(Exp(x)) },
		"Mean": func(x, _ *Tensor) (*Tensor, error) {
			return Mean(x, nil, false)
		},
		"MatMul": func(x, y *Tensor) (*Tensor, error) {
			a, err := Reshape(x, 2, 3)
			if err != nil {
				return nil, err
			}
			b, err := Reshape(y, 3, 2)
			if err != nil {
				return nil, err
			}
			return sumOf(MatMul(a, b, false, false))
		},
		"L1Loss": func(x, y *Tensor) (*Tensor, error) {
			return L1Loss(x, y, ReductionMean)
		},
		"MSELoss": func(x, y *Tensor) (*Tensor, error) {
			return MSELoss(x, y, ReductionSum)
		},
		"ReLU": func(x, _ *Tensor) (*Tensor, error) { return sumOf(ReLU(x)) },
	}
	for name, f := range cases {
		grad := func(d DType) (*Tensor, *Tensor) {
			// Both dtypes see the same float16 values.
			x := mustTensor(t, Float16, xs, len(xs))
			y := mustTensor(t, Float16, ys, len(ys))
			x, y = mustCast(t, x, d), mustCast(t, y, d)
			x.SetRequiresGrad(true)
			out, err := f(x, y)
			if err != nil {
				t.Fatalf("%s %s: %v", name, d, err)
			}
			g, err := Grad(out, []*Tensor{x}, nil)
			if err != nil {
				t.Fatalf("%s %s: Grad: %v", name, d, err)
			}
			return out, g[0]
		}
		out16, g16 := grad(Float16)
		_, g32 := grad(Float32)
		if out16.DType() != Float16 || g16.DType() != Float16 {
			t.Errorf("%s: output %s and gradient %s, want float16", name, out16.DType(), g16.DType())
		}
		for i := range xs {
			want := RoundHalf(float32(g32.Float(i)))
			if got := float32(g16.Float(i)); got != want {
				t.Errorf("%s: gradient element %d = %g, want %g (float32 gradient rounded)", name, i, got, want)
			}
		}
	}
}

func sumOf(t *Tensor, err error) (*Tensor, error) {
	if err != nil {
		return nil, err
	}
	return Sum(t, nil, false)
}

func mustCast(t *testing.T, x *Tensor, d DType) *Tensor {
	t.Helper()
	y, err := Cast(x, d)
	if err != nil {
		t.Fatalf("Cast(%s, %s): %v", x.DType(), d, err)
	}
	return y
}

func TestFloat16LossesReturnFloat16(t *testing.T) {
	x := mustTensor(t, Float16, []float64{0.1, 0.2}, 2)
	y := mustTensor(t, Float16, []float64{0.2, 0.4}, 2)
	out, err := L1Loss(x, y, ReductionMean)
	if err != nil {
		t.Fatal(err)
	}
	// (0.0999755859375 + 0.199951171875) / 2 = 0.14996337890625 lies
	// halfway between two float16 values and rounds to the even one.
	if got := out.Float(0); out.DType() != Float16 || got != 0.14990234375 {
		t.Errorf("L1Loss = %s %.17g, want float16 0.14990234375", out.DType(), got)
	}
	if _, err := SoftmaxCrossEntropy(x.Detach(), []int{0, 0}, ReductionMean); err == nil {
		t.Errorf("SoftmaxCrossEntropy(float16) succeeded, want a dtype error")
	}
	if _, err := BinaryCrossEntropy(x, y, ReductionMean); err == nil {
		t.Errorf("BinaryCrossEntropy(float16) succeeded, want a dtype error")
	}
	if math.IsNaN(out.Float(0)) {
		t.Errorf("L1Loss is NaN")
	}
}
