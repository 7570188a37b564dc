package nn_test

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/engine"
)

// Central differences with step h have truncation error O(h²) and
// rounding error O(ε/h), both far below the tolerances at h = 1e-6 for
// inputs of order 1. At a kink of max(z, 0) the central difference is
// the mean of the one-sided slopes, 1/2, which is also the subgradient
// MindSpore's CPU MaximumGrad gives a tie. At |d| = 0 it is 0, as
// MindSpore's AbsGrad gives.
const (
	lossFDStep = 1e-6
	lossFDRtol = 1e-6
	lossFDAtol = 1e-8
)

// lossInput is one input of a gradient case: float64 values unless dtype
// says otherwise. Only inputs with check set are differentiated.
type lossInput struct {
	shape  []int
	values []float64
	dtype  engine.DType
	check  bool
}

// lossGradCase checks the gradient of sum(w * f(inputs)) for random
// weights w against central differences.
type lossGradCase struct {
	name   string
	inputs []lossInput
	f      func(x []*engine.Tensor) (*engine.Tensor, error)
}

func (in lossInput) tensor(t *testing.T, values []float64) *engine.Tensor {
	t.Helper()
	d := in.dtype
	if d == 0 {
		d = engine.Float64
	}
	shape := in.shape
	if shape == nil {
		shape = []int{}
	}
	x, err := engine.FromValues(d, values, shape...)
	if err != nil {
		t.Fatalf("FromValues %v: %v", shape, err)
	}
	return x
}

func lossSeed(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

func checkLossGrad(t *testing.T, c lossGradCase) {
	t.Helper()
	xs := make([]*engine.Tensor, len(c.inputs))
	var wrt []*engine.Tensor
	var wrtIndex []int
	for i, in := range c.inputs {
		xs[i] = in.tensor(t, in.values)
		if in.check {
			xs[i].SetRequiresGrad(true)
			wrt = append(wrt, xs[i])
			wrtIndex = append(wrtIndex, i)
		}
	}
	y, err := c.f(xs)
	if err != nil {
		t.Fatalf("forward: %v", err)
	}
	r := rand.New(rand.NewPCG(lossSeed(c.name), 1))
	w := make([]float64, y.Numel())
	for i := range w {
		w[i] = r.Float64()*2 - 1
	}
	sens, err := engine.FromValues(y.DType(), w, y.Shape()...)
	if err != nil {
		t.Fatal(err)
	}
	grads, err := engine.Grad(y, wrt, sens)
	if err != nil {
		t.Fatalf("Grad: %v", err)
	}
	for k, i := range wrtIndex {
		for j := range c.inputs[i].values {
			plus := weightedLossAt(t, c, w, i, j, lossFDStep)
			minus := weightedLossAt(t, c, w, i, j, -lossFDStep)
			fd := (plus - minus) / (2 * lossFDStep)
			an := grads[k].Float(j)
			if math.Abs(an-fd) > lossFDAtol+lossFDRtol*max(math.Abs(an), math.Abs(fd)) {
				t.Errorf("input %d element %d: gradient %.12g, finite difference %.12g", i, j, an, fd)
			}
		}
	}
}

// weightedLossAt returns sum(w * f) with element j of input i moved by
// delta.
func weightedLossAt(t *testing.T, c lossGradCase, w []float64, i, j int, delta float64) float64 {
	t.Helper()
	xs := make([]*engine.Tensor, len(c.inputs))
	for k, in := range c.inputs {
		v := in.values
		if k == i {
			v = slices.Clone(v)
			v[j] += delta
		}
		xs[k] = in.tensor(t, v)
	}
	y, err := c.f(xs)
	if err != nil {
		t.Fatalf("forward at a perturbed point: %v", err)
	}
	var s float64
	for k, wk := range w {
		s += wk * y.Float(k)
	}
	return s
}

// lossData draws reproducible inputs.
type lossData struct{ r *rand.Rand }

func newLossData(name string) *lossData {
	return &lossData{rand.New(rand.NewPCG(lossSeed(name), 7))}
}

func (g *lossData) fill(shape []int, draw func() float64) lossInput {
	v := make([]float64, engine.Numel(shape))
	for i := range v {
		v[i] = draw()
	}
	return lossInput{shape: shape, values: v, check: true}
}

func (g *lossData) normal(shape ...int) lossInput { return g.fill(shape, g.r.NormFloat64) }

func (g *lossData) uniform(lo, hi float64, shape ...int) lossInput {
	return g.fill(shape, func() float64 { return lo + (hi-lo)*g.r.Float64() })
}

// signs draws ±1 labels, not differentiated.
func (g *lossData) signs(shape ...int) lossInput {
	in := g.fill(shape, func() float64 { return float64(2*g.r.IntN(2) - 1) })
	in.check = false
	return in
}

// classes draws class indices in [0, c) of dtype d, not differentiated.
func (g *lossData) classes(c int, d engine.DType, shape ...int) lossInput {
	in := g.fill(shape, func() float64 { return float64(g.r.IntN(c)) })
	in.dtype, in.check = d, false
	return in
}

func fixed(values []float64, shape ...int) lossInput {
	return lossInput{shape: shape, values: values, check: true}
}

func constant(in lossInput) lossInput {
	in.check = false
	return in
}

func labels(d engine.DType, values []float64, shape ...int) lossInput {
	return lossInput{shape: shape, values: values, dtype: d}
}

// offset returns values shifted away from a: each |v - a| >= gap.
func awayFrom(in lossInput, gap float64) lossInput {
	for i, v := range in.values {
		if math.Abs(v) < gap {
			in.values[i] = math.Copysign(gap+math.Abs(v), v)
		}
	}
	return in
}

var reductions = []string{"none", "mean", "sum"}

func TestLossGradients(t *testing.T) {
	var cases []lossGradCase
	for _, r := range reductions {
		cases = append(cases, regressionGradCases(r)...)
		cases = append(cases, binaryGradCases(r)...)
		cases = append(cases, classGradCases(r)...)
		cases = append(cases, marginGradCases(r)...)
		cases = append(cases, probGradCases(r)...)
		cases = append(cases, ctcGradCases(r)...)
	}
	cases = append(cases, probGradCases("batchmean")[:1]...)
	cases = append(cases, singleGradCases()...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLossGrad(t, c) })
	}
}

func regressionGradCases(r string) []lossGradCase {
	g := newLossData("regression " + r)
	x, y := g.normal(3, 4), g.normal(3, 4)
	diff := func(a, b lossInput) lossInput {
		for i := range a.values {
			if d := a.values[i] - b.values[i]; math.Abs(d) < 0.05 {
				a.values[i] += 0.1
			}
		}
		return a
	}
	x = diff(x, y)
	// Differences exactly at 0, at the SmoothL1 and Huber thresholds and
	// on both sides of them.
	kinks := fixed([]float64{0, 0.7, -0.7, 0.8, 1.5, -0.3}, 6)
	zeros := fixed(make([]float64, 6), 6)
	two := func(f func(a, b *engine.Tensor) (*engine.Tensor, error)) func([]*engine.Tensor) (*engine.Tensor, error) {
		return func(x []*engine.Tensor) (*engine.Tensor, error) { return f(x[0], x[1]) }
	}
	return []lossGradCase{
		{"L1 " + r, []lossInput{x, y}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.L1(a, b, r) })},
		{"L1 broadcast " + r, []lossInput{g.normal(3), diff(g.normal(2, 3), g.normal(2, 3))}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.L1(a, b, r) })},
		{"L1 at 0 " + r, []lossInput{kinks, zeros}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.L1(a, b, r) })},
		{"MSE broadcast " + r, []lossInput{g.normal(2, 1), g.normal(3)}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.MSE(a, b, r) })},
		{"SmoothL1 " + r, []lossInput{x, y}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.SmoothL1(a, b, 0.7, r) })},
		{"SmoothL1 at beta " + r, []lossInput{kinks, zeros}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.SmoothL1(a, b, 0.7, r) })},
		{"Huber " + r, []lossInput{x, y}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.Huber(a, b, 0.8, r) })},
		{"Huber at delta " + r, []lossInput{kinks, zeros}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.Huber(a, b, 0.8, r) })},
		{"GetLoss weights " + r, []lossInput{x, g.uniform(0.5, 2, 3, 1)}, two(func(a, b *engine.Tensor) (*engine.Tensor, error) { return nn.GetLoss(a, b, r) })},
	}
}

func binaryGradCases(r string) []lossGradCase {
	g := newLossData("binary " + r)
	prob := g.uniform(0.05, 0.95, 2, 3)
	soft := g.uniform(0, 1, 2, 3)
	// Hard labels 0 and 1 next to soft ones: the label gradient must stay
	// exact where a term's weight is 0.
	hard := fixed([]float64{0, 1, 0.3, 1, 0, 0.8}, 2, 3)
	logits := g.uniform(-3, 3, 2, 3)
	return []lossGradCase{
		{"BCE " + r, []lossInput{prob, soft, g.uniform(0.5, 2, 2, 3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.BinaryCrossEntropy(x[0], x[1], x[2], r)
		}},
		{"BCEWithLogits " + r, []lossInput{logits, hard, g.uniform(0.5, 2, 2, 1), g.uniform(0.5, 2, 3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.BinaryCrossEntropyWithLogits(x[0], x[1], x[2], x[3], r)
		}},
		{"BCEWithLogits no weights " + r, []lossInput{logits, soft}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.BinaryCrossEntropyWithLogits(x[0], x[1], nil, nil, r)
		}},
		{"SoftMargin " + r, []lossInput{logits, g.normal(2, 3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.SoftMargin(x[0], x[1], r)
		}},
		{"MultilabelSoftMargin " + r, []lossInput{logits, hard, g.uniform(0.5, 2, 3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MultilabelSoftMargin(x[0], x[1], x[2], r)
		}},
	}
}

func classGradCases(r string) []lossGradCase {
	g := newLossData("class " + r)
	logits := g.normal(4, 5)
	idx := labels(engine.Int32, []float64{1, 0, 4, -100}, 4)
	weight := g.uniform(0.5, 2, 5)
	probs := g.uniform(0, 1, 4, 5)
	spatial := g.normal(2, 3, 2)
	spatialIdx := labels(engine.Int64, []float64{2, 0, 1, 1}, 2, 2)
	o := nn.ClassOptions{IgnoreIndex: -100, Reduction: r}
	ws := o
	ws.LabelSmoothing = 0.2
	return []lossGradCase{
		{"NLL " + r, []lossInput{logits, idx, weight}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			o := o
			o.Weight = x[2]
			return nn.NLL(x[0], x[1], o)
		}},
		{"CrossEntropy index smoothing " + r, []lossInput{logits, idx, weight}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			o := ws
			o.Weight = x[2]
			return nn.CrossEntropy(x[0], x[1], o)
		}},
		{"CrossEntropy spatial " + r, []lossInput{spatial, spatialIdx}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.CrossEntropy(x[0], x[1], o)
		}},
		{"CrossEntropy probabilities " + r, []lossInput{logits, probs, weight}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			o := ws
			o.Weight = x[2]
			return nn.CrossEntropy(x[0], x[1], o)
		}},
		{"SoftmaxCrossEntropy dense " + r, []lossInput{logits, probs}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.SoftmaxCrossEntropy(x[0], x[1], false, r)
		}},
		{"SoftmaxCrossEntropy sparse " + r, []lossInput{logits, g.classes(5, engine.Int64, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.SoftmaxCrossEntropy(x[0], x[1], true, r)
		}},
		{"Focal index labels " + r, []lossInput{spatial, labels(engine.Int32, []float64{2, -1, 0, 1}, 2, 1, 2), g.uniform(0.5, 2, 3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.Focal(x[0], x[1], x[2], 2, r)
		}},
		{"Focal one-hot gamma 0.5 " + r, []lossInput{logits, labels(engine.Float64, oneHot([]int{1, 0, 4, 2}, 5), 4, 5)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.Focal(x[0], x[1], nil, 0.5, r)
		}},
		{"MultiMargin p=1 " + r, []lossInput{logits, g.classes(5, engine.Int64, 4), weight}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MultiMargin(x[0], x[1], x[2], 1, 0.9, r)
		}},
		{"MultiMargin p=2 " + r, []lossInput{logits, g.classes(5, engine.Int64, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MultiMargin(x[0], x[1], nil, 2, 1.1, r)
		}},
		{"MultilabelMargin " + r, []lossInput{logits, labels(engine.Int32, []float64{1, 3, -1, 0, 0, 2, 4, -1, -1, 4, 2, 2, 1, 3, 0, 4, 3, -1, 1, 1}, 4, 5)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MultilabelMargin(x[0], x[1], r)
		}},
	}
}

func oneHot(classes []int, c int) []float64 {
	v := make([]float64, len(classes)*c)
	for i, k := range classes {
		v[i*c+k] = 1
	}
	return v
}

func marginGradCases(r string) []lossGradCase {
	g := newLossData("margin " + r)
	x1, x2 := g.normal(4), g.normal(4)
	target := fixed([]float64{1, -1, -1, 1}, 4)
	// z = -t*(x1 - x2) + margin is 0 exactly for the last element.
	kink1 := fixed([]float64{0.5, 1.5, -0.25, 0.75}, 4)
	kink2 := fixed([]float64{0.1, 0.2, 0.3, 0.5}, 4)
	hingeX := fixed([]float64{0.4, -1.2, 1, 2.5, 0.3, 1}, 2, 3)
	hingeY := constant(fixed([]float64{1, -1, -1, 1, 0, -1}, 2, 3))
	cosLabels := labels(engine.Int32, []float64{1, -1, -1, 0}, 4)
	return []lossGradCase{
		{"MarginRanking " + r, []lossInput{awayFrom(x1, 0.1), x2, constant(target)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MarginRanking(x[0], x[1], x[2], 0.05, r)
		}},
		{"MarginRanking at the hinge " + r, []lossInput{kink1, kink2, constant(target)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.MarginRanking(x[0], x[1], x[2], 0.25, r)
		}},
		{"HingeEmbedding with the kink at margin " + r, []lossInput{hingeX, hingeY}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.HingeEmbedding(x[0], x[1], 1, r)
		}},
		{"CosineEmbedding " + r, []lossInput{g.normal(4, 3), g.normal(4, 3), cosLabels}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.CosineEmbedding(x[0], x[1], x[2], -0.9, r)
		}},
		{"CosineEmbedding 3-D " + r, []lossInput{g.normal(2, 3, 2), g.normal(2, 3, 2), labels(engine.Float64, []float64{1, -1, -1, 1}, 2, 2)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.CosineEmbedding(x[0], x[1], x[2], -0.95, r)
		}},
		{"TripletMargin p=2 swap " + r, []lossInput{g.normal(3, 4), g.normal(3, 4), g.normal(3, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.TripletMargin(x[0], x[1], x[2], nn.TripletOptions{P: 2, Margin: 4, Eps: 1e-6, Swap: true, Reduction: r})
		}},
		{"TripletMargin p=1 " + r, []lossInput{g.normal(3, 4), g.normal(3, 4), g.normal(3, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.TripletMargin(x[0], x[1], x[2], nn.TripletOptions{P: 1, Margin: 6, Eps: 1e-6, Reduction: r})
		}},
		{"TripletMargin p=3 broadcast " + r, []lossInput{g.normal(3, 4), g.normal(1, 4), g.normal(3, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.TripletMargin(x[0], x[1], x[2], nn.TripletOptions{P: 3, Margin: 3, Eps: 1e-6, Reduction: r})
		}},
		{"Dice", []lossInput{g.uniform(0, 1, 3, 2), g.uniform(0, 1, 3, 2)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.Dice(x[0], x[1], 1e-5)
		}},
		{"MultiClassDice softmax weights " + r, []lossInput{g.normal(3, 3), g.uniform(0, 1, 3, 3), g.uniform(0.5, 2, 3, 2)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			ignore := 1
			return nn.MultiClassDice(x[0], x[1], x[2], &ignore, func(t *engine.Tensor) (*engine.Tensor, error) { return engine.Softmax(t, -1) })
		}},
	}
}

func probGradCases(r string) []lossGradCase {
	g := newLossData("prob " + r)
	target := fixed([]float64{0.2, -0.5, 0.7, 1.3, 0.05, -1}, 2, 3)
	counts := fixed([]float64{0, 0.5, 2, 3.5, 0.2, 7}, 2, 3)
	return []lossGradCase{
		{"KLDiv " + r, []lossInput{g.normal(2, 3), target}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.KLDiv(x[0], x[1], r)
		}},
		{"PoissonNLL log input full " + r, []lossInput{g.normal(2, 3), counts}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.PoissonNLL(x[0], x[1], nn.PoissonOptions{LogInput: true, Full: true, Eps: 1e-8, Reduction: r})
		}},
		{"PoissonNLL rates " + r, []lossInput{g.uniform(0.2, 3, 2, 3), counts}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.PoissonNLL(x[0], x[1], nn.PoissonOptions{Eps: 1e-8, Reduction: r})
		}},
		{"GaussianNLL var with one axis fewer " + r, []lossInput{g.normal(2, 3), g.normal(2, 3), g.uniform(0.5, 2, 2)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.GaussianNLL(x[0], x[1], x[2], true, 1e-6, r)
		}},
	}
}

func ctcGradCases(r string) []lossGradCase {
	g := newLossData("ctc " + r)
	targets := labels(engine.Int32, []float64{1, 2, 2, 3, 1, 0}, 2, 3)
	return []lossGradCase{
		{"CTC " + r, []lossInput{g.normal(6, 2, 4), targets}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			loss, _, err := nn.CTC(x[0], x[1], []int{6, 5}, []int{3, 2}, nn.CTCOptions{Reduction: r})
			return loss, err
		}},
	}
}

func singleGradCases() []lossGradCase {
	g := newLossData("single")
	return []lossGradCase{
		{"RMSE", []lossInput{g.normal(2, 3), g.normal(3)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			return nn.RMSE(x[0], x[1])
		}},
		{"SampledSoftmax", []lossInput{g.normal(7, 4), g.normal(7), labels(engine.Int64, []float64{0, 5, 2, 2, 6, 1}, 3, 2), g.normal(3, 4)}, func(x []*engine.Tensor) (*engine.Tensor, error) {
			count := func(n int) *engine.Tensor {
				v := make([]float64, n)
				for i := range v {
					v[i] = 0.4 + 0.1*float64(i)
				}
				t, _ := engine.FromValues(engine.Float64, v, n)
				return t
			}
			s := nn.SampledValues{Candidates: []int{4, 0, 3}, TrueExpected: count(6), SampledExpected: count(3)}
			return nn.SampledSoftmax(x[0], x[1], x[2], x[3], s, 2)
		}},
	}
}

// TestLossSubgradientsAtKinks pins the gradients at points where the
// loss is not differentiable and the kernel's choice is one-sided: the
// MultiMarginLoss and MultilabelMarginLoss kernels count a hinge only
// when its argument is > 0, so a hinge exactly at 0 gets gradient 0.
func TestLossSubgradientsAtKinks(t *testing.T) {
	x := mustLossTensor(t, []float64{0, 1, 0}, 1, 3)
	multi := func(xs []*engine.Tensor) (*engine.Tensor, error) {
		target, _ := engine.FromInt64([]int64{1}, 1)
		return nn.MultiMargin(xs[0], target, nil, 1, 1, "sum")
	}
	// z = margin - x[1] + x[i] = 0 for i = 0 and 2: both hinges sit at
	// the kink and contribute nothing.
	if got := lossGradOf(t, multi, x); !slices.Equal(got, []float64{0, 0, 0}) {
		t.Errorf("MultiMargin gradient at the kink = %v, want [0 0 0]", got)
	}
	label := func(xs []*engine.Tensor) (*engine.Tensor, error) {
		target, _ := engine.FromInt32([]int32{1, -1, 0}, 1, 3)
		return nn.MultilabelMargin(xs[0], target, "sum")
	}
	if got := lossGradOf(t, label, x); !slices.Equal(got, []float64{0, 0, 0}) {
		t.Errorf("MultilabelMargin gradient at the kink = %v, want [0 0 0]", got)
	}
}

func mustLossTensor(t *testing.T, v []float64, shape ...int) *engine.Tensor {
	t.Helper()
	x, err := engine.FromValues(engine.Float64, v, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// lossGradOf returns the gradient of f's scalar output.
func lossGradOf(t *testing.T, f func([]*engine.Tensor) (*engine.Tensor, error), x *engine.Tensor) []float64 {
	t.Helper()
	x.SetRequiresGrad(true)
	y, err := f([]*engine.Tensor{x})
	if err != nil {
		t.Fatal(err)
	}
	g, err := engine.Grad(y, []*engine.Tensor{x}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return g[0].Floats()
}
