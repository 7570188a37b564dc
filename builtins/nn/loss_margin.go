package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// cosineEpsilon is added to each squared norm of CosineEmbedding, as
// PyTorch's cosine_embedding_loss adds it, so a zero vector has cosine 0
// instead of MindSpore's 0/0 = NaN.
const cosineEpsilon = 1e-12

// Hinge returns max(z, 0) as 0.5*(z + |z|), which is exact and gives the
// gradient 1/2 at z = 0. MindSpore's MarginRankingLoss,
// CosineEmbeddingLoss and HingeEmbeddingLoss build the hinge with
// Maximum(z, 0), and its CPU MaximumGrad splits the gradient of a tie
// evenly between the operands.
func (lossEngine) Hinge(z *engine.Tensor) *engine.Tensor {
	return eng.Mul(eng.Scalar(z, 0.5), eng.Add(z, eng.Abs(z)))
}

// MarginRanking returns max(0, -target*(x1 - x2) + margin), reduced by
// reduction. x1, x2 and target must have one float dtype and one shape.
// It is nn.MarginRankingLoss and ops.margin_ranking_loss.
func MarginRanking(x1, x2, target *engine.Tensor, margin float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "MarginRankingLoss"
		lossCheck.Float(op, "input1", x1)
		for _, in := range []struct {
			name string
			t    *engine.Tensor
		}{{"input2", x2}, {"target", target}} {
			if in.t.DType() != x1.DType() {
				lossFail("TypeError", op, "%s dtype %s must equal input1's dtype %s", in.name, in.t.DType(), x1.DType())
			}
			lossCheck.SameShape(op, "input1", x1, in.name, in.t)
		}
		z := eng.Add(eng.Neg(eng.Mul(target, eng.Sub(x1, x2))), eng.Scalar(x1, margin))
		return eng.Reduce(eng.Hinge(z), reduction)
	})
}

// HingeEmbedding returns x where labels > 0, max(0, margin - x) where
// labels < 0 and 0 where labels == 0 (PyTorch counts such labels as
// negatives), with broadcasting, reduced by reduction. It is
// nn.HingeEmbeddingLoss and ops.hinge_embedding_loss.
func HingeEmbedding(x, labels *engine.Tensor, margin float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "HingeEmbeddingLoss"
		lossCheck.Float(op, "logits", x)
		lossCheck.Broadcast(op, "logits", x, "labels", labels)
		if labels.DType() == engine.Bool {
			lossFail("TypeError", op, "labels must hold numbers (1 or -1), but got bool")
		}
		y := eng.As(labels, x)
		zero := eng.Scalar(x, 0)
		pos := eng.Cast(eng.Greater(y, zero), x.DType())
		neg := eng.Cast(eng.Less(y, zero), x.DType())
		hinge := eng.Hinge(eng.Sub(eng.Mul(eng.Scalar(x, margin), neg), eng.Mul(neg, x)))
		return eng.Reduce(eng.Add(hinge, eng.Mul(pos, x)), reduction)
	})
}

// CosineEmbedding returns, per sample of x1 and x2 (N, D, ...), with
// cos = sum(x1*x2) / (sqrt(sum(x1**2) + 1e-12)*sqrt(sum(x2**2) + 1e-12))
// over axis 1 (the product of roots rounds as MindSpore's does): 1 - cos where labels == 1, max(0, cos - margin) where
// labels == -1 and 0 for any other label; then reduced by reduction.
// labels have x1's shape without axis 1. MindSpore adds no epsilon and
// returns NaN for a zero vector; this returns the finite value PyTorch
// gives. It is nn.CosineEmbeddingLoss and ops.cosine_embedding_loss.
func CosineEmbedding(x1, x2, labels *engine.Tensor, margin float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "CosineEmbeddingLoss"
		if x1.DType() != x2.DType() {
			lossFail("TypeError", op, "logits_x1 dtype %s and logits_x2 dtype %s must be the same", x1.DType(), x2.DType())
		}
		lossCheck.SameShape(op, "logits_x1", x1, "logits_x2", x2)
		if x1.Rank() < 2 {
			lossFail("ValueError", op, "logits_x1 must be (N, D, ...) with the vectors on axis 1, but got shape %s", lossShape(x1))
		}
		if want := engine.FormatShape(labelShape(x1)); want != lossShape(labels) {
			lossFail("ValueError", op, "labels must have shape %s, logits_x1's shape without axis 1, but got %s", want, lossShape(labels))
		}
		if !x1.DType().IsFloat() {
			x1, x2 = eng.Cast(x1, engine.Float32), eng.Cast(x2, engine.Float32)
		}
		if x1.DType() == engine.Float32 && x1.Rank() == 2 && labels.DType() != engine.Bool {
			return lossMust(engine.CosineEmbeddingLoss(x1, x2, labels, margin, fusedRowReduction(reduction)))
		}
		eps := eng.Scalar(x1, cosineEpsilon)
		dot := eng.Sum(eng.Mul(x1, x2), 1)
		n1 := eng.Sqrt(eng.Add(eng.Sum(eng.Square(x1), 1), eps))
		n2 := eng.Sqrt(eng.Add(eng.Sum(eng.Square(x2), 1), eps))
		cos := eng.Div(dot, eng.Mul(n1, n2))
		zero := eng.Scalar(cos, 0)
		pos := eng.Sub(eng.Scalar(cos, 1), cos)
		neg := eng.Hinge(eng.Sub(cos, eng.Scalar(cos, margin)))
		y := eng.As(labels, cos)
		l := eng.Add(eng.Where(eng.Equal(y, eng.Scalar(y, 1)), pos, zero), eng.Where(eng.Equal(y, eng.Scalar(y, -1)), neg, zero))
		return eng.Reduce(l, reduction)
	})
}

// TripletOptions are TripletMargin's options.
type TripletOptions struct {
	P         int     // norm degree of the distance, >= 1
	Margin    float64 // margin between the positive and negative distances
	Eps       float64 // added to each difference before the norm
	Swap      bool    // use min(d(a, n), d(p, n)) as the negative distance
	Reduction string
}

// TripletMargin returns max(d(a, p) - d(a, n) + margin, 0) with
// d(u, v) = ||u - v + eps||_p over axis 1, as PyTorch's
// pairwise_distance computes it for (N, D) inputs, reduced by reduction.
// The inputs broadcast and share one float dtype. The hinge's gradient at
// 0 is 1/2, as for the other margin losses.
//
// NOTE: inputs of rank above 2 keep their axes after the first two;
// MindSpore documents an (N,) result and its kernel was not checked for
// that case.
func TripletMargin(anchor, positive, negative *engine.Tensor, o TripletOptions) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "TripletMarginLoss"
		lossCheck.Float(op, "x", anchor)
		for _, in := range []struct {
			name string
			t    *engine.Tensor
		}{{"positive", positive}, {"negative", negative}} {
			if in.t.DType() != anchor.DType() {
				lossFail("TypeError", op, "%s dtype %s must equal x's dtype %s", in.name, in.t.DType(), anchor.DType())
			}
			lossCheck.Broadcast(op, "x", anchor, in.name, in.t)
		}
		if anchor.Rank() < 2 && positive.Rank() < 2 && negative.Rank() < 2 {
			lossFail("ValueError", op, "the inputs must be (N, D, ...) with the vectors on axis 1, but got shapes %s, %s and %s", lossShape(anchor), lossShape(positive), lossShape(negative))
		}
		if o.P < 1 {
			lossFail("ValueError", op, "p must be at least 1, but got %d", o.P)
		}
		dPos := tripletDistance(anchor, positive, o)
		dNeg := tripletDistance(anchor, negative, o)
		if o.Swap {
			dNeg = eng.Minimum(dNeg, tripletDistance(positive, negative, o))
		}
		z := eng.Add(eng.Sub(dPos, dNeg), eng.Scalar(dPos, o.Margin))
		return eng.Reduce(eng.Hinge(z), o.Reduction)
	})
}

// tripletDistance is ||u - v + eps||_p over axis 1 after broadcasting.
func tripletDistance(u, v *engine.Tensor, o TripletOptions) *engine.Tensor {
	d := eng.Add(eng.Sub(u, v), eng.Scalar(u, o.Eps))
	if d.Rank() < 2 {
		lossFail("ValueError", "TripletMarginLoss", "the broadcast inputs must have a vector axis 1, but got shape %s", lossShape(d))
	}
	if o.P == 1 || o.P == 2 {
		return eng.Norm(d, []int{1}, float64(o.P))
	}
	p := eng.Scalar(d, float64(o.P))
	return eng.Pow(eng.Sum(eng.Pow(eng.Abs(d), p), 1), eng.Scalar(d, 1/float64(o.P)))
}

// The Cells of this file.
var (
	MarginRankingLoss   *pyobj.Class
	HingeEmbeddingLoss  *pyobj.Class
	CosineEmbeddingLoss *pyobj.Class
	TripletMarginLoss   *pyobj.Class
)

// marginConfig holds a margin and a reduction. marginValue keeps the
// Python value when it is checked at call time.
type marginConfig struct {
	margin      float64
	marginValue starlark.Value
	reduction   string
}

func parseMarginFloat(call string, v []starlark.Value) (marginConfig, error) {
	m, err := lossArgs.Float(call, "margin", v[0])
	if err != nil {
		return marginConfig{}, err
	}
	r, err := lossArgs.Reduction(call, v[1])
	return marginConfig{m, v[0], r}, err
}

func parseMarginNumber(call string, v []starlark.Value) (marginConfig, error) {
	m, err := lossArgs.Number(call, "margin", v[0])
	if err != nil {
		return marginConfig{}, err
	}
	r, err := lossArgs.Reduction(call, v[1])
	return marginConfig{m, v[0], r}, err
}

// parseCosineMargin validates a margin in [-1, 1]. The Cell requires a
// float, the function also accepts an int.
func parseCosineMargin(floatOnly bool) func(string, []starlark.Value) (marginConfig, error) {
	return func(call string, v []starlark.Value) (marginConfig, error) {
		m := v[0]
		if i, ok := m.(starlark.Int); ok && !floatOnly {
			f, _ := starlark.AsFloat(i)
			m = starlark.Float(f)
		}
		f, err := lossArgs.FloatRange(call, "margin", m, -1, 1)
		if err != nil {
			return marginConfig{}, err
		}
		r, err := lossArgs.Reduction(call, v[1])
		return marginConfig{f, v[0], r}, err
	}
}

// marginRankingCompute checks at call time that margin is a float, as
// MindSpore's margin_ranking_loss does.
func marginRankingCompute(thread *starlark.Thread, call string, params []lossParam, cfg marginConfig, in []starlark.Value) (starlark.Value, error) {
	m, err := lossArgs.Float(call, "margin", cfg.marginValue)
	if err != nil {
		return nil, err
	}
	t, err := lossTensors(call, params, in)
	if err != nil {
		return nil, err
	}
	out, err := MarginRanking(t[0], t[1], t[2], m, cfg.reduction)
	return lossResult(call, out, err)
}

// tripletConfig is TripletMarginLoss's config, whose margin is the
// constructor's.
type tripletConfig struct{ TripletOptions }

func parseTriplet(call string, p, swap, eps, reduction, margin starlark.Value) (tripletConfig, error) {
	var o TripletOptions
	var err error
	if o.P, err = lossArgs.Int(call, "p", p); err != nil {
		return tripletConfig{}, err
	}
	if o.P < 1 {
		return tripletConfig{}, core.Errorf("ValueError", "%s: p must be at least 1, but got %d", call, o.P)
	}
	if o.Swap, err = lossArgs.Bool(call, "swap", swap); err != nil {
		return tripletConfig{}, err
	}
	if o.Eps, err = lossArgs.Float(call, "eps", eps); err != nil {
		return tripletConfig{}, err
	}
	if o.Reduction, err = lossArgs.Reduction(call, reduction); err != nil {
		return tripletConfig{}, err
	}
	o.Margin, err = tripletMargin(call, margin)
	return tripletConfig{o}, err
}

// tripletMargin accepts a Python number or a 0-d Tensor.
func tripletMargin(call string, v starlark.Value) (float64, error) {
	if t, _, ok := tensor.Of(v); ok {
		if t.Rank() != 0 {
			return 0, core.Errorf("ValueError", "%s: margin must be a number or a 0-d Tensor, but got shape %s", call, lossShape(t))
		}
		return t.Float(0), nil
	}
	return lossArgs.Number(call, "margin", v)
}

func tripletCompute(thread *starlark.Thread, call string, params []lossParam, cfg tripletConfig, in []starlark.Value) (starlark.Value, error) {
	t, err := lossTensors(call, params[:3], in[:3])
	if err != nil {
		return nil, err
	}
	o := cfg.TripletOptions
	if len(in) > 3 && o.Margin == 1 {
		if o.Margin, err = tripletMargin(call, in[3]); err != nil {
			return nil, err
		}
	}
	out, err := TripletMargin(t[0], t[1], t[2], o)
	return lossResult(call, out, err)
}

func init() {
	MarginRankingLoss = lossDef[marginConfig]{
		name: "MarginRankingLoss",
		doc: `MarginRankingLoss(margin=0.0, reduction='mean')

l = max(0, -target*(input1 - input2) + margin) for input1, input2 and
target (usually ±1) of one shape and float dtype, then reduced: 'mean'
(the default), 'sum' or 'none'. margin must be a float; as in MindSpore
an int margin raises TypeError when the loss is called.`,
		params: []lossParam{optionalParam("margin", starlark.Float(0)), optionalParam("reduction", starlark.String("mean"))},
		config: func(call string, v []starlark.Value) (marginConfig, error) {
			r, err := lossArgs.Reduction(call, v[1])
			return marginConfig{marginValue: v[0], reduction: r}, err
		},
		inputs:  []lossParam{requiredParam("input1"), requiredParam("input2"), requiredParam("target")},
		compute: marginRankingCompute,
	}.class()
	HingeEmbeddingLoss = lossDef[marginConfig]{
		name: "HingeEmbeddingLoss",
		doc: `HingeEmbeddingLoss(margin=1.0, reduction='mean')

l = x where labels > 0, max(0, margin - x) where labels < 0, and 0 where
labels == 0 (PyTorch differs there); logits x and labels broadcast.
margin is an int or a float. Then 'mean' (the default), 'sum' or 'none'.`,
		params: []lossParam{optionalParam("margin", starlark.Float(1)), optionalParam("reduction", starlark.String("mean"))},
		config: parseMarginNumber, inputs: twoInputs,
		compute: tensorCompute(func(cfg marginConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return HingeEmbedding(t[0], t[1], cfg.margin, cfg.reduction)
		}),
	}.class()
	CosineEmbeddingLoss = lossDef[marginConfig]{
		name: "CosineEmbeddingLoss",
		doc: `CosineEmbeddingLoss(margin=0.0, reduction='mean')

For logits_x1 and logits_x2 of shape (N, D, ...) and labels of shape
(N, ...), with cos the cosine similarity along axis 1: l = 1 - cos where
labels == 1, max(0, cos - margin) where labels == -1, and 0 for other
labels; then 'mean' (the default), 'sum' or 'none'. margin is a float in
[-1, 1] (TypeError for an int). The squared norms get 1e-12 added, as in
PyTorch, so a zero vector gives cos = 0 where MindSpore returns NaN.`,
		params: []lossParam{optionalParam("margin", starlark.Float(0)), optionalParam("reduction", starlark.String("mean"))},
		config: parseCosineMargin(true),
		inputs: []lossParam{requiredParam("logits_x1"), requiredParam("logits_x2"), requiredParam("labels")},
		compute: tensorCompute(func(cfg marginConfig, t []*engine.Tensor) (*engine.Tensor, error) {
			return CosineEmbedding(t[0], t[1], t[2], cfg.margin, cfg.reduction)
		}),
	}.class()
	TripletMarginLoss = lossDef[tripletConfig]{
		name: "TripletMarginLoss",
		doc: `TripletMarginLoss(p=2, swap=False, eps=1e-06, reduction='mean', margin=1.0)

Call: loss(x, positive, negative, margin=1.0). l = max(d(x, positive) -
d(x, negative) + margin, 0) with d(u, v) = ||u - v + eps||_p over axis 1;
swap=True uses min(d(x, negative), d(positive, negative)) as the negative
distance. The constructor's margin replaces the call's margin unless it
is 1.0. p is an int >= 1, eps a float, swap a bool. Then 'mean' (the
default), 'sum' or 'none' (shape (N,)).`,
		params: []lossParam{
			optionalParam("p", starlark.MakeInt(2)), optionalParam("swap", starlark.False), optionalParam("eps", starlark.Float(1e-6)),
			optionalParam("reduction", starlark.String("mean")), optionalParam("margin", starlark.Float(1)),
		},
		config: func(call string, v []starlark.Value) (tripletConfig, error) {
			return parseTriplet(call, v[0], v[1], v[2], v[3], v[4])
		},
		inputs:  []lossParam{requiredParam("x"), requiredParam("positive"), requiredParam("negative"), optionalParam("margin", starlark.Float(1))},
		compute: tripletCompute,
	}.class()
}

// marginFunctions returns ops.margin_ranking_loss,
// ops.hinge_embedding_loss, ops.cosine_embedding_loss and
// ops.triplet_margin_loss.
func marginFunctions() []*starlark.Builtin {
	margin := func(def float64) []lossParam {
		return []lossParam{optionalParam("margin", starlark.Float(def)), optionalParam("reduction", starlark.String("mean"))}
	}
	return []*starlark.Builtin{
		funcDef[marginConfig]{
			name: "margin_ranking_loss", inputs: []lossParam{requiredParam("input1"), requiredParam("input2"), requiredParam("target")},
			params: margin(0), config: parseMarginFloat, compute: marginRankingCompute,
		}.builtin(),
		funcDef[marginConfig]{
			name: "hinge_embedding_loss", inputs: []lossParam{requiredParam("inputs"), requiredParam("targets")},
			params: margin(1), config: parseMarginNumber,
			compute: tensorCompute(func(cfg marginConfig, t []*engine.Tensor) (*engine.Tensor, error) {
				return HingeEmbedding(t[0], t[1], cfg.margin, cfg.reduction)
			}),
		}.builtin(),
		funcDef[marginConfig]{
			name: "cosine_embedding_loss", inputs: []lossParam{requiredParam("input1"), requiredParam("input2"), requiredParam("target")},
			params: margin(0), config: parseCosineMargin(false),
			compute: tensorCompute(func(cfg marginConfig, t []*engine.Tensor) (*engine.Tensor, error) {
				return CosineEmbedding(t[0], t[1], t[2], cfg.margin, cfg.reduction)
			}),
		}.builtin(),
		funcDef[tripletConfig]{
			name: "triplet_margin_loss", inputs: []lossParam{requiredParam("anchor"), requiredParam("positive"), requiredParam("negative")},
			params: []lossParam{
				optionalParam("margin", starlark.Float(1)), optionalParam("p", starlark.MakeInt(2)), optionalParam("eps", starlark.Float(1e-6)),
				optionalParam("swap", starlark.False), optionalParam("reduction", starlark.String("mean")),
			},
			config: func(call string, v []starlark.Value) (tripletConfig, error) {
				return parseTriplet(call, v[1], v[3], v[2], v[4], v[0])
			},
			compute: tripletCompute,
		}.builtin(),
	}
}
