package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// BoundMethod is a callable attribute bound to its receiver: a function
// read through an instance, or a classmethod bound to its class.
// Calling it calls Func with Self prepended to the arguments.
type BoundMethod struct {
	Self starlark.Value
	Func starlark.Callable
}

var (
	_ starlark.Callable   = (*BoundMethod)(nil)
	_ starlark.HasAttrs   = (*BoundMethod)(nil)
	_ starlark.Comparable = (*BoundMethod)(nil)
)

// Name returns the function name.
func (m *BoundMethod) Name() string { return m.Func.Name() }

// String returns <bound method Class.name>. It leaves out the receiver's
// repr, which could run script code or recurse.
func (m *BoundMethod) String() string {
	return fmt.Sprintf("<bound method %s.%s>", receiverClassName(m.Self), m.Func.Name())
}

func receiverClassName(v starlark.Value) string {
	if c, ok := v.(*Class); ok {
		return c.name
	}
	return pythonTypeName(v)
}

// Type returns "method".
func (m *BoundMethod) Type() string { return "method" }

// Freeze freezes the receiver and the function.
func (m *BoundMethod) Freeze() {
	m.Self.Freeze()
	m.Func.Freeze()
}

// Truth returns True.
func (m *BoundMethod) Truth() starlark.Bool { return starlark.True }

// Hash combines the identity of the receiver and the function's hash.
func (m *BoundMethod) Hash() (uint32, error) {
	fh, err := m.Func.Hash()
	if err != nil {
		return 0, err
	}
	return fh ^ identityHash(m.Self), nil
}

func identityHash(v starlark.Value) uint32 {
	switch v := v.(type) {
	case *Instance:
		return hashID(v.id)
	case *Class:
		return hashID(v.id)
	}
	h, err := v.Hash()
	if err != nil {
		return 0
	}
	return h
}

// CompareSameType reports whether two bound methods have the same
// receiver and function. Only == and != are defined.
func (m *BoundMethod) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	other, ok := y.(*BoundMethod)
	same := ok && identical(m.Self, other.Self) && identical(m.Func, other.Func)
	switch op {
	case syntax.EQL:
		return same, nil
	case syntax.NEQ:
		return !same, nil
	}
	return false, TypeErrorf("'%s' not supported between instances of 'method' and 'method'", op)
}

// CallInternal calls Func with Self first.
func (m *BoundMethod) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if native, ok := m.Func.(*NativeMethod); ok {
		if self, ok := m.Self.(*Instance); ok {
			return native.callBound(thread, self, args, kwargs)
		}
	}
	return call(thread, m.Func, prepend(m.Self, args), kwargs)
}

// Attr returns __self__, __func__ or __name__.
func (m *BoundMethod) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__self__":
		return m.Self, nil
	case "__func__":
		return m.Func, nil
	case "__name__":
		return starlark.String(m.Func.Name()), nil
	}
	return nil, AttributeErrorf("'method' object has no attribute '%s'", name)
}

// AttrNames lists the attributes of a bound method.
func (m *BoundMethod) AttrNames() []string { return []string{"__func__", "__name__", "__self__"} }

// StaticMethod wraps a function that a class calls without a receiver,
// as @staticmethod does.
type StaticMethod struct{ fn starlark.Value }

var _ starlark.Callable = (*StaticMethod)(nil)

// Func returns the wrapped function.
func (s *StaticMethod) Func() starlark.Value { return s.fn }

// String returns <staticmethod(f)>.
func (s *StaticMethod) String() string { return fmt.Sprintf("<staticmethod(%s)>", s.fn) }

// Type returns "staticmethod".
func (s *StaticMethod) Type() string { return "staticmethod" }

// Freeze freezes the wrapped function.
func (s *StaticMethod) Freeze() { s.fn.Freeze() }

// Truth returns True.
func (s *StaticMethod) Truth() starlark.Bool { return starlark.True }

// Hash returns the hash of the wrapped function.
func (s *StaticMethod) Hash() (uint32, error) { return s.fn.Hash() }

// Name returns the name of the wrapped function.
func (s *StaticMethod) Name() string { return callableName(s.fn) }

// CallInternal calls the wrapped function, as Python 3.10 allows.
func (s *StaticMethod) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return call(thread, s.fn, args, kwargs)
}

// Attr returns __func__.
func (s *StaticMethod) Attr(name string) (starlark.Value, error) {
	if name == "__func__" {
		return s.fn, nil
	}
	return nil, AttributeErrorf("'staticmethod' object has no attribute '%s'", name)
}

// AttrNames lists the attributes of a staticmethod.
func (s *StaticMethod) AttrNames() []string { return []string{"__func__"} }

func callableName(v starlark.Value) string {
	if c, ok := v.(starlark.Callable); ok {
		return c.Name()
	}
	return v.Type()
}

// ClassMethod wraps a function that receives the class as its first
// argument, as @classmethod does.
type ClassMethod struct{ fn starlark.Value }

// Func returns the wrapped function.
func (c *ClassMethod) Func() starlark.Value { return c.fn }

// callable returns the wrapped function as a Callable. A classmethod of
// a value that is not callable fails when it is called.
func (c *ClassMethod) callable() starlark.Callable {
	if fn, ok := c.fn.(starlark.Callable); ok {
		return fn
	}
	return notCallable{c.fn}
}

// String returns <classmethod(f)>.
func (c *ClassMethod) String() string { return fmt.Sprintf("<classmethod(%s)>", c.fn) }

// Type returns "classmethod".
func (c *ClassMethod) Type() string { return "classmethod" }

// Freeze freezes the wrapped function.
func (c *ClassMethod) Freeze() { c.fn.Freeze() }

// Truth returns True.
func (c *ClassMethod) Truth() starlark.Bool { return starlark.True }

// Hash returns the hash of the wrapped function.
func (c *ClassMethod) Hash() (uint32, error) { return c.fn.Hash() }

// Attr returns __func__.
func (c *ClassMethod) Attr(name string) (starlark.Value, error) {
	if name == "__func__" {
		return c.fn, nil
	}
	return nil, AttributeErrorf("'classmethod' object has no attribute '%s'", name)
}

// AttrNames lists the attributes of a classmethod.
func (c *ClassMethod) AttrNames() []string { return []string{"__func__"} }

// notCallable stands in for a wrapped value that cannot be called, so
// that calling it raises TypeError rather than crashing.
type notCallable struct{ starlark.Value }

func (n notCallable) Name() string { return n.Value.Type() }

func (n notCallable) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, TypeErrorf("'%s' object is not callable", pythonTypeName(n.Value))
}
