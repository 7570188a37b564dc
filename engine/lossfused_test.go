package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// fusedLossGradCases check the fused losses in float64 at points away
// from their kinks (x = y, and |x - y| = beta for SmoothL1Loss).
func fusedLossGradCases() []gradCase {
	g := newInputGen(8)
	x, y := g.normal(3, 4), g.normal(3, 4)
	var cases []gradCase
	for _, r := range []Reduction{ReductionMean, ReductionSum} {
		cases = append(cases,
			binaryCase("L1Loss "+r.String(), x, y, func(a, b *Tensor) (*Tensor, error) { return L1Loss(a, b, r) }),
			binaryCase("MSELoss "+r.String(), x, y, func(a, b *Tensor) (*Tensor, error) { return MSELoss(a, b, r) }),
			binaryCase("SmoothL1Loss beta 0.7 "+r.String(), x, y, func(a, b *Tensor) (*Tensor, error) { return SmoothL1Loss(a, b, 0.7, r) }),
			binaryCase("SmoothL1Loss beta 5 "+r.String(), x, y, func(a, b *Tensor) (*Tensor, error) { return SmoothL1Loss(a, b, 5, r) }),
		)
	}
	return append(cases, float32LossGradCases()...)
}

// float32LossGradCases check the float32-only fused losses with central
// differences in float32: a step of 1/256 and tolerances that its
// rounding error (about 1e-5 relative) stays far below.
func float32LossGradCases() []gradCase {
	g := newInputGen(9)
	f32 := func(in gradInput) gradInput {
		in.dtype = Float32
		return in
	}
	const step, rtol, atol = 1.0 / 256, 3e-3, 3e-4
	logits := f32(g.normal(4, 5))
	probs := f32(g.uniform(0.2, 0.8, 3, 4))
	targets, _ := FromValues(Float32, []float64{0, 1, 1, 0, 0.3, 1, 0, 0.5, 1, 1, 0, 0}, 3, 4)
	x1, x2 := f32(g.normal(4, 6)), f32(g.normal(4, 6))
	cosLabels, _ := FromValues(Int32, []float64{1, -1, -1, 1}, 4)
	var cases []gradCase
	for _, r := range []Reduction{ReductionMean, ReductionSum, ReductionNone} {
		cases = append(cases,
			gradCase{name: "SoftmaxCrossEntropy " + r.String(), inputs: []gradInput{logits}, step: step, rtol: rtol, atol: atol,
				f: func(x []*Tensor) (*Tensor, error) { return SoftmaxCrossEntropy(x[0], []int{1, 0, 4, 2}, r) }},
			gradCase{name: "CosineEmbeddingLoss " + r.String(), inputs: []gradInput{x1, x2}, step: step, rtol: rtol, atol: atol,
				f: func(x []*Tensor) (*Tensor, error) { return CosineEmbeddingLoss(x[0], x[1], cosLabels, -0.2, r) }},
		)
		if r != ReductionNone {
			cases = append(cases, gradCase{name: "BinaryCrossEntropy " + r.String(), inputs: []gradInput{probs}, step: step, rtol: rtol, atol: atol,
				f: func(x []*Tensor) (*Tensor, error) { return BinaryCrossEntropy(x[0], targets, r) }})
		}
	}
	return cases
}

// composedLoss computes a fused loss from the engine's unfused ops.
func composedLoss(kind string, x, y *Tensor, beta float64, r Reduction) (*Tensor, error) {
	var l *Tensor
	err := Try(func() {
		d := sub(x, y)
		switch kind {
		case "L1Loss":
			l = unary(uAbs, d)
		case "MSELoss":
			l = unary(uSquare, d)
		default:
			a := unary(uAbs, d)
			bt := Scalar(a.dtype, beta)
			quad := div(mul(Scalar(a.dtype, 0.5), unary(uSquare, a)), bt)
			lin := sub(a, Scalar(a.dtype, 0.5*beta))
			l = where(compareRaw(cmpLT, a, bt), quad, lin)
		}
		if r == ReductionMean {
			l = reduce(redMean, l, nil, false)
		} else {
			l = reduce(redSum, l, nil, false)
		}
	})
	return l, err
}

func fusedLoss(kind string, x, y *Tensor, beta float64, r Reduction) (*Tensor, error) {
	switch kind {
	case "L1Loss":
		return L1Loss(x, y, r)
	case "MSELoss":
		return MSELoss(x, y, r)
	}
	return SmoothL1Loss(x, y, beta, r)
}

// TestFusedLossMatchesComposed checks that the fused float32 losses give
// the unfused ops' values and gradients bit for bit, for incoming
// gradients 1 (the stored gradient) and 2.5 (recomputed), on sizes that
// run the vector kernels and their scalar edges.
func TestFusedLossMatchesComposed(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, kind := range []string{"L1Loss", "MSELoss", "SmoothL1Loss"} {
		for _, n := range []int{1, 37, 100003} {
			for _, red := range []Reduction{ReductionMean, ReductionSum} {
				t.Run(fmt.Sprintf("%s/%d/%v", kind, n, red), func(t *testing.T) {
					xs, ys := make([]float32, n), make([]float32, n)
					for i := range xs {
						xs[i] = float32(r.NormFloat64())
						ys[i] = float32(r.NormFloat64())
						if i%7 == 0 {
							ys[i] = xs[i]
						}
					}
					for _, sens := range []float64{1, 2.5} {
						want := lossAndGrads(t, composedLoss, kind, xs, ys, sens, red)
						got := lossAndGrads(t, fusedLoss, kind, xs, ys, sens, red)
						compareLossResults(t, got, want, n)
					}
				})
			}
		}
	}
}

// lossAndGrads returns the loss and the gradients of x and y, flattened.
func lossAndGrads(t *testing.T, f func(string, *Tensor, *Tensor, float64, Reduction) (*Tensor, error), kind string, xs, ys []float32, sens float64, r Reduction) [3][]float64 {
	t.Helper()
	x, _ := FromFloat32(append([]float32(nil), xs...))
	y, _ := FromFloat32(append([]float32(nil), ys...))
	x.SetRequiresGrad(true)
	y.SetRequiresGrad(true)
	l, err := f(kind, x, y, 0.75, r)
	if err != nil {
		t.Fatal(err)
	}
	grads, err := Grad(l, []*Tensor{x, y}, Scalar(Float32, sens))
	if err != nil {
		t.Fatal(err)
	}
	return [3][]float64{l.Floats(), grads[0].Floats(), grads[1].Floats()}
}

func compareLossResults(t *testing.T, got, want [3][]float64, n int) {
	t.Helper()
	// The float64 sums add in a different order; for these sizes they
	// round to the same float32.
	if got[0][0] != want[0][0] {
		t.Errorf("loss = %v, want %v", got[0][0], want[0][0])
	}
	for k, name := range []string{"", "x", "y"} {
		if k == 0 {
			continue
		}
		for i := 0; i < n; i++ {
			g, w := got[k][i], want[k][i]
			if g != w || math.Signbit(g) != math.Signbit(w) {
				t.Fatalf("gradient of %s[%d] = %v, want %v", name, i, g, w)
			}
		}
	}
}

func TestFusedLossErrors(t *testing.T) {
	f32 := mustTensor(t, Float32, []float64{1, 2}, 2)
	f64 := mustTensor(t, Float64, []float64{1, 2}, 2)
	three := mustTensor(t, Float32, []float64{1, 2, 3}, 3)
	ints := mustTensor(t, Int32, []float64{1, 2}, 2)
	cases := []struct {
		name string
		err  error
		kind string
	}{
		{"dtypes differ", second(L1Loss(f32, f64, ReductionMean)), "TypeError"},
		{"integer input", second(MSELoss(ints, ints, ReductionSum)), "TypeError"},
		{"shapes differ", second(L1Loss(f32, three, ReductionMean)), "ValueError"},
		{"invalid reduction", second(L1Loss(f32, f32, 0)), "ValueError"},
		{"beta zero", second(SmoothL1Loss(f32, f32, 0, ReductionMean)), "ValueError"},
	}
	for _, c := range cases {
		e, ok := c.err.(*Error)
		if !ok || e.Kind != c.kind {
			t.Errorf("%s: error %v, want a %s *Error", c.name, c.err, c.kind)
		}
	}
}

func second(_ *Tensor, err error) error { return err }

func TestFusedLossEmptyMean(t *testing.T) {
	x := mustTensor(t, Float32, nil, 0)
	l, err := L1Loss(x, x, ReductionMean)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := l.Item(); !math.IsNaN(v) {
		t.Errorf("mean over no elements = %v, want NaN", v)
	}
}

func BenchmarkFusedLoss16M(b *testing.B) {
	x, y := benchTensor(b, 1<<24), benchTensor(b, 1<<24)
	x.SetRequiresGrad(true)
	b.SetBytes(3 * 4 << 24) // x and y read, the gradient written
	b.ReportAllocs()
	for b.Loop() {
		l, err := L1Loss(x, y, ReductionMean)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Grad(l, []*Tensor{x}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// composedRowLoss computes the fused row losses from unfused ops, as the
// loss Cells did before the fused ops existed.
func composedRowLoss(kind string, x, x2 *Tensor, labels []int, y *Tensor, r Reduction) *Tensor {
	var l *Tensor
	switch kind {
	case "SoftmaxCrossEntropy":
		c := x.shape[1]
		idx := make([]int, len(labels))
		for i, v := range labels {
			idx[i] = i*c + v
		}
		g, err := GatherFlat(logSoftmax(x, -1), idx, []int{len(labels)})
		if err != nil {
			panic(err)
		}
		l = neg(g)
	case "BinaryCrossEntropy":
		eps, one := Scalar(Float32, 1e-12), Scalar(Float32, 1)
		pos := mul(y, unary(uLog, add(x, eps)))
		ng := mul(sub(one, y), unary(uLog, add(sub(one, x), eps)))
		l = neg(add(pos, ng))
	default:
		eps := Scalar(Float32, 1e-12)
		dot := reduce(redSum, mul(x, x2), []int{1}, false)
		n1 := unary(uSqrt, add(reduce(redSum, unary(uSquare, x), []int{1}, false), eps))
		n2 := unary(uSqrt, add(reduce(redSum, unary(uSquare, x2), []int{1}, false), eps))
		cos := div(dot, mul(n1, n2))
		zero := Scalar(Float32, 0)
		yf := cast(y, Float32)
		z := sub(cos, Scalar(Float32, 0.1))
		hinge := mul(Scalar(Float32, 0.5), add(z, unary(uAbs, z)))
		l = add(where(compareRaw(cmpEQ, yf, Scalar(Float32, 1)), sub(Scalar(Float32, 1), cos), zero),
			where(compareRaw(cmpEQ, yf, Scalar(Float32, -1)), hinge, zero))
	}
	switch r {
	case ReductionMean:
		return reduce(redMean, l, nil, false)
	case ReductionSum:
		return reduce(redSum, l, nil, false)
	}
	return l
}

// TestFusedRowLossesMatchComposed compares the fused softmax cross
// entropy, binary cross entropy and cosine embedding losses with the
// unfused ops: losses to 2e-6 relative, gradients to 8 ulp or 1e-9.
func TestFusedRowLossesMatchComposed(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	rows, cols := 300, 70
	xs := func(scale float64) []float32 {
		v := make([]float32, rows*cols)
		for i := range v {
			v[i] = float32(scale * r.NormFloat64())
		}
		return v
	}
	probs := make([]float32, rows*cols)
	targets := make([]float32, rows*cols)
	for i := range probs {
		probs[i] = float32(r.Float64())
		targets[i] = float32(r.IntN(2))
	}
	labels := make([]int, rows)
	signs := make([]float64, rows)
	for i := range labels {
		labels[i] = r.IntN(cols)
		signs[i] = float64(1 - 2*r.IntN(2))
	}
	y, _ := FromFloat32(targets, rows, cols)
	cosLabels, _ := FromValues(Int32, signs, rows)
	logitData, x1Data, x2Data := xs(3), xs(1), xs(1)
	for _, kind := range []string{"SoftmaxCrossEntropy", "BinaryCrossEntropy", "CosineEmbeddingLoss"} {
		for _, red := range []Reduction{ReductionMean, ReductionSum, ReductionNone} {
			if kind == "BinaryCrossEntropy" && red == ReductionNone {
				continue
			}
			t.Run(kind+"/"+red.String(), func(t *testing.T) {
				inputs := func() (*Tensor, *Tensor) {
					switch kind {
					case "SoftmaxCrossEntropy":
						x, _ := FromFloat32(logitData, rows, cols)
						return x.SetRequiresGrad(true), nil
					case "BinaryCrossEntropy":
						x, _ := FromFloat32(probs, rows, cols)
						return x.SetRequiresGrad(true), nil
					}
					a, _ := FromFloat32(x1Data, rows, cols)
					b, _ := FromFloat32(x2Data, rows, cols)
					return a.SetRequiresGrad(true), b.SetRequiresGrad(true)
				}
				a, b := inputs()
				want := composedRowLoss(kind, a, b, labels, map[bool]*Tensor{true: cosLabels, false: y}[kind == "CosineEmbeddingLoss"], red)
				fa, fb := inputs()
				var got *Tensor
				var err error
				switch kind {
				case "SoftmaxCrossEntropy":
					got, err = SoftmaxCrossEntropy(fa, labels, red)
				case "BinaryCrossEntropy":
					got, err = BinaryCrossEntropy(fa, y, red)
				default:
					got, err = CosineEmbeddingLoss(fa, fb, cosLabels, 0.1, red)
				}
				if err != nil {
					t.Fatal(err)
				}
				compareFusedRowLoss(t, got, want, []*Tensor{fa, fb}, []*Tensor{a, b})
			})
		}
	}
}

func compareFusedRowLoss(t *testing.T, got, want *Tensor, gotIn, wantIn []*Tensor) {
	t.Helper()
	if !sameShape(got.shape, want.shape) {
		t.Fatalf("loss shape %v, want %v", got.shape, want.shape)
	}
	gv, wv := got.Floats(), want.Floats()
	for i := range gv {
		if math.Abs(gv[i]-wv[i]) > 2e-6*(1+math.Abs(wv[i])) {
			t.Fatalf("loss[%d] = %v, want %v", i, gv[i], wv[i])
		}
	}
	if gotIn[1] == nil {
		gotIn, wantIn = gotIn[:1], wantIn[:1]
	}
	gg, err := Grad(got, gotIn, nil)
	if err != nil {
		t.Fatal(err)
	}
	wg, err := Grad(want, wantIn, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k := range gg {
		a, b := gg[k].F32(), wg[k].F32()
		for i := range a {
			d := math.Abs(float64(a[i]) - float64(b[i]))
			if d > 1e-9 && d > 8*ulp32(b[i]) {
				t.Fatalf("gradient %d element %d = %v, want %v", k, i, a[i], b[i])
			}
		}
	}
}

// ulp32 returns the spacing of float32 values at v.
func ulp32(v float32) float64 {
	a := math.Abs(float64(v))
	return float64(math.Nextafter32(float32(a), float32(math.Inf(1)))) - float64(float32(a))
}
