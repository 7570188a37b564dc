package runtime

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// numberMethods are the int and float methods that go.starlark.net's
// numbers lack. Like stringMethods, calls reach them through
// __method_call__.
var numberMethods = map[string]func(x starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"bit_length": intBitLength,
	"bit_count":  intBitCount,
	"is_integer": floatIsInteger,
}

func init() {
	strNames := append(starlark.String("").AttrNames(), "join", "format", "count", "maketrans")
	for name := range stringMethods {
		strNames = append(strNames, name)
	}
	pyobj.StrType.SetMethods(strNames, callBuiltinMethod).
		SetStatic("maketrans", starlark.NewBuiltin("maketrans", strMaketrans))

	listNames := append(starlark.NewList(nil).AttrNames(), "sort", "reverse", "copy", "count")
	pyobj.ListType.SetMethods(listNames, callBuiltinMethod)

	dictNames := append(starlark.NewDict(0).AttrNames(), "copy", "keys", "values", "items")
	pyobj.DictType.SetMethods(dictNames, callBuiltinMethod).
		SetStatic("fromkeys", starlark.NewBuiltin("fromkeys", dictFromKeys))

	pyobj.IntType.SetMethods([]string{"bit_length", "bit_count"}, callBuiltinMethod)
	pyobj.FloatType.SetMethods([]string{"is_integer"}, callBuiltinMethod)
}

// callBuiltinMethod calls self.name(*args, **kwargs) for a str, list,
// dict, int or float self, including the methods that only Python has.
func callBuiltinMethod(thread *starlark.Thread, self starlark.Value, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if name == "format" {
		return pyFormatCall(thread, append(starlark.Tuple{self}, args...), kwargs)
	}
	full := append(starlark.Tuple{self, starlark.String(name)}, args...)
	return pyMethodCall(thread, full, kwargs)
}

// pythonOnlyMethod returns the method that Python gives x but
// go.starlark.net does not, bound to x, for reads such as f = s.center.
func pythonOnlyMethod(x starlark.Value, name string) (starlark.Value, bool) {
	_, isString := x.(starlark.String)
	_, isNumber := numberMethods[name]
	if (isString && stringMethods[name] != nil) || isNumber {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return callBuiltinMethod(thread, x, name, args, kwargs)
		}), true
	}
	return nil, false
}

// dictFromKeys implements dict.fromkeys(iterable, value=None).
func dictFromKeys(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var keys starlark.Value
	var value starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("fromkeys", args, kwargs, 1, &keys, &value); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	elems, err := iterate(keys, "dict.fromkeys() argument")
	if err != nil {
		return nil, err
	}
	d := starlark.NewDict(len(elems))
	for _, k := range elems {
		if err := d.SetKey(k, value); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func intBitLength(x starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := intReceiver("bit_length", x, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(new(big.Int).Abs(n).BitLen()), nil
}

func intBitCount(x starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n, err := intReceiver("bit_count", x, args, kwargs)
	if err != nil {
		return nil, err
	}
	count := 0
	for _, word := range new(big.Int).Abs(n).Bits() {
		count += bits.OnesCount(uint(word))
	}
	return starlark.MakeInt(count), nil
}

func intReceiver(name string, x starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (*big.Int, error) {
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	switch x := x.(type) {
	case starlark.Int:
		return x.BigInt(), nil
	case starlark.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	}
	return nil, pyobj.AttributeErrorf("'%s' object has no attribute '%s'", pyTypeName(x), name)
}

func floatIsInteger(x starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("is_integer", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	f, ok := x.(starlark.Float)
	if !ok {
		return nil, pyobj.AttributeErrorf("'%s' object has no attribute 'is_integer'", pyTypeName(x))
	}
	v := float64(f)
	return starlark.Bool(!math.IsInf(v, 0) && v == math.Trunc(v)), nil
}

// intFormatter returns bin, oct or hex: the int in base with prefix
// after any minus sign.
func intFormatter(name string, base int, prefix string) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 || len(kwargs) != 0 {
			return nil, pyobj.TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args)+len(kwargs))
		}
		n, err := intReceiver(name, args[0], nil, nil)
		if err != nil {
			return nil, pyobj.TypeErrorf("'%s' object cannot be interpreted as an integer", pyTypeName(args[0]))
		}
		digits := n.Text(base)
		if n.Sign() < 0 {
			return starlark.String("-" + prefix + digits[1:]), nil
		}
		return starlark.String(prefix + digits), nil
	}
}

// pyPow implements pow(base, exp, mod=None); the three-argument form
// needs ints and computes base**exp % mod without the full power.
func pyPow(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var base, exp starlark.Value
	var mod starlark.Value = starlark.None
	if err := starlark.UnpackArgs("pow", args, kwargs, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if mod == starlark.None {
		return starlark.Call(thread, pyobj.Builtins()["__pow__"], starlark.Tuple{base, exp}, nil)
	}
	b, errB := intReceiver("pow", base, nil, nil)
	e, errE := intReceiver("pow", exp, nil, nil)
	m, errM := intReceiver("pow", mod, nil, nil)
	if errB != nil || errE != nil || errM != nil {
		return nil, pyobj.TypeErrorf("pow() 3rd argument not allowed unless all arguments are integers")
	}
	if m.Sign() == 0 {
		return nil, pyobj.ValueErrorf("pow() 3rd argument cannot be 0")
	}
	if e.Sign() < 0 {
		return nil, pyobj.ValueErrorf("pow() with a negative exponent and a modulus is not supported here; use pow(pow(base, -1, mod), -exp, mod)")
	}
	r := new(big.Int).Exp(b, e, new(big.Int).Abs(m))
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return starlark.MakeBigInt(r), nil
}
