package pyobj

import (
	"reflect"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// CompareHook, when set, handles comparisons that no instance method
// handled, before go.starlark.net's own comparison. It lets another package
// return elementwise results for tensors. It returns handled false to pass.
// Set it during program initialisation, before any script runs.
var CompareHook func(op syntax.Token, x, y starlark.Value) (result starlark.Value, handled bool, err error)

// compareValues implements the comparison builtins: instance special
// methods, then CompareHook, then identity for instances and
// starlark.Compare for everything else.
func compareValues(thread *starlark.Thread, op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	_, xIsInstance := x.(*Instance)
	_, yIsInstance := y.(*Instance)
	if xIsInstance || yIsInstance {
		result, err := dispatchCompare(thread, op, x, y)
		if err != nil || result != NotImplemented {
			return result, err
		}
	}
	if CompareHook != nil {
		result, handled, err := CompareHook(op, x, y)
		if err != nil || handled {
			return result, err
		}
	}
	if xIsInstance || yIsInstance {
		return defaultCompare(op, x, y)
	}
	if isNaN(x) || isNaN(y) {
		// IEEE 754, as in Python: NaN is unequal to everything, itself
		// included, and unordered.
		if _, ok := starlark.AsFloat(x); ok {
			if _, ok := starlark.AsFloat(y); ok {
				return starlark.Bool(op == syntax.NEQ), nil
			}
		}
	}
	x, y = boolsAsNumbers(x, y)
	if op == syntax.EQL || op == syntax.NEQ {
		if eq, handled, err := sequenceEqual(x, y); err != nil || handled {
			if op == syntax.NEQ {
				eq = !eq
			}
			return starlark.Bool(eq), err
		}
		if eq, handled, err := crossTypeEqual(x, y); err != nil || handled {
			if op == syntax.NEQ {
				eq = !eq
			}
			return starlark.Bool(eq), err
		}
	}
	ok, err := starlark.Compare(op, x, y)
	if err != nil {
		if strings.HasSuffix(err.Error(), " not implemented") && !isSequencePair(x, y) {
			return defaultCompare(op, x, y)
		}
		return nil, err
	}
	return starlark.Bool(ok), nil
}

func comparisonBuiltin(name string, op syntax.Token) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, y starlark.Value
		if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &y); err != nil {
			return nil, err
		}
		return compareValues(thread, op, x, y)
	})
}

// identical implements Python's "is" as CPython behaves in practice:
// None, booleans, ints from -5 to 256, strings, bytes and floats are
// identical when equal, the empty tuple is unique, and other values are
// identical when they are the same Go pointer, map, slice or function.
func identical(x, y starlark.Value) bool {
	switch x := x.(type) {
	case starlark.NoneType:
		_, ok := y.(starlark.NoneType)
		return ok
	case starlark.Bool:
		yb, ok := y.(starlark.Bool)
		return ok && x == yb
	case starlark.Int:
		yi, ok := y.(starlark.Int)
		if !ok || !isCachedInt(x) || !isCachedInt(yi) {
			return false
		}
		xn, _ := x.Int64()
		yn, _ := yi.Int64()
		return xn == yn
	case starlark.String:
		ys, ok := y.(starlark.String)
		return ok && x == ys
	case starlark.Bytes:
		yb, ok := y.(starlark.Bytes)
		return ok && x == yb
	case starlark.Float:
		// NOTE: CPython makes a new float object for each computed value,
		// so "is" between equal computed floats is False there.
		yf, ok := y.(starlark.Float)
		return ok && x == yf
	case starlark.Tuple:
		yt, ok := y.(starlark.Tuple)
		if !ok || len(x) != len(yt) {
			return false
		}
		return len(x) == 0 || &x[0] == &yt[0]
	}
	return sameReference(x, y)
}

// isCachedInt reports whether CPython keeps a single object for i.
// NOTE: larger ints are never identical here, even a variable with
// itself, because starlark.Int does not expose its storage.
func isCachedInt(i starlark.Int) bool {
	n, ok := i.Int64()
	return ok && n >= -5 && n <= 256
}

// sameReference compares two values of the same Go type by reference
// without ever panicking on uncomparable types.
func sameReference(x, y starlark.Value) bool {
	xv, yv := reflect.ValueOf(x), reflect.ValueOf(y)
	if !xv.IsValid() || !yv.IsValid() || xv.Type() != yv.Type() {
		return false
	}
	switch xv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return xv.Pointer() == yv.Pointer()
	case reflect.Slice:
		return xv.Len() == yv.Len() && xv.Pointer() == yv.Pointer()
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return x == y
	}
	// NOTE: other value types (structs, arrays) have no identity in Go,
	// so "is" is False between them.
	return false
}

func isBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	return starlark.Bool(identical(x, y)), nil
}

// Equaler is a value whose == reaches past go.starlark.net's same-type
// comparison, as a dict view equals a set and an OrderedDict equals a
// dict in Python. Equal reports handled=false to fall back to the usual
// comparison.
type Equaler interface {
	Equal(y starlark.Value) (eq, handled bool, err error)
}

// crossTypeEqual calls the Equal method of x, then that of y.
func crossTypeEqual(x, y starlark.Value) (eq, handled bool, err error) {
	if e, ok := x.(Equaler); ok {
		if eq, handled, err := e.Equal(y); err != nil || handled {
			return eq, handled, err
		}
	}
	if e, ok := y.(Equaler); ok {
		return e.Equal(x)
	}
	return false, false, nil
}

// sequenceEqual compares two lists or two tuples element by element
// with Python's equality of numbers, so that [True] == [1] and
// (1, True) == (True, 1.0). It returns handled false for other operands.
func sequenceEqual(x, y starlark.Value) (eq, handled bool, err error) {
	switch x := x.(type) {
	case *starlark.List:
		ys, ok := y.(*starlark.List)
		if !ok {
			return false, false, nil
		}
		eq, err := elementsEqual(x, ys)
		return eq, true, err
	case starlark.Tuple:
		ys, ok := y.(starlark.Tuple)
		if !ok {
			return false, false, nil
		}
		eq, err := elementsEqual(x, ys)
		return eq, true, err
	}
	return false, false, nil
}

func elementsEqual(x, y starlark.Indexable) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	for i := 0; i < x.Len(); i++ {
		a, b := boolsAsNumbers(PythonNumber(x.Index(i)), PythonNumber(y.Index(i)))
		eq, handled, err := sequenceEqual(a, b)
		if !handled {
			eq, err = starlark.Equal(a, b)
		}
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// ScalarNumber returns the Python number that v holds when v is a NumPy
// scalar, such as np.int64(2), so that it equals the same int inside a
// list or tuple. The tensor package sets it; it is nil until then.
var ScalarNumber func(v starlark.Value) (starlark.Value, bool)

// PythonNumber returns the Python number of a NumPy scalar v, and v
// unchanged otherwise.
func PythonNumber(v starlark.Value) starlark.Value {
	if ScalarNumber != nil {
		if n, ok := ScalarNumber(v); ok {
			return n
		}
	}
	return v
}

// boolsAsNumbers returns a bool compared with an int or a float as the
// int it equals, because bool subclasses int in Python: True == 1 and
// False < 0.5. Other operands come back unchanged.
func boolsAsNumbers(x, y starlark.Value) (starlark.Value, starlark.Value) {
	if isNumber(y) {
		x = BoolAsInt(x)
	}
	if isNumber(x) {
		y = BoolAsInt(y)
	}
	return x, y
}

func isNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, starlark.Float:
		return true
	}
	return false
}

// BoolAsInt returns a bool as the int it equals in Python, where bool
// subclasses int, and other values unchanged.
func BoolAsInt(v starlark.Value) starlark.Value {
	if b, ok := v.(starlark.Bool); ok {
		if b {
			return starlark.MakeInt(1)
		}
		return starlark.MakeInt(0)
	}
	return v
}

func isNaN(v starlark.Value) bool {
	f, ok := v.(starlark.Float)
	return ok && f != f
}

// isSequencePair reports whether x and y are both lists or both tuples.
// Comparing them compares their elements, so an error names the types
// of the first unordered elements, as in CPython, and not list or tuple.
func isSequencePair(x, y starlark.Value) bool {
	switch x.(type) {
	case *starlark.List:
		_, ok := y.(*starlark.List)
		return ok
	case starlark.Tuple:
		_, ok := y.(starlark.Tuple)
		return ok
	}
	return false
}
