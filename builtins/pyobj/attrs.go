package pyobj

import (
	"errors"

	"go.starlark.net/starlark"
)

// GetAttr returns x.name as Python evaluates it, running property
// getters and __getattr__ on thread. A missing attribute raises
// AttributeError for every kind of value.
func GetAttr(thread *starlark.Thread, x starlark.Value, name string) (starlark.Value, error) {
	switch x := x.(type) {
	case *Instance:
		return getInstanceAttr(thread, x, name)
	case *Super:
		return x.withThread(thread).Attr(name)
	case starlark.HasAttrs:
		v, err := x.Attr(name)
		if err != nil {
			var noSuchAttr starlark.NoSuchAttrError
			if errors.As(err, &noSuchAttr) {
				return nil, missingValueAttrError(x, name)
			}
			return nil, err
		}
		if v == nil {
			return nil, missingValueAttrError(x, name)
		}
		return v, nil
	}
	return nil, missingValueAttrError(x, name)
}

func missingValueAttrError(x starlark.Value, name string) error {
	return AttributeErrorf("'%s' object has no attribute '%s'", pythonTypeName(x), name)
}

// withThread returns a copy of s whose property getters run on thread.
func (s *Super) withThread(thread *starlark.Thread) *Super {
	copied := *s
	copied.thread = thread
	return &copied
}

// SetAttr sets x.name = v as Python does, running __setattr__, native
// hooks and property setters on thread.
func SetAttr(thread *starlark.Thread, x starlark.Value, name string, v starlark.Value) error {
	switch x := x.(type) {
	case *Instance:
		return setInstanceAttr(thread, x, name, v)
	case starlark.HasSetField:
		return x.SetField(name, v)
	}
	if _, ok := x.(starlark.HasAttrs); ok {
		return AttributeErrorf("'%s' object attribute '%s' is read-only", pythonTypeName(x), name)
	}
	return missingValueAttrError(x, name)
}

// DelAttr deletes x.name as Python's del statement does.
func DelAttr(thread *starlark.Thread, x starlark.Value, name string) error {
	switch x := x.(type) {
	case *Instance:
		return deleteInstanceAttr(thread, x, name)
	case *Class:
		return x.deleteAttr(name)
	}
	return AttributeErrorf("'%s' object attribute '%s' cannot be deleted", pythonTypeName(x), name)
}

// CallMethod calls x.name(*args, **kwargs), so that Go code such as a
// native Cell can call a method that a script subclass defines.
func CallMethod(thread *starlark.Thread, x starlark.Value, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	method, err := GetAttr(thread, x, name)
	if err != nil {
		return nil, err
	}
	return call(thread, method, args, kwargs)
}

func getattrBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, dflt starlark.Value
	var name string
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &name, &dflt); err != nil {
		return nil, err
	}
	v, err := GetAttr(thread, x, name)
	if err != nil && dflt != nil && isException(err, AttributeError) {
		return dflt, nil
	}
	return v, err
}

// hasattrBuiltin returns whether getattr succeeds. Only AttributeError
// means False, and other errors propagate, as in Python 3.
func hasattrBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var name string
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &name); err != nil {
		return nil, err
	}
	_, err := GetAttr(thread, x, name)
	if err != nil {
		if isException(err, AttributeError) {
			return starlark.False, nil
		}
		return nil, err
	}
	return starlark.True, nil
}

func setattrBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, v starlark.Value
	var name string
	if err := unpackPositional(b.Name(), args, kwargs, 3, &x, &name, &v); err != nil {
		return nil, err
	}
	return starlark.None, SetAttr(thread, x, name, v)
}

func delattrBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var name string
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &name); err != nil {
		return nil, err
	}
	return starlark.None, DelAttr(thread, x, name)
}

// isinstanceBuiltin implements isinstance(x, t), where t is a type or a
// tuple of types, nested to any depth.
func isinstanceBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	// A value is also an instance of the bases of its type, as NumPy's
	// float64 scalars are instances of float.
	ok, err := matchTypes(t, 0, func(t Type) bool { return t.IsInstance(x) || TypeOf(x).IsSubclass(t) })
	if err != nil {
		return nil, TypeErrorf("isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	return starlark.Bool(ok), nil
}

func issubclassBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	sub, ok := x.(Type)
	if !ok {
		return nil, TypeErrorf("issubclass() arg 1 must be a class")
	}
	ok, err := matchTypes(t, 0, sub.IsSubclass)
	if err != nil {
		return nil, TypeErrorf("issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	return starlark.Bool(ok), nil
}

var errNotType = errors.New("not a type")

// matchTypes applies test to t, or to each type in tuple t.
func matchTypes(t starlark.Value, depth int, test func(Type) bool) (bool, error) {
	switch t := t.(type) {
	case Type:
		return test(t), nil
	case starlark.Tuple:
		if depth > maxReprDepth {
			return false, errNotType
		}
		for _, elem := range t {
			ok, err := matchTypes(elem, depth+1, test)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, errNotType
}

// varsBuiltin implements vars(obj), which returns obj.__dict__. The
// form without an argument, which returns the caller's locals, is not
// supported.
func varsBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return nil, TypeErrorf("vars() without an argument is not supported: pass the object, as in vars(obj)")
	}
	var x starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	v, err := GetAttr(thread, x, "__dict__")
	if err != nil {
		if isException(err, AttributeError) {
			return nil, TypeErrorf("vars() argument must have __dict__ attribute")
		}
		return nil, err
	}
	return v, nil
}
