package pyobj

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// String returns str(x): __str__, which object defines as __repr__.
// A failing __str__ cannot raise here, so its error goes into the text.
// NOTE: go.starlark.net also uses String for the elements of a printed
// list, where Python shows __repr__. The predeclared str and repr follow
// Python.
func (x *Instance) String() string {
	s, err := strOf(x.callThread(), x)
	if err != nil {
		return fmt.Sprintf("<%s object (__str__ failed: %v)>", x.class.qualifiedName(), err)
	}
	return s
}

func strOf(thread *starlark.Thread, x *Instance) (string, error) {
	return callStringMethod(thread, x, "__str__")
}

func reprOf(thread *starlark.Thread, x *Instance) (string, error) {
	return callStringMethod(thread, x, "__repr__")
}

func callStringMethod(thread *starlark.Thread, x *Instance, name string) (string, error) {
	result, found, err := callSpecial(thread, x, name)
	if err != nil {
		return "", err
	}
	if !found {
		return defaultRepr(x), nil
	}
	s, ok := result.(starlark.String)
	if !ok {
		return "", TypeErrorf("%s returned non-string (type %s)", name, pythonTypeName(result))
	}
	return string(s), nil
}

// defaultRepr is object.__repr__. Unlike CPython it omits the address,
// so that printed output is the same from run to run.
func defaultRepr(x *Instance) string {
	return fmt.Sprintf("<%s object>", x.class.qualifiedName())
}

// Truth returns bool(x): __bool__, then __len__() != 0, then True.
func (x *Instance) Truth() starlark.Bool {
	thread := x.callThread()
	truth, err := truthOf(thread, x)
	if err != nil {
		deferError(thread, err)
		return starlark.False
	}
	return truth
}

func truthOf(thread *starlark.Thread, x *Instance) (starlark.Bool, error) {
	result, found, err := callSpecial(thread, x, "__bool__")
	if err != nil {
		return false, err
	}
	if found {
		b, ok := result.(starlark.Bool)
		if !ok {
			return false, TypeErrorf("__bool__ should return bool, returned %s", pythonTypeName(result))
		}
		return b, nil
	}
	n, found, err := lenOf(thread, x)
	if err != nil || !found {
		return true, err
	}
	return n != 0, nil
}

// Len returns len(x) from __len__, or -1 when the class has no __len__,
// which go.starlark.net reports as "has no len".
func (x *Instance) Len() int {
	thread := x.callThread()
	n, found, err := lenOf(thread, x)
	if err != nil {
		deferError(thread, err)
		return 0
	}
	if !found {
		return -1
	}
	return n
}

func lenOf(thread *starlark.Thread, x *Instance) (int, bool, error) {
	result, found, err := callSpecial(thread, x, "__len__")
	if err != nil || !found {
		return 0, found, err
	}
	i, ok := result.(starlark.Int)
	if !ok {
		return 0, true, TypeErrorf("'%s' object cannot be interpreted as an integer", pythonTypeName(result))
	}
	n, ok := i.Int64()
	if !ok || n > int64(maxInt) {
		return 0, true, NewError(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if n < 0 {
		return 0, true, ValueErrorf("__len__() should return >= 0")
	}
	return int(n), true, nil
}

const maxInt = int(^uint(0) >> 1)

// Hash returns hash(x): __hash__ when the class defines it, an error when
// the class sets it to None (as defining __eq__ alone does), and an
// identity hash otherwise.
func (x *Instance) Hash() (uint32, error) {
	method, _ := x.class.Lookup("__hash__")
	switch method {
	case nil:
		return hashID(x.id), nil
	case starlark.None:
		return 0, TypeErrorf("unhashable type: '%s'", x.class.name)
	}
	result, err := callClassAttr(x.callThread(), x, method, nil, nil)
	if err != nil {
		return 0, err
	}
	i, ok := result.(starlark.Int)
	if !ok {
		return 0, TypeErrorf("__hash__ method should return an integer, not %s", pythonTypeName(result))
	}
	return i.Hash()
}

// CompareSameType implements ==, != and ordering between two instances
// for go.starlark.net, such as inside list comparison, sorted and dict
// lookup.
func (x *Instance) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	thread := x.callThread()
	result, err := richCompare(thread, op, x, y)
	if err != nil {
		return false, err
	}
	if r, ok := result.(*Instance); ok {
		return bool(mustTruth(thread, r)), nil
	}
	return bool(result.Truth()), nil
}

func mustTruth(thread *starlark.Thread, x *Instance) starlark.Bool {
	truth, err := truthOf(thread, x)
	if err != nil {
		deferError(thread, err)
	}
	return truth
}

// Name returns the class name, for go.starlark.net's call stack.
func (x *Instance) Name() string { return x.class.name }

// CallInternal calls __call__.
func (x *Instance) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	method := specialMethod(x, "__call__")
	if method == nil {
		return nil, TypeErrorf("'%s' object is not callable", x.class.name)
	}
	return callClassAttr(thread, x, method, args, kwargs)
}

// Get implements x[key] through __getitem__.
func (x *Instance) Get(key starlark.Value) (starlark.Value, bool, error) {
	result, found, err := callSpecial(x.callThread(), x, "__getitem__", key)
	if err != nil {
		return nil, false, err
	}
	if !found {
		return nil, false, TypeErrorf("'%s' object is not subscriptable", x.class.name)
	}
	return result, true, nil
}

// SetKey implements x[key] = v through __setitem__.
func (x *Instance) SetKey(key, v starlark.Value) error {
	_, found, err := callSpecial(x.callThread(), x, "__setitem__", key, v)
	if err == nil && !found {
		err = TypeErrorf("'%s' object does not support item assignment", x.class.name)
	}
	return err
}

// Has implements "y in x" through __contains__, or else by iterating x
// and comparing each element with y by identity, then equality.
func (x *Instance) Has(y starlark.Value) (bool, error) {
	thread := x.callThread()
	result, found, err := callSpecial(thread, x, "__contains__", y)
	if err != nil {
		return false, err
	}
	if found {
		return truthOfValue(thread, result)
	}
	it, err := newPyIterator(thread, x)
	if err != nil {
		return false, err
	}
	if it == nil {
		return false, TypeErrorf("argument of type '%s' is not iterable", x.class.name)
	}
	for {
		elem, ok, err := it.next(thread)
		if err != nil || !ok {
			return false, err
		}
		if identical(elem, y) {
			return true, nil
		}
		eq, err := equal(thread, elem, y)
		if err != nil || eq {
			return eq, err
		}
	}
}

func truthOfValue(thread *starlark.Thread, v starlark.Value) (bool, error) {
	if x, ok := v.(*Instance); ok {
		truth, err := truthOf(thread, x)
		return bool(truth), err
	}
	return bool(v.Truth()), nil
}

// Unary implements -x, +x and ~x through __neg__, __pos__ and __invert__.
func (x *Instance) Unary(op syntax.Token) (starlark.Value, error) {
	name, ok := unarySlots[op]
	if !ok {
		return nil, nil
	}
	result, found, err := callSpecial(x.callThread(), x, name)
	if err == nil && !found {
		err = TypeErrorf("bad operand type for unary %s: '%s'", op, x.class.name)
	}
	return result, err
}

var unarySlots = map[syntax.Token]string{
	syntax.MINUS: "__neg__",
	syntax.PLUS:  "__pos__",
	syntax.TILDE: "__invert__",
}

// Binary implements the arithmetic and bitwise operators. When x is the
// left operand the whole Python protocol runs here, including the
// reflected method of an instance right operand. When another operand
// type might still handle the operation it returns (nil, nil), as
// starlark.HasBinary requires.
func (x *Instance) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	slot, ok := binarySlots[op]
	if !ok {
		return nil, nil
	}
	thread := x.callThread()
	left, right := starlark.Value(x), y
	if side == starlark.Right {
		left, right = y, x
	}
	result, err := dispatchBinary(thread, slot, left, right)
	if err != nil || result != NotImplemented {
		return result, err
	}
	if _, yIsInstance := y.(*Instance); side == starlark.Left && !yIsInstance {
		if _, yHasBinary := y.(starlark.HasBinary); yHasBinary {
			return nil, nil // let y.Binary(op, x, Right) try
		}
	}
	return nil, unsupportedOperands(slot.symbol, left, right)
}
