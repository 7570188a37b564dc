package mindspore

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// gradSpec says what a value_and_grad function differentiates.
type gradSpec struct {
	fn        starlark.Value
	positions []int // nil: no inputs
	single    bool  // grad_position was an int
	weights   []*tensor.Parameter
	hasAux    bool
	withValue bool
}

func (g *gradSpec) String() string       { return "<value_and_grad function>" }
func (g *gradSpec) Type() string         { return "function" }
func (g *gradSpec) Freeze()              {}
func (g *gradSpec) Truth() starlark.Bool { return true }
func (g *gradSpec) Hash() (uint32, error) {
	return 0, core.Errorf("TypeError", "unhashable type: 'function'")
}
func (g *gradSpec) Name() string { return "value_and_grad" }

// CallInternal runs fn with fresh leaf copies of the differentiated
// inputs and returns (value, grads) or grads.
func (g *gradSpec) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	args = append(starlark.Tuple(nil), args...)
	var wrt []*engine.Tensor
	for _, p := range g.positions {
		if p < 0 || p >= len(args) {
			return nil, core.Errorf("IndexError", "grad_position %d is out of range for %d inputs", p, len(args))
		}
		t, f, ok := tensor.Of(args[p])
		if !ok {
			return nil, core.Errorf("TypeError", "the input at grad_position %d must be a Tensor, not %s", p, args[p].Type())
		}
		leaf := t.Detach().SetRequiresGrad(true)
		args[p] = &tensor.Tensor{T: leaf, Flavor: f}
		wrt = append(wrt, leaf)
	}
	for _, w := range g.weights {
		wrt = append(wrt, w.T)
	}
	out, err := starlark.Call(thread, g.fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	lossV := out
	if g.hasAux {
		tup, ok := out.(starlark.Tuple)
		if !ok || len(tup) == 0 {
			return nil, core.Errorf("TypeError", "value_and_grad with has_aux=True needs fn to return a tuple (loss, aux...)")
		}
		lossV = tup[0]
	}
	loss, _, ok := tensor.Of(lossV)
	if !ok {
		return nil, core.Errorf("TypeError", "the differentiated function must return a Tensor, not %s", lossV.Type())
	}
	grads, err := engine.Grad(loss, wrt, nil)
	if err != nil {
		return nil, core.EngineError("value_and_grad", err)
	}
	toTuple := func(ts []*engine.Tensor) starlark.Tuple {
		tup := make(starlark.Tuple, len(ts))
		for i, t := range ts {
			tup[i] = tensor.New(t)
		}
		return tup
	}
	inputGrads := grads[:len(g.positions)]
	weightGrads := grads[len(g.positions):]
	var result starlark.Value
	switch {
	case g.positions != nil && g.weights != nil:
		var ig starlark.Value = toTuple(inputGrads)
		if g.single {
			ig = tensor.New(inputGrads[0])
		}
		result = starlark.Tuple{ig, toTuple(weightGrads)}
	case g.weights != nil:
		result = toTuple(weightGrads)
	case g.single:
		result = tensor.New(inputGrads[0])
	default:
		result = toTuple(inputGrads)
	}
	if g.withValue {
		return starlark.Tuple{out, result}, nil
	}
	return result, nil
}

func parseGradArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, withValue bool) (*gradSpec, error) {
	var fn starlark.Value
	var pos starlark.Value = starlark.MakeInt(0)
	var weights starlark.Value = starlark.None
	hasAux := false
	if err := starlark.UnpackArgs(name, args, kwargs, "fn", &fn, "grad_position?", &pos, "weights?", &weights, "has_aux?", &hasAux, "return_ids?", new(bool)); err != nil {
		return nil, err
	}
	g := &gradSpec{fn: fn, hasAux: hasAux, withValue: withValue}
	switch p := pos.(type) {
	case starlark.NoneType:
	case starlark.Int:
		var i int
		_ = starlark.AsInt(p, &i)
		g.positions, g.single = []int{i}, true
	case starlark.Tuple:
		for _, v := range p {
			var i int
			if err := starlark.AsInt(v, &i); err != nil {
				return nil, core.Errorf("TypeError", "%s: grad_position entries must be ints", name)
			}
			g.positions = append(g.positions, i)
		}
	default:
		return nil, core.Errorf("TypeError", "%s: grad_position must be None, an int or a tuple of ints, not %s", name, pos.Type())
	}
	if weights != starlark.None {
		iter, ok := weights.(starlark.Iterable)
		if p, isParam := weights.(*tensor.Parameter); isParam {
			g.weights = []*tensor.Parameter{p}
		} else if !ok {
			return nil, core.Errorf("TypeError", "%s: weights must be a Parameter or a list of Parameters", name)
		} else {
			it := iter.Iterate()
			var v starlark.Value
			for it.Next(&v) {
				p, ok := v.(*tensor.Parameter)
				if !ok {
					it.Done()
					return nil, core.Errorf("TypeError", "%s: weights must contain Parameters, found %s", name, v.Type())
				}
				g.weights = append(g.weights, p)
			}
			it.Done()
			if g.weights == nil {
				g.weights = []*tensor.Parameter{}
			}
		}
	}
	if g.positions == nil && g.weights == nil {
		return nil, core.Errorf("ValueError", "%s: grad_position and weights cannot both be None", name)
	}
	return g, nil
}

func valueAndGrad(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return parseGradArgs("value_and_grad", args, kwargs, true)
}

func gradFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return parseGradArgs("grad", args, kwargs, false)
}
