package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Dice returns 1 - 2*sum(x*y) / (sum(x**2) + sum(y**2) + smooth) over all
// elements of logits x and labels y, which must have one shape: a 0-d
// tensor, 1.0 for all-zero inputs. It is nn.DiceLoss.
func Dice(logits, labels *engine.Tensor, smooth float64) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "DiceLoss"
		lossCheck.Float(op, "logits", logits)
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		return dice(logits, eng.As(labels, logits), smooth)
	})
}

func dice(x, y *engine.Tensor, smooth float64) *engine.Tensor {
	inter := eng.Sum(eng.Mul(x, y))
	union := eng.Add(eng.Sum(eng.Square(x)), eng.Sum(eng.Square(y)))
	coeff := eng.Div(eng.Mul(eng.Scalar(x, 2), inter), eng.Add(union, eng.Scalar(x, smooth)))
	return eng.Sub(eng.Scalar(x, 1), coeff)
}

// Activation is an elementwise or softmax function that MultiClassDice
// applies to the logits first.
type Activation func(*engine.Tensor) (*engine.Tensor, error)

// MultiClassDice returns the Dice loss with smooth 1e-5 of each class
// slice x[:, i] against labels[:, i], times weights[i] when weights (C,
// dim) is not nil, summed over the classes other than ignoreIndex (nil
// ignores none) and divided by C = labels.shape[1] (the ignored class
// still counts in C, as in MindSpore). activation (nil for none) is
// applied to the logits first. With weights the result has shape (dim,).
// It is nn.MultiClassDiceLoss.
func MultiClassDice(logits, labels, weights *engine.Tensor, ignoreIndex *int, activation Activation) (*engine.Tensor, error) {
	x := logits
	if activation != nil {
		var err error
		if x, err = activation(logits); err != nil {
			return nil, err
		}
	}
	return runLoss(func() *engine.Tensor {
		const op = "MultiClassDiceLoss"
		lossCheck.Float(op, "logits", logits)
		if logits.Rank() < 2 || labels.Rank() < 2 {
			lossFail("ValueError", op, "logits and labels must be (N, C, ...) with at least 2 dimensions, but got %s and %s", lossShape(logits), lossShape(labels))
		}
		lossCheck.SameShape(op, "logits", logits, "labels", labels)
		c := labels.Shape()[1]
		if weights != nil && (weights.Rank() != 2 || weights.Shape()[0] != c) {
			lossFail("ValueError", op, "weights must be 2-D with shape[0] = %d classes, but got %s", c, lossShape(weights))
		}
		lossCheck.Float(op, "the activation's output", x)
		lossCheck.SameShape(op, "logits", logits, "the activation's output", x)
		// Each class slice [:, i] reduces over every axis but axis 1.
		y := eng.As(labels, x)
		var axes []int
		for a := range x.Rank() {
			if a != 1 {
				axes = append(axes, a)
			}
		}
		inter := eng.Sum(eng.Mul(x, y), axes...)
		union := eng.Add(eng.Sum(eng.Square(x), axes...), eng.Sum(eng.Square(y), axes...))
		coeff := eng.Div(eng.Mul(eng.Scalar(x, 2), inter), eng.Add(union, eng.Scalar(x, 1e-5)))
		keep := make([]float64, c)
		for i := range keep {
			if ignoreIndex == nil || *ignoreIndex != i {
				keep[i] = 1
			}
		}
		perClass := eng.Mul(eng.Sub(eng.Scalar(x, 1), coeff), eng.Values(x, keep))
		total := eng.Sum(perClass)
		if weights != nil {
			total = eng.Sum(eng.Mul(eng.Reshape(perClass, c, 1), eng.As(weights, perClass)), 0)
		}
		return eng.Div(total, eng.Scalar(total, float64(c)))
	})
}

// The Cells of this file.
var (
	DiceLoss           *pyobj.Class
	MultiClassDiceLoss *pyobj.Class
)

// diceActivations are MultiClassDiceLoss's activation names.
var diceActivations = map[string]Activation{
	"softmax":    func(x *engine.Tensor) (*engine.Tensor, error) { return engine.Softmax(x, -1) },
	"logsoftmax": func(x *engine.Tensor) (*engine.Tensor, error) { return engine.LogSoftmax(x, -1) },
	"relu":       engine.ReLU,
	"relu6":      diceReLU6,
	"tanh":       engine.Tanh,
	"sigmoid":    engine.Sigmoid,
}

// diceReLU6 returns min(max(x, 0), 6), whose gradient is 0 at 0 and 6.
func diceReLU6(x *engine.Tensor) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		return eng.Minimum(eng.Scalar(x, 6), eng.ReLU(x))
	})
}

// multiClassDiceConfig is MultiClassDiceLoss's config. activation is a
// name from diceActivations, a Cell, or None.
type multiClassDiceConfig struct {
	weights    *engine.Tensor
	ignore     *int
	activation starlark.Value
}

func parseMultiClassDice(call string, v []starlark.Value) (multiClassDiceConfig, error) {
	var cfg multiClassDiceConfig
	w, err := lossArgs.OptionalTensor(call, "weights", v[0])
	if err != nil {
		return cfg, err
	}
	if w != nil && w.Rank() != 2 {
		return cfg, core.Errorf("ValueError", "%s: weights must be 2-D (num_classes, dim), but got shape %s", call, lossShape(w))
	}
	cfg.weights = w
	if v[1] != starlark.None {
		i, err := lossArgs.Int(call, "ignore_indiex", v[1])
		if err != nil {
			return cfg, err
		}
		cfg.ignore = &i
	}
	switch a := v[2].(type) {
	case starlark.String:
		if _, ok := diceActivations[string(a)]; !ok {
			return cfg, core.Errorf("ValueError", "%s: activation must be one of 'softmax', 'logsoftmax', 'relu', 'relu6', 'tanh', 'sigmoid' or a Cell, but got %s", call, a.String())
		}
	case starlark.NoneType:
	default:
		if !IsCell(v[2]) {
			return cfg, core.Errorf("TypeError", "%s: activation must be a str or a Cell, but got %s", call, v[2].Type())
		}
	}
	cfg.activation = v[2]
	return cfg, nil
}

// activationOf returns the Go activation of a config value, calling a
// Cell through the interpreter.
func activationOf(thread *starlark.Thread, call string, v starlark.Value) Activation {
	switch a := v.(type) {
	case starlark.String:
		return diceActivations[string(a)]
	case starlark.NoneType:
		return nil
	}
	return func(x *engine.Tensor) (*engine.Tensor, error) {
		res, err := starlark.Call(thread, v, starlark.Tuple{tensor.New(x)}, nil)
		if err != nil {
			return nil, err
		}
		t, _, ok := tensor.Of(res)
		if !ok {
			return nil, core.Errorf("TypeError", "%s: the activation Cell must return a Tensor, but returned %s", call, res.Type())
		}
		return t, nil
	}
}

func init() {
	DiceLoss = lossDef[float64]{
		name: "DiceLoss",
		doc: `DiceLoss(smooth=1e-05)

loss = 1 - 2*sum(logits*labels) / (sum(logits**2) + sum(labels**2) +
smooth) over all elements, a scalar. logits and labels must have the same
shape. smooth must be a float > 0. There is no reduction argument.`,
		params: []lossParam{optionalParam("smooth", starlark.Float(1e-5))},
		config: func(call string, v []starlark.Value) (float64, error) {
			return lossArgs.Positive(call, "smooth", v[0])
		},
		inputs: twoInputs,
		compute: tensorCompute(func(smooth float64, t []*engine.Tensor) (*engine.Tensor, error) {
			return Dice(t[0], t[1], smooth)
		}),
	}.class()
	MultiClassDiceLoss = lossDef[multiClassDiceConfig]{
		name: "MultiClassDiceLoss",
		doc: `MultiClassDiceLoss(weights=None, ignore_indiex=None, activation='softmax')

Applies activation to logits (N, C, ...) ('softmax' and 'logsoftmax' act
on the last axis; also 'relu', 'relu6', 'tanh', 'sigmoid', a Cell, or
None), then adds DiceLoss(smooth=1e-5) of each class slice logits[:, i]
against labels[:, i], times weights[i] when weights (a 2-D Tensor with
one row per class) is given, skipping class ignore_indiex (an int or
None; the keyword is spelled as in MindSpore), and divides by C =
labels.shape[1], which still counts an ignored class.`,
		params: []lossParam{optionalParam("weights", starlark.None), optionalParam("ignore_indiex", starlark.None), optionalParam("activation", starlark.String("softmax"))},
		config: parseMultiClassDice, inputs: twoInputs,
		compute: func(thread *starlark.Thread, call string, params []lossParam, cfg multiClassDiceConfig, in []starlark.Value) (starlark.Value, error) {
			t, err := lossTensors(call, params, in)
			if err != nil {
				return nil, err
			}
			out, err := MultiClassDice(t[0], t[1], cfg.weights, cfg.ignore, activationOf(thread, call, cfg.activation))
			return lossResult(call, out, err)
		},
	}.class()
}
