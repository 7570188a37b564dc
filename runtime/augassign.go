package runtime

import (
	"fmt"
	"regexp"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// augmentedBinaryOps maps each augmented assignment operator to the
// binary operator it applies when the target is not updated in place.
var augmentedBinaryOps = map[string]syntax.Token{
	"+=": syntax.PLUS, "-=": syntax.MINUS, "*=": syntax.STAR,
	"/=": syntax.SLASH, "//=": syntax.SLASHSLASH, "&=": syntax.AMP,
	"|=": syntax.PIPE, "^=": syntax.CIRCUMFLEX, "<<=": syntax.LTLT,
	">>=": syntax.GTGT,
}

// pyAugAssign implements __augassign__(x, op, y), which the front end
// emits for x op= y: it returns the value to assign back to x. As in
// CPython, list += and *=, the set operators |= &= -= ^= with a set on
// the right, and dict |= with a dict on the right update x in place and
// return x itself, so other names bound to x see the change. A bool x
// counts as the int it equals. Any other x op= y computes x op y.
func pyAugAssign(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__augassign__: want 3 arguments, got %d", len(args)+len(kwargs))
	}
	opName, _ := args[1].(starlark.String)
	op, ok := augmentedBinaryOps[string(opName)]
	if !ok {
		return nil, pyobj.ValueErrorf("__augassign__: unknown operator %s", args[1])
	}
	x, y := args[0], args[2]
	if done, err := updateInPlace(thread, x, string(opName), y); done || err != nil {
		return x, err
	}
	z, err := pyArith(op, x, y)
	if err != nil {
		return nil, augmentedOpError(err, string(opName))
	}
	tensor.WarnDivision(thread, op, x, y, z)
	return z, nil
}

// binaryOp returns the token of an operator that __binop__ receives. A
// switch, not a map: __binop__ runs for most arithmetic in a script, and
// hashing the operator cost more than the rest of the call.
func binaryOp(name string) (syntax.Token, bool) {
	switch name {
	case "+":
		return syntax.PLUS, true
	case "-":
		return syntax.MINUS, true
	case "*":
		return syntax.STAR, true
	case "/":
		return syntax.SLASH, true
	case "//":
		return syntax.SLASHSLASH, true
	case "<<":
		return syntax.LTLT, true
	case ">>":
		return syntax.GTGT, true
	case "&":
		return syntax.AMP, true
	case "|":
		return syntax.PIPE, true
	case "^":
		return syntax.CIRCUMFLEX, true
	}
	return 0, false
}

// pyBinop implements __binop__(x, op, y), which the front end emits for
// arithmetic whose operands may be bools. A bool beside a number or
// another bool counts as the int it equals, as bool subclasses int. A
// bool beside any other value, such as a NumPy array, reaches it as a
// bool, so that NumPy's promotion applies to it.
func pyBinop(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__binop__: want 3 arguments, got %d", len(args)+len(kwargs))
	}
	opName, _ := args[1].(starlark.String)
	op, ok := binaryOp(string(opName))
	if !ok {
		return nil, pyobj.ValueErrorf("__binop__: unknown operator %s", args[1])
	}
	z, err := pyArith(op, args[0], args[2])
	if err != nil {
		return nil, err
	}
	tensor.WarnDivision(thread, op, args[0], args[2], z)
	return z, nil
}

// pyArith computes x op y with Python's bool: a bool beside a number
// counts as the int it equals, except that & | ^ on two bools give a
// bool, and & | ^ between a bool and a float stay a TypeError that
// names 'bool'.
func pyArith(op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	switch op {
	case syntax.AMP, syntax.PIPE, syntax.CIRCUMFLEX:
		xb, xIsBool := x.(starlark.Bool)
		yb, yIsBool := y.(starlark.Bool)
		if xIsBool && yIsBool {
			return bitwiseBools(op, xb, yb), nil
		}
		if xIsBool || yIsBool {
			x, y = intBools(x, y)
		}
		return starlark.Binary(op, x, y)
	}
	x, y = numericBools(x, y)
	return starlark.Binary(op, x, y)
}

func bitwiseBools(op syntax.Token, x, y starlark.Bool) starlark.Bool {
	switch op {
	case syntax.AMP:
		return x && y
	case syntax.PIPE:
		return x || y
	}
	return x != y
}

// intBools returns a bool operand as an int when the other operand is
// an int, and the operands unchanged otherwise.
func intBools(x, y starlark.Value) (starlark.Value, starlark.Value) {
	_, xIsInt := x.(starlark.Int)
	_, yIsInt := y.(starlark.Int)
	if xIsInt || yIsInt {
		return boolAsInt(x), boolAsInt(y)
	}
	return x, y
}

// numericBools returns each bool operand as an int when the other
// operand is a bool, an int or a float, and the operands unchanged
// otherwise.
func numericBools(x, y starlark.Value) (starlark.Value, starlark.Value) {
	if isPlainNumber(x) && isPlainNumber(y) {
		return boolAsInt(x), boolAsInt(y)
	}
	return x, y
}

func isPlainNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Bool, starlark.Int, starlark.Float:
		return true
	}
	return false
}

// updateInPlace applies x op= y in place when CPython does so for the
// types of x and y, and reports whether it did.
func updateInPlace(thread *starlark.Thread, x starlark.Value, op string, y starlark.Value) (bool, error) {
	switch x := x.(type) {
	case *starlark.List:
		return listInPlace(x, op, y)
	case *tensor.Tensor:
		return arrayInPlace(thread, x, op, y)
	case *pySet:
		other, ok := y.(*pySet)
		if !ok || x.immutable || setInPlaceMethods[op] == "" {
			return false, nil
		}
		return true, setInPlace(x, op, other)
	case *starlark.Dict:
		other, ok := y.(*starlark.Dict)
		if !ok || op != "|=" {
			return false, nil
		}
		for _, item := range other.Items() {
			if err := x.SetKey(item[0], item[1]); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	return false, nil
}

// listInPlace implements list += iterable and list *= int.
func listInPlace(x *starlark.List, op string, y starlark.Value) (bool, error) {
	switch op {
	case "+=":
		var elems []starlark.Value
		err := forEachElement(y, func(v starlark.Value) error {
			elems = append(elems, v)
			return nil
		})
		if err != nil {
			return true, err
		}
		return true, appendAll(x, elems)
	case "*=":
		n, err := starlark.AsInt32(boolAsInt(y))
		if err != nil {
			return false, nil
		}
		elems := make([]starlark.Value, x.Len())
		for i := range elems {
			elems[i] = x.Index(i)
		}
		if err := x.Clear(); err != nil {
			return true, err
		}
		for k := 0; k < n; k++ {
			if err := appendAll(x, elems); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	return false, nil
}

func appendAll(x *starlark.List, elems []starlark.Value) error {
	for _, v := range elems {
		if err := x.Append(v); err != nil {
			return err
		}
	}
	return nil
}

// setInPlaceMethods names the set method each in-place operator
// matches, for error messages.
var setInPlaceMethods = map[string]string{
	"|=": "update", "&=": "intersection_update", "-=": "difference_update",
	"^=": "symmetric_difference_update",
}

// setInPlace implements the set operators |= &= -= ^= in place.
func setInPlace(x *pySet, op string, y *pySet) error {
	if err := x.checkMutable(setInPlaceMethods[op]); err != nil {
		return err
	}
	switch op {
	case "|=":
		return x.update(y)
	case "&=":
		tmp, err := x.intersectionMulti(starlark.Tuple{y})
		if err != nil {
			return err
		}
		x.replaceBody(tmp)
		return nil
	case "-=":
		return x.differenceUpdate(y)
	}
	return x.symmetricDifferenceUpdate(y)
}

// unknownBinaryOp matches go.starlark.net's message for an operator its
// operand types lack.
var unknownBinaryOp = regexp.MustCompile(`^unknown binary op: (\S+) (\S+) (\S+)$`)

// augmentedOpError rewords an unsupported binary operator error with the
// augmented operator, as CPython words it: for +=: 'int' and 'str'.
func augmentedOpError(err error, op string) error {
	if err == nil {
		return nil
	}
	m := unknownBinaryOp.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	return fmt.Errorf("unknown binary op: %s %s %s", m[1], op, m[3])
}
