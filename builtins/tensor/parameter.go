package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Attr adds the Parameter attributes (name, requires_grad, data,
// set_data, clone) to those of Tensor.
func (p *Parameter) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(p.Name), nil
	case "requires_grad":
		return starlark.Bool(p.RequiresGrad), nil
	case "data":
		return p, nil
	case "set_data":
		return starlark.NewBuiltin("set_data", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
			defer pyobj.RecoverPanic("Parameter.set_data", &err)
			var data starlark.Value
			if err := starlark.UnpackArgs("set_data", args, kwargs, "data", &data, "slice_shape?", new(bool)); err != nil {
				return nil, err
			}
			d := p.T.DType()
			t, err := ToEngine(data, &d, MindSpore)
			if err != nil {
				return nil, core.Errorf("TypeError", "Parameter.set_data: %v", err)
			}
			if err := p.SetData(t); err != nil {
				return nil, core.Errorf("ValueError", "%v", err)
			}
			return p, nil
		}), nil
	case "clone":
		return starlark.NewBuiltin("clone", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
			defer pyobj.RecoverPanic("Parameter.clone", &err)
			var prefix string
			if err := starlark.UnpackArgs("clone", args, kwargs, "init?", new(starlark.Value), "prefix?", &prefix); err != nil {
				return nil, err
			}
			name := p.Name
			if prefix != "" {
				name = prefix + "." + name
			}
			return NewParameter(p.T, name, p.RequiresGrad), nil
		}), nil
	}
	return p.Tensor.Attr(name)
}

// SetField allows `param.requires_grad = False` and `param.name = ...`.
func (p *Parameter) SetField(name string, v starlark.Value) error {
	switch name {
	case "requires_grad":
		b, ok := v.(starlark.Bool)
		if !ok {
			return core.Errorf("TypeError", "Parameter.requires_grad must be a bool, not %s", v.Type())
		}
		p.RequiresGrad = bool(b)
		p.T.SetRequiresGrad(bool(b))
		return nil
	case "name":
		s, ok := v.(starlark.String)
		if !ok {
			return core.Errorf("TypeError", "Parameter.name must be a str, not %s", v.Type())
		}
		p.Name = string(s)
		return nil
	}
	return core.Errorf("AttributeError", "cannot set attribute '%s' of Parameter", name)
}

// AttrNames lists the Parameter attributes.
func (p *Parameter) AttrNames() []string {
	return append([]string{"clone", "data", "name", "requires_grad", "set_data"}, p.Tensor.AttrNames()...)
}
