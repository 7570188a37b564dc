package pyobj

import (
	"go.starlark.net/starlark"
)

// NamedValue is one entry of an attribute dictionary.
type NamedValue struct {
	Name  string
	Value starlark.Value
}

// attrDict is an insertion-ordered attribute dictionary, like a Python
// __dict__. Rebinding a name keeps its original position. It stores the
// attributes in a *starlark.Dict so that x.__dict__ can return that
// dict itself, and writes through it reach the attributes. Entries
// whose key is not a string, which only a write through __dict__ can
// make, are kept in the dict but are not attributes.
type attrDict struct {
	d *starlark.Dict
}

// dict returns the dict that stores the attributes, creating it on
// first use.
func (a *attrDict) dict() *starlark.Dict {
	if a.d == nil {
		a.d = starlark.NewDict(0)
	}
	return a.d
}

// replace makes d the attribute dictionary, as x.__dict__ = d does.
func (a *attrDict) replace(d *starlark.Dict) { a.d = d }

func (a *attrDict) get(name string) (starlark.Value, bool) {
	if a.d == nil {
		return nil, false
	}
	v, ok, _ := a.d.Get(starlark.String(name))
	return v, ok
}

// set stores name. It fails only when the dict is frozen or is being
// iterated, which a script can cause by freezing or iterating the dict
// that x.__dict__ returned.
func (a *attrDict) set(name string, v starlark.Value) error {
	return a.dict().SetKey(starlark.String(name), v)
}

func (a *attrDict) delete(name string) (bool, error) {
	if a.d == nil {
		return false, nil
	}
	_, found, err := a.d.Delete(starlark.String(name))
	return found, err
}

func (a *attrDict) items() []NamedValue {
	if a.d == nil {
		return nil
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
	}
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
