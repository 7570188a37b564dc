package pyobj

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Type is a Python type object: a *Class, or a *GoType that stands for a
// Go value type such as int, list or an engine tensor. isinstance and
// issubclass accept any Type.
type Type interface {
	starlark.Value
	Name() string
	IsInstance(v starlark.Value) bool
	IsSubclass(t Type) bool
}

// GoType is the type object of Go-backed values. Calling it calls its
// constructor, when it has one.
type GoType struct {
	name        string
	test        func(starlark.Value) bool
	bases       []Type
	constructor starlark.Callable
	id          uint64
	methods     map[string]bool           // names of unbound methods, see SetMethods
	callMethod  MethodCaller              // calls a method named in methods
	statics     map[string]starlark.Value // static attributes, see SetStatic
	module      string                    // module named in the repr, see SetModule
}

var (
	_ Type              = (*GoType)(nil)
	_ starlark.Callable = (*GoType)(nil)
	_ starlark.HasAttrs = (*GoType)(nil)
)

// NewGoType creates a type object named name whose instances are the
// values for which test returns true. Its subclass relation follows
// bases, and every type is a subclass of object.
func NewGoType(name string, test func(v starlark.Value) bool, bases ...Type) *GoType {
	return &GoType{name: name, test: test, bases: bases, id: newID()}
}

// SetConstructor makes calling the type call fn, as int("3") does.
// Call it before the type is shared with running threads.
func (t *GoType) SetConstructor(fn starlark.Callable) *GoType {
	t.constructor = fn
	return t
}

// Name returns the Python type name.
func (t *GoType) Name() string { return t.name }

// IsInstance reports whether v belongs to the type.
func (t *GoType) IsInstance(v starlark.Value) bool { return t.test != nil && t.test(v) }

// IsSubclass reports whether t is u, derives from u, or u is object.
func (t *GoType) IsSubclass(u Type) bool {
	if u == Type(t) || u == Type(Object) {
		return true
	}
	for _, base := range t.bases {
		if base.IsSubclass(u) {
			return true
		}
	}
	return false
}

// String returns <class 'name'>.
func (t *GoType) String() string {
	if t.module != "" {
		return fmt.Sprintf("<class '%s.%s'>", t.module, t.name)
	}
	return fmt.Sprintf("<class '%s'>", t.name)
}

// SetModule names the module that defines the type, which its repr
// shows as type(x) prints it: <class 'mindspore.common.tensor.Tensor'>.
// Error messages keep the bare name, as the library's own do. Call it
// before the type is shared with running threads.
func (t *GoType) SetModule(module string) *GoType {
	t.module = module
	return t
}

// Type returns "type".
func (t *GoType) Type() string { return "type" }

// Freeze does nothing, because a type object is immutable.
func (t *GoType) Freeze() {}

// Truth returns True.
func (t *GoType) Truth() starlark.Bool { return starlark.True }

// Hash returns an identity hash.
func (t *GoType) Hash() (uint32, error) { return hashID(t.id), nil }

// CallInternal calls the constructor, turning a Go panic in it into a
// *PanicError.
func (t *GoType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
	defer RecoverPanic(t.name, &err)
	if t.constructor == nil {
		return nil, TypeErrorf("cannot create '%s' instances", t.name)
	}
	return call(thread, t.constructor, args, kwargs)
}

// Attr returns __name__, __qualname__, __module__, a static attribute
// or an unbound method, such as str.lower.
func (t *GoType) Attr(name string) (starlark.Value, error) {
	// A dotted name such as numpy.ndarray is the module and the class
	// name, as in type(numpy.zeros(2)).__name__ == 'ndarray'.
	module, short := "builtins", t.name
	if i := strings.LastIndexByte(t.name, '.'); i >= 0 {
		module, short = t.name[:i], t.name[i+1:]
	}
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(short), nil
	case "__module__":
		return starlark.String(module), nil
	}
	if v, ok := t.statics[name]; ok {
		return v, nil
	}
	if t.methods[name] {
		return &MethodDescriptor{owner: t, name: name}, nil
	}
	return nil, AttributeErrorf("type object '%s' has no attribute '%s'", t.name, name)
}

// AttrNames lists the attributes of a type object.
func (t *GoType) AttrNames() []string {
	names := []string{"__module__", "__name__", "__qualname__"}
	for name := range t.statics {
		names = append(names, name)
	}
	for name := range t.methods {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Type objects of Python's built-in types, backed by go.starlark.net
// values. bool is a subclass of int, as in Python.
var (
	IntType      *GoType
	BoolType     *GoType
	FloatType    *GoType
	StrType      *GoType
	ListType     *GoType
	TupleType    *GoType
	DictType     *GoType
	NoneTypeType *GoType
	TypeType     *GoType // the type of classes and type objects
)

func newBuiltinTypes() {
	IntType = NewGoType("int", func(v starlark.Value) bool {
		switch v.(type) {
		case starlark.Int, starlark.Bool:
			return true
		}
		return false
	}).SetConstructor(numberConstructor("int", "__int__", "a string, a bytes-like object or a real number"))
	BoolType = NewGoType("bool", is[starlark.Bool], IntType).SetConstructor(instanceConstructor("bool", boolOfInstance))
	FloatType = NewGoType("float", is[starlark.Float]).SetConstructor(numberConstructor("float", "__float__", "a string or a real number"))
	StrType = NewGoType("str", is[starlark.String]).SetConstructor(starlark.NewBuiltin("str", strConstructor))
	ListType = NewGoType("list", is[*starlark.List]).SetConstructor(instanceConstructor("list", listOfInstance))
	TupleType = NewGoType("tuple", is[starlark.Tuple]).SetConstructor(instanceConstructor("tuple", tupleOfInstance))
	DictType = NewGoType("dict", is[*starlark.Dict]).SetConstructor(universe("dict"))
	NoneTypeType = NewGoType("NoneType", is[starlark.NoneType])
	TypeType = NewGoType("type", is[Type]).SetConstructor(starlark.NewBuiltin("type", typeBuiltin))

	for valueType, t := range map[string]*GoType{
		"int": IntType, "bool": BoolType, "float": FloatType, "string": StrType,
		"list": ListType, "tuple": TupleType, "dict": DictType,
		"NoneType": NoneTypeType, "type": TypeType,
	} {
		RegisterGoType(valueType, t)
	}
}

func is[T any](v starlark.Value) bool {
	_, ok := v.(T)
	return ok
}

// universe returns go.starlark.net's built-in function name.
func universe(name string) starlark.Callable {
	switch name {
	case "list", "tuple", "dict":
		return SizeGuarded(name)
	}
	return starlark.Universe[name].(starlark.Callable)
}

// numberConstructor returns int or float that also converts instances
// through their __int__ or __float__ method. accepted lists the argument
// kinds for the error message.
func numberConstructor(name, method, accepted string) *starlark.Builtin {
	convert := universe(name)
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			if x, ok := args[0].(*Instance); ok {
				result, found, err := callSpecial(thread, x, method)
				if err != nil {
					return nil, err
				}
				if !found {
					return nil, TypeErrorf("%s() argument must be %s, not '%s'", name, accepted, x.class.name)
				}
				return call(thread, convert, starlark.Tuple{result}, nil)
			}
		}
		return call(thread, convert, args, kwargs)
	})
}

var goTypes struct {
	sync.RWMutex
	byValueType map[string]*GoType
}

// RegisterGoType makes type(v) return t for values whose Type() is
// valueType and that t accepts. Register types during initialisation.
func RegisterGoType(valueType string, t *GoType) {
	goTypes.Lock()
	defer goTypes.Unlock()
	if goTypes.byValueType == nil {
		goTypes.byValueType = make(map[string]*GoType)
	}
	goTypes.byValueType[valueType] = t
}

// TypeOf returns the type object of v, as type(v) does: the class of an
// instance, a registered GoType, or a GoType made for v.Type() on first
// use.
func TypeOf(v starlark.Value) Type {
	if x, ok := v.(*Instance); ok {
		return x.class
	}
	valueType := v.Type()
	goTypes.RLock()
	t := goTypes.byValueType[valueType]
	goTypes.RUnlock()
	if t != nil && t.IsInstance(v) {
		return t
	}
	goTypes.Lock()
	defer goTypes.Unlock()
	if t := goTypes.byValueType[valueType]; t != nil && t.IsInstance(v) {
		return t
	}
	t = NewGoType(valueType, func(u starlark.Value) bool { return u.Type() == valueType })
	if goTypes.byValueType[valueType] == nil {
		goTypes.byValueType[valueType] = t
	}
	return t
}
