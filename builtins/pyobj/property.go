package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
)

// Property is a data descriptor with getter, setter and deleter
// functions, as property() and @x.setter make. Each function receives
// the instance first.
type Property struct {
	fget, fset, fdel starlark.Value // nil when absent
	doc              string
	frozen           bool
	id               uint64
}

var _ starlark.HasAttrs = (*Property)(nil)

// NewProperty creates a property from getter, setter and deleter
// functions, any of which may be nil.
func NewProperty(get, set, del starlark.Callable, doc string) *Property {
	p := &Property{doc: doc, id: newID()}
	if get != nil {
		p.fget = get
	}
	if set != nil {
		p.fset = set
	}
	if del != nil {
		p.fdel = del
	}
	return p
}

// name returns the getter's name, which Python's error messages use.
func (p *Property) name() string {
	for _, fn := range []starlark.Value{p.fget, p.fset, p.fdel} {
		if fn != nil {
			return callableName(fn)
		}
	}
	return "?"
}

func (p *Property) get(thread *starlark.Thread, x *Instance) (starlark.Value, error) {
	if p.fget == nil {
		return nil, AttributeErrorf("property '%s' of '%s' object has no getter", p.name(), x.class.name)
	}
	return call(thread, p.fget, starlark.Tuple{x}, nil)
}

func (p *Property) set(thread *starlark.Thread, x *Instance, v starlark.Value) error {
	if p.fset == nil {
		return AttributeErrorf("property '%s' of '%s' object has no setter", p.name(), x.class.name)
	}
	_, err := call(thread, p.fset, starlark.Tuple{x, v}, nil)
	return err
}

func (p *Property) delete(thread *starlark.Thread, x *Instance) error {
	if p.fdel == nil {
		return AttributeErrorf("property '%s' of '%s' object has no deleter", p.name(), x.class.name)
	}
	_, err := call(thread, p.fdel, starlark.Tuple{x}, nil)
	return err
}

// String returns <property 'name'>.
func (p *Property) String() string { return fmt.Sprintf("<property '%s'>", p.name()) }

// Type returns "property".
func (p *Property) Type() string { return "property" }

// Freeze freezes the getter, setter and deleter.
func (p *Property) Freeze() {
	if p.frozen {
		return
	}
	p.frozen = true
	for _, fn := range []starlark.Value{p.fget, p.fset, p.fdel} {
		if fn != nil {
			fn.Freeze()
		}
	}
}

// Truth returns True.
func (p *Property) Truth() starlark.Bool { return starlark.True }

// Hash returns an identity hash.
func (p *Property) Hash() (uint32, error) { return hashID(p.id), nil }

// Attr returns fget, fset, fdel, __doc__, or the decorator methods
// getter, setter and deleter, which return a copy with one function
// replaced.
func (p *Property) Attr(name string) (starlark.Value, error) {
	switch name {
	case "fget":
		return noneIfNil(p.fget), nil
	case "fset":
		return noneIfNil(p.fset), nil
	case "fdel":
		return noneIfNil(p.fdel), nil
	case "__doc__":
		if p.doc == "" {
			return starlark.None, nil
		}
		return starlark.String(p.doc), nil
	case "getter", "setter", "deleter":
		return starlark.NewBuiltin(name, p.replaceFunc), nil
	}
	return nil, AttributeErrorf("'property' object has no attribute '%s'", name)
}

// AttrNames lists the attributes of a property.
func (p *Property) AttrNames() []string {
	return []string{"__doc__", "deleter", "fdel", "fget", "fset", "getter", "setter"}
}

func noneIfNil(v starlark.Value) starlark.Value {
	if v == nil {
		return starlark.None
	}
	return v
}

// replaceFunc implements property.getter, .setter and .deleter.
func (p *Property) replaceFunc(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	if fn == starlark.None {
		fn = nil
	}
	copied := *p
	copied.frozen = false
	copied.id = newID()
	switch b.Name() {
	case "getter":
		copied.fget = fn
	case "setter":
		copied.fset = fn
	case "deleter":
		copied.fdel = fn
	}
	return &copied, nil
}
