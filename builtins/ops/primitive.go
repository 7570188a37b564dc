// Package ops is mindspore.ops: primitives (classes that are
// instantiated, then called, such as ops.Abs()(x)) and their functional
// forms (ops.abs(x)).
package ops

import (
	"fmt"
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// impl computes a primitive from its constructor attributes and call
// arguments.
type impl func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// PrimitiveClass is an ops primitive class such as ops.ReduceMean;
// calling it with the constructor arguments returns a Primitive.
type PrimitiveClass struct {
	name   string
	doc    string
	params []string // constructor parameter names with UnpackArgs suffixes
	defs   starlark.StringDict
	call   impl
}

// Primitive is an instantiated primitive: callable on tensors.
type Primitive struct {
	class *PrimitiveClass
	attrs starlark.StringDict
}

var (
	_ starlark.Callable = (*PrimitiveClass)(nil)
	_ starlark.Callable = (*Primitive)(nil)
	_ starlark.HasAttrs = (*Primitive)(nil)
)

func (c *PrimitiveClass) String() string        { return fmt.Sprintf("<class 'mindspore.ops.%s'>", c.name) }
func (c *PrimitiveClass) Type() string          { return "type" }
func (c *PrimitiveClass) Name() string          { return c.name }
func (c *PrimitiveClass) Freeze()               {}
func (c *PrimitiveClass) Truth() starlark.Bool  { return true }
func (c *PrimitiveClass) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

// Doc returns the primitive's documentation, for help().
func (c *PrimitiveClass) Doc() string { return c.doc }

// CallInternal builds a Primitive from constructor arguments.
func (c *PrimitiveClass) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer pyobj.RecoverPanic("ops."+c.name, &err)
	attrs := starlark.StringDict{}
	for k, v := range c.defs {
		attrs[k] = v
	}
	if len(c.params) > 0 {
		vals := make([]starlark.Value, len(c.params))
		pairs := make([]any, 0, 2*len(c.params))
		for i, p := range c.params {
			pairs = append(pairs, p, &vals[i])
		}
		if err := starlark.UnpackArgs(c.name, args, kwargs, pairs...); err != nil {
			return nil, err
		}
		for i, p := range c.params {
			if vals[i] == nil {
				continue
			}
			name := trimSuffix(p)
			if _, isBool := vals[i].(starlark.Bool); boolParams[name] && !isBool {
				return nil, core.Errorf("TypeError", "For '%s', the type of '%s' should be 'bool', but got %s %s", c.name, name, vals[i].Type(), vals[i].String())
			}
			attrs[name] = vals[i]
		}
	} else if err := starlark.UnpackArgs(c.name, args, kwargs); err != nil {
		return nil, err
	}
	return &Primitive{class: c, attrs: attrs}, nil
}

// boolParams are the constructor parameters that MindSpore checks to be
// bool, as it checks ReduceMean's keep_dims.
var boolParams = map[string]bool{"keep_dims": true, "transpose_a": true, "transpose_b": true}

func trimSuffix(p string) string {
	if n := len(p); n > 0 && p[n-1] == '?' {
		return p[:n-1]
	}
	return p
}

func (p *Primitive) String() string        { return fmt.Sprintf("Prim[%s]", p.class.name) }
func (p *Primitive) Type() string          { return p.class.name }
func (p *Primitive) Name() string          { return p.class.name }
func (p *Primitive) Freeze()               {}
func (p *Primitive) Truth() starlark.Bool  { return true }
func (p *Primitive) Hash() (uint32, error) { return starlark.String(p.class.name).Hash() }

// CallInternal runs the primitive.
func (p *Primitive) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer pyobj.RecoverPanic("ops."+p.class.name, &err)
	return p.class.call(thread, p.attrs, args, kwargs)
}

// Attr returns a constructor attribute.
func (p *Primitive) Attr(name string) (starlark.Value, error) { return p.attrs[name], nil }

// AttrNames lists the constructor attributes.
func (p *Primitive) AttrNames() []string {
	names := make([]string, 0, len(p.attrs))
	for k := range p.attrs {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// tensorArg converts argument i of a primitive call.
func tensorArg(call string, args starlark.Tuple, i int, name string) (*engine.Tensor, error) {
	if i >= len(args) {
		return nil, core.Errorf("TypeError", "%s() missing required argument '%s' (pos %d)", call, name, i+1)
	}
	t, err := tensor.AsTensor(args[i])
	if err != nil {
		return nil, core.Errorf("TypeError", "For '%s', the input '%s' must be a Tensor, but got %s", call, name, args[i].Type())
	}
	return t, nil
}

func wrap(call string, t *engine.Tensor, err error) (starlark.Value, error) {
	if err != nil {
		return nil, core.EngineError("ops."+call, err)
	}
	return tensor.New(t), nil
}

func boolAttr(attrs starlark.StringDict, name string) bool {
	v, ok := attrs[name]
	return ok && v.Truth() == starlark.True
}
