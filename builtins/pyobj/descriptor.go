package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
)

// MethodCaller calls the method name of self, a value of the type that
// holds the method, with the remaining arguments.
type MethodCaller func(thread *starlark.Thread, self starlark.Value, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// SetMethods makes each of names readable from the type object as an
// unbound method: str.lower(s) calls call(thread, s, "lower"). Call it
// before the type is shared with running threads.
func (t *GoType) SetMethods(names []string, call MethodCaller) *GoType {
	t.methods = make(map[string]bool, len(names))
	for _, name := range names {
		t.methods[name] = true
	}
	t.callMethod = call
	return t
}

// HasMethod reports whether SetMethods listed name.
func (t *GoType) HasMethod(name string) bool { return t.methods[name] }

// SetStatic makes t.name return v, for static methods and class methods
// such as str.maketrans and dict.fromkeys. Call it before the type is
// shared with running threads.
func (t *GoType) SetStatic(name string, v starlark.Value) *GoType {
	if t.statics == nil {
		t.statics = make(map[string]starlark.Value)
	}
	t.statics[name] = v
	return t
}

// MethodDescriptor is a method read from a built-in type object, such as
// str.lower: calling it with a value of the type first calls that
// value's method.
type MethodDescriptor struct {
	owner *GoType
	name  string
}

var _ starlark.Callable = (*MethodDescriptor)(nil)

// String returns <method 'name' of 'type' objects>, as CPython does.
func (d *MethodDescriptor) String() string {
	return fmt.Sprintf("<method '%s' of '%s' objects>", d.name, d.owner.name)
}

// Type returns "method_descriptor".
func (d *MethodDescriptor) Type() string { return "method_descriptor" }

// Freeze does nothing, because a descriptor is immutable.
func (d *MethodDescriptor) Freeze() {}

// Truth returns True.
func (d *MethodDescriptor) Truth() starlark.Bool { return starlark.True }

// Hash hashes the type and the method name.
func (d *MethodDescriptor) Hash() (uint32, error) {
	h, err := starlark.String(d.name).Hash()
	return h ^ hashID(d.owner.id), err
}

// Name returns the method name.
func (d *MethodDescriptor) Name() string { return d.name }

// CallInternal checks that the first argument belongs to the type and
// calls its method with the rest, raising TypeError as CPython does
// otherwise.
func (d *MethodDescriptor) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer RecoverPanic(d.owner.name+"."+d.name, &err)
	if len(args) == 0 {
		return nil, TypeErrorf("unbound method %s.%s() needs an argument", d.owner.name, d.name)
	}
	self := args[0]
	if !d.owner.IsInstance(self) {
		return nil, TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.name, pythonTypeName(self))
	}
	return d.owner.callMethod(thread, self, d.name, args[1:], kwargs)
}
