package runtime

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// dictBacked is implemented by dict subclasses of the standard library,
// such as collections.OrderedDict, that store their items in a
// *starlark.Dict.
type dictBacked interface {
	BaseDict() *starlark.Dict
}

// underlyingDict returns the dict that stores v's items, and false when
// v is not a dict.
func underlyingDict(v starlark.Value) (*starlark.Dict, bool) {
	switch d := v.(type) {
	case *starlark.Dict:
		return d, true
	case dictBacked:
		return d.BaseDict(), true
	}
	return nil, false
}

// viewKind selects what a dict view produces.
type viewKind int

const (
	viewKeys viewKind = iota
	viewValues
	viewItems
)

var viewNames = [...]string{"dict_keys", "dict_values", "dict_items"}

// dictView is the value of d.keys(), d.values() or d.items(): a live
// view of the dict that iterates, has a len and supports in, as in
// Python 3. A keys view also supports the set operators &, |, - and ^.
// Indexing it raises TypeError, as in CPython.
type dictView struct {
	dict *starlark.Dict
	kind viewKind
}

var (
	_ starlark.Iterable  = (*dictView)(nil)
	_ starlark.Sequence  = (*dictView)(nil)
	_ starlark.Container = (*dictView)(nil)
	_ starlark.HasBinary = (*dictView)(nil)
	_ core.ThreadReprer  = (*dictView)(nil)
)

func (v *dictView) Type() string         { return viewNames[v.kind] }
func (v *dictView) Freeze()              { v.dict.Freeze() }
func (v *dictView) Truth() starlark.Bool { return v.dict.Len() > 0 }
func (v *dictView) Len() int             { return v.dict.Len() }

func (v *dictView) Hash() (uint32, error) {
	return 0, pyobj.TypeErrorf("unhashable type: '%s'", v.Type())
}

func (v *dictView) String() string {
	s, err := v.PyRepr(nil)
	if err != nil {
		return v.Type() + "(...)"
	}
	return s
}

// PyRepr returns dict_keys(['a', 'b']) and its kin.
func (v *dictView) PyRepr(thread *starlark.Thread) (string, error) {
	elems, err := core.Repr(thread, starlark.NewList(v.elements()))
	if err != nil {
		return "", err
	}
	return v.Type() + "(" + elems + ")", nil
}

// elements returns a snapshot of what the view produces.
func (v *dictView) elements() []starlark.Value {
	items := v.dict.Items()
	out := make([]starlark.Value, len(items))
	for i, kv := range items {
		switch v.kind {
		case viewKeys:
			out[i] = kv[0]
		case viewValues:
			out[i] = kv[1]
		default:
			out[i] = kv
		}
	}
	return out
}

// Iterate iterates over a snapshot, so the loop body may change the
// dict (CPython raises RuntimeError when the size changes instead).
func (v *dictView) Iterate() starlark.Iterator {
	return starlark.Tuple(v.elements()).Iterate()
}

// Has reports whether x is a key, a value or an item of the dict.
func (v *dictView) Has(x starlark.Value) (bool, error) {
	switch v.kind {
	case viewKeys:
		_, found, err := v.dict.Get(x)
		if err != nil {
			return false, pyobj.TypeErrorf("%s", strings.TrimPrefix(err.Error(), "dict."))
		}
		return found, nil
	case viewItems:
		pair, ok := x.(starlark.Tuple)
		if !ok || len(pair) != 2 {
			return false, nil
		}
		value, found, err := v.dict.Get(pair[0])
		if err != nil || !found {
			return false, nil
		}
		return starlark.Equal(value, pair[1])
	}
	for _, e := range v.elements() {
		if eq, err := starlark.Equal(e, x); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// Binary implements &, |, - and ^ between a keys or items view and any
// iterable, which return a set as in Python.
func (v *dictView) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if v.kind == viewValues {
		return nil, nil
	}
	switch op {
	case syntax.AMP, syntax.PIPE, syntax.MINUS, syntax.CIRCUMFLEX:
	default:
		return nil, nil
	}
	self, err := setOf(starlark.Tuple(v.elements()))
	if err != nil {
		return nil, err
	}
	other, err := setOf(y)
	if err != nil {
		return nil, nil
	}
	left, right := self, other
	if side == starlark.Right {
		left, right = other, self
	}
	return starlark.Binary(op, left, right)
}

// setOf returns the elements of an iterable as a set.
func setOf(x starlark.Value) (*starlark.Set, error) {
	if s, ok := x.(*starlark.Set); ok {
		return s, nil
	}
	if view, ok := x.(*dictView); ok {
		x = starlark.Tuple(view.elements())
	}
	iterable, ok := x.(starlark.Iterable)
	if !ok {
		return nil, pyobj.TypeErrorf("'%s' object is not iterable", x.Type())
	}
	set := starlark.NewSet(0)
	it := iterable.Iterate()
	defer it.Done()
	var e starlark.Value
	for it.Next(&e) {
		if err := set.Insert(e); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// dictViewMethod returns d.keys(), d.values() or d.items() as a view,
// and false for any other method name.
func dictViewMethod(d *starlark.Dict, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, bool, error) {
	kind := viewKeys
	switch name {
	case "keys":
	case "values":
		kind = viewValues
	case "items":
		kind = viewItems
	default:
		return nil, false, nil
	}
	if err := starlark.UnpackPositionalArgs("dict."+name, args, kwargs, 0); err != nil {
		return nil, true, pyobj.TypeErrorf("dict.%s() takes no arguments (%d given)", name, len(args)+len(kwargs))
	}
	return &dictView{dict: d, kind: kind}, true, nil
}

// Equal compares a keys or items view with a set or another keys or
// items view as sets, as Python does; a values view compares by
// identity.
func (v *dictView) Equal(y starlark.Value) (bool, bool, error) {
	if v.kind == viewValues {
		return false, false, nil
	}
	var others []starlark.Value
	switch y := y.(type) {
	case *starlark.Set:
		others = elementsOf(y)
	case *dictView:
		if y.kind == viewValues {
			return false, true, nil
		}
		others = y.elements()
	default:
		return false, false, nil
	}
	if len(others) != v.Len() {
		return false, true, nil
	}
	for _, e := range others {
		if found, err := v.Has(e); err != nil || !found {
			return false, true, err
		}
	}
	return true, true, nil
}
