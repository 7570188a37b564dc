package pystd

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Collections returns the collections module: OrderedDict, namedtuple,
// defaultdict, Counter and deque.
func Collections() *core.Module {
	return core.NewModule("collections", starlark.StringDict{
		"OrderedDict": starlark.NewBuiltin("OrderedDict", newOrderedDict),
		"namedtuple":  starlark.NewBuiltin("namedtuple", newNamedTupleType),
		"defaultdict": starlark.NewBuiltin("defaultdict", newDefaultDict),
		"Counter":     starlark.NewBuiltin("Counter", newCounter),
		"deque":       starlark.NewBuiltin("deque", newDeque),
	})
}

// NamedTupleType is a class made by collections.namedtuple.
type NamedTupleType struct {
	name   string
	fields []string
}

var (
	_ starlark.Callable = (*NamedTupleType)(nil)
	_ starlark.HasAttrs = (*NamedTupleType)(nil)
)

func newNamedTupleType(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var fieldsValue starlark.Value
	var defaults, rename, module starlark.Value = starlark.None, starlark.False, starlark.None
	if err := starlark.UnpackArgs("namedtuple", args, kwargs, "typename", &name, "field_names", &fieldsValue,
		"rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	var fields []string
	switch f := fieldsValue.(type) {
	case starlark.String:
		fields = strings.Fields(strings.ReplaceAll(string(f), ",", " "))
	case starlark.Iterable:
		iter := f.Iterate()
		defer iter.Done()
		var x starlark.Value
		for iter.Next(&x) {
			s, ok := starlark.AsString(x)
			if !ok {
				return nil, pyobj.TypeErrorf("namedtuple: field names must be strings, not %s", x.Type())
			}
			fields = append(fields, s)
		}
	default:
		return nil, pyobj.TypeErrorf("namedtuple: field_names must be a string or a list of strings")
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f] {
			return nil, pyobj.ValueErrorf("Encountered duplicate field name: '%s'", f)
		}
		if strings.HasPrefix(f, "_") {
			return nil, pyobj.ValueErrorf("Field names cannot start with an underscore: '%s'", f)
		}
		seen[f] = true
	}
	return &NamedTupleType{name: name, fields: fields}, nil
}

// Name returns the type's name.
func (t *NamedTupleType) Name() string          { return t.name }
func (t *NamedTupleType) String() string        { return fmt.Sprintf("<class '__main__.%s'>", t.name) }
func (t *NamedTupleType) Type() string          { return "type" }
func (t *NamedTupleType) Freeze()               {}
func (t *NamedTupleType) Truth() starlark.Bool  { return true }
func (t *NamedTupleType) Hash() (uint32, error) { return starlark.String(t.name).Hash() }

// CallInternal makes a named tuple from positional and keyword values.
func (t *NamedTupleType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > len(t.fields) {
		return nil, pyobj.TypeErrorf("%s() takes %d positional arguments but %d were given", t.name, len(t.fields), len(args))
	}
	values := make(starlark.Tuple, len(t.fields))
	copy(values, args)
	for _, kv := range kwargs {
		key := string(kv[0].(starlark.String))
		k := t.index(key)
		if k < 0 {
			return nil, pyobj.TypeErrorf("%s() got an unexpected keyword argument '%s'", t.name, key)
		}
		if values[k] != nil {
			return nil, pyobj.TypeErrorf("%s() got multiple values for argument '%s'", t.name, key)
		}
		values[k] = kv[1]
	}
	var missing []string
	for k, v := range values {
		if v == nil {
			missing = append(missing, "'"+t.fields[k]+"'")
		}
	}
	if len(missing) > 0 {
		return nil, pyobj.TypeErrorf("%s() missing %d required positional argument(s): %s", t.name, len(missing), strings.Join(missing, ", "))
	}
	return &NamedTuple{typ: t, values: values}, nil
}

func (t *NamedTupleType) index(name string) int {
	for k, f := range t.fields {
		if f == name {
			return k
		}
	}
	return -1
}

// Attr returns _fields and __name__.
func (t *NamedTupleType) Attr(name string) (starlark.Value, error) {
	switch name {
	case "_fields":
		out := make(starlark.Tuple, len(t.fields))
		for k, f := range t.fields {
			out[k] = starlark.String(f)
		}
		return out, nil
	case "__name__":
		return starlark.String(t.name), nil
	}
	return nil, nil
}

// AttrNames lists the attributes.
func (t *NamedTupleType) AttrNames() []string { return []string{"__name__", "_fields"} }

// NamedTuple is an instance of a namedtuple class: a tuple whose
// elements are also attributes.
type NamedTuple struct {
	typ    *NamedTupleType
	values starlark.Tuple
}

var (
	_ starlark.Indexable  = (*NamedTuple)(nil)
	_ starlark.Iterable   = (*NamedTuple)(nil)
	_ starlark.HasAttrs   = (*NamedTuple)(nil)
	_ starlark.Comparable = (*NamedTuple)(nil)
)

func (n *NamedTuple) String() string {
	parts := make([]string, len(n.values))
	for k, v := range n.values {
		parts[k] = n.typ.fields[k] + "=" + reprOf(v)
	}
	return n.typ.name + "(" + strings.Join(parts, ", ") + ")"
}

// reprOf returns a value's repr without a thread, as containers print
// their elements.
func reprOf(v starlark.Value) string {
	s, err := core.Repr(nil, v)
	if err != nil {
		return v.String()
	}
	return s
}

func (n *NamedTuple) Type() string               { return n.typ.name }
func (n *NamedTuple) Freeze()                    { n.values.Freeze() }
func (n *NamedTuple) Truth() starlark.Bool       { return len(n.values) > 0 }
func (n *NamedTuple) Hash() (uint32, error)      { return n.values.Hash() }
func (n *NamedTuple) Len() int                   { return len(n.values) }
func (n *NamedTuple) Index(i int) starlark.Value { return n.values[i] }
func (n *NamedTuple) Iterate() starlark.Iterator { return n.values.Iterate() }
func (n *NamedTuple) AttrNames() []string {
	return append([]string{"_asdict", "_fields", "_replace"}, n.typ.fields...)
}
func (n *NamedTuple) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, n.values, y.(*NamedTuple).values, depth)
}

// Attr returns a field, _fields, or the _asdict and _replace methods.
func (n *NamedTuple) Attr(name string) (starlark.Value, error) {
	if k := n.typ.index(name); k >= 0 {
		return n.values[k], nil
	}
	switch name {
	case "_fields":
		return n.typ.Attr("_fields")
	case "_asdict":
		return starlark.NewBuiltin("_asdict", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			d := starlark.NewDict(len(n.values))
			for k, v := range n.values {
				_ = d.SetKey(starlark.String(n.typ.fields[k]), v)
			}
			return d, nil
		}), nil
	case "_replace":
		return starlark.NewBuiltin("_replace", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			values := append(starlark.Tuple(nil), n.values...)
			for _, kv := range kwargs {
				key := string(kv[0].(starlark.String))
				k := n.typ.index(key)
				if k < 0 {
					return nil, pyobj.ValueErrorf("Got unexpected field names: ['%s']", key)
				}
				values[k] = kv[1]
			}
			return &NamedTuple{typ: n.typ, values: values}, nil
		}), nil
	}
	return nil, nil
}

// DefaultDict is collections.defaultdict: a dict that calls its
// default_factory for a missing key on d[key] and stores the result.
type DefaultDict struct {
	*starlark.Dict
	factory starlark.Value
	thread  *starlark.Thread
}

func newDefaultDict(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var factory starlark.Value = starlark.None
	if len(args) > 0 {
		factory, args = args[0], args[1:]
	}
	if _, ok := factory.(starlark.Callable); !ok && factory != starlark.None {
		return nil, pyobj.TypeErrorf("first argument must be callable or None")
	}
	d, err := starlark.Call(thread, pyobj.SizeGuarded("dict"), args, kwargs)
	if err != nil {
		return nil, err
	}
	return &DefaultDict{Dict: d.(*starlark.Dict), factory: factory, thread: thread}, nil
}

func (d *DefaultDict) String() string {
	return fmt.Sprintf("defaultdict(%s, %s)", reprOf(d.factory), reprOf(d.Dict))
}

// Type returns "collections.defaultdict".
func (d *DefaultDict) Type() string { return "collections.defaultdict" }

// Get returns d[key], inserting default_factory() for a missing key.
func (d *DefaultDict) Get(key starlark.Value) (starlark.Value, bool, error) {
	v, found, err := d.Dict.Get(key)
	if err != nil || found {
		return v, found, err
	}
	if d.factory == starlark.None {
		return nil, false, nil
	}
	v, err = starlark.Call(d.thread, d.factory, nil, nil)
	if err != nil {
		return nil, false, err
	}
	if err := d.Dict.SetKey(key, v); err != nil {
		return nil, false, err
	}
	return v, true, nil
}
