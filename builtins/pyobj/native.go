package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
)

// MethodFunc is the Go implementation of a native method. self is the
// instance the method was called on, already checked to be an instance of
// the class that defines the method.
type MethodFunc func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// SetAttrFunc intercepts attribute assignment on instances of a native
// class and its subclasses. It returns stored true when it kept the value
// itself, and otherwise the value goes into the instance dictionary.
type SetAttrFunc func(thread *starlark.Thread, self *Instance, name string, value starlark.Value) (stored bool, err error)

// GetAttrFunc supplies attributes that normal lookup did not find, like
// Python's __getattr__. It returns (nil, nil) when it has none.
type GetAttrFunc func(thread *starlark.Thread, self *Instance, name string) (starlark.Value, error)

// DelAttrFunc intercepts attribute deletion. It returns deleted true when
// it removed the attribute itself.
type DelAttrFunc func(thread *starlark.Thread, self *Instance, name string) (deleted bool, err error)

// Method is one named native method of a NativeSpec.
type Method struct {
	Name string
	Func MethodFunc
}

// NativeSpec describes a class implemented in Go, such as nn.Cell.
type NativeSpec struct {
	Name    string
	Module  string // such as "mindspore.nn"; classes of "builtins" print without it
	Doc     string
	Bases   []*Class // Object when empty
	Methods []Method // in definition order
	Attrs   []NamedValue

	// SetAttr, GetAttr and DelAttr become the class's __setattr__,
	// __getattr__ and __delattr__, so script subclasses inherit them
	// and can reach them through super(). A property setter or deleter
	// on the class runs before SetAttr or DelAttr.
	SetAttr SetAttrFunc
	GetAttr GetAttrFunc
	DelAttr DelAttrFunc
}

// NewNativeClass creates a class implemented in Go. The class is frozen,
// so native classes can be shared by all threads.
// It panics when the bases have no consistent MRO or a method has no
// function, because native classes are built once at program start.
func NewNativeClass(spec NativeSpec) *Class {
	c, err := newClass(spec.Name, spec.Module, spec.Doc, spec.Bases)
	if err != nil {
		panic(fmt.Sprintf("pyobj.NewNativeClass %s: %v", spec.Name, err))
	}
	c.native = true
	for _, m := range spec.Methods {
		if m.Func == nil {
			panic(fmt.Sprintf("pyobj.NewNativeClass %s: method %s has no function", spec.Name, m.Name))
		}
		c.dict.set(m.Name, &NativeMethod{name: m.Name, owner: c, fn: m.Func})
	}
	for _, attr := range spec.Attrs {
		c.dict.set(attr.Name, attr.Value)
	}
	addHooks(c, spec)
	c.Freeze()
	return c
}

// addHooks installs the attribute hooks of spec as native methods.
func addHooks(c *Class, spec NativeSpec) {
	if hook := spec.SetAttr; hook != nil {
		c.dict.set("__setattr__", &NativeMethod{name: "__setattr__", owner: c, fn: func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			var value starlark.Value
			if err := unpackPositional("__setattr__", args, kwargs, 2, &name, &value); err != nil {
				return nil, err
			}
			return starlark.None, genericSetAttr(thread, self, name, value, hook)
		}})
	}
	if hook := spec.GetAttr; hook != nil {
		c.dict.set("__getattr__", &NativeMethod{name: "__getattr__", owner: c, fn: func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := unpackPositional("__getattr__", args, kwargs, 1, &name); err != nil {
				return nil, err
			}
			v, err := hook(thread, self, name)
			if err == nil && v == nil {
				err = missingAttrError(self, name)
			}
			return v, err
		}})
	}
	if hook := spec.DelAttr; hook != nil {
		c.dict.set("__delattr__", &NativeMethod{name: "__delattr__", owner: c, fn: func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			if err := unpackPositional("__delattr__", args, kwargs, 1, &name); err != nil {
				return nil, err
			}
			return starlark.None, genericDeleteAttr(thread, self, name, hook)
		}})
	}
}

// NativeMethod is a Go method of a native class, as read from the class
// (Cell.forward). Reading it through an instance binds it. Called
// unbound, it takes the instance as its first argument.
type NativeMethod struct {
	name  string
	owner *Class
	fn    MethodFunc
}

var _ starlark.Callable = (*NativeMethod)(nil)

// Name returns the method name.
func (m *NativeMethod) Name() string { return m.name }

// Owner returns the class that defines the method.
func (m *NativeMethod) Owner() *Class { return m.owner }

// String returns <method 'name' of 'Class' objects>.
func (m *NativeMethod) String() string {
	return fmt.Sprintf("<method '%s' of '%s' objects>", m.name, m.owner.name)
}

// Type returns "method_descriptor", as in CPython.
func (m *NativeMethod) Type() string { return "method_descriptor" }

// Freeze does nothing, because a native method is immutable.
func (m *NativeMethod) Freeze() {}

// Truth returns True.
func (m *NativeMethod) Truth() starlark.Bool { return starlark.True }

// Hash combines the owner's identity and the method name.
func (m *NativeMethod) Hash() (uint32, error) {
	h, _ := starlark.String(m.name).Hash()
	return h ^ hashID(m.owner.id), nil
}

// CallInternal calls the method with the instance as the first argument.
func (m *NativeMethod) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, TypeErrorf("unbound method %s.%s() needs an argument", m.owner.name, m.name)
	}
	self, ok := args[0].(*Instance)
	if !ok {
		return nil, TypeErrorf("descriptor '%s' requires a '%s' object but received a '%s'", m.name, m.owner.name, pythonTypeName(args[0]))
	}
	return m.callBound(thread, self, args[1:], kwargs)
}

// callBound checks the receiver and runs the Go function.
func (m *NativeMethod) callBound(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if !self.class.isSubclassOf(m.owner) {
		return nil, TypeErrorf("descriptor '%s' requires a '%s' object but received a '%s'", m.name, m.owner.name, self.class.name)
	}
	result, err := m.callGuarded(thread, self, args, kwargs)
	if err == nil && result == nil {
		result = starlark.None
	}
	return result, err
}

// callGuarded runs the Go function, turning a panic into a *PanicError
// because go.starlark.net does not recover panics in Go callables.
func (m *NativeMethod) callGuarded(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (result starlark.Value, err error) {
	defer RecoverPanic(m.owner.name+"."+m.name, &err)
	return m.fn(thread, self, args, kwargs)
}
