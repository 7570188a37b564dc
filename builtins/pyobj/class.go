package pyobj

import (
	"fmt"
	"slices"
	"sync/atomic"

	"go.starlark.net/starlark"
)

// Class is a Python class: a script class made by __class__, type() or
// NewClass, or a native class made by NewNativeClass. Calling it creates
// an *Instance and runs the __init__ found along its MRO.
type Class struct {
	name   string
	module string
	doc    string
	bases  []*Class
	mro    []*Class // the class itself first, Object last
	dict   attrDict
	native bool
	frozen bool
	id     uint64
}

var (
	_ starlark.Callable    = (*Class)(nil)
	_ starlark.HasSetField = (*Class)(nil)
	_ Type                 = (*Class)(nil)
)

// ClassSpec describes a script class for NewClass.
type ClassSpec struct {
	Name   string
	Module string // "__main__" when empty
	Doc    string
	Bases  []*Class // Object when empty
	Attrs  []NamedValue
}

// NewClass creates a script class. It returns a TypeError when a base is
// nil or repeated, when the bases have no consistent C3 linearisation, or
// when two bases come from unrelated native classes.
func NewClass(spec ClassSpec) (*Class, error) {
	module := spec.Module
	if module == "" {
		module = "__main__"
	}
	c, err := newClass(spec.Name, module, spec.Doc, spec.Bases)
	if err != nil {
		return nil, err
	}
	hasEq, hasHash := false, false
	for _, attr := range spec.Attrs {
		switch attr.Name {
		case "__doc__":
			if doc, ok := attr.Value.(starlark.String); ok {
				c.doc = string(doc)
			}
		case "__module__":
			if mod, ok := attr.Value.(starlark.String); ok {
				c.module = string(mod)
			}
		case "__eq__":
			hasEq = true
		case "__hash__":
			hasHash = true
		}
		if attr.Value == nil {
			return nil, TypeErrorf("class %s: attribute %s has no value", c.name, attr.Name)
		}
		c.dict.set(attr.Name, attr.Value)
	}
	// Python makes instances unhashable when a class defines __eq__
	// without __hash__, because the inherited identity hash would break
	// the rule that equal values hash equally.
	if hasEq && !hasHash {
		c.dict.set("__hash__", starlark.None)
	}
	return c, nil
}

var nextID atomic.Uint64

func newID() uint64 { return nextID.Add(1) }

func newClass(name, module, doc string, bases []*Class) (*Class, error) {
	if len(bases) == 0 && Object != nil {
		bases = []*Class{Object}
	}
	for i, base := range bases {
		if base == nil {
			return nil, TypeErrorf("class %s: base %d is nil, want a class", name, i)
		}
		for _, earlier := range bases[:i] {
			if earlier == base {
				return nil, TypeErrorf("duplicate base class %s", base.name)
			}
		}
	}
	c := &Class{
		name:   name,
		module: module,
		doc:    doc,
		bases:  bases,
		id:     newID(),
	}
	mro, err := linearize(c, bases)
	if err != nil {
		return nil, err
	}
	c.mro = mro
	if err := checkLayout(bases); err != nil {
		return nil, err
	}
	return c, nil
}

// Name returns the class name, as __name__ does.
func (c *Class) Name() string { return c.name }

// Module returns the name of the module that defines the class.
func (c *Class) Module() string { return c.module }

// Doc returns the class docstring, or "" when there is none.
func (c *Class) Doc() string { return c.doc }

// Bases returns the direct base classes in declaration order.
func (c *Class) Bases() []*Class { return append([]*Class(nil), c.bases...) }

// MRO returns the method resolution order, starting with c itself.
func (c *Class) MRO() []*Class { return append([]*Class(nil), c.mro...) }

// IsNative reports whether NewNativeClass created the class.
func (c *Class) IsNative() bool { return c.native }

// ClassAttrs returns the attributes that the class itself defines, in the
// order of definition, without those it inherits.
func (c *Class) ClassAttrs() []NamedValue { return c.dict.items() }

// Lookup finds name along the MRO and returns the raw class attribute,
// before any binding, and the class whose dictionary holds it.
// It returns (nil, nil) when no class on the MRO defines name.
func (c *Class) Lookup(name string) (starlark.Value, *Class) {
	for _, k := range c.mro {
		if v, ok := k.dict.get(name); ok {
			return v, k
		}
	}
	return nil, nil
}

// IsInstance reports whether v is an instance of c or of a subclass.
// Every value is an instance of Object.
func (c *Class) IsInstance(v starlark.Value) bool {
	if c == Object {
		return true
	}
	x, ok := v.(*Instance)
	return ok && x.class.isSubclassOf(c)
}

// IsSubclass reports whether c is t or derives from it.
func (c *Class) IsSubclass(t Type) bool {
	k, ok := t.(*Class)
	return ok && c.isSubclassOf(k)
}

func (c *Class) isSubclassOf(k *Class) bool {
	for _, m := range c.mro {
		if m == k {
			return true
		}
	}
	return false
}

// qualifiedName returns "module.Name", or "Name" for built-in classes.
func (c *Class) qualifiedName() string {
	if c.module == "builtins" || c.module == "" {
		return c.name
	}
	return c.module + "." + c.name
}

// String returns the class repr, such as <class '__main__.Net'>.
func (c *Class) String() string { return fmt.Sprintf("<class '%s'>", c.qualifiedName()) }

// Type returns "type", the type of every class.
func (c *Class) Type() string { return "type" }

// Truth returns True, as for every class.
func (c *Class) Truth() starlark.Bool { return starlark.True }

// Hash returns an identity hash.
func (c *Class) Hash() (uint32, error) { return hashID(c.id), nil }

func hashID(id uint64) uint32 { return uint32(id) ^ uint32(id>>32) }

// Freeze makes the class attributes read-only and freezes their values
// and the base classes.
func (c *Class) Freeze() {
	if c.frozen {
		return
	}
	c.frozen = true
	c.dict.freezeValues()
	for _, base := range c.bases {
		base.Freeze()
	}
}

// CallInternal creates an instance and runs __init__ with the arguments.
func (c *Class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	inst := newInstance(c, thread)
	if BaseException != nil && c.isSubclassOf(BaseException) {
		// BaseException.__new__ stores the arguments, so an exception
		// subclass whose __init__ skips super().__init__ still has them.
		inst.dict.set("args", slices.Clone(args))
	}
	init, owner := c.Lookup("__init__")
	if owner == Object || init == nil {
		if len(args) > 0 || len(kwargs) > 0 {
			return nil, TypeErrorf("%s() takes no arguments", c.name)
		}
		return inst, nil
	}
	result, err := callClassAttr(thread, inst, init, args, kwargs)
	if err != nil {
		return nil, err
	}
	if result != starlark.None {
		return nil, TypeErrorf("__init__() should return None, not '%s'", pythonTypeName(result))
	}
	return inst, nil
}

// Attr returns a class attribute: the special names __name__,
// __qualname__, __module__, __doc__, __mro__, __bases__ and __base__, or
// an attribute found along the MRO. Functions come back unbound,
// staticmethod unwraps, classmethod binds c, and a property returns itself.
func (c *Class) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(c.name), nil
	case "__module__":
		return starlark.String(c.module), nil
	case "__doc__":
		if c.doc == "" {
			return starlark.None, nil
		}
		return starlark.String(c.doc), nil
	case "__mro__":
		return classTuple(c.mro), nil
	case "__bases__":
		return classTuple(c.bases), nil
	case "__base__":
		if len(c.bases) == 0 {
			return starlark.None, nil
		}
		return c.bases[0], nil
	case "__class__":
		return TypeType, nil
	}
	v, _ := c.Lookup(name)
	if v == nil {
		return nil, AttributeErrorf("type object '%s' has no attribute '%s'", c.name, name)
	}
	return bindToClass(v, c), nil
}

func classTuple(classes []*Class) starlark.Tuple {
	t := make(starlark.Tuple, len(classes))
	for i, k := range classes {
		t[i] = k
	}
	return t
}

// AttrNames returns the names that the class and its bases define.
func (c *Class) AttrNames() []string {
	seen := map[string]bool{}
	var names []string
	for _, k := range c.mro {
		for _, name := range k.dict.keys() {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	return names
}

// SetField sets a class attribute, as C.name = v does.
func (c *Class) SetField(name string, v starlark.Value) error {
	switch name {
	case "__mro__", "__bases__", "__base__", "__class__", "__name__", "__qualname__":
		return AttributeErrorf("attribute '%s' of class %s is read-only", name, c.name)
	}
	if c.frozen {
		return frozenClassError(c, name)
	}
	if err := c.dict.set(name, v); err != nil {
		return err
	}
	if name == "__doc__" {
		if doc, ok := v.(starlark.String); ok {
			c.doc = string(doc)
		}
	}
	return nil
}

func (c *Class) deleteAttr(name string) error {
	if c.frozen {
		return frozenClassError(c, name)
	}
	if found, err := c.dict.delete(name); err != nil || !found {
		if err != nil {
			return err
		}
		return AttributeErrorf("type object '%s' has no attribute '%s'", c.name, name)
	}
	return nil
}

func frozenClassError(c *Class, name string) error {
	if c.native {
		return TypeErrorf("cannot set attribute '%s' of built-in class %s: native classes are read-only", name, c.name)
	}
	return AttributeErrorf("cannot set attribute '%s' of class %s: the class is frozen because the module that defines it has finished, so set class attributes in the class body", name, c.name)
}
