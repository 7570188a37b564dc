package train

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Params is cb_params, what run_context.original_args() returns: a dict
// whose keys are also attributes (cb_params.cur_step_num and
// cb_params["cur_step_num"]), as MindSpore's InternalCallbackParam is.
// Callbacks may add their own keys either way.
type Params struct {
	dict *starlark.Dict
}

var (
	_ starlark.HasAttrs        = (*Params)(nil)
	_ starlark.HasSetField     = (*Params)(nil)
	_ starlark.IterableMapping = (*Params)(nil)
	_ starlark.HasSetKey       = (*Params)(nil)
	_ starlark.Sequence        = (*Params)(nil)
)

// NewParams returns an empty cb_params.
func NewParams() *Params { return &Params{dict: starlark.NewDict(16)} }

func (p *Params) String() string        { return p.dict.String() }
func (p *Params) Type() string          { return "dict" }
func (p *Params) Freeze()               { p.dict.Freeze() }
func (p *Params) Truth() starlark.Bool  { return p.dict.Len() > 0 }
func (p *Params) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'dict'") }
func (p *Params) Len() int              { return p.dict.Len() }

// Iterate yields the keys.
func (p *Params) Iterate() starlark.Iterator { return p.dict.Iterate() }

// Items returns the key-value pairs in insertion order.
func (p *Params) Items() []starlark.Tuple { return p.dict.Items() }

// Get implements cb_params[key].
func (p *Params) Get(k starlark.Value) (starlark.Value, bool, error) { return p.dict.Get(k) }

// SetKey implements cb_params[key] = value.
func (p *Params) SetKey(k, v starlark.Value) error { return p.dict.SetKey(k, v) }

// Set stores a value under name, for Go callers.
func (p *Params) Set(name string, v starlark.Value) { _ = p.dict.SetKey(starlark.String(name), v) }

// Lookup returns the value under name, or None.
func (p *Params) Lookup(name string) starlark.Value {
	v, found, _ := p.dict.Get(starlark.String(name))
	if !found {
		return starlark.None
	}
	return v
}

// Attr returns the dict methods (get, keys, items, ...) and, for any
// other name, the value stored under it.
func (p *Params) Attr(name string) (starlark.Value, error) {
	if m, err := p.dict.Attr(name); err == nil && m != nil {
		return m, nil
	}
	v, found, _ := p.dict.Get(starlark.String(name))
	if !found {
		return nil, core.Errorf("AttributeError", "cb_params has no attribute '%s'; it holds %s", name, p.keyList())
	}
	return v, nil
}

// AttrNames lists the stored keys.
func (p *Params) AttrNames() []string {
	var out []string
	for _, k := range p.dict.Keys() {
		if s, ok := starlark.AsString(k); ok {
			out = append(out, s)
		}
	}
	return out
}

// SetField implements cb_params.name = value.
func (p *Params) SetField(name string, v starlark.Value) error {
	return p.dict.SetKey(starlark.String(name), v)
}

// CompareSameType compares the dicts, so cb_params == cb_params works.
func (p *Params) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, p.dict, y.(*Params).dict, depth)
}

func (p *Params) keyList() string {
	s := "["
	for i, k := range p.AttrNames() {
		if i > 0 {
			s += ", "
		}
		s += k
	}
	return s + "]"
}

// paramsOf returns the cb_params behind a RunContext's original_args, or
// a Params view of a plain dict.
func paramsOf(v starlark.Value) *Params {
	switch x := v.(type) {
	case *Params:
		return x
	case *starlark.Dict:
		return &Params{dict: x}
	}
	return NewParams()
}
