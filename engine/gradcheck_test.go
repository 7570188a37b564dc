package engine

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// Central differences with step h have truncation error O(h²) and
// rounding error O(ε/h), both far below the tolerances at h = 1e-6 for
// inputs of order 1.
const (
	fdStep = 1e-6
	fdRtol = 1e-6
	fdAtol = 1e-8
)

// gradInput is one differentiable input of a gradient check.
type gradInput struct {
	shape  []int
	values []float64
	dtype  DType // Float64 when zero
}

// gradCase checks the gradient of sum(sens * f(inputs)) against central
// differences. step, rtol and atol override the defaults when non-zero.
type gradCase struct {
	name   string
	inputs []gradInput
	f      func(x []*Tensor) (*Tensor, error)
	step   float64
	rtol   float64
	atol   float64
}

// inputGen draws reproducible test inputs.
type inputGen struct{ r *rand.Rand }

func newInputGen(seed uint64) *inputGen {
	return &inputGen{r: rand.New(rand.NewPCG(seed, 0x5eed))}
}

func (g *inputGen) fill(shape []int, draw func() float64) gradInput {
	v := make([]float64, Numel(shape))
	for i := range v {
		v[i] = draw()
	}
	return gradInput{shape: shape, values: v}
}

func (g *inputGen) normal(shape ...int) gradInput { return g.fill(shape, g.r.NormFloat64) }

func (g *inputGen) uniform(lo, hi float64, shape ...int) gradInput {
	return g.fill(shape, func() float64 { return lo + (hi-lo)*g.r.Float64() })
}

// awayFromZero draws magnitudes in [0.2, 1.5] with random signs, for ops
// with a kink at 0.
func (g *inputGen) awayFromZero(shape ...int) gradInput {
	return g.fill(shape, func() float64 {
		v := 0.2 + 1.3*g.r.Float64()
		if g.r.IntN(2) == 0 {
			return -v
		}
		return v
	})
}

// distinct returns values at least 0.09 apart, shifted by offset, so
// that max, min and their ties are decided far from the FD step.
func (g *inputGen) distinct(offset float64, shape ...int) gradInput {
	n := Numel(shape)
	perm := g.r.Perm(n)
	v := make([]float64, n)
	for i, p := range perm {
		v[i] = 0.1*float64(p-n/2) + offset + 0.01*g.r.Float64()
	}
	return gradInput{shape: shape, values: v}
}

// awayFromIntegers draws values whose fractional part is in [0.2, 0.8],
// for Floor and FloorDiv, which jump at integers.
func (g *inputGen) awayFromIntegers(lo, hi float64, shape ...int) gradInput {
	return g.fill(shape, func() float64 {
		return math.Floor(lo+(hi-lo)*g.r.Float64()) + 0.2 + 0.6*g.r.Float64()
	})
}

func vals(values []float64, shape ...int) gradInput {
	return gradInput{shape: shape, values: values}
}

func mustTensor(t testing.TB, d DType, values []float64, shape ...int) *Tensor {
	t.Helper()
	if shape == nil {
		shape = []int{} // a 0-d tensor, not FromValues' default 1-D shape
	}
	x, err := FromValues(d, values, shape...)
	if err != nil {
		t.Fatalf("FromValues(%v, %v): %v", d, shape, err)
	}
	return x
}

func (in gradInput) dt() DType {
	if in.dtype == 0 {
		return Float64
	}
	return in.dtype
}

func unaryCase(name string, in gradInput, f func(*Tensor) (*Tensor, error)) gradCase {
	return gradCase{name: name, inputs: []gradInput{in}, f: func(x []*Tensor) (*Tensor, error) { return f(x[0]) }}
}

func binaryCase(name string, a, b gradInput, f func(a, b *Tensor) (*Tensor, error)) gradCase {
	return gradCase{name: name, inputs: []gradInput{a, b}, f: func(x []*Tensor) (*Tensor, error) { return f(x[0], x[1]) }}
}

// seedOf derives a per-case seed from the case name, so adding a case
// does not change the inputs of the others.
func seedOf(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

func TestGradCheck(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range gradCases() {
		t.Run(c.name, func(t *testing.T) {
			for _, op := range checkGrad(t, c) {
				seen[op] = true
			}
		})
	}
	var missing []string
	for _, op := range opsWithGradients() {
		if !seen[op] {
			missing = append(missing, op)
		}
	}
	if len(missing) > 0 {
		t.Errorf("ops with a vjp that no gradient check reaches: %v", missing)
	}
}

// opsWithGradients lists the node names that record attaches.
func opsWithGradients() []string {
	ops := append([]string(nil), unOpNames[:]...)
	ops = append(ops, binOpNames[:]...)
	ops = append(ops, redNames[:]...)
	return append(ops, "Cast", "Select", "Reshape", "Transpose",
		"BroadcastTo", "Concat", "StridedSlice", "Gather", "MaskedSelect",
		"MatMul", "Softmax", "LogSoftmax", "Clip", "Norm", "LogSumExp",
		"GatherElements", "Conv2D", "MaxPool2D", "Dropout", "FloorDiv", "Mod",
		"CTCLoss", "MulNoNaN", "L1Loss", "MSELoss", "SmoothL1Loss",
		"SoftmaxCrossEntropy", "CosineEmbeddingLoss", "BinaryCrossEntropy",
		"Erf", "Ceil", "Round", "CumSum", "CumProd", "GatherNd", "ScatterNd",
		"Dense")
}

// checkGrad runs one case and returns the op names in its graph.
func checkGrad(t *testing.T, c gradCase) []string {
	t.Helper()
	step, rtol, atol := orDefault(c.step, fdStep), orDefault(c.rtol, fdRtol), orDefault(c.atol, fdAtol)
	y, grads, w := analyticGrads(t, c)

	for i, in := range c.inputs {
		g := grads[i]
		if !sameShape(g.Shape(), in.shape) || g.DType() != in.dt() {
			t.Fatalf("input %d: gradient is %s %s, want %s %s", i, FormatShape(g.Shape()), g.DType(), FormatShape(in.shape), in.dt())
		}
		for j := range in.values {
			fd := (weightedLoss(t, c, w, i, j, step) - weightedLoss(t, c, w, i, j, -step)) / (2 * step)
			an := g.Float(j)
			if math.Abs(an-fd) > atol+rtol*max(math.Abs(an), math.Abs(fd)) {
				t.Errorf("input %d element %d: gradient %.12g, finite difference %.12g", i, j, an, fd)
			}
		}
	}
	return graphOps(y)
}

// analyticGrads runs the case forward and backward with random weights
// as sens, and returns the output, the gradients and the weights.
func analyticGrads(t *testing.T, c gradCase) (*Tensor, []*Tensor, []float64) {
	t.Helper()
	xs := make([]*Tensor, len(c.inputs))
	for i, in := range c.inputs {
		xs[i] = mustTensor(t, in.dt(), in.values, in.shape...).SetRequiresGrad(true)
	}
	y, err := c.f(xs)
	if err != nil {
		t.Fatalf("forward: %v", err)
	}

	r := rand.New(rand.NewPCG(seedOf(c.name), 1))
	w := make([]float64, y.Numel())
	for i := range w {
		w[i] = r.Float64()*2 - 1
	}
	sens := mustTensor(t, y.DType(), w, y.Shape()...)
	grads, err := Grad(y, xs, sens)
	if err != nil {
		t.Fatalf("Grad: %v", err)
	}
	// The finite differences must use the weights that Grad received,
	// which are rounded to y's dtype.
	return y, grads, sens.Floats()
}

// weightedLoss returns sum(w * f(inputs)) with element j of input i
// moved by delta.
func weightedLoss(t *testing.T, c gradCase, w []float64, i, j int, delta float64) float64 {
	t.Helper()
	in := make([]*Tensor, len(c.inputs))
	for k, gi := range c.inputs {
		v := gi.values
		if k == i {
			v = slices.Clone(v)
			v[j] += delta
		}
		in[k] = mustTensor(t, gi.dt(), v, gi.shape...)
	}
	out, err := c.f(in)
	if err != nil {
		t.Fatalf("forward at a perturbed point: %v", err)
	}
	var s float64
	for k, wk := range w {
		s += wk * out.Float(k)
	}
	return s
}

func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

func graphOps(y *Tensor) []string {
	var ops []string
	for _, n := range topoOrder(y) {
		if n.node != nil {
			ops = append(ops, n.node.op)
		}
	}
	sort.Strings(ops)
	return slices.Compact(ops)
}

// broadcastPairs are operand shapes that exercise every sumTo path:
// stretched axes on both sides, a missing leading axis and scalars.
var broadcastPairs = [][2][]int{
	{{3, 1}, {1, 4}},
	{{2, 3}, {3}},
	{{2, 3}, {}},
	{{}, {2, 3}},
	{{2, 3}, {2, 3}},
}

func gradCases() []gradCase {
	var cases []gradCase
	cases = append(cases, binaryGradCases()...)
	cases = append(cases, unaryGradCases()...)
	cases = append(cases, castGradCases()...)
	cases = append(cases, reduceGradCases()...)
	cases = append(cases, shapeGradCases()...)
	cases = append(cases, indexGradCases()...)
	cases = append(cases, matmulSoftmaxGradCases()...)
	cases = append(cases, lossOpGradCases()...)
	cases = append(cases, convPoolGradCases()...)
	cases = append(cases, fusedLossGradCases()...)
	cases = append(cases, layerOpGradCases()...)
	return cases
}

func binaryGradCases() []gradCase {
	type binary struct {
		name string
		f    func(a, b *Tensor) (*Tensor, error)
		a, b func(g *inputGen, shape []int) gradInput
	}
	normal := func(g *inputGen, s []int) gradInput { return g.normal(s...) }
	nonzero := func(g *inputGen, s []int) gradInput { return g.awayFromZero(s...) }
	positive := func(g *inputGen, s []int) gradInput { return g.uniform(0.5, 2, s...) }
	low := func(g *inputGen, s []int) gradInput { return g.distinct(0, s...) }
	high := func(g *inputGen, s []int) gradInput { return g.distinct(0.05, s...) }
	// Mod and FloorDiv jump where a/b is an integer. With a an odd
	// multiple of 1/8 and |b| in {1.5, 1.75}, a/b is an odd multiple of
	// 1/12 or 1/14, so it stays at least 0.07 from every integer.
	dividend := func(g *inputGen, s []int) gradInput {
		return g.fill(s, func() float64 { return float64(g.r.IntN(17)-8)/4 + 0.125 })
	}
	divisor := func(g *inputGen, s []int) gradInput {
		return g.fill(s, func() float64 { return []float64{1.5, 1.75, -1.5, -1.75}[g.r.IntN(4)] })
	}

	ops := []binary{
		{"Add", Add, normal, normal},
		{"Sub", Sub, normal, normal},
		{"Mul", Mul, normal, normal},
		{"Div", Div, normal, nonzero},
		{"Maximum", Maximum, low, high},
		{"Minimum", Minimum, low, high},
		{"Pow", Pow, positive, normal},
		{"FloorDiv", FloorDiv, dividend, divisor},
		{"Mod", Mod, dividend, divisor},
	}

	var cases []gradCase
	for _, op := range ops {
		for _, p := range broadcastPairs {
			name := op.name + FormatShape(p[0]) + FormatShape(p[1])
			g := newInputGen(seedOf(name))
			cases = append(cases, binaryCase(name, op.a(g, p[0]), op.b(g, p[1]), op.f))
		}
	}
	g := newInputGen(1)
	cases = append(cases, unaryCase("Mul same input twice", g.normal(2, 3), func(x *Tensor) (*Tensor, error) {
		return Mul(x, x)
	}))
	return cases
}

func unaryGradCases() []gradCase {
	g := newInputGen(2)
	normal := g.normal(2, 3)
	positive := g.uniform(0.5, 2, 2, 3)
	nonzero := g.awayFromZero(2, 3)
	domain := map[string]gradInput{
		"Log": positive, "Sqrt": positive, "Rsqrt": positive,
		"Abs": nonzero, "ReLU": nonzero, "Sign": nonzero, "Reciprocal": nonzero,
		"Floor":  g.awayFromIntegers(-3, 3, 2, 3),
		"Log1p":  g.uniform(-0.5, 2, 2, 3),
		"Square": normal,
	}
	var cases []gradCase
	for k, name := range unOpNames {
		in, ok := domain[name]
		if !ok {
			in = normal
		}
		cases = append(cases, unaryCase(name, in, func(x *Tensor) (*Tensor, error) {
			defer catch(new(error))
			return unary(unOp(k), x), nil
		}))
	}
	// Softplus and LogSigmoid switch formulas at 0 and ±20; check both sides.
	wide := vals([]float64{-30, -5, -0.5, 0.5, 5, 30}, 2, 3)
	cases = append(cases,
		unaryCase("Softplus wide", wide, Softplus),
		unaryCase("LogSigmoid wide", wide, LogSigmoid),
		unaryCase("Sigmoid wide", wide, Sigmoid))
	return cases
}

// castGradCases use dyadic inputs and a power-of-two step, so every
// perturbed value is exact in float32 and the differences are exact.
func castGradCases() []gradCase {
	dyadic := vals([]float64{-1.5, -0.25, 0.125, 0.75, 1, 2.5}, 2, 3)
	f32 := dyadic
	f32.dtype = Float32
	return []gradCase{
		{
			name: "Cast float64 to float32 and back", inputs: []gradInput{dyadic}, step: 1.0 / 1024,
			f: func(x []*Tensor) (*Tensor, error) {
				y, err := Cast(x[0], Float32)
				if err != nil {
					return nil, err
				}
				return Cast(y, Float64)
			},
		},
		{
			name: "Cast float32 to float64", inputs: []gradInput{f32}, step: 1.0 / 1024,
			f: func(x []*Tensor) (*Tensor, error) {
				y, err := Cast(x[0], Float64)
				if err != nil {
					return nil, err
				}
				return Square(y)
			},
		},
	}
}

func reduceGradCases() []gradCase {
	type reduction struct {
		name string
		f    func(*Tensor, []int, bool) (*Tensor, error)
	}
	ops := []reduction{{"Sum", Sum}, {"Mean", Mean}, {"Max", Max}, {"Min", Min}, {"Prod", Prod}}
	axesCases := []struct {
		axes []int
		keep bool
	}{
		{nil, false}, {nil, true}, {[]int{1}, false}, {[]int{-1}, true},
		{[]int{0, 2}, false}, {[]int{2, 0}, true}, {[]int{0, 1, 2}, false},
	}
	var cases []gradCase
	for _, op := range ops {
		for _, ac := range axesCases {
			name := op.name + " axes " + FormatShape(ac.axes)
			if ac.keep {
				name += " keepdims"
			}
			g := newInputGen(seedOf(name))
			in := g.distinct(0, 2, 3, 4)
			if op.name == "Prod" {
				in = g.awayFromZero(2, 3, 4)
			}
			cases = append(cases, unaryCase(name, in, func(x *Tensor) (*Tensor, error) {
				return op.f(x, ac.axes, ac.keep)
			}))
		}
	}
	withZero := vals([]float64{0.5, 0, 2, -1.5, 3, 0, 1.25, -0.75}, 2, 4)
	cases = append(cases,
		unaryCase("Prod with zeros", withZero, func(x *Tensor) (*Tensor, error) { return Prod(x, []int{1}, false) }),
		unaryCase("Prod all with zero", withZero, func(x *Tensor) (*Tensor, error) { return Prod(x, nil, false) }))
	return cases
}

func shapeGradCases() []gradCase {
	g := newInputGen(3)
	x := g.normal(2, 3, 4)
	return []gradCase{
		unaryCase("Reshape", x, func(x *Tensor) (*Tensor, error) { return Reshape(x, 4, -1) }),
		unaryCase("Transpose perm", x, func(x *Tensor) (*Tensor, error) { return Transpose(x, []int{2, 0, -2}) }),
		unaryCase("Transpose reverse", x, func(x *Tensor) (*Tensor, error) { return Transpose(x, nil) }),
		unaryCase("BroadcastTo", g.normal(3, 1), func(x *Tensor) (*Tensor, error) { return BroadcastTo(x, 2, 3, 4) }),
		// An identity Transpose or BroadcastTo returns its input, which
		// must keep the history of the op that made it.
		unaryCase("Transpose identity after Exp", x, func(x *Tensor) (*Tensor, error) {
			y, err := Exp(x)
			if err != nil {
				return nil, err
			}
			return Transpose(y, []int{0, 1, 2})
		}),
		unaryCase("BroadcastTo same shape after Exp", x, func(x *Tensor) (*Tensor, error) {
			y, err := Exp(x)
			if err != nil {
				return nil, err
			}
			return BroadcastTo(y, 2, 3, 4)
		}),
		unaryCase("Squeeze all", g.normal(1, 3, 1), func(x *Tensor) (*Tensor, error) { return Squeeze(x) }),
		unaryCase("Squeeze axis", g.normal(1, 3, 1), func(x *Tensor) (*Tensor, error) { return Squeeze(x, -1) }),
		unaryCase("ExpandDims", g.normal(2, 3), func(x *Tensor) (*Tensor, error) { return ExpandDims(x, -2) }),
		{
			name: "Concat axis 1", inputs: []gradInput{g.normal(2, 1, 4), g.normal(2, 3, 4), g.normal(2, 2, 4)},
			f: func(x []*Tensor) (*Tensor, error) { return Concat(x, 1) },
		},
		{
			name: "Concat axis -1", inputs: []gradInput{g.normal(2, 3), g.normal(2, 1)},
			f: func(x []*Tensor) (*Tensor, error) { return Concat(x, -1) },
		},
		{
			name: "Stack axis 0", inputs: []gradInput{g.normal(2, 3), g.normal(2, 3)},
			f: func(x []*Tensor) (*Tensor, error) { return Stack(x, 0) },
		},
		{
			name: "Stack axis -1", inputs: []gradInput{g.normal(2, 3), g.normal(2, 3), g.normal(2, 3)},
			f: func(x []*Tensor) (*Tensor, error) { return Stack(x, -1) },
		},
	}
}

func indexGradCases() []gradCase {
	g := newInputGen(4)
	x := g.normal(5, 6)
	slice := func(r ...Range) func(*Tensor) (*Tensor, error) {
		return func(x *Tensor) (*Tensor, error) { return StridedSlice(x, r) }
	}
	idx := func(values []int64, shape ...int) *Tensor {
		t, err := FromInt64(values, shape...)
		if err != nil {
			panic(err)
		}
		return t
	}
	mask, _ := FromBool([]bool{true, false, true, true, false, false}, 1, 6)
	fullMask, _ := FromBool([]bool{true, false, false, true, true, true}, 2, 3)
	cond, _ := FromBool([]bool{true, false}, 2, 1)
	return []gradCase{
		unaryCase("StridedSlice step 2", x, slice(Range{1, 5, 2}, Range{0, 6, 1})),
		unaryCase("StridedSlice negative steps", x, slice(Range{4, -1, -1}, Range{5, 0, -2})),
		unaryCase("StridedSlice empty", x, slice(Range{3, 3, 1}, Range{0, 6, 1})),
		unaryCase("Take axis 0 repeats", x, func(x *Tensor) (*Tensor, error) {
			return Take(x, idx([]int64{3, -1, 0, 3}, 4), 0)
		}),
		unaryCase("Take axis 1 2-D indices", x, func(x *Tensor) (*Tensor, error) {
			return Take(x, idx([]int64{5, 1, 1, 0}, 2, 2), 1)
		}),
		unaryCase("GatherFlat repeats", x, func(x *Tensor) (*Tensor, error) {
			return GatherFlat(x, []int{0, 29, 7, 7, 13, 0}, []int{2, 3})
		}),
		unaryCase("MaskedSelect broadcast mask", x, func(x *Tensor) (*Tensor, error) { return MaskedSelect(x, mask) }),
		unaryCase("MaskedSelect full mask", g.normal(2, 3), func(x *Tensor) (*Tensor, error) { return MaskedSelect(x, fullMask) }),
		unaryCase("GatherElements axis 0", g.normal(3, 4), func(x *Tensor) (*Tensor, error) {
			return GatherElements(x, 0, idx([]int64{0, 2, 2, 1, 2, 2, -3, 0}, 2, 4))
		}),
		unaryCase("GatherElements axis 1 smaller index", g.normal(3, 4), func(x *Tensor) (*Tensor, error) {
			return GatherElements(x, -1, idx([]int64{3, 3, 0, 1, 1, 1}, 2, 3))
		}),
		{
			name: "Where broadcast", inputs: []gradInput{g.normal(2, 3), g.normal(3)},
			f: func(x []*Tensor) (*Tensor, error) { return Where(cond, x[0], x[1]) },
		},
		{
			name: "Where scalar branch", inputs: []gradInput{g.normal(), g.normal(2, 3)},
			f: func(x []*Tensor) (*Tensor, error) { return Where(cond, x[0], x[1]) },
		},
	}
}

func matmulSoftmaxGradCases() []gradCase {
	g := newInputGen(5)
	var cases []gradCase
	for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		aShape, bShape := []int{3, 4}, []int{4, 5}
		if tr[0] {
			aShape = []int{4, 3}
		}
		if tr[1] {
			bShape = []int{5, 4}
		}
		transA, transB := tr[0], tr[1]
		name := "MatMul transpose " + map[bool]string{false: "N", true: "T"}[transA] + map[bool]string{false: "N", true: "T"}[transB]
		cases = append(cases, binaryCase(name, g.normal(aShape...), g.normal(bShape...), func(a, b *Tensor) (*Tensor, error) {
			return MatMul(a, b, transA, transB)
		}))
	}
	x := g.normal(2, 3, 4)
	for _, axis := range []int{-1, 1, 0} {
		cases = append(cases,
			unaryCase("Softmax axis "+FormatShape([]int{axis}), x, func(x *Tensor) (*Tensor, error) { return Softmax(x, axis) }),
			unaryCase("LogSoftmax axis "+FormatShape([]int{axis}), x, func(x *Tensor) (*Tensor, error) { return LogSoftmax(x, axis) }))
	}
	return cases
}

func lossOpGradCases() []gradCase {
	g := newInputGen(6)
	x := g.normal(2, 3, 4)
	large := g.uniform(999, 1001, 3, 4)
	inside := vals([]float64{-2, -0.9, -0.3, 0.2, 0.7, 1.6}, 2, 3)
	var cases []gradCase
	cases = append(cases,
		unaryCase("Clip", inside, func(x *Tensor) (*Tensor, error) { return Clip(x, -1, 1) }),
		unaryCase("Clip lower only", inside, func(x *Tensor) (*Tensor, error) { return Clip(x, -0.5, math.Inf(1)) }),
		unaryCase("LogSumExp axis 1", x, func(x *Tensor) (*Tensor, error) { return LogSumExp(x, 1, false) }),
		unaryCase("LogSumExp axis -1 keepdims", x, func(x *Tensor) (*Tensor, error) { return LogSumExp(x, -1, true) }),
		unaryCase("LogSumExp large", large, func(x *Tensor) (*Tensor, error) { return LogSumExp(x, 0, false) }),
		unaryCase("Dropout", x, func(x *Tensor) (*Tensor, error) {
			r := rand.New(rand.NewPCG(7, 7))
			out, _, err := Dropout(x, 0.6, r.Float64)
			return out, err
		}),
	)
	cases = append(cases, ctcGradCases(g)...)
	// MulNoNaN with zeros in y, whose gradient with respect to y is x.
	withZeros := vals([]float64{0, 0.5, -1.5, 0, 2, 0}, 2, 3)
	for _, p := range broadcastPairs {
		name := "MulNoNaN" + FormatShape(p[0]) + FormatShape(p[1])
		gen := newInputGen(seedOf(name))
		y := gen.normal(p[1]...)
		if slices.Equal(p[1], []int{2, 3}) {
			y = withZeros
		}
		cases = append(cases, binaryCase(name, gen.normal(p[0]...), y, MulNoNaN))
	}
	for _, axes := range [][]int{nil, {1}, {0, 2}} {
		cases = append(cases,
			unaryCase("Norm p=2 axes "+FormatShape(axes), x, func(x *Tensor) (*Tensor, error) { return Norm(x, axes, 2) }),
			unaryCase("Norm p=1 axes "+FormatShape(axes), g.awayFromZero(2, 3, 4), func(x *Tensor) (*Tensor, error) { return Norm(x, axes, 1) }))
	}
	return cases
}

// ctcGradCases check CTCLoss on unnormalised log probabilities, with a
// repeated label (which forbids the skip), a target holding the blank
// label, a shorter input length and an empty target.
func ctcGradCases(g *inputGen) []gradCase {
	ctc := func(targets [][]int, lengths []int) func(x []*Tensor) (*Tensor, error) {
		return func(x []*Tensor) (*Tensor, error) {
			nll, _, err := CTCLoss(x[0], targets, lengths, 0, false)
			return nll, err
		}
	}
	return []gradCase{
		{name: "CTCLoss", inputs: []gradInput{g.normal(6, 3, 4)}, f: ctc([][]int{{1, 2}, {3, 3}, {}}, []int{6, 5, 2})},
		{name: "CTCLoss blank in target", inputs: []gradInput{g.normal(4, 2, 3)}, f: ctc([][]int{{0, 1}, {2}}, []int{4, 3})},
	}
}

func convPoolGradCases() []gradCase {
	type conv struct {
		name     string
		x, w     []int
		stride   [2]int
		pad      [4]int
		dilation [2]int
		groups   int
	}
	convs := []conv{
		{"plain", []int{2, 2, 5, 5}, []int{3, 2, 3, 3}, [2]int{1, 1}, [4]int{}, [2]int{1, 1}, 1},
		{"stride pad", []int{1, 2, 6, 5}, []int{2, 2, 3, 2}, [2]int{2, 1}, [4]int{1, 2, 0, 1}, [2]int{1, 1}, 1},
		{"dilation", []int{1, 1, 7, 6}, []int{2, 1, 2, 3}, [2]int{1, 2}, [4]int{1, 1, 1, 1}, [2]int{2, 2}, 1},
		{"groups", []int{2, 4, 4, 4}, []int{6, 2, 2, 2}, [2]int{1, 1}, [4]int{1, 0, 0, 1}, [2]int{1, 1}, 2},
		{"depthwise", []int{1, 3, 4, 5}, []int{3, 1, 3, 3}, [2]int{1, 1}, [4]int{1, 1, 1, 1}, [2]int{1, 1}, 3},
	}
	var cases []gradCase
	for _, c := range convs {
		g := newInputGen(seedOf(c.name))
		cases = append(cases, binaryCase("Conv2D "+c.name, g.normal(c.x...), g.normal(c.w...), func(x, w *Tensor) (*Tensor, error) {
			return Conv2D(x, w, c.stride, c.pad, c.dilation, c.groups)
		}))
	}
	type pool struct {
		name                string
		x                   []int
		kernel, stride, pad [2]int
	}
	pools := []pool{
		{"2x2", []int{2, 2, 4, 4}, [2]int{2, 2}, [2]int{2, 2}, [2]int{}},
		{"overlapping", []int{1, 2, 5, 6}, [2]int{3, 2}, [2]int{1, 2}, [2]int{1, 1}},
		{"uneven", []int{1, 1, 7, 5}, [2]int{3, 3}, [2]int{2, 2}, [2]int{1, 0}},
	}
	for _, p := range pools {
		g := newInputGen(seedOf(p.name))
		cases = append(cases, unaryCase("MaxPool2D "+p.name, g.distinct(0, p.x...), func(x *Tensor) (*Tensor, error) {
			return MaxPool2D(x, p.kernel, p.stride, p.pad)
		}))
	}
	return cases
}

// gradOf returns the gradients of sum(f(xs)) with respect to xs.
func gradOf(t *testing.T, f func(xs []*Tensor) (*Tensor, error), xs ...*Tensor) [][]float64 {
	t.Helper()
	for _, x := range xs {
		x.SetRequiresGrad(true)
	}
	y, err := f(xs)
	if err != nil {
		t.Fatalf("forward: %v", err)
	}
	grads, err := Grad(y, xs, nil)
	if err != nil {
		t.Fatalf("Grad: %v", err)
	}
	out := make([][]float64, len(grads))
	for i, g := range grads {
		out[i] = g.Floats()
	}
	return out
}

// f64 makes a float64 tensor, 1-D when no shape is given.
func f64(t *testing.T, values []float64, shape ...int) *Tensor {
	t.Helper()
	if len(shape) == 0 {
		shape = []int{len(values)}
	}
	return mustTensor(t, Float64, values, shape...)
}

// TestGradKinks pins the subgradient chosen at points where the
// derivative does not exist; finite differences cannot check these.
func TestGradKinks(t *testing.T) {
	one := func(f func(*Tensor) (*Tensor, error)) func([]*Tensor) (*Tensor, error) {
		return func(x []*Tensor) (*Tensor, error) { return f(x[0]) }
	}
	two := func(f func(a, b *Tensor) (*Tensor, error)) func([]*Tensor) (*Tensor, error) {
		return func(x []*Tensor) (*Tensor, error) { return f(x[0], x[1]) }
	}
	cases := []struct {
		name string
		f    func([]*Tensor) (*Tensor, error)
		in   [][]float64
		want [][]float64
	}{
		{"Abs at 0", one(Abs), [][]float64{{0, -2, 3}}, [][]float64{{0, -1, 1}}},
		{"ReLU at 0", one(ReLU), [][]float64{{0, -2, 3}}, [][]float64{{0, 0, 1}}},
		{"Maximum tie goes to first", two(Maximum), [][]float64{{1, 2, 3}, {1, 5, 3}}, [][]float64{{1, 0, 1}, {0, 1, 0}}},
		{"Minimum tie goes to first", two(Minimum), [][]float64{{1, 2, 3}, {1, 5, 3}}, [][]float64{{1, 1, 1}, {0, 0, 0}}},
		{"Max ties split evenly", one(func(x *Tensor) (*Tensor, error) { return Max(x, nil, false) }),
			[][]float64{{1, 3, 3, 2}}, [][]float64{{0, 0.5, 0.5, 0}}},
		{"Max three-way tie", one(func(x *Tensor) (*Tensor, error) { return Max(x, nil, false) }),
			[][]float64{{4, 4, 4, 2}}, [][]float64{{1.0 / 3, 1.0 / 3, 1.0 / 3, 0}}},
		{"Min ties split evenly", one(func(x *Tensor) (*Tensor, error) { return Min(x, nil, false) }),
			[][]float64{{-1, 3, -1, 2}}, [][]float64{{0.5, 0, 0.5, 0}}},
		{"Norm p=2 at 0", one(func(x *Tensor) (*Tensor, error) { return Norm(x, nil, 2) }),
			[][]float64{{0, 0, 0}}, [][]float64{{0, 0, 0}}},
		{"Norm p=1 at 0", one(func(x *Tensor) (*Tensor, error) { return Norm(x, nil, 1) }),
			[][]float64{{0, -2, 3}}, [][]float64{{0, -1, 1}}},
		{"Clip at bounds", one(func(x *Tensor) (*Tensor, error) { return Clip(x, -1, 1) }),
			[][]float64{{-1, 1, 1.5, -3}}, [][]float64{{1, 1, 0, 0}}},
		{"Sign and Floor", one(func(x *Tensor) (*Tensor, error) {
			s, err := Sign(x)
			if err != nil {
				return nil, err
			}
			f, err := Floor(x)
			if err != nil {
				return nil, err
			}
			return Add(s, f)
		}), [][]float64{{0, 2, -1}}, [][]float64{{0, 0, 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xs := make([]*Tensor, len(c.in))
			for i, v := range c.in {
				xs[i] = f64(t, v)
			}
			got := gradOf(t, c.f, xs...)
			for i := range got {
				if !slices.Equal(got[i], c.want[i]) {
					t.Errorf("gradient of input %d = %v, want %v", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestGradMaxPoolTieGoesToFirst(t *testing.T) {
	x := f64(t, []float64{1, 5, 5, 5}, 1, 1, 2, 2)
	got := gradOf(t, func(x []*Tensor) (*Tensor, error) {
		return MaxPool2D(x[0], [2]int{2, 2}, [2]int{2, 2}, [2]int{})
	}, x)
	if want := []float64{0, 1, 0, 0}; !slices.Equal(got[0], want) {
		t.Errorf("gradient = %v, want %v", got[0], want)
	}
}

func TestGradFloat32Dtype(t *testing.T) {
	x := mustTensor(t, Float32, []float64{0.5, -1, 2}, 3)
	got := gradOf(t, func(x []*Tensor) (*Tensor, error) {
		y, err := Mul(x[0], x[0])
		if err != nil {
			return nil, err
		}
		return Sum(y, nil, false)
	}, x)
	if want := []float64{1, -2, 4}; !slices.Equal(got[0], want) {
		t.Errorf("gradient = %v, want %v", got[0], want)
	}
}

func TestGradUnrelatedInputIsZero(t *testing.T) {
	x := f64(t, []float64{1, 2}, 2)
	z := f64(t, []float64{3, 4, 5}, 3)
	got := gradOf(t, func(xs []*Tensor) (*Tensor, error) { return Exp(xs[0]) }, x, z)
	if want := []float64{0, 0, 0}; !slices.Equal(got[1], want) {
		t.Errorf("gradient of unused input = %v, want %v", got[1], want)
	}
}

// layerOpGradCases covers the elementwise, cumulative, sorting and
// index-tuple ops that model code calls through mindspore.ops.
func layerOpGradCases() []gradCase {
	g := newInputGen(seedOf("layer ops"))
	cum := func(prod, exclusive, reverse bool, axis int) func(*Tensor) (*Tensor, error) {
		return func(x *Tensor) (*Tensor, error) {
			if prod {
				return CumProd(x, axis, exclusive, reverse)
			}
			return CumSum(x, axis, exclusive, reverse)
		}
	}
	values := func(f func(*Tensor) (*Tensor, *Tensor, error)) func(*Tensor) (*Tensor, error) {
		return func(x *Tensor) (*Tensor, error) {
			v, _, err := f(x)
			return v, err
		}
	}
	idx := mustIndex([]int64{1, 0, 2, 1, 0, 0}, 3, 2)
	cases := []gradCase{
		unaryCase("Erf", g.normal(2, 3), Erf),
		unaryCase("Ceil", g.awayFromIntegers(-3, 3, 5), Ceil),
		unaryCase("Round", g.awayFromIntegers(-3, 3, 5), Round),
		unaryCase("CumSum axis 1", g.normal(2, 4, 3), cum(false, false, false, 1)),
		unaryCase("CumSum exclusive reverse", g.normal(3, 4), cum(false, true, true, -1)),
		unaryCase("CumProd axis 0", g.awayFromZero(4, 3), cum(true, false, false, 0)),
		unaryCase("CumProd exclusive", g.awayFromZero(2, 5), cum(true, true, false, 1)),
		unaryCase("CumProd reverse", g.awayFromZero(2, 5), cum(true, false, true, 1)),
		unaryCase("Sort descending", g.distinct(0, 3, 4), values(func(x *Tensor) (*Tensor, *Tensor, error) { return Sort(x, 0, true) })),
		unaryCase("TopK", g.distinct(0, 2, 5), values(func(x *Tensor) (*Tensor, *Tensor, error) { return TopK(x, 3) })),
		unaryCase("GatherNd repeated rows", g.normal(3, 3, 2), func(x *Tensor) (*Tensor, error) { return GatherNd(x, idx) }),
		unaryCase("ScatterNd repeated rows", g.normal(3, 2), func(u *Tensor) (*Tensor, error) {
			rows := mustIndex([]int64{1, 3, 1}, 3, 1)
			return ScatterNd(rows, u, []int{4, 2})
		}),
	}
	dense := func(act Activation, bias bool) func(x []*Tensor) (*Tensor, error) {
		return func(x []*Tensor) (*Tensor, error) {
			var b *Tensor
			if bias {
				b = x[2]
			}
			return Linear(x[0], x[1], b, act)
		}
	}
	for _, c := range []struct {
		name string
		act  Activation
		bias bool
	}{{"Dense", NoActivation, true}, {"Dense ReLU", ReLUActivation, true}, {"Dense ReLU without bias", ReLUActivation, false}} {
		cases = append(cases, gradCase{
			name:   c.name,
			inputs: []gradInput{g.normal(5, 4), g.normal(3, 4), g.normal(3)},
			f:      dense(c.act, c.bias),
		})
	}
	return cases
}

// mustIndex makes an int64 index tensor; it panics on a bad shape, which
// is a mistake in the test table.
func mustIndex(values []int64, shape ...int) *Tensor {
	t, err := FromInt64(values, shape...)
	if err != nil {
		panic(err)
	}
	return t
}
