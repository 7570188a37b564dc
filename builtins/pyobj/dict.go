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
// __dict__. Rebinding a name keeps its original position. It keeps the
// attributes in a Go map, which is fast to read, until a script reads
// x.__dict__. From then on they live in the *starlark.Dict that
// __dict__ returned, so that writes through it reach the attributes.
// Entries whose key is not a string, which only a write through
// __dict__ can make, are kept in the dict but are not attributes.
type attrDict struct {
	names  []string
	values map[string]starlark.Value
	// d, when not nil, holds the attributes instead of names and values.
	d *starlark.Dict
	// frozen records a freeze before d existed, so that d is created
	// frozen.
	frozen bool
}

// dict returns the dict that stores the attributes, moving them into it
// on first use.
func (a *attrDict) dict() *starlark.Dict {
	if a.d == nil {
		d := starlark.NewDict(len(a.names))
		for _, name := range a.names {
			_ = d.SetKey(starlark.String(name), a.values[name]) // a new dict accepts any string key
		}
		a.d, a.names, a.values = d, nil, nil
		if a.frozen {
			d.Freeze()
		}
	}
	return a.d
}

// replace makes d the attribute dictionary, as x.__dict__ = d does.
func (a *attrDict) replace(d *starlark.Dict) { a.d, a.names, a.values = d, nil, nil }

func (a *attrDict) get(name string) (starlark.Value, bool) {
	if a.d == nil {
		v, ok := a.values[name]
		return v, ok
	}
	v, ok, _ := a.d.Get(starlark.String(name))
	return v, ok
}

// set stores name. It fails only when the dict is frozen or is being
// iterated, which a script can cause by freezing or iterating the dict
// that x.__dict__ returned.
func (a *attrDict) set(name string, v starlark.Value) error {
	if a.d != nil {
		return a.d.SetKey(starlark.String(name), v)
	}
	if a.values == nil {
		a.values = make(map[string]starlark.Value)
	}
	if _, ok := a.values[name]; !ok {
		a.names = append(a.names, name)
	}
	a.values[name] = v
	return nil
}

func (a *attrDict) delete(name string) (bool, error) {
	if a.d != nil {
		_, found, err := a.d.Delete(starlark.String(name))
		return found, err
	}
	if _, ok := a.values[name]; !ok {
		return false, nil
	}
	delete(a.values, name)
	a.names = slices.DeleteFunc(a.names, func(n string) bool { return n == name })
	return true, nil
}

func (a *attrDict) items() []NamedValue {
	if a.d == nil {
		items := make([]NamedValue, len(a.names))
		for i, name := range a.names {
			items[i] = NamedValue{Name: name, Value: a.values[name]}
		}
		return items
	}
	items := make([]NamedValue, 0, a.d.Len())
	for _, kv := range a.d.Items() {
		if name, ok := kv[0].(starlark.String); ok {
			items = append(items, NamedValue{Name: string(name), Value: kv[1]})
		}
	}
	return items
}

func (a *attrDict) keys() []string {
	items := a.items()
	names := make([]string, len(items))
	for i, item := range items {
		names[i] = item.Name
	}
	return names
}

// freeze freezes the dict and its values, so that writes through
// x.__dict__ fail once the instance is frozen.
func (a *attrDict) freeze() {
	if a.d != nil {
		a.d.Freeze()
		return
	}
	a.frozen = true
	a.freezeValues()
}

// freezeValues freezes the values but leaves the dict writable. Classes
// use it, because a native class is frozen when created and the object
// model still adds attributes to it, and because a class exposes no
// __dict__ through which a script could write.
func (a *attrDict) freezeValues() {
	for _, item := range a.items() {
		item.Value.Freeze()
	}
}
