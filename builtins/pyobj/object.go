package pyobj

import (
	"go.starlark.net/starlark"
)

// Object is the class object, the last entry of every class's MRO.
// Its methods are the defaults that every class inherits: __init__,
// __setattr__, __delattr__, __repr__ and __str__.
var Object *Class

func newObjectClass() *Class {
	return NewNativeClass(NativeSpec{
		Name:   "object",
		Module: "builtins",
		Doc:    "The base class of the class hierarchy.",
		Methods: []Method{
			{"__init__", objectInit},
			{"__setattr__", objectSetAttr},
			{"__delattr__", objectDelAttr},
			{"__repr__", objectRepr},
			{"__str__", objectStr},
		},
	})
}

func objectInit(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 || len(kwargs) > 0 {
		// CPython names object when a subclass overrides __init__ and
		// passed its arguments on, and the class otherwise.
		name := self.class.name
		if _, owner := self.class.Lookup("__init__"); owner != Object {
			name = "object"
		}
		return nil, TypeErrorf("%s.__init__() takes exactly one argument (the instance to initialize)", name)
	}
	return starlark.None, nil
}

func objectSetAttr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var value starlark.Value
	if err := unpackPositional("__setattr__", args, kwargs, 2, &name, &value); err != nil {
		return nil, err
	}
	return starlark.None, genericSetAttr(thread, self, name, value, nil)
}

func objectDelAttr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	if err := unpackPositional("__delattr__", args, kwargs, 1, &name); err != nil {
		return nil, err
	}
	return starlark.None, genericDeleteAttr(thread, self, name, nil)
}

func objectRepr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpackPositional("__repr__", args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.String(defaultRepr(self)), nil
}

// objectStr is object.__str__. Like CPython, it returns whatever
// __repr__ returns and leaves the type check to str(), so a bad __repr__
// is reported as "__str__ returned non-string".
func objectStr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpackPositional("__str__", args, kwargs, 0); err != nil {
		return nil, err
	}
	result, found, err := callSpecial(thread, self, "__repr__")
	if !found {
		return starlark.String(defaultRepr(self)), nil
	}
	return result, err
}

// NotImplemented is the value that a binary special method returns to
// let the other operand's reflected method try.
// It is a single pointer, so "is" and == both recognise it.
var NotImplemented starlark.Value = &notImplementedType{}

type notImplementedType struct{ _ byte }

func (*notImplementedType) String() string        { return "NotImplemented" }
func (*notImplementedType) Type() string          { return "NotImplementedType" }
func (*notImplementedType) Freeze()               {}
func (*notImplementedType) Truth() starlark.Bool  { return starlark.True }
func (*notImplementedType) Hash() (uint32, error) { return 0x4e6f74, nil }
