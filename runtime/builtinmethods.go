package runtime

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/runtime/syntax"
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

	pyobj.TupleType.SetMethods([]string{"count", "index"}, callBuiltinMethod)
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

// pythonOnlyMethod returns x.name bound to x, for reads such as
// f = s.center or key=words.count, when x is a str, list, dict, tuple,
// int or float and name is one of the methods that the parser routes to
// __method_call__, so that the bound method behaves as the call does.
func pythonOnlyMethod(x starlark.Value, name string) (starlark.Value, bool) {
	t, ok := pyobj.TypeOf(x).(*pyobj.GoType)
	if !ok || !t.HasMethod(name) || !syntax.RoutesMethod(name) {
		return nil, false
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return callBuiltinMethod(thread, x, name, args, kwargs)
	}), true
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

// pyPow implements pow(base, exp, mod=None). The three-argument form
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

// pyHash implements hash(obj) for any hashable value. Ints, bools and
// integral floats below 2**61 - 1 hash to their value, with -1 mapped to
// -2, as in CPython. An instance's __hash__ result is returned as is.
// NOTE: other values, such as str and tuple, get go.starlark.net's hash,
// which differs from CPython's (CPython randomizes str hashes anyway).
func pyHash(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("hash", args, kwargs)
	if err != nil {
		return nil, err
	}
	if x, ok := v.(*pyobj.Instance); ok {
		if _, err := x.Hash(); err != nil {
			return nil, err
		}
		if result, err := pyobj.CallMethod(thread, x, "__hash__", nil, nil); err == nil {
			return result, nil
		}
	}
	// A NumPy scalar hashes as the Python number it holds, so that
	// hash(np.float32(1.5)) == hash(1.5).
	v, _ = tensor.OrderKey(v)
	if f, ok := v.(starlark.Float); ok && float64(f) == math.Trunc(float64(f)) && math.Abs(float64(f)) < 1<<61 {
		v = starlark.MakeInt64(int64(f))
	}
	if n, err := intReceiver("hash", v, nil, nil); err == nil && n.IsInt64() && n.Int64() > -(1<<61-1) && n.Int64() < 1<<61-1 {
		if n.Int64() == -1 {
			return starlark.MakeInt(-2), nil
		}
		return starlark.MakeBigInt(n), nil
	}
	if s, ok := v.(*pySet); ok {
		if h, fixed := s.frozenHash(); fixed {
			return starlark.MakeInt64(h), nil
		}
	}
	h, err := v.Hash()
	if err != nil {
		return nil, pyobj.TypeErrorf("unhashable type: '%s'", pyTypeName(v))
	}
	return starlark.MakeUint64(uint64(h)), nil
}

// roundInt implements round(int, ndigits): the int itself unless ndigits
// is negative, when it rounds half to even at 10**-ndigits.
func roundInt(i starlark.Int, ndigits starlark.Value) (starlark.Value, error) {
	if ndigits == starlark.None {
		return i, nil
	}
	var n int
	if err := starlark.AsInt(ndigits, &n); err != nil {
		return nil, pyobj.TypeErrorf("'%s' object cannot be interpreted as an integer", pyTypeName(ndigits))
	}
	if n >= 0 {
		return i, nil
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
	quotient, remainder := new(big.Int).DivMod(i.BigInt(), scale, new(big.Int))
	twice := new(big.Int).Lsh(remainder, 1)
	if c := twice.Cmp(scale); c > 0 || (c == 0 && quotient.Bit(0) == 1) {
		quotient.Add(quotient, big.NewInt(1))
	}
	return starlark.MakeBigInt(quotient.Mul(quotient, scale)), nil
}

// tupleMethod implements tuple.count(x) and tuple.index(x[, start[,
// stop]]).
func tupleMethod(t starlark.Tuple, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	start, stop := 0, len(t)
	if name == "count" {
		if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x); err != nil {
			return nil, pyobj.TypeErrorf("%v", err)
		}
	} else if err := starlark.UnpackPositionalArgs("index", args, kwargs, 1, &x, &start, &stop); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	start, stop = clampSliceIndex(start, len(t)), clampSliceIndex(stop, len(t))
	count := 0
	for i := start; i < stop; i++ {
		eq, err := pythonEqual(t[i], x)
		if err != nil {
			return nil, err
		}
		if eq && name == "index" {
			return starlark.MakeInt(i), nil
		}
		if eq {
			count++
		}
	}
	if name == "index" {
		return nil, pyobj.ValueErrorf("tuple.index(x): x not in tuple")
	}
	return starlark.MakeInt(count), nil
}

// clampSliceIndex turns a negative index into one from the end and
// limits it to [0, n], as slicing does.
func clampSliceIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

// dictPopItem implements dict.popitem(): it removes and returns the
// last item, raising KeyError on an empty dict, as Python does.
func dictPopItem(d *starlark.Dict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("popitem", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	items := d.Items()
	if len(items) == 0 {
		return nil, keyErrorOf(starlark.String("popitem(): dictionary is empty"))
	}
	last := items[len(items)-1]
	if _, _, err := d.Delete(last[0]); err != nil {
		return nil, err
	}
	return last, nil
}
