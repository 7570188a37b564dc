package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Python treats keys that compare equal as one dict key: True, 1, 1.0
// and np.int64(1) are the same key. go.starlark.net's dict compares a
// bool, an int and a NumPy scalar as unequal, so the runtime looks up
// the Python-equal forms of a number key when the key itself is absent.
// A dict display, a store d[k] = v, d[k], k in d, del d[k], get, pop and
// setdefault go through storedKey. A dict comprehension, dict() and
// update() store keys as they come.

// storedKey returns the key of d that equals k in Python, and whether
// there is one. It returns k when d contains k itself.
func storedKey(d *starlark.Dict, k starlark.Value) (starlark.Value, bool) {
	if _, found, err := d.Get(k); err != nil || found {
		return k, found
	}
	if !isNumericKey(k) || d.Len() == 0 {
		return k, false
	}
	for _, alias := range keyAliases(k) {
		if _, found, _ := d.Get(alias); found {
			return alias, true
		}
	}
	return k, false
}

// isNumericKey reports whether k is a bool, an int, a float or a NumPy
// scalar, the keys that may equal a key of another type.
func isNumericKey(k starlark.Value) bool {
	switch k := k.(type) {
	case starlark.Bool, starlark.Int, starlark.Float:
		return true
	case *tensor.Tensor:
		return k.Flavor == tensor.NumPy && k.Scalar
	}
	return false
}

// keyAliases returns the other forms of the number k that a dict may
// contain: the Python number of a NumPy scalar, the bool equal to 0 or
// 1, the int of a bool, and a NumPy scalar. That scalar finds a NumPy
// scalar key of any dtype, because NumPy scalars hash and compare by
// value.
func keyAliases(k starlark.Value) []starlark.Value {
	if t, ok := k.(*tensor.Tensor); ok {
		v := tensor.ElementValue(t.T, 0)
		return append([]starlark.Value{v}, numberAliases(v)...)
	}
	aliases := numberAliases(k)
	if probe := numpyProbe(k); probe != nil {
		aliases = append(aliases, probe)
	}
	return aliases
}

// numberAliases returns the Python numbers other than k that equal k
// but are not equal to it in go.starlark.net: 1 for True, True for 1
// and 1.0.
func numberAliases(k starlark.Value) []starlark.Value {
	switch k := k.(type) {
	case starlark.Bool:
		return []starlark.Value{boolAsInt(k)}
	case starlark.Int, starlark.Float:
		if eq, _ := starlark.Equal(k, starlark.MakeInt(1)); eq {
			return []starlark.Value{starlark.True}
		}
		if eq, _ := starlark.Equal(k, starlark.MakeInt(0)); eq {
			return []starlark.Value{starlark.False}
		}
	}
	return nil
}

// numpyProbe returns a NumPy scalar equal to the Python number k, or nil
// when k has none.
func numpyProbe(k starlark.Value) starlark.Value {
	var t *engine.Tensor
	switch k := k.(type) {
	case starlark.Bool:
		n := 0.0
		if k {
			n = 1
		}
		t = engine.Scalar(engine.Int64, n)
	case starlark.Int:
		n, ok := k.Int64()
		if !ok || n != int64(float64(n)) {
			return nil
		}
		t = engine.Scalar(engine.Int64, float64(n))
	case starlark.Float:
		t = engine.Scalar(engine.Float64, float64(k))
	default:
		return nil
	}
	return &tensor.Tensor{T: t, Flavor: tensor.NumPy, Scalar: true}
}

// pyIn implements __in__(x, y), the test x in y, with Python's equality
// of numbers: True in [1] and 1 in {True: 0} are True.
func pyIn(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__in__: want 2 arguments, got %d", len(args)+len(kwargs))
	}
	return pythonContains(args[0], args[1])
}

// pythonContains returns x in y, finding a number by Python's equality
// in a dict, list or tuple y.
func pythonContains(x, y starlark.Value) (starlark.Value, error) {
	found, err := starlark.Binary(syntax.IN, x, y)
	if err != nil || found == starlark.True || !isNumericKey(x) {
		return found, err
	}
	switch c := y.(type) {
	case *starlark.Dict:
		_, ok := storedKey(c, x)
		return starlark.Bool(ok), nil
	case *starlark.List:
		return containsNumber(c, x), nil
	case starlark.Tuple:
		return containsNumber(c, x), nil
	}
	return found, nil
}

// containsNumber reports whether a bool, int, float or NumPy scalar
// element of s equals the number x in Python.
func containsNumber(s starlark.Indexable, x starlark.Value) starlark.Bool {
	x = pyobj.PythonNumber(x)
	if _, ok := x.(*tensor.Tensor); ok {
		return false
	}
	for i := 0; i < s.Len(); i++ {
		elem := pyobj.PythonNumber(s.Index(i))
		switch elem.(type) {
		case starlark.Bool, starlark.Int, starlark.Float:
			if eq, _ := starlark.Equal(boolAsInt(x), boolAsInt(elem)); eq {
				return true
			}
		}
	}
	return false
}
