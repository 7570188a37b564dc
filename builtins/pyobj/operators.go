package pyobj

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// binarySlot names the special methods of one binary operator.
type binarySlot struct {
	method    string // __add__
	reflected string // __radd__
	symbol    string // + as Python's error messages print it
}

var binarySlots = map[syntax.Token]binarySlot{
	syntax.PLUS:       {"__add__", "__radd__", "+"},
	syntax.MINUS:      {"__sub__", "__rsub__", "-"},
	syntax.STAR:       {"__mul__", "__rmul__", "*"},
	syntax.SLASH:      {"__truediv__", "__rtruediv__", "/"},
	syntax.SLASHSLASH: {"__floordiv__", "__rfloordiv__", "//"},
	syntax.PERCENT:    {"__mod__", "__rmod__", "%"},
	syntax.AMP:        {"__and__", "__rand__", "&"},
	syntax.PIPE:       {"__or__", "__ror__", "|"},
	syntax.CIRCUMFLEX: {"__xor__", "__rxor__", "^"},
	syntax.LTLT:       {"__lshift__", "__rlshift__", "<<"},
	syntax.GTGT:       {"__rshift__", "__rrshift__", ">>"},
}

var (
	powSlot    = binarySlot{"__pow__", "__rpow__", "** or pow()"}
	matmulSlot = binarySlot{"__matmul__", "__rmatmul__", "@"}
)

// compareSlots maps each comparison to its method and the reflected
// method that Python tries on the right operand.
var compareSlots = map[syntax.Token]binarySlot{
	syntax.LT:  {"__lt__", "__gt__", "<"},
	syntax.LE:  {"__le__", "__ge__", "<="},
	syntax.GT:  {"__gt__", "__lt__", ">"},
	syntax.GE:  {"__ge__", "__le__", ">="},
	syntax.EQL: {"__eq__", "__eq__", "=="},
	syntax.NEQ: {"__ne__", "__ne__", "!="},
}

// boundSpecial is a special method bound to its instance, or nil.
type boundSpecial func(thread *starlark.Thread, other starlark.Value) (starlark.Value, error)

// lookupBinary returns x's special method name bound to x, or nil.
// __ne__ falls back to the negation of __eq__, as object.__ne__ does.
func lookupBinary(x starlark.Value, name string) boundSpecial {
	inst, ok := x.(*Instance)
	if !ok {
		return nil
	}
	if method := specialMethod(inst, name); method != nil {
		return func(thread *starlark.Thread, other starlark.Value) (starlark.Value, error) {
			return callClassAttr(thread, inst, method, starlark.Tuple{other}, nil)
		}
	}
	if name != "__ne__" {
		return nil
	}
	eq := lookupBinary(x, "__eq__")
	if eq == nil {
		return nil
	}
	return func(thread *starlark.Thread, other starlark.Value) (starlark.Value, error) {
		result, err := eq(thread, other)
		if err != nil || result == NotImplemented {
			return result, err
		}
		truth, err := truthOfValue(thread, result)
		return starlark.Bool(!truth), err
	}
}

// dispatchBinary runs Python's protocol for an arithmetic or bitwise
// operator on x and y.
func dispatchBinary(thread *starlark.Thread, slot binarySlot, x, y starlark.Value) (starlark.Value, error) {
	return dispatch(thread, slot, x, y, false)
}

// dispatchCompare runs Python's protocol for a comparison on x and y.
func dispatchCompare(thread *starlark.Thread, op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	return dispatch(thread, compareSlots[op], x, y, true)
}

// dispatch calls x's method and then y's reflected method until one
// returns something other than NotImplemented, and returns NotImplemented
// when neither does. The reflected method runs first when y's class is a
// proper subclass of x's class and, for arithmetic, overrides the method.
// It is skipped when both operands share a class, unless isComparison is
// set, as CPython's do_richcompare and slot_nb_* functions do.
func dispatch(thread *starlark.Thread, slot binarySlot, x, y starlark.Value, isComparison bool) (starlark.Value, error) {
	xClass, yClass := classOf(x), classOf(y)
	forward := lookupBinary(x, slot.method)
	var reflected boundSpecial
	if yClass != nil && (xClass != yClass || isComparison) {
		reflected = lookupBinary(y, slot.reflected)
	}
	reflectedFirst := reflected != nil && xClass != nil && yClass != xClass && yClass.isSubclassOf(xClass) &&
		(isComparison || overrides(yClass, xClass, slot.reflected))
	if reflectedFirst {
		result, err := reflected(thread, x)
		if err != nil || result != NotImplemented {
			return result, err
		}
		reflected = nil
	}
	if forward != nil {
		result, err := forward(thread, y)
		if err != nil || result != NotImplemented {
			return result, err
		}
	}
	if reflected != nil {
		return reflected(thread, x)
	}
	return NotImplemented, nil
}

// overrides reports whether sub defines name differently from base.
func overrides(sub, base *Class, name string) bool {
	subValue, _ := sub.Lookup(name)
	baseValue, _ := base.Lookup(name)
	return !identical(subValue, baseValue)
}

func classOf(v starlark.Value) *Class {
	if x, ok := v.(*Instance); ok {
		return x.class
	}
	return nil
}

// richCompare compares two values of which at least one is an instance,
// as Python does: the special methods, then identity for == and !=.
func richCompare(thread *starlark.Thread, op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	result, err := dispatchCompare(thread, op, x, y)
	if err != nil || result != NotImplemented {
		return result, err
	}
	return defaultCompare(op, x, y)
}

// defaultCompare is Python's comparison when no special method handles
// it: identity for == and !=, TypeError for ordering.
func defaultCompare(op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	switch op {
	case syntax.EQL:
		return starlark.Bool(identical(x, y)), nil
	case syntax.NEQ:
		return starlark.Bool(!identical(x, y)), nil
	}
	return nil, TypeErrorf("'%s' not supported between instances of '%s' and '%s'",
		compareSlots[op].symbol, pythonTypeName(x), pythonTypeName(y))
}

// equal reports whether x == y with Python semantics.
func equal(thread *starlark.Thread, x, y starlark.Value) (bool, error) {
	result, err := compareValues(thread, syntax.EQL, x, y)
	if err != nil {
		return false, err
	}
	return truthOfValue(thread, result)
}

func unsupportedOperands(symbol string, x, y starlark.Value) error {
	return TypeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", symbol, pythonTypeName(x), pythonTypeName(y))
}

// pythonTypeName returns the Python name of v's type: the class name of
// an instance, and Python's names for go.starlark.net's built-in types.
func pythonTypeName(v starlark.Value) string {
	switch v := v.(type) {
	case *Instance:
		return v.class.name
	case nil:
		return "NoneType"
	case starlark.String:
		return "str"
	case *Class, *GoType:
		return "type"
	case *starlark.Builtin:
		return "builtin_function_or_method"
	}
	return v.Type()
}
