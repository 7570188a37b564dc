package runtime

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/pystd"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// underlyingDict returns the dict that stores v's items, and false when
// v is not a dict.
func underlyingDict(v starlark.Value) (*starlark.Dict, bool) { return pystd.BaseDictOf(v) }

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
// iterable, which return a set as CPython 3.11's dict views do
// (Objects/dictobject.c): the left operand becomes a set (a keys view
// through its dict), which is then updated with the right operand,
// whichever of the two is the view.
func (v *dictView) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if v.kind == viewValues {
		return nil, nil
	}
	var left, right starlark.Value = v, y
	if side == starlark.Right {
		left, right = y, v
	}
	switch op {
	case syntax.AMP:
		return v.intersect(y)
	case syntax.CIRCUMFLEX:
		if lv, ok := left.(*dictView); ok && lv.kind == viewItems {
			if rv, ok := right.(*dictView); ok && rv.kind == viewItems {
				return itemsSymmetricDifference(lv.dict, rv.dict)
			}
		}
	case syntax.PIPE, syntax.MINUS:
	default:
		return nil, nil
	}
	result, err := viewToSet(left)
	if err != nil {
		return nil, err
	}
	switch op {
	case syntax.PIPE:
		err = result.update(right)
	case syntax.MINUS:
		err = result.differenceUpdate(right)
	default:
		err = result.symmetricDifferenceUpdate(right)
	}
	if err != nil {
		return nil, err
	}
	return result, nil
}

// viewToSet returns set(x), built from the dict itself when x is a keys
// view, as dictviews_to_set does.
func viewToSet(x starlark.Value) (*pySet, error) {
	if view, ok := x.(*dictView); ok && view.kind == viewKeys {
		x = view.dict
	}
	result := newPySet()
	if err := result.update(x); err != nil {
		return nil, err
	}
	return result, nil
}

// intersect returns v & other, as _PyDictView_Intersect does: a larger
// set computes set.intersection(view), and otherwise the smaller
// operand is iterated and probed in the larger view.
func (v *dictView) intersect(other starlark.Value) (starlark.Value, error) {
	if set, ok := other.(*pySet); ok && !set.immutable && v.Len() <= set.Len() {
		return set.intersection(v)
	}
	probed := v
	if ov, ok := other.(*dictView); ok && ov.kind != viewValues && ov.Len() > v.Len() {
		probed, other = ov, v
	}
	result := newPySet()
	err := forEachElement(other, func(x starlark.Value) error {
		found, err := probed.Has(x)
		if err != nil || !found {
			return err
		}
		return result.addValue(x)
	})
	if err != nil {
		return nil, err
	}
	return result, nil
}

// itemsSymmetricDifference returns d1.items() ^ d2.items(), as
// dictitems_xor does: the pairs of d2 that d1 lacks or maps to another
// value, then the pairs of d1 whose key d2 lacks or maps elsewhere.
func itemsSymmetricDifference(d1, d2 *starlark.Dict) (starlark.Value, error) {
	remaining := starlark.NewDict(d1.Len())
	for _, kv := range d1.Items() {
		if err := remaining.SetKey(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	result := newPySet()
	for _, kv := range d2.Items() {
		value, found, err := remaining.Get(kv[0])
		if err != nil {
			return nil, err
		}
		same := false
		if found {
			if same, err = starlark.Equal(value, kv[1]); err != nil {
				return nil, err
			}
		}
		if same {
			if _, _, err := remaining.Delete(kv[0]); err != nil {
				return nil, err
			}
		} else if err := result.addValue(kv); err != nil {
			return nil, err
		}
	}
	if err := result.update(&dictView{dict: remaining, kind: viewItems}); err != nil {
		return nil, err
	}
	return result, nil
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
	case *pySet:
		others = y.elements()
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
