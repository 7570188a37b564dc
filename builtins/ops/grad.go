package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// GradRequest selects the inputs and weights that Differentiate
// differentiates.
type GradRequest struct {
	// Positions lists the positional inputs to differentiate.
	Positions []int
	// Weights lists the Parameters to differentiate.
	Weights []*tensor.Parameter
	// HasAux differentiates only the first output of a tuple-returning
	// function.
	HasAux bool
	// Sens is the gradient of the objective with respect to the output:
	// a Tensor, or a tuple of Tensors for a tuple output. Nil means ones.
	Sens starlark.Value
}

// GradResult holds the output of the differentiated call and the
// gradients, in the order of GradRequest.Positions and Weights.
type GradResult struct {
	Out         starlark.Value
	InputGrads  []*engine.Tensor
	WeightGrads []*engine.Tensor
	// AuxOutputs are the outputs after the first under HasAux.
	AuxOutputs starlark.Tuple
}

// Differentiate calls fn(*args, **kwargs) with fresh leaf copies of the
// inputs at req.Positions and returns the gradients of its output with
// respect to them and to req.Weights. A tuple output is differentiated
// as the sum of its elements' gradients, each with sensitivity ones (or
// the matching element of req.Sens), as MindSpore's GradOperation does.
// Under HasAux only the first element counts. call names the
// Python-level API in errors.
func Differentiate(thread *starlark.Thread, call string, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple, req GradRequest) (GradResult, error) {
	args = append(starlark.Tuple(nil), args...)
	var res GradResult
	var wrt []*engine.Tensor
	for _, p := range req.Positions {
		if p < 0 || p >= len(args) {
			return GradResult{}, core.Errorf("IndexError", "%s: grad_position %d is out of range for %d inputs", call, p, len(args))
		}
		t, f, ok := tensor.Of(args[p])
		if !ok {
			return GradResult{}, core.Errorf("TypeError", "%s: the input at position %d must be a Tensor to be differentiated, but got %s", call, p, args[p].Type())
		}
		leaf := t.Detach().SetRequiresGrad(true)
		args[p] = &tensor.Tensor{T: leaf, Flavor: f}
		wrt = append(wrt, leaf)
	}
	for _, w := range req.Weights {
		wrt = append(wrt, w.T)
	}
	out, err := starlark.Call(thread, fn, args, kwargs)
	if err != nil {
		return GradResult{}, err
	}
	res.Out = out
	target := out
	if req.HasAux {
		tup, ok := out.(starlark.Tuple)
		if !ok || len(tup) < 2 {
			return GradResult{}, core.Errorf("ValueError", "%s: when has_aux is True, fn must return more than one output, but it returned %s", call, out.Type())
		}
		target, res.AuxOutputs = tup[0], tup[1:]
	}
	grads, err := gradOf(call, target, req.Sens, wrt)
	if err != nil {
		return GradResult{}, err
	}
	res.InputGrads = grads[:len(req.Positions)]
	res.WeightGrads = grads[len(req.Positions):]
	return res, nil
}

// gradOf returns the gradients of out (a Tensor or a tuple of Tensors)
// with respect to wrt, summed over the outputs.
func gradOf(call string, out, sens starlark.Value, wrt []*engine.Tensor) ([]*engine.Tensor, error) {
	if t, _, ok := tensor.Of(out); ok && (sens == nil || sens == starlark.None) {
		// One output with the default sensitivity, the common case,
		// without the slices of the general path.
		grads, err := engine.Grad(t, wrt, nil)
		if err != nil {
			return nil, core.EngineError(call, err)
		}
		return grads, nil
	}
	outs, isSeq := outputs(out)
	if outs == nil {
		return nil, core.Errorf("TypeError", "%s: the differentiated function must return a Tensor or a tuple of Tensors, but returned %s", call, out.Type())
	}
	senses, err := sensList(call, sens, len(outs), isSeq)
	if err != nil {
		return nil, err
	}
	var total []*engine.Tensor
	for i, y := range outs {
		grads, err := engine.Grad(y, wrt, senses[i])
		if err != nil {
			return nil, core.EngineError(call, err)
		}
		if total == nil {
			total = grads
			continue
		}
		for k := range total {
			if total[k], err = engine.Add(total[k], grads[k]); err != nil {
				return nil, core.EngineError(call, err)
			}
		}
	}
	if total == nil {
		total = make([]*engine.Tensor, len(wrt))
		for k, w := range wrt {
			total[k], _ = engine.Zeros(w.DType(), w.Shape()...)
		}
	}
	return total, nil
}

// outputs returns the Tensors of an output: one, or each element of a
// tuple or list. It returns nil when an element is not a Tensor.
func outputs(out starlark.Value) ([]*engine.Tensor, bool) {
	if t, _, ok := tensor.Of(out); ok {
		return []*engine.Tensor{t}, false
	}
	seq, ok := out.(starlark.Indexable)
	if !ok {
		return nil, false
	}
	if _, isStr := out.(starlark.String); isStr {
		return nil, false
	}
	ts := make([]*engine.Tensor, seq.Len())
	for i := range ts {
		t, _, ok := tensor.Of(seq.Index(i))
		if !ok {
			return nil, true
		}
		ts[i] = t
	}
	return ts, true
}

// sensList matches a sens argument to n outputs. Nil entries mean ones.
func sensList(call string, sens starlark.Value, n int, isSeq bool) ([]*engine.Tensor, error) {
	out := make([]*engine.Tensor, n)
	if sens == nil || sens == starlark.None {
		return out, nil
	}
	if !isSeq {
		t, _, ok := tensor.Of(sens)
		if !ok {
			return nil, core.Errorf("TypeError", "%s: sens must be a Tensor like the output, but got %s", call, sens.Type())
		}
		out[0] = t
		return out, nil
	}
	ts, _ := outputs(sens)
	if len(ts) != n {
		return nil, core.Errorf("ValueError", "%s: sens must be a tuple of %d Tensors, one per output, but got %s", call, n, sens.Type())
	}
	copy(out, ts)
	return out, nil
}

// ParamsArg converts a weights argument: a Parameter (single is true),
// or an iterable of Parameters such as a ParameterTuple or the list
// from trainable_params().
func ParamsArg(call string, v starlark.Value) (params []*tensor.Parameter, single bool, err error) {
	if p, ok := v.(*tensor.Parameter); ok {
		return []*tensor.Parameter{p}, true, nil
	}
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, false, core.Errorf("TypeError", "%s: weights must be a Parameter, a ParameterTuple or a list of Parameters, but got %s", call, v.Type())
	}
	iter := it.Iterate()
	defer iter.Done()
	params = []*tensor.Parameter{}
	var x starlark.Value
	for iter.Next(&x) {
		p, ok := x.(*tensor.Parameter)
		if !ok {
			return nil, false, core.Errorf("TypeError", "%s: weights must hold Parameters, but found %s", call, x.Type())
		}
		params = append(params, p)
	}
	return params, false, nil
}

// TensorTuple wraps engine tensors as a tuple of MindSpore Tensors.
func TensorTuple(ts []*engine.Tensor) starlark.Tuple {
	tup := make(starlark.Tuple, len(ts))
	for i, t := range ts {
		tup[i] = tensor.New(t)
	}
	return tup
}
