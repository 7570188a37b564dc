package mindspore

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/ops"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// gradSpec is the function that mindspore.grad and value_and_grad
// return: calling it runs fn and returns its gradients (and output).
type gradSpec struct {
	name         string // "grad" or "value_and_grad"
	fn           starlark.Value
	positions    []int // nil: no inputs
	single       bool  // grad_position was an int
	weights      []*tensor.Parameter
	hasWeights   bool
	singleWeight bool // weights was one Parameter
	hasAux       bool
	returnIDs    bool
	sensParam    bool
	withValue    bool
}

var _ starlark.Callable = (*gradSpec)(nil)

func (g *gradSpec) String() string       { return "<" + g.name + " function>" }
func (g *gradSpec) Type() string         { return "function" }
func (g *gradSpec) Freeze()              {}
func (g *gradSpec) Truth() starlark.Bool { return true }
func (g *gradSpec) Hash() (uint32, error) {
	return 0, core.Errorf("TypeError", "unhashable type: 'function'")
}
func (g *gradSpec) Name() string { return g.name }

// CallInternal runs fn with fresh leaf copies of the differentiated
// inputs. grad returns the gradients, or (gradients, (aux, ...)) under
// has_aux. value_and_grad returns (output, gradients) with the whole output.
func (g *gradSpec) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	req := ops.GradRequest{Positions: g.positions, Weights: g.weights, HasAux: g.hasAux}
	if g.sensParam {
		var err error
		if req.Sens, args, kwargs, err = takeSens(g.name, args, kwargs); err != nil {
			return nil, err
		}
	}
	res, err := ops.Differentiate(thread, g.name, g.fn, args, kwargs, req)
	if err != nil {
		return nil, err
	}
	grads := g.arrange(&res)
	if g.withValue {
		return starlark.Tuple{res.Out, grads}, nil
	}
	if g.hasAux {
		return starlark.Tuple{grads, res.AuxOutputs}, nil
	}
	return grads, nil
}

// takeSens removes the sensitivity from the call arguments: the keyword
// sens, or else the last positional argument.
func takeSens(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, starlark.Tuple, []starlark.Tuple, error) {
	for i, kv := range kwargs {
		if kv[0] == starlark.String("sens") {
			rest := append(append([]starlark.Tuple(nil), kwargs[:i]...), kwargs[i+1:]...)
			return kv[1], args, rest, nil
		}
	}
	if len(args) == 0 {
		return nil, nil, nil, core.Errorf("TypeError", "%s with sens_param=True needs the sensitivity as the last argument or as sens=", name)
	}
	return args[len(args)-1], args[:len(args)-1], kwargs, nil
}

// arrange shapes the gradients as MindSpore returns them: a Tensor for
// an int grad_position or a single Parameter, tuples otherwise, and
// (inputs, weights) when both are differentiated. With return_ids each
// gradient is paired with its position or parameter name.
func (g *gradSpec) arrange(res *ops.GradResult) starlark.Value {
	wrap := func(t *engine.Tensor, id starlark.Value) starlark.Value {
		if g.returnIDs {
			return starlark.Tuple{id, tensor.New(t)}
		}
		return tensor.New(t)
	}
	inputs := make(starlark.Tuple, len(res.InputGrads))
	for i, t := range res.InputGrads {
		inputs[i] = wrap(t, starlark.MakeInt(g.positions[i]))
	}
	weights := make(starlark.Tuple, len(res.WeightGrads))
	for i, t := range res.WeightGrads {
		weights[i] = wrap(t, starlark.String(g.weights[i].Name))
	}
	switch {
	case g.positions != nil && g.hasWeights:
		return starlark.Tuple{unwrapSingle(inputs, g.single), unwrapSingle(weights, g.singleWeight)}
	case g.hasWeights:
		return unwrapSingle(weights, g.singleWeight)
	}
	return unwrapSingle(inputs, g.single)
}

// parseGradArgs reads (fn, grad_position=0, weights=None, has_aux=False,
// return_ids=False, sens_param=False).
func parseGradArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, withValue bool) (*gradSpec, error) {
	var fn starlark.Value
	var pos starlark.Value = starlark.MakeInt(0)
	var weights starlark.Value = starlark.None
	g := &gradSpec{name: name, withValue: withValue}
	if err := starlark.UnpackArgs(name, args, kwargs, "fn", &fn, "grad_position?", &pos, "weights?", &weights, "has_aux?", &g.hasAux, "return_ids?", &g.returnIDs, "sens_param?", &g.sensParam); err != nil {
		return nil, err
	}
	if _, ok := fn.(starlark.Callable); !ok {
		return nil, core.Errorf("TypeError", "%s: fn must be a function or a Cell, but got %s", name, fn.Type())
	}
	g.fn = fn
	if err := g.setPositions(pos); err != nil {
		return nil, err
	}
	if weights != starlark.None {
		var err error
		if g.weights, g.singleWeight, err = ops.ParamsArg(name, weights); err != nil {
			return nil, err
		}
		g.hasWeights = true
	}
	if g.positions == nil && !g.hasWeights {
		return nil, core.Errorf("ValueError", "%s: grad_position and weights cannot both be None; pass grad_position=0 or weights=net.trainable_params()", name)
	}
	return g, nil
}

// setPositions reads grad_position: None, an int or a tuple of ints.
func (g *gradSpec) setPositions(pos starlark.Value) error {
	switch p := pos.(type) {
	case starlark.NoneType:
		return nil
	case starlark.Bool:
	case starlark.Int:
		var i int
		if err := starlark.AsInt(p, &i); err != nil {
			return err
		}
		g.positions, g.single = []int{i}, true
		return nil
	case starlark.Tuple:
		if len(p) == 0 {
			return core.Errorf("ValueError", "%s: grad_position must not be an empty tuple", g.name)
		}
		g.positions = []int{}
		for _, v := range p {
			var i int
			if _, isBool := v.(starlark.Bool); isBool || starlark.AsInt(v, &i) != nil {
				return core.Errorf("TypeError", "%s: grad_position entries must be ints, but got %s", g.name, v.Type())
			}
			g.positions = append(g.positions, i)
		}
		return nil
	}
	return core.Errorf("TypeError", "%s: grad_position must be None, an int or a tuple of ints, but got %s", g.name, pos.Type())
}

func valueAndGrad(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return parseGradArgs("value_and_grad", args, kwargs, true)
}

func gradFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return parseGradArgs("grad", args, kwargs, false)
}

// parameterTuple is mindspore.ParameterTuple(params): a tuple of
// Parameters, as GradOperation's weights and Optimizer.parameters use.
func parameterTuple(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("ParameterTuple", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	params, single, err := ops.ParamsArg("ParameterTuple", v)
	if err != nil {
		return nil, err
	}
	if single {
		return nil, core.Errorf("TypeError", "ParameterTuple needs an iterable of Parameters, but got one Parameter; wrap it in a list")
	}
	tup := make(starlark.Tuple, len(params))
	for i, p := range params {
		tup[i] = p
	}
	return tup, nil
}

// unwrapSingle returns the one element of grads when single is set, and
// grads otherwise. Only the returned value is boxed, which saves an
// allocation per call in eager loops.
func unwrapSingle(grads starlark.Tuple, single bool) starlark.Value {
	if single {
		return grads[0]
	}
	return grads
}
