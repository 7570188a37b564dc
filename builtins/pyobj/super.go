package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
)

// Super is the proxy that super(C, obj) returns: attribute lookup starts
// after C in the MRO of obj's class. obj is an instance, or a class in a
// classmethod.
type Super struct {
	class   *Class
	obj     starlark.Value // *Instance or *Class
	objType *Class         // the class whose MRO is searched
	thread  *starlark.Thread
}

var _ starlark.HasAttrs = (*Super)(nil)

// NewSuper returns super(c, obj). It raises TypeError when obj is
// neither an instance of c nor a subclass of c.
func NewSuper(thread *starlark.Thread, c *Class, obj starlark.Value) (*Super, error) {
	if c == nil {
		return nil, TypeErrorf("super() argument 1 must be a type, not None")
	}
	switch obj := obj.(type) {
	case *Instance:
		if obj.class.isSubclassOf(c) {
			return &Super{class: c, obj: obj, objType: obj.class, thread: thread}, nil
		}
	case *Class:
		if obj.isSubclassOf(c) {
			return &Super{class: c, obj: obj, objType: obj, thread: thread}, nil
		}
	}
	return nil, TypeErrorf("super(type, obj): obj must be an instance or subtype of type")
}

func superBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return nil, NewError(RuntimeError, "super(): no arguments (call super(Class, self) inside a method)")
	}
	var first, obj starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &first, &obj); err != nil {
		return nil, err
	}
	c, ok := first.(*Class)
	if !ok {
		return nil, TypeErrorf("super() argument 1 must be a type, not %s", pythonTypeName(first))
	}
	return NewSuper(thread, c, obj)
}

// lookup searches the MRO of objType after class.
func (s *Super) lookup(name string) starlark.Value {
	mro := s.objType.mro
	start := len(mro)
	for i, k := range mro {
		if k == s.class {
			start = i + 1
			break
		}
	}
	for _, k := range mro[start:] {
		if v, ok := k.dict.get(name); ok {
			return v
		}
	}
	return nil
}

// Attr returns the attribute found after the class in the MRO, bound to
// the object as ordinary attribute access would bind it.
func (s *Super) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__thisclass__":
		return s.class, nil
	case "__self__":
		return s.obj, nil
	case "__self_class__":
		return s.objType, nil
	}
	v := s.lookup(name)
	if v == nil {
		return nil, AttributeErrorf("'super' object has no attribute '%s'", name)
	}
	x, isInstance := s.obj.(*Instance)
	if !isInstance {
		if cm, ok := v.(*ClassMethod); ok {
			return &BoundMethod{Self: s.objType, Func: cm.callable()}, nil
		}
		return bindToClass(v, s.objType), nil
	}
	if p, ok := v.(*Property); ok {
		return p.get(s.thread, x)
	}
	return bindToInstance(v, x), nil
}

// AttrNames lists the special attributes of a super object.
func (s *Super) AttrNames() []string { return []string{"__self__", "__self_class__", "__thisclass__"} }

// String returns <super: <class 'C'>, <Net object>>.
func (s *Super) String() string {
	return fmt.Sprintf("<super: %s, <%s object>>", s.class, s.objType.name)
}

// Type returns "super".
func (s *Super) Type() string { return "super" }

// Freeze freezes the object.
func (s *Super) Freeze() { s.obj.Freeze() }

// Truth returns True.
func (s *Super) Truth() starlark.Bool { return starlark.True }

// Hash returns an error, because super objects are not dictionary keys.
func (s *Super) Hash() (uint32, error) { return 0, TypeErrorf("unhashable type: 'super'") }
