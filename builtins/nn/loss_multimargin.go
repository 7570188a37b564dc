package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// MultiMargin returns, for x (N, C) and class indices target (N,), the
// per-sample sum over i != y of w[y]*max(0, margin - x[y] + x[i])^p / C,
// reduced by reduction, as PyTorch's multi_margin_loss and MindSpore's
// MultiMarginLoss kernel compute it. p is 1 or 2, and weight (nil means 1)
// has shape (C,) and is indexed by the target class. A target outside
// [0, C) raises ValueError. The hinge's gradient at 0 is 0, as in the
// kernel.
func MultiMargin(x, target, weight *engine.Tensor, p int, margin float64, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "MultiMarginLoss"
		lossCheck.Float(op, "x", x)
		if x.Rank() != 2 {
			lossFail("ValueError", op, "x must be 2-D (N, C), but got shape %s", lossShape(x))
		}
		n, c := x.Shape()[0], x.Shape()[1]
		if !target.DType().IsInt() || target.Rank() != 1 || target.Shape()[0] != n {
			lossFail("ValueError", op, "target must hold %d integer class indices of shape (%d,), but got %s %s", n, n, target.DType(), lossShape(target))
		}
		if p != 1 && p != 2 {
			lossFail("ValueError", op, "p must be 1 or 2, but got %d", p)
		}
		idx, _ := classIndices(op, target, c, -1<<63)
		notTarget := make([]float64, n*c)
		for i := range notTarget {
			notTarget[i] = 1
		}
		for _, k := range idx {
			notTarget[k] = 0
		}
		xy := eng.Gather(x, idx, []int{n, 1})
		h := eng.ReLU(eng.Add(eng.Sub(eng.Scalar(x, margin), xy), x))
		if p == 2 {
			h = eng.Square(h)
		}
		h = eng.Mul(h, eng.Values(x, notTarget, n, c))
		if weight != nil {
			if weight.Rank() != 1 || weight.Shape()[0] != c {
				lossFail("ValueError", op, "weight must have shape (%d,), one value per class, but got %s", c, lossShape(weight))
			}
			classes := make([]int, n)
			for i, k := range idx {
				classes[i] = k - i*c
			}
			h = eng.Mul(h, eng.Gather(eng.As(weight, x), classes, []int{n, 1}))
		}
		perSample := eng.Div(eng.Sum(h, 1), eng.Scalar(h, float64(c)))
		return eng.Reduce(perSample, reduction)
	})
}

// MultilabelMargin returns, for x of shape (C,) or (N, C) and target of
// the same shape holding class indices padded with -1 (only the entries
// before the first -1 count), the per-sample sum over target classes j
// and non-target classes i of max(0, 1 - (x[j] - x[i])) / C, reduced by
// reduction, as PyTorch's multilabel_margin_loss computes it. A target
// entry outside [0, C) before the first -1 raises ValueError.
func MultilabelMargin(x, target *engine.Tensor, reduction string) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "MultilabelMarginLoss"
		lossCheck.Float(op, "x", x)
		if x.Rank() != 1 && x.Rank() != 2 {
			lossFail("ValueError", op, "x must be (C,) or (N, C), but got shape %s", lossShape(x))
		}
		if !target.DType().IsInt() {
			lossFail("TypeError", op, "target must hold integer class indices, but got %s", target.DType())
		}
		lossCheck.SameShape(op, "x", x, "target", target)
		x2 := x
		if x.Rank() == 1 {
			x2 = eng.Reshape(x, 1, x.Shape()[0])
		}
		n, c := x2.Shape()[0], x2.Shape()[1]
		sets := multilabelTargets(op, target, n, c)
		k := 1
		for _, s := range sets {
			k = max(k, len(s))
		}
		idx := make([]int, n*k)
		valid := make([]float64, n*k)
		notTarget := make([]float64, n*c)
		for i, s := range sets {
			for j := range c {
				notTarget[i*c+j] = 1
			}
			for j, cls := range s {
				idx[i*k+j] = i*c + cls
				valid[i*k+j] = 1
				notTarget[i*c+cls] = 0
			}
		}
		xy := eng.Gather(x2, idx, []int{n, k, 1})
		z := eng.Sub(eng.Scalar(x2, 1), eng.Sub(xy, eng.Reshape(x2, n, 1, c)))
		h := eng.Mul(eng.ReLU(z), eng.Values(x2, valid, n, k, 1))
		h = eng.Mul(h, eng.Values(x2, notTarget, n, 1, c))
		perSample := eng.Div(eng.Sum(h, 1, 2), eng.Scalar(h, float64(c)))
		if x.Rank() == 1 {
			perSample = eng.Reshape(perSample)
		}
		return eng.Reduce(perSample, reduction)
	})
}

// multilabelTargets returns each row's target classes: the entries
// before the first -1.
func multilabelTargets(op string, target *engine.Tensor, n, c int) [][]int {
	sets := make([][]int, n)
	for i := range n {
		for j := range c {
			v := target.Int(i*c + j)
			if v == -1 {
				break
			}
			if v < 0 || v >= int64(c) {
				lossFail("ValueError", op, "target %d at row %d, position %d is outside the valid range [0, %d); end a row's targets with -1", v, i, j, c)
			}
			sets[i] = append(sets[i], int(v))
		}
	}
	return sets
}

// The Cells of this file.
var (
	MultiMarginLoss      *pyobj.Class
	MultilabelMarginLoss *pyobj.Class
)

// multiMarginConfig is MultiMarginLoss's config.
type multiMarginConfig struct {
	p         int
	margin    float64
	weight    *engine.Tensor
	reduction string
}

func parseMultiMargin(call string, p, margin, reduction, weight starlark.Value, marginNumber bool) (multiMarginConfig, error) {
	var cfg multiMarginConfig
	var err error
	if cfg.p, err = lossArgs.Int(call, "p", p); err != nil {
		return cfg, err
	}
	if cfg.p != 1 && cfg.p != 2 {
		return cfg, core.Errorf("ValueError", "%s: p must be 1 or 2, but got %d", call, cfg.p)
	}
	if marginNumber {
		cfg.margin, err = lossArgs.Number(call, "margin", margin)
	} else {
		cfg.margin, err = lossArgs.Float(call, "margin", margin)
	}
	if err != nil {
		return cfg, err
	}
	if cfg.reduction, err = lossArgs.Reduction(call, reduction); err != nil {
		return cfg, err
	}
	cfg.weight, err = lossArgs.FloatWeight(call, "weight", weight)
	return cfg, err
}

// int64Target raises TypeError unless target is int64, the only target
// dtype MindSpore's MultiMarginLoss accepts.
func int64Target(op string, target *engine.Tensor) {
	if target.DType() != engine.Int64 {
		lossFail("TypeError", op, "target must be int64 class indices, but got %s; cast it with target.astype(mindspore.int64)", target.DType())
	}
}

// int32Target raises TypeError unless target is int32, the only target
// dtype MindSpore's MultilabelMarginLoss accepts.
func int32Target(op string, target *engine.Tensor) {
	if target.DType() != engine.Int32 {
		lossFail("TypeError", op, "target must be int32 class indices padded with -1, but got %s", target.DType())
	}
}

func multiMarginCompute(thread *starlark.Thread, call string, params []lossParam, cfg multiMarginConfig, in []starlark.Value) (starlark.Value, error) {
	t, err := lossTensors(call, params[:2], in[:2])
	if err != nil {
		return nil, err
	}
	w := cfg.weight
	if w == nil && len(in) > 2 {
		if w, err = lossArgs.FloatWeight(call, "weight", in[2]); err != nil {
			return nil, err
		}
	}
	out, err := runLoss(func() *engine.Tensor {
		int64Target("MultiMarginLoss", t[1])
		return lossMust(MultiMargin(t[0], t[1], w, cfg.p, cfg.margin, cfg.reduction))
	})
	return lossResult(call, out, err)
}

func multilabelMarginCompute(cfg reductionConfig, t []*engine.Tensor) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		int32Target("MultilabelMarginLoss", t[1])
		return lossMust(MultilabelMargin(t[0], t[1], cfg.reduction))
	})
}

func init() {
	MultiMarginLoss = lossDef[multiMarginConfig]{
		name: "MultiMarginLoss",
		doc: `MultiMarginLoss(p=1, margin=1.0, reduction='mean', weight=None)

Call: loss(x, target, weight=None). For x (N, C) and int64 class indices
target (N,): l_n = sum over i != y of w[y]*max(0, margin - x[y] + x[i])**p
/ C, with y = target[n]; then 'mean' (the default), 'sum' or 'none'. p is
1 or 2 (ValueError otherwise), margin a float, weight a float Tensor of
shape (C,) indexed by the target class. A target outside [0, C) raises
ValueError.`,
		params: []lossParam{
			optionalParam("p", starlark.MakeInt(1)), optionalParam("margin", starlark.Float(1)),
			optionalParam("reduction", starlark.String("mean")), optionalParam("weight", starlark.None),
		},
		config: func(call string, v []starlark.Value) (multiMarginConfig, error) {
			return parseMultiMargin(call, v[0], v[1], v[2], v[3], false)
		},
		inputs:  []lossParam{requiredParam("x"), requiredParam("target"), optionalParam("weight", starlark.None)},
		compute: multiMarginCompute,
	}.class()
	MultilabelMarginLoss = lossDef[reductionConfig]{
		name: "MultilabelMarginLoss",
		doc: `MultilabelMarginLoss(reduction='mean')

For x of shape (C,) or (N, C) and an int32 target of the same shape that
lists each sample's classes padded with -1 (entries after the first -1
are ignored): l_n = sum over listed classes j and unlisted classes i of
max(0, 1 - (x[j] - x[i])) / C; then 'mean' (the default), 'sum' or
'none'. A listed class outside [0, C) raises ValueError.`,
		params: reductionParam("mean"), config: parseReduction,
		inputs: []lossParam{requiredParam("x"), requiredParam("target")}, compute: tensorCompute(multilabelMarginCompute),
	}.class()
}

// multiMarginFunctions returns ops.multi_margin_loss and
// ops.multilabel_margin_loss.
func multiMarginFunctions() []*starlark.Builtin {
	return []*starlark.Builtin{
		funcDef[multiMarginConfig]{
			name: "multi_margin_loss", inputs: functionInputs,
			params: []lossParam{
				optionalParam("p", starlark.MakeInt(1)), optionalParam("margin", starlark.MakeInt(1)),
				optionalParam("weight", starlark.None), optionalParam("reduction", starlark.String("mean")),
			},
			config: func(call string, v []starlark.Value) (multiMarginConfig, error) {
				return parseMultiMargin(call, v[0], v[1], v[3], v[2], true)
			},
			compute: multiMarginCompute,
		}.builtin(),
		funcDef[reductionConfig]{
			name: "multilabel_margin_loss", inputs: functionInputs, params: reductionParam("mean"),
			config: parseReduction, compute: tensorCompute(multilabelMarginCompute),
		}.builtin(),
	}
}
