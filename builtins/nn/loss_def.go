package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// lossParam is one Python parameter of a loss constructor, construct or
// functional form. A nil def marks a required parameter.
type lossParam struct {
	name string
	def  starlark.Value
}

func requiredParam(name string) lossParam { return lossParam{name: name} }

func optionalParam(name string, def starlark.Value) lossParam { return lossParam{name: name, def: def} }

// unpackLoss binds args and kwargs to params as Python does and fills the
// defaults of omitted optional parameters. Parameters after a "*" entry
// are keyword-only.
func unpackLoss(fn string, args starlark.Tuple, kwargs []starlark.Tuple, params []lossParam) ([]starlark.Value, error) {
	positional := -1
	named := make([]lossParam, 0, len(params))
	for _, p := range params {
		if p.name == "*" {
			positional = len(named)
			continue
		}
		named = append(named, p)
	}
	vals := make([]starlark.Value, len(named))
	pairs := make([]any, 0, 2*len(named))
	for i, p := range named {
		name := p.name
		if p.def != nil {
			name += "?"
		}
		pairs = append(pairs, name, &vals[i])
	}
	var err error
	if positional >= 0 {
		err = unpackKeywordOnly(fn, args, kwargs, positional, pairs)
	} else {
		err = starlark.UnpackArgs(fn, args, kwargs, pairs...)
	}
	if err != nil {
		return nil, err
	}
	for i, p := range named {
		if vals[i] == nil {
			vals[i] = p.def
		}
	}
	return vals, nil
}

// unpackKeywordOnly unpacks with at most positional positional arguments.
func unpackKeywordOnly(fn string, args starlark.Tuple, kwargs []starlark.Tuple, positional int, pairs []any) error {
	if len(args) > positional {
		return core.Errorf("TypeError", "%s() takes %d positional arguments but %d were given; pass the others by keyword", fn, positional, len(args))
	}
	return starlark.UnpackArgs(fn, args, kwargs, pairs...)
}

// lossDef declares a native loss Cell: constructor parameters turned into
// a validated config C by config, and construct inputs turned into the
// loss by compute. Both receive the Python-level call name
// ("nn.HuberLoss") for their messages.
type lossDef[C any] struct {
	name    string
	doc     string
	params  []lossParam
	config  func(call string, v []starlark.Value) (C, error)
	inputs  []lossParam
	compute lossCompute[C]
}

// lossCompute computes a loss from its validated config and its inputs,
// which are named by params.
type lossCompute[C any] func(thread *starlark.Thread, call string, params []lossParam, cfg C, in []starlark.Value) (starlark.Value, error)

// class builds the Cell class. Each constructor argument is also kept as
// an attribute of the same name, as MindSpore's Cells keep them.
func (d lossDef[C]) class() *pyobj.Class {
	call := "nn." + d.name
	return newCellClass(cellClass{
		name: d.name,
		base: lossBase(),
		doc:  d.doc,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			v, err := unpackLoss(d.name, args, kwargs, d.params)
			if err != nil {
				return nil, err
			}
			cfg, err := d.config(call, v)
			if err != nil {
				return nil, err
			}
			attrs := starlark.StringDict{}
			i := 0
			for _, p := range d.params {
				if p.name != "*" {
					attrs[p.name] = v[i]
					i++
				}
			}
			if _, ok := attrs["reduction"]; !ok {
				attrs["reduction"] = starlark.String("mean")
			}
			return starlark.None, setLossConfig(self, cfg, attrs)
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			cfg, err := lossConfig[C](call, self)
			if err != nil {
				return nil, err
			}
			in, err := unpackLoss(d.name, args, kwargs, d.inputs)
			if err != nil {
				return nil, err
			}
			return d.compute(thread, call, d.inputs, cfg, in)
		},
	})
}

// funcDef declares a functional loss such as ops.huber_loss: its inputs
// come first, then its parameters, as in MindSpore's signatures.
type funcDef[C any] struct {
	name    string
	inputs  []lossParam
	params  []lossParam
	config  func(call string, v []starlark.Value) (C, error)
	compute lossCompute[C]
}

// builtin builds the Starlark function.
func (d funcDef[C]) builtin() *starlark.Builtin {
	call := "ops." + d.name
	all := append(append([]lossParam(nil), d.inputs...), d.params...)
	b := starlark.NewBuiltin(d.name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := unpackLoss(d.name, args, kwargs, all)
		if err != nil {
			return nil, err
		}
		cfg, err := d.config(call, v[len(d.inputs):])
		if err != nil {
			return nil, err
		}
		return d.compute(thread, call, d.inputs, cfg, v[:len(d.inputs)])
	})
	return b
}

// lossTensors converts the named construct inputs, in order.
func lossTensors(call string, params []lossParam, in []starlark.Value) ([]*engine.Tensor, error) {
	out := make([]*engine.Tensor, len(in))
	for i, v := range in {
		t, err := lossArgs.Tensor(call, params[i].name, v)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// tensorCompute adapts a loss over tensor inputs to a compute function:
// every input must be a Tensor.
func tensorCompute[C any](f func(cfg C, t []*engine.Tensor) (*engine.Tensor, error)) lossCompute[C] {
	return func(thread *starlark.Thread, call string, params []lossParam, cfg C, in []starlark.Value) (starlark.Value, error) {
		t, err := lossTensors(call, params, in)
		if err != nil {
			return nil, err
		}
		out, err := f(cfg, t)
		return lossResult(call, out, err)
	}
}
