package nn_test

import (
	"math"
	"testing"

	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/engine"
)

func f32(t *testing.T, values []float64, shape ...int) *engine.Tensor {
	t.Helper()
	x, err := engine.FromValues(engine.Float32, values, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func i32(t *testing.T, values []float64, shape ...int) *engine.Tensor {
	t.Helper()
	x, err := engine.FromValues(engine.Int32, values, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// sameLossValue compares float32 results: NaN matches NaN, infinities
// match exactly, and finite values agree within 2 float32 ulps.
func sameLossValue(got, want float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	}
	return math.Abs(got-want) <= 2.4e-7*math.Abs(want)+1e-30
}

type lossValueCase struct {
	name  string
	f     func() (*engine.Tensor, error)
	shape []int
	want  []float64
}

func checkLossValues(t *testing.T, cases []lossValueCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.f()
			if err != nil {
				t.Fatal(err)
			}
			if c.shape != nil && engine.FormatShape(got.Shape()) != engine.FormatShape(c.shape) {
				t.Errorf("shape %s, want %s", engine.FormatShape(got.Shape()), engine.FormatShape(c.shape))
			}
			if got.Numel() != len(c.want) {
				t.Fatalf("got %d values %v, want %v", got.Numel(), got.Floats(), c.want)
			}
			for i, w := range c.want {
				if g := got.Float(i); !sameLossValue(g, w) {
					t.Errorf("element %d = %.9g, want %.9g", i, g, w)
				}
			}
		})
	}
}

// TestLossExtremeInputs checks logits of ±1000 and ±inf and probabilities
// of exactly 0 and 1 against their limits, computed by hand.
func TestLossExtremeInputs(t *testing.T) {
	inf := math.Inf(1)
	ln2 := math.Ln2
	ce := nn.ClassOptions{IgnoreIndex: -100, Reduction: "none"}
	checkLossValues(t, []lossValueCase{
		{"CrossEntropy logits ±1000", func() (*engine.Tensor, error) {
			x := f32(t, []float64{1000, 0, -1000, 1000, 0, -1000, 1000, 0, -1000}, 3, 3)
			return nn.CrossEntropy(x, i32(t, []float64{0, 1, 2}, 3), ce)
		}, []int{3}, []float64{0, 1000, 2000}},
		{"CrossEntropy logits ±inf", func() (*engine.Tensor, error) {
			x := f32(t, []float64{inf, 0, inf, 0, -inf, 0, inf, inf}, 4, 2)
			return nn.CrossEntropy(x, i32(t, []float64{0, 1, 1, 0}, 4), ce)
		}, []int{4}, []float64{0, inf, 0, ln2}},
		{"SoftmaxCrossEntropy sparse gap 200", func() (*engine.Tensor, error) {
			x := f32(t, []float64{0, 200, 0, 50}, 2, 2)
			return nn.SoftmaxCrossEntropy(x, i32(t, []float64{0, 0}, 2), true, "none")
		}, []int{2}, []float64{200, 50}},
		{"Focal logits ±1000", func() (*engine.Tensor, error) {
			x := f32(t, []float64{1000, -1000, 1000, -1000}, 2, 2)
			return nn.Focal(x, i32(t, []float64{0, 1}, 2, 1), nil, 2, "none")
		}, []int{2}, []float64{0, 2000}},
		{"BCEWithLogits logits ±1000 and ±inf", func() (*engine.Tensor, error) {
			x := f32(t, []float64{1000, -1000, 1000, inf, inf, -inf, -inf, 0}, 8)
			y := f32(t, []float64{1, 0, 0.5, 1, 0, 0, 1, 0.5}, 8)
			return nn.BinaryCrossEntropyWithLogits(x, y, nil, nil, "none")
		}, []int{8}, []float64{0, 0, 500, 0, inf, 0, inf, ln2}},
		{"SoftMargin logits ±1000 and ±inf", func() (*engine.Tensor, error) {
			return nn.SoftMargin(f32(t, []float64{1000, -1000, inf, -inf}, 4), f32(t, []float64{1, 1, 1, -1}, 4), "none")
		}, []int{4}, []float64{0, 1000, 0, 0}},
		{"MultilabelSoftMargin logits ±inf", func() (*engine.Tensor, error) {
			return nn.MultilabelSoftMargin(f32(t, []float64{inf, -inf}, 1, 2), f32(t, []float64{1, 0}, 1, 2), nil, "none")
		}, []int{1}, []float64{0}},
		{"BCE probabilities 0 and 1", func() (*engine.Tensor, error) {
			x := f32(t, []float64{0, 1, 0, 1, 0.5}, 5)
			return nn.BinaryCrossEntropy(x, f32(t, []float64{1, 1, 0, 0, 1}, 5), nil, "none")
		}, []int{5}, []float64{float64(float32(-math.Log(float64(float32(1e-12))))), 0, 0, float64(float32(-math.Log(float64(float32(1e-12))))), ln2}},
		{"KLDiv zero target at logit -inf", func() (*engine.Tensor, error) {
			return nn.KLDiv(f32(t, []float64{-inf, -1}, 2), f32(t, []float64{0, 0.5}, 2), "none")
		}, []int{2}, []float64{0, 0.5 * (math.Log(0.5) + 1)}},
		{"CosineEmbedding zero vectors", func() (*engine.Tensor, error) {
			z := f32(t, []float64{0, 0, 0, 0}, 2, 2)
			return nn.CosineEmbedding(z, z, i32(t, []float64{1, -1}, 2), 0, "none")
		}, []int{2}, []float64{1, 0}},
		{"GaussianNLL zero variance", func() (*engine.Tensor, error) {
			return nn.GaussianNLL(f32(t, []float64{0}, 1), f32(t, []float64{1}, 1), f32(t, []float64{0}, 1), false, 1e-6, "none")
		}, []int{1}, []float64{0.5 * (math.Log(1e-6) + 1/1e-6)}},
		{"CrossEntropy all labels ignored", func() (*engine.Tensor, error) {
			o := ce
			o.Reduction = "mean"
			return nn.CrossEntropy(f32(t, []float64{1, 2, 3, 4}, 2, 2), i32(t, []float64{-100, -100}, 2), o)
		}, []int{}, []float64{math.NaN()}},
	})
}

// TestLossEmptyBatches checks batches of no samples: 'mean' is 0/0 =
// NaN, 'sum' is 0 and 'none' keeps the empty shape, as NumPy and PyTorch
// give, and the gradient is empty.
func TestLossEmptyBatches(t *testing.T) {
	empty := func(shape ...int) *engine.Tensor { return f32(t, nil, shape...) }
	emptyIdx := i32(t, nil, 0)
	nan := math.NaN()
	ce := func(r string) nn.ClassOptions { return nn.ClassOptions{IgnoreIndex: -100, Reduction: r} }
	checkLossValues(t, []lossValueCase{
		{"L1 mean", func() (*engine.Tensor, error) { return nn.L1(empty(0, 3), empty(0, 3), "mean") }, []int{}, []float64{nan}},
		{"L1 sum", func() (*engine.Tensor, error) { return nn.L1(empty(0, 3), empty(0, 3), "sum") }, []int{}, []float64{0}},
		{"L1 none", func() (*engine.Tensor, error) { return nn.L1(empty(0, 3), empty(0, 3), "none") }, []int{0, 3}, nil},
		{"CrossEntropy mean", func() (*engine.Tensor, error) { return nn.CrossEntropy(empty(0, 5), emptyIdx, ce("mean")) }, []int{}, []float64{nan}},
		{"CrossEntropy sum", func() (*engine.Tensor, error) { return nn.CrossEntropy(empty(0, 5), emptyIdx, ce("sum")) }, []int{}, []float64{0}},
		{"CrossEntropy none", func() (*engine.Tensor, error) { return nn.CrossEntropy(empty(0, 5), emptyIdx, ce("none")) }, []int{0}, nil},
		{"BCEWithLogits sum", func() (*engine.Tensor, error) {
			return nn.BinaryCrossEntropyWithLogits(empty(0), empty(0), nil, nil, "sum")
		}, []int{}, []float64{0}},
		{"MultiMargin mean", func() (*engine.Tensor, error) {
			target, _ := engine.FromInt64(nil, 0)
			return nn.MultiMargin(empty(0, 4), target, nil, 1, 1, "mean")
		}, []int{}, []float64{nan}},
		{"CosineEmbedding sum", func() (*engine.Tensor, error) {
			return nn.CosineEmbedding(empty(0, 3), empty(0, 3), emptyIdx, 0, "sum")
		}, []int{}, []float64{0}},
		{"KLDiv batchmean", func() (*engine.Tensor, error) { return nn.KLDiv(empty(0, 3), empty(0, 3), "batchmean") }, []int{}, []float64{nan}},
		{"CTC sum", func() (*engine.Tensor, error) {
			loss, _, err := nn.CTC(empty(4, 0, 3), i32(t, nil, 0, 2), nil, nil, nn.CTCOptions{Reduction: "sum"})
			return loss, err
		}, []int{}, []float64{0}},
	})
	x := empty(0, 5)
	x.SetRequiresGrad(true)
	y, err := nn.CrossEntropy(x, emptyIdx, ce("sum"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := engine.Grad(y, []*engine.Tensor{x}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if engine.FormatShape(g[0].Shape()) != "(0, 5)" {
		t.Errorf("gradient shape %s, want (0, 5)", engine.FormatShape(g[0].Shape()))
	}
}

// TestLossSixteenMillionElements checks reductions of 2^24 float32
// losses, where adding in float32 stalls at 2^24*ulp: the sums are exact
// (0.1f*2^24 = 1677721.625 and float32(ln 2)*2^24 = 11629080 are float32
// values) and the mean gives back the elementwise value.
func TestLossSixteenMillionElements(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 300 MB")
	}
	const n = 1 << 24
	x := make([]float32, n)
	for i := range x {
		x[i] = 0.1
	}
	zeros := make([]float32, n)
	xt, _ := engine.FromFloat32(x, n)
	zt, _ := engine.FromFloat32(zeros, n)
	ln2 := float64(float32(math.Ln2))
	checkLossValues(t, []lossValueCase{
		{"L1 sum", func() (*engine.Tensor, error) { return nn.L1(xt, zt, "sum") }, []int{}, []float64{1677721.625}},
		{"L1 mean", func() (*engine.Tensor, error) { return nn.L1(xt, zt, "mean") }, []int{}, []float64{float64(float32(0.1))}},
		{"BCEWithLogits sum", func() (*engine.Tensor, error) {
			return nn.BinaryCrossEntropyWithLogits(zt, zt, nil, nil, "sum")
		}, []int{}, []float64{ln2 * n}},
	})
}
