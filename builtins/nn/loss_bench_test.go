package nn_test

import (
	"math/rand/v2"
	"testing"

	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/engine"
)

// The benchmarks time one forward and backward pass of each loss on
// about 16M float32 elements (CosineEmbedding 65536x256, the class losses
// 16384x1000) and report the bytes of their inputs per second.

type benchInput struct {
	shape []int
	draw  func(r *rand.Rand) float64
	dtype engine.DType // Float32 when zero
	grad  bool
}

func benchFloats(lo, hi float64) func(*rand.Rand) float64 {
	return func(r *rand.Rand) float64 { return lo + (hi-lo)*r.Float64() }
}

func benchClasses(c int) func(*rand.Rand) float64 {
	return func(r *rand.Rand) float64 { return float64(r.IntN(c)) }
}

func benchSigns(r *rand.Rand) float64 { return float64(2*r.IntN(2) - 1) }

func grad(shape []int, draw func(*rand.Rand) float64) benchInput {
	return benchInput{shape: shape, draw: draw, grad: true}
}

func data(shape []int, d engine.DType, draw func(*rand.Rand) float64) benchInput {
	return benchInput{shape: shape, draw: draw, dtype: d}
}

func runLossBench(b *testing.B, inputs []benchInput, f func(x []*engine.Tensor) (*engine.Tensor, error)) {
	r := rand.New(rand.NewPCG(1, 2))
	xs := make([]*engine.Tensor, len(inputs))
	var wrt []*engine.Tensor
	var bytes int64
	for i, in := range inputs {
		d := in.dtype
		if d == 0 {
			d = engine.Float32
		}
		v := make([]float64, engine.Numel(in.shape))
		for j := range v {
			v[j] = in.draw(r)
		}
		x, err := engine.FromValues(d, v, in.shape...)
		if err != nil {
			b.Fatal(err)
		}
		if in.grad {
			wrt = append(wrt, x.SetRequiresGrad(true))
		}
		xs[i] = x
		bytes += int64(len(v)) * int64(d.Size())
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for range b.N {
		y, err := f(xs)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := engine.Grad(y, wrt, nil); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	flat16M  = []int{4096, 4096}
	classes  = []int{16384, 1000}
	vectors  = []int{65536, 256}
	labels1k = []int{16384}
)

func BenchmarkL1Loss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.L1(x[0], x[1], "mean")
	})
}

func BenchmarkMSELoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MSE(x[0], x[1], "mean")
	})
}

func BenchmarkSmoothL1Loss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.SmoothL1(x[0], x[1], 0.5, "mean")
	})
}

func BenchmarkHuberLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.Huber(x[0], x[1], 0.5, "mean")
	})
}

func BenchmarkSoftMarginLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-3, 3)), data(flat16M, 0, benchSigns)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.SoftMargin(x[0], x[1], "mean")
	})
}

func BenchmarkBCELoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(0.01, 0.99)), data(flat16M, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.BinaryCrossEntropy(x[0], x[1], nil, "mean")
	})
}

func BenchmarkBCEWithLogitsLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-5, 5)), data(flat16M, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.BinaryCrossEntropyWithLogits(x[0], x[1], nil, nil, "mean")
	})
}

func BenchmarkMultiLabelSoftMarginLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad([]int{16384, 1024}, benchFloats(-5, 5)), data([]int{16384, 1024}, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MultilabelSoftMargin(x[0], x[1], nil, "mean")
	})
}

func BenchmarkKLDivLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-5, 0)), data(flat16M, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.KLDiv(x[0], x[1], "batchmean")
	})
}

func BenchmarkPoissonNLLLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-2, 2)), data(flat16M, 0, benchFloats(0, 5))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.PoissonNLL(x[0], x[1], nn.PoissonOptions{LogInput: true, Eps: 1e-8, Reduction: "mean"})
	})
}

func BenchmarkGaussianNLLLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchFloats(-1, 1)), grad(flat16M, benchFloats(0.1, 2))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.GaussianNLL(x[0], x[1], x[2], false, 1e-6, "mean")
	})
}

func BenchmarkMarginRankingLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 1)), grad(flat16M, benchFloats(-1, 1)), data(flat16M, 0, benchSigns)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MarginRanking(x[0], x[1], x[2], 0.1, "mean")
	})
}

func BenchmarkHingeEmbeddingLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(-1, 2)), data(flat16M, 0, benchSigns)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.HingeEmbedding(x[0], x[1], 1, "mean")
	})
}

func BenchmarkCosineEmbeddingLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(vectors, benchFloats(-1, 1)), grad(vectors, benchFloats(-1, 1)), data([]int{65536}, engine.Int32, benchSigns)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.CosineEmbedding(x[0], x[1], x[2], 0.2, "mean")
	})
}

func BenchmarkTripletMarginLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(vectors, benchFloats(-1, 1)), grad(vectors, benchFloats(-1, 1)), grad(vectors, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.TripletMargin(x[0], x[1], x[2], nn.TripletOptions{P: 2, Margin: 1, Eps: 1e-6, Reduction: "mean"})
	})
}

func BenchmarkDiceLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(flat16M, benchFloats(0, 1)), data(flat16M, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.Dice(x[0], x[1], 1e-5)
	})
}

func BenchmarkCrossEntropyLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-3, 3)), data(labels1k, engine.Int32, benchClasses(1000))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.CrossEntropy(x[0], x[1], nn.ClassOptions{IgnoreIndex: -100, Reduction: "mean"})
	})
}

func BenchmarkSoftmaxCrossEntropyWithLogits(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-3, 3)), data(labels1k, engine.Int32, benchClasses(1000))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.SoftmaxCrossEntropy(x[0], x[1], true, "mean")
	})
}

func BenchmarkNLLLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-8, 0)), data(labels1k, engine.Int32, benchClasses(1000))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.NLL(x[0], x[1], nn.ClassOptions{IgnoreIndex: -100, Reduction: "mean"})
	})
}

func BenchmarkFocalLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-3, 3)), data([]int{16384, 1}, engine.Int32, benchClasses(1000))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.Focal(x[0], x[1], nil, 2, "mean")
	})
}

func BenchmarkMultiMarginLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-1, 1)), data(labels1k, engine.Int64, benchClasses(1000))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MultiMargin(x[0], x[1], nil, 1, 1, "mean")
	})
}

func BenchmarkMultilabelMarginLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-1, 1)), data(classes, engine.Int32, fourTargets())}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MultilabelMargin(x[0], x[1], "mean")
	})
}

// fourTargets draws rows of 1000 targets: four classes, then -1 padding.
func fourTargets() func(*rand.Rand) float64 {
	i := 0
	return func(r *rand.Rand) float64 {
		i++
		if (i-1)%1000 < 4 {
			return float64(r.IntN(1000))
		}
		return -1
	}
}

func BenchmarkMultiClassDiceLoss(b *testing.B) {
	runLossBench(b, []benchInput{grad(classes, benchFloats(-3, 3)), data(classes, 0, benchFloats(0, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		return nn.MultiClassDice(x[0], x[1], nil, nil, func(t *engine.Tensor) (*engine.Tensor, error) { return engine.Softmax(t, -1) })
	})
}

func BenchmarkCTCLoss(b *testing.B) {
	// T = 256 frames, N = 64, C = 1024 classes, targets of 32 labels.
	runLossBench(b, []benchInput{grad([]int{256, 64, 1024}, benchFloats(-8, 0)), data([]int{64, 32}, engine.Int32, func(r *rand.Rand) float64 { return float64(1 + r.IntN(1023)) })}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		in, tl := make([]int, 64), make([]int, 64)
		for i := range in {
			in[i], tl[i] = 256, 32
		}
		loss, _, err := nn.CTC(x[0], x[1], in, tl, nn.CTCOptions{Reduction: "mean"})
		return loss, err
	})
}

func BenchmarkSampledSoftmaxLoss(b *testing.B) {
	cands := make([]int, 64)
	for i := range cands {
		cands[i] = 100 + i
	}
	trueCount, _ := engine.Full(engine.Float32, 0.01, 256, 1)
	sampledCount, _ := engine.Full(engine.Float32, 0.01, 64)
	s := nn.SampledValues{Candidates: cands, TrueExpected: trueCount, SampledExpected: sampledCount}
	runLossBench(b, []benchInput{grad([]int{16384, 1024}, benchFloats(-0.1, 0.1)), grad([]int{16384}, benchFloats(-0.1, 0.1)), data([]int{256, 1}, engine.Int64, benchClasses(100)), grad([]int{256, 1024}, benchFloats(-1, 1))}, func(x []*engine.Tensor) (*engine.Tensor, error) {
		loss, err := nn.SampledSoftmax(x[0], x[1], x[2], x[3], s, 1)
		if err != nil {
			return nil, err
		}
		return engine.Mean(loss, nil, false)
	})
}
