package pyobj

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func init() {
	Object = newObjectClass()
	newExceptionClasses()
	newBuiltinTypes()
}

// Builtins returns the predeclared names of the object model. They are
// the functions that the Python front end's desugaring calls,
// NotImplemented, the exception classes and the type objects int, float,
// str, bool, list, tuple, dict, object and type. repr, abs and len call
// __repr__, __abs__ and __len__ on instances.
//
// The type objects replace go.starlark.net's built-in functions of the
// same names. Calling one calls that function, except that bool, list,
// tuple, str, int and float run an instance's special methods and return
// their errors.
func Builtins() starlark.StringDict {
	d := starlark.StringDict{
		"__class__":       starlark.NewBuiltin("__class__", classBuiltin),
		"super":           starlark.NewBuiltin("super", superBuiltin),
		"staticmethod":    starlark.NewBuiltin("staticmethod", staticmethodBuiltin),
		"classmethod":     starlark.NewBuiltin("classmethod", classmethodBuiltin),
		"property":        starlark.NewBuiltin("property", propertyBuiltin),
		"isinstance":      starlark.NewBuiltin("isinstance", isinstanceBuiltin),
		"issubclass":      starlark.NewBuiltin("issubclass", issubclassBuiltin),
		"type":            TypeType,
		"hasattr":         starlark.NewBuiltin("hasattr", hasattrBuiltin),
		"getattr":         starlark.NewBuiltin("getattr", getattrBuiltin),
		"setattr":         starlark.NewBuiltin("setattr", setattrBuiltin),
		"delattr":         starlark.NewBuiltin("delattr", delattrBuiltin),
		"vars":            starlark.NewBuiltin("vars", varsBuiltin),
		"__delattr__":     starlark.NewBuiltin("__delattr__", delattrBuiltin),
		"__lt__":          comparisonBuiltin("__lt__", syntax.LT),
		"__le__":          comparisonBuiltin("__le__", syntax.LE),
		"__gt__":          comparisonBuiltin("__gt__", syntax.GT),
		"__ge__":          comparisonBuiltin("__ge__", syntax.GE),
		"__eq__":          comparisonBuiltin("__eq__", syntax.EQL),
		"__ne__":          comparisonBuiltin("__ne__", syntax.NEQ),
		"__pow__":         starlark.NewBuiltin("__pow__", powBuiltin),
		"__matmul__":      starlark.NewBuiltin("__matmul__", matmulBuiltin),
		"__is__":          starlark.NewBuiltin("__is__", isBuiltin),
		"__assert_fail__": starlark.NewBuiltin("__assert_fail__", assertFailBuiltin),
		"NotImplemented":  NotImplemented,
		"object":          Object,
		"int":             IntType,
		"float":           FloatType,
		"str":             StrType,
		"bool":            BoolType,
		"list":            ListType,
		"tuple":           TupleType,
		"dict":            DictType,
		"repr":            starlark.NewBuiltin("repr", reprBuiltin),
		"abs":             starlark.NewBuiltin("abs", absBuiltin),
		"len":             starlark.NewBuiltin("len", lenBuiltin),
	}
	for name, c := range exceptionClasses {
		d[name] = c
	}
	return d
}

// unpackPositional is starlark.UnpackPositionalArgs with its errors
// raised as TypeError.
func unpackPositional(name string, args starlark.Tuple, kwargs []starlark.Tuple, min int, vars ...any) error {
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, min, vars...); err != nil {
		return TypeErrorf("%s", err.Error())
	}
	return nil
}

// unpackArgs is starlark.UnpackArgs with its errors raised as TypeError.
func unpackArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, pairs ...any) error {
	if err := starlark.UnpackArgs(name, args, kwargs, pairs...); err != nil {
		return TypeErrorf("%s", err.Error())
	}
	return nil
}

// classBuiltin implements __class__(name, bases, bodyfn, doc), the
// desugared class statement. bodyfn returns a dict of the names that the
// class body bound, in order.
func classBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var basesValue, body, doc starlark.Value = starlark.Tuple{}, starlark.None, starlark.None
	module := "__main__"
	if err := unpackArgs(b.Name(), args, kwargs, "name", &name, "bases?", &basesValue, "body?", &body, "doc?", &doc, "module?", &module); err != nil {
		return nil, err
	}
	bases, err := classList(name, basesValue)
	if err != nil {
		return nil, err
	}
	attrs, err := classBody(thread, name, body)
	if err != nil {
		return nil, err
	}
	spec := ClassSpec{Name: name, Module: module, Bases: bases, Attrs: attrs}
	if s, ok := doc.(starlark.String); ok {
		spec.Doc = string(s)
	}
	return NewClass(spec)
}

// classList converts the bases argument, a tuple or list of classes.
func classList(name string, v starlark.Value) ([]*Class, error) {
	var elems []starlark.Value
	switch v := v.(type) {
	case starlark.Tuple:
		elems = v
	case *starlark.List:
		elems = listElems(v)
	case starlark.NoneType:
		return nil, nil
	default:
		return nil, TypeErrorf("class %s: bases must be a tuple of classes, not %s", name, pythonTypeName(v))
	}
	bases := make([]*Class, len(elems))
	for i, elem := range elems {
		base, ok := elem.(*Class)
		if !ok {
			return nil, TypeErrorf("class %s: base %d is %s, but bases must be classes (Go-backed types such as int cannot be subclassed)", name, i, pythonTypeName(elem))
		}
		bases[i] = base
	}
	return bases, nil
}

// classBody calls the body function and converts its dict to attributes.
func classBody(thread *starlark.Thread, name string, body starlark.Value) ([]NamedValue, error) {
	var namespace starlark.Value
	switch body := body.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.Dict:
		namespace = body
	default:
		result, err := call(thread, body, nil, nil)
		if err != nil {
			return nil, err
		}
		namespace = result
	}
	dict, ok := namespace.(*starlark.Dict)
	if !ok {
		return nil, TypeErrorf("class %s: the body must return a dict of names, not %s", name, pythonTypeName(namespace))
	}
	attrs := make([]NamedValue, 0, dict.Len())
	for _, item := range dict.Items() {
		key, ok := item[0].(starlark.String)
		if !ok {
			return nil, TypeErrorf("class %s: attribute names must be strings, not %s", name, pythonTypeName(item[0]))
		}
		attrs = append(attrs, NamedValue{Name: string(key), Value: item[1]})
	}
	return attrs, nil
}

// typeBuiltin implements type(x), which returns the type object of x,
// and type(name, bases, dict), which creates a class.
func typeBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, TypeErrorf("type() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return TypeOf(args[0]), nil
	case 3:
		name, ok := args[0].(starlark.String)
		if !ok {
			return nil, TypeErrorf("type.__new__() argument 1 must be str, not %s", pythonTypeName(args[0]))
		}
		if _, ok := args[2].(*starlark.Dict); !ok {
			return nil, TypeErrorf("type.__new__() argument 3 must be dict, not %s", pythonTypeName(args[2]))
		}
		bases, err := classList(string(name), args[1])
		if err != nil {
			return nil, err
		}
		attrs, err := classBody(thread, string(name), args[2])
		if err != nil {
			return nil, err
		}
		return NewClass(ClassSpec{Name: string(name), Bases: bases, Attrs: attrs})
	}
	return nil, TypeErrorf("type() takes 1 or 3 arguments, got %d", len(args))
}

func staticmethodBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return &StaticMethod{fn: fn}, nil
}

func classmethodBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return &ClassMethod{fn: fn}, nil
}

// propertyBuiltin implements property(fget=None, fset=None, fdel=None, doc=None).
func propertyBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fget, fset, fdel, doc starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	if err := unpackArgs(b.Name(), args, kwargs, "fget?", &fget, "fset?", &fset, "fdel?", &fdel, "doc?", &doc); err != nil {
		return nil, err
	}
	p := &Property{id: newID()}
	for _, f := range []struct {
		value starlark.Value
		field *starlark.Value
	}{{fget, &p.fget}, {fset, &p.fset}, {fdel, &p.fdel}} {
		if f.value != starlark.None {
			*f.field = f.value
		}
	}
	if s, ok := doc.(starlark.String); ok {
		p.doc = string(s)
	} else if fn, ok := fget.(*starlark.Function); ok {
		p.doc = fn.Doc()
	}
	return p, nil
}

func assertFailBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var msg starlark.Value = starlark.None
	if err := unpackPositional(b.Name(), args, kwargs, 0, &msg); err != nil {
		return nil, err
	}
	if msg == starlark.None {
		exc := newInstance(AssertionError, thread)
		exc.dict.set("args", starlark.Tuple{})
		return nil, &Error{exc: exc}
	}
	exc := newInstance(AssertionError, thread)
	exc.dict.set("args", starlark.Tuple{msg})
	return nil, &Error{exc: exc}
}

func reprBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	s, err := Repr(thread, x)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func absBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if inst, ok := x.(*Instance); ok {
		result, found, err := callSpecial(thread, inst, "__abs__")
		if err == nil && !found {
			err = TypeErrorf("bad operand type for abs(): '%s'", inst.class.name)
		}
		return result, err
	}
	return call(thread, universe("abs"), args, nil)
}
