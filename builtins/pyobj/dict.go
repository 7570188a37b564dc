package pyobj

import (
	"slices"

	"go.starlark.net/starlark"
)

// NamedValue is one entry of an attribute dictionary.
type NamedValue struct {
	Name  string
	Value starlark.Value
}

// attrDict is an insertion-ordered attribute dictionary, like a Python
// __dict__. Rebinding a name keeps its original position.
type attrDict struct {
	names  []string
	values map[string]starlark.Value
}

func (d *attrDict) get(name string) (starlark.Value, bool) {
	v, ok := d.values[name]
	return v, ok
}

func (d *attrDict) set(name string, v starlark.Value) {
	if d.values == nil {
		d.values = make(map[string]starlark.Value)
	}
	if _, ok := d.values[name]; !ok {
		d.names = append(d.names, name)
	}
	d.values[name] = v
}

func (d *attrDict) delete(name string) bool {
	if _, ok := d.values[name]; !ok {
		return false
	}
	delete(d.values, name)
	d.names = slices.DeleteFunc(d.names, func(n string) bool { return n == name })
	return true
}

func (d *attrDict) items() []NamedValue {
	items := make([]NamedValue, len(d.names))
	for i, name := range d.names {
		items[i] = NamedValue{Name: name, Value: d.values[name]}
	}
	return items
}

func (d *attrDict) keys() []string {
	return slices.Clone(d.names)
}

func (d *attrDict) freeze() {
	for _, v := range d.values {
		v.Freeze()
	}
}
