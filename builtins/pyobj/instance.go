package pyobj

import (
	"sort"

	"go.starlark.net/starlark"
)

// Instance is an object of a Class. Its attributes live in an
// insertion-ordered dictionary, and Native holds the state that a native
// base class keeps, set by that class's __init__.
type Instance struct {
	class  *Class
	dict   attrDict
	thread *starlark.Thread // runs special methods called without a thread
	frozen bool
	id     uint64

	// Native is the state of the nearest native base class, such as the
	// parameter table of nn.Cell. The object model never reads it, but
	// Freeze calls its Freeze method when it has one.
	Native any
}

var (
	_ starlark.HasSetField = (*Instance)(nil)
	_ starlark.Callable    = (*Instance)(nil)
	_ starlark.Comparable  = (*Instance)(nil)
	_ starlark.Sequence    = (*Instance)(nil)
	_ starlark.HasSetKey   = (*Instance)(nil)
	_ starlark.Container   = (*Instance)(nil)
	_ starlark.HasBinary   = (*Instance)(nil)
	_ starlark.HasUnary    = (*Instance)(nil)
)

func newInstance(c *Class, thread *starlark.Thread) *Instance {
	return &Instance{class: c, thread: thread, id: newID()}
}

// Class returns the class of x, as type(x) does.
func (x *Instance) Class() *Class { return x.class }

// Attrs returns the instance attributes in the order they were first set.
func (x *Instance) Attrs() []NamedValue { return x.dict.items() }

// DictGet returns an instance attribute without looking at the class,
// as x.__dict__.get(name) does.
func (x *Instance) DictGet(name string) (starlark.Value, bool) { return x.dict.get(name) }

// DictSet stores an instance attribute without running __setattr__,
// hooks or property setters. It fails when the instance is frozen.
func (x *Instance) DictSet(name string, v starlark.Value) error {
	if x.frozen {
		return frozenInstanceError(x, name)
	}
	return x.dict.set(name, v)
}

// DictDelete removes an instance attribute without running __delattr__
// and reports whether it was present. It fails when the instance is frozen.
func (x *Instance) DictDelete(name string) (bool, error) {
	if x.frozen {
		return false, frozenInstanceError(x, name)
	}
	return x.dict.delete(name)
}

// IsFrozen reports whether Freeze has been called.
func (x *Instance) IsFrozen() bool { return x.frozen }

// Type returns the class name, which go.starlark.net uses in its error
// messages. Names that go.starlark.net gives its own types get the module
// prefix, because go.starlark.net compares values whose Type strings are
// equal with the built-in type's comparison, which would fail on an
// Instance.
func (x *Instance) Type() string {
	if starlarkTypeNames[x.class.name] {
		return x.class.module + "." + x.class.name
	}
	return x.class.name
}

// starlarkTypeNames are the Type strings of go.starlark.net's values.
var starlarkTypeNames = map[string]bool{
	"NoneType": true, "bool": true, "bytes": true, "int": true, "float": true,
	"string": true, "list": true, "tuple": true, "dict": true, "set": true,
	"function": true, "builtin_function_or_method": true, "range": true,
}

// Freeze makes the instance reject attribute changes and freezes its
// attribute values, its class and Native when Native has a Freeze method.
func (x *Instance) Freeze() {
	if x.frozen {
		return
	}
	x.frozen = true
	x.dict.freeze()
	x.class.Freeze()
	if f, ok := x.Native.(interface{ Freeze() }); ok {
		f.Freeze()
	}
}

// Attr returns attribute name of x, as x.name does in script.
func (x *Instance) Attr(name string) (starlark.Value, error) {
	return getInstanceAttr(x.callThread(), x, name)
}

// AttrNames returns the instance attribute names followed by the class
// attribute names, sorted, as dir(x) shows them.
func (x *Instance) AttrNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, name := range append(x.dict.keys(), x.class.AttrNames()...) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// SetField sets attribute name of x, as x.name = v does in script.
func (x *Instance) SetField(name string, v starlark.Value) error {
	return setInstanceAttr(x.callThread(), x, name, v)
}

// getInstanceAttr implements attribute lookup: a property on the class
// wins, then the instance dictionary, then the class attribute bound to
// x, then __getattr__ (which native GetAttr hooks provide). __class__
// and __dict__ come first, as the descriptors of object do in CPython.
func getInstanceAttr(thread *starlark.Thread, x *Instance, name string) (starlark.Value, error) {
	switch name {
	case "__class__":
		return x.class, nil
	case "__dict__":
		return x.dict.dict(), nil
	}
	classValue, _ := x.class.Lookup(name)
	if p, ok := classValue.(*Property); ok {
		return p.get(thread, x)
	}
	if v, ok := x.dict.get(name); ok {
		return v, nil
	}
	if classValue != nil {
		return bindToInstance(classValue, x), nil
	}
	if getattr, _ := x.class.Lookup("__getattr__"); getattr != nil && getattr != starlark.None {
		return callClassAttr(thread, x, getattr, starlark.Tuple{starlark.String(name)}, nil)
	}
	return nil, missingAttrError(x, name)
}

func missingAttrError(x *Instance, name string) error {
	return AttributeErrorf("'%s' object has no attribute '%s'", x.class.name, name)
}

// setInstanceAttr runs __setattr__ found along the MRO: a script
// override, a native class's SetAttr hook or object.__setattr__.
func setInstanceAttr(thread *starlark.Thread, x *Instance, name string, v starlark.Value) error {
	if x.frozen {
		return frozenInstanceError(x, name)
	}
	setattr, _ := x.class.Lookup("__setattr__")
	_, err := callClassAttr(thread, x, setattr, starlark.Tuple{starlark.String(name), v}, nil)
	return err
}

// deleteInstanceAttr runs __delattr__ found along the MRO.
func deleteInstanceAttr(thread *starlark.Thread, x *Instance, name string) error {
	if x.frozen {
		return frozenInstanceError(x, name)
	}
	delattr, _ := x.class.Lookup("__delattr__")
	_, err := callClassAttr(thread, x, delattr, starlark.Tuple{starlark.String(name)}, nil)
	return err
}

// genericSetAttr is object.__setattr__ extended with a native hook:
// a property setter wins, then the hook may store the value itself, and
// otherwise the value goes into the instance dictionary.
func genericSetAttr(thread *starlark.Thread, x *Instance, name string, v starlark.Value, hook SetAttrFunc) error {
	if x.frozen {
		return frozenInstanceError(x, name)
	}
	switch name {
	case "__class__":
		return TypeErrorf("cannot assign __class__ of '%s' object: changing the class of an instance is not supported", x.class.name)
	case "__dict__":
		d, ok := v.(*starlark.Dict)
		if !ok {
			return TypeErrorf("__dict__ must be set to a dictionary, not a '%s'", pythonTypeName(v))
		}
		x.dict.replace(d)
		return nil
	}
	if p, ok := classProperty(x.class, name); ok {
		return p.set(thread, x, v)
	}
	if hook != nil {
		stored, err := hook(thread, x, name, v)
		if err != nil || stored {
			return err
		}
	}
	return x.dict.set(name, v)
}

// genericDeleteAttr is object.__delattr__ extended with a native hook.
func genericDeleteAttr(thread *starlark.Thread, x *Instance, name string, hook DelAttrFunc) error {
	if x.frozen {
		return frozenInstanceError(x, name)
	}
	if p, ok := classProperty(x.class, name); ok {
		return p.delete(thread, x)
	}
	if hook != nil {
		deleted, err := hook(thread, x, name)
		if err != nil || deleted {
			return err
		}
	}
	found, err := x.dict.delete(name)
	if err != nil {
		return err
	}
	if !found {
		return missingAttrError(x, name)
	}
	return nil
}

func classProperty(c *Class, name string) (*Property, bool) {
	v, _ := c.Lookup(name)
	p, ok := v.(*Property)
	return p, ok
}

func frozenInstanceError(x *Instance, name string) error {
	return AttributeErrorf("cannot set attribute '%s' of frozen '%s' object: module globals are frozen when the module finishes, so create the object inside a function or set the attribute before the module ends", name, x.class.name)
}
