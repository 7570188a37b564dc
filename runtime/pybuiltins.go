package runtime

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// predeclared returns the names every script sees besides Starlark's
// universe: the object model, imports, generators and the Python
// builtins that behave differently from Starlark's.
func (rt *Runtime) predeclared() starlark.StringDict {
	d := starlark.StringDict{}
	for k, v := range pyobj.Builtins() {
		d[k] = v
	}
	for k, v := range rt.importBuiltins() {
		d[k] = v
	}
	for k, v := range generatorBuiltins() {
		d[k] = v
	}
	for k, v := range pythonBuiltins {
		d[k] = v
	}
	for k, v := range rt.helpBuiltins() {
		d[k] = v
	}
	for k, v := range stringIterables() {
		d[k] = v
	}
	for name, c := range extraExceptions {
		d[name] = c
	}
	d["__module_cells__"] = moduleCellsBuiltin(nil)
	d["slice"] = core.NewSliceBuiltin()
	d["Ellipsis"] = core.Ellipsis
	d["__name__"] = starlark.String("__main__")
	guardBuiltins(d)
	return d
}

func init() {
	// int() and float() also convert one-element tensors and arrays.
	pyobj.FloatType.SetConstructor(builtin("float", pyFloat))
	pyobj.IntType.SetConstructor(builtin("int", pyInt))
	// list() and tuple() also take a str, as its characters.
	pyobj.ListType.SetConstructor(builtin("list", sequenceConstructor("list")))
	pyobj.TupleType.SetConstructor(builtin("tuple", sequenceConstructor("tuple")))
}

func builtin(name string, f func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return f(thread, args, kwargs)
	})
}

var pythonBuiltins = starlark.StringDict{
	"print":       builtin("print", pyPrint),
	"open":        builtin("open", pyOpen),
	"repr":        builtin("repr", pyRepr),
	"ascii":       builtin("ascii", pyASCII),
	"abs":         builtin("abs", pyAbs),
	"range":       builtin("range", pyRange),
	"bin":         builtin("bin", intFormatter("bin", 2, "0b")),
	"pow":         builtin("pow", pyPow),
	"hash":        builtin("hash", pyHash),
	"oct":         builtin("oct", intFormatter("oct", 8, "0o")),
	"hex":         builtin("hex", intFormatter("hex", 16, "0x")),
	"sum":         builtin("sum", pySum),
	"round":       builtin("round", pyRound),
	"map":         builtin("map", pyMap),
	"filter":      builtin("filter", pyFilter),
	"next":        builtin("next", pyNext),
	"iter":        builtin("iter", pyIter),
	"callable":    builtin("callable", pyCallable),
	"id":          builtin("id", pyID),
	"divmod":      builtin("divmod", pyDivmod),
	"format":      builtin("format", pyFormat),
	"__fstring__": builtin("__fstring__", pyFString),
	"__delitem__": builtin("__delitem__", pyDelItem),
	"__chain__":   builtin("__chain__", pyChain),

	// Statements: see runtime/syntax for the desugaring.
	"__try__":     builtin("__try__", pyTry),
	"__raise__":   builtin("__raise__", pyRaise),
	"__with__":    builtin("__with__", pyWith),
	"__cells__":   builtin("__cells__", pyCells),
	"__delname__": builtin("__delname__", pyDelName),

	// Operators and displays.
	"__mod__":          builtin("__mod__", pyMod),
	"__boolint__":      builtin("__boolint__", pyBoolInt),
	"__augassign__":    builtin("__augassign__", pyAugAssign),
	"__binop__":        builtin("__binop__", pyBinop),
	"__index__":        builtin("__index__", pyIndex),
	"__in__":           builtin("__in__", pyIn),
	"__dict_pairs__":   builtin("__dict_pairs__", pyDictPairs),
	"__getitem__":      builtin("__getitem__", pyGetItem),
	"__getslice__":     builtin("__getslice__", pyGetSlice),
	"__format_call__":  builtin("__format_call__", pyFormatCall),
	"__method_call__":  builtin("__method_call__", pyMethodCall),
	"__unpack__":       builtin("__unpack__", pyUnpack),
	"__iterlist__":     builtin("__iterlist__", pyIterList),
	"__itertuple__":    builtin("__itertuple__", pyIterTuple),
	"__set__":          builtin("__set__", pySetDisplay),
	"__dict_display__": builtin("__dict_display__", pyDictDisplay),
	"__kwargs__":       builtin("__kwargs__", pyKwargs),
	"__foriter__":      builtin("__foriter__", pyForIter),
	"__genexp__":       builtin("__genexp__", pyGenexp),
	"__attr__":         builtin("__attr__", pyDunderAttr),
	"hasattr":          builtin("hasattr", pyHasAttr),
	"getattr":          builtin("getattr", pyGetAttr),
}

// objectModel holds the object model's predeclared functions, which
// some builtins here extend.
var objectModel = pyobj.Builtins()

// dunderNames lists the attributes pyDunderAttr supplies.
var dunderNames = map[string]bool{"__name__": true, "__qualname__": true, "__class__": true, "__doc__": true, "__module__": true}

// pyHasAttr is the object model's hasattr, which also finds the
// attributes pyDunderAttr supplies.
func pyHasAttr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 2 && len(kwargs) == 0 {
		if name, ok := args[1].(starlark.String); ok && dunderNames[string(name)] {
			_, err := pyDunderAttr(thread, args, nil)
			return starlark.Bool(err == nil), nil
		}
	}
	return starlark.Call(thread, objectModel["hasattr"], args, kwargs)
}

// pyGetAttr is the object model's getattr, which also returns the
// attributes pyDunderAttr supplies.
func pyGetAttr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) >= 2 && len(kwargs) == 0 {
		if name, ok := args[1].(starlark.String); ok && dunderNames[string(name)] {
			v, err := pyDunderAttr(thread, args[:2], nil)
			if err != nil && len(args) == 3 {
				return args[2], nil
			}
			return v, err
		}
	}
	return starlark.Call(thread, objectModel["getattr"], args, kwargs)
}

// pyDunderAttr implements __attr__(x, name), the desugared read of
// x.__name__, __qualname__, __class__, __doc__ or __module__ and of the
// methods that calls reach through __method_call__: x's own attribute
// when it has one, else what Python gives functions, builtins and other
// values.
func pyDunderAttr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyobj.TypeErrorf("__attr__: want an object and a name")
	}
	x := args[0]
	name, _ := starlark.AsString(args[1])
	if method, ok := pythonOnlyMethod(x, name); ok {
		return method, nil
	}
	if v, err := pyobj.GetAttr(thread, x, name); err == nil {
		return v, nil
	} else if _, ok := x.(*pyobj.Instance); ok {
		return nil, err
	}
	switch name {
	case "__class__":
		return pyobj.TypeOf(x).(starlark.Value), nil
	case "__name__", "__qualname__":
		if c, ok := x.(starlark.Callable); ok {
			return starlark.String(pythonFunctionName(c.Name())), nil
		}
	case "__doc__":
		if fn, ok := x.(*starlark.Function); ok && fn.Doc() != "" {
			return starlark.String(fn.Doc()), nil
		}
		return starlark.None, nil
	case "__module__":
		if _, ok := x.(*starlark.Function); ok {
			return starlark.String("__main__"), nil
		}
	}
	return pyobj.GetAttr(thread, x, name)
}

func pyPrint(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "sep", "end":
			var s string
			if kv[1] != starlark.None {
				str, ok := kv[1].(starlark.String)
				if !ok {
					return nil, pyobj.TypeErrorf("print() argument %s must be str or None, not %s", k, kv[1].Type())
				}
				s = string(str)
			} else if k == "sep" {
				s = " "
			} else {
				s = "\n"
			}
			if k == "sep" {
				sep = s
			} else {
				end = s
			}
		case "flush", "file":
		default:
			return nil, pyobj.TypeErrorf("print() got an unexpected keyword argument '%s'", k)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := core.Str(thread, a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	env := core.EnvOf(thread)
	if _, err := fmt.Fprint(env.Stdout, b.String()); err != nil {
		return nil, core.NewError("OSError", fmt.Sprintf("print: %v", err))
	}
	return starlark.None, nil
}

func oneArg(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args)+len(kwargs))
	}
	return args[0], nil
}

func pyRepr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("repr", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := core.Repr(thread, v)
	return starlark.String(s), err
}

func pyStr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return starlark.String(""), nil
	}
	v, err := oneArg("str", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := core.Str(thread, v)
	return starlark.String(s), err
}

// scalarOf returns the single element of a one-element tensor.
func scalarOf(v starlark.Value, name string) (starlark.Value, error) {
	t, _, ok := tensor.Of(v)
	if !ok {
		return v, nil
	}
	if t.Numel() != 1 {
		return nil, pyobj.TypeErrorf("only size-1 arrays can be converted to Python scalars (%s() got shape %s)", name, engine.FormatShape(t.Shape()))
	}
	return tensor.ElementValue(t, 0), nil
}

func pyFloat(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return starlark.Float(0), nil
	}
	v, err := oneArg("float", args, kwargs)
	if err != nil {
		return nil, err
	}
	if v, err = scalarOf(v, "float"); err != nil {
		return nil, err
	}
	if x, ok := v.(*pyobj.Instance); ok {
		if v, err = pyobj.CallMethod(thread, x, "__float__", nil, nil); err != nil {
			return nil, err
		}
	}
	switch x := v.(type) {
	case starlark.Float:
		return x, nil
	case starlark.Int:
		f, ok := starlark.AsFloat(x)
		if !ok || math.IsInf(f, 0) {
			return nil, core.NewError("OverflowError", "int too large to convert to float")
		}
		return starlark.Float(f), nil
	case starlark.Bool:
		if x {
			return starlark.Float(1), nil
		}
		return starlark.Float(0), nil
	case starlark.String:
		s := strings.ToLower(strings.TrimSpace(string(x)))
		switch strings.TrimLeft(s, "+-") {
		case "inf", "infinity":
			if strings.HasPrefix(s, "-") {
				return starlark.Float(math.Inf(-1)), nil
			}
			return starlark.Float(math.Inf(1)), nil
		case "nan":
			return starlark.Float(math.NaN()), nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil {
			return nil, pyobj.ValueErrorf("could not convert string to float: %s", core.QuoteString(string(x)))
		}
		return starlark.Float(f), nil
	}
	return nil, pyobj.TypeErrorf("float() argument must be a string or a real number, not '%s'", v.Type())
}

func pyInt(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return starlark.MakeInt(0), nil
	}
	if len(args) == 1 && len(kwargs) == 0 {
		v, err := scalarOf(args[0], "int")
		if err != nil {
			return nil, err
		}
		if x, ok := v.(*pyobj.Instance); ok {
			if v, err = pyobj.CallMethod(thread, x, "__int__", nil, nil); err != nil {
				return nil, err
			}
		}
		if f, ok := v.(starlark.Float); ok {
			if math.IsNaN(float64(f)) {
				return nil, pyobj.ValueErrorf("cannot convert float NaN to integer")
			}
			if math.IsInf(float64(f), 0) {
				return nil, core.NewError("OverflowError", "cannot convert float infinity to integer")
			}
		}
		args = starlark.Tuple{v}
	}
	if s, ok := args[0].(starlark.String); ok && strings.TrimSpace(string(s)) != string(s) {
		// Python ignores surrounding whitespace, int(" 42\n") == 42, but
		// its error message quotes the string as given.
		trimmed := append(starlark.Tuple{starlark.String(strings.TrimSpace(string(s)))}, args[1:]...)
		if v, err := starlark.Call(thread, starlark.Universe["int"], trimmed, kwargs); err == nil {
			return v, nil
		}
	}
	return starlark.Call(thread, starlark.Universe["int"], args, kwargs)
}

func pyAbs(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("abs", args, kwargs)
	if err != nil {
		return nil, err
	}
	if t, f, ok := tensor.Of(v); ok {
		out, err := engine.Abs(t)
		if err != nil {
			return nil, core.EngineError("abs", err)
		}
		return &tensor.Tensor{T: out, Flavor: f, Scalar: f == tensor.NumPy && out.Rank() == 0}, nil
	}
	if x, ok := v.(*pyobj.Instance); ok {
		return pyobj.CallMethod(thread, x, "__abs__", nil, nil)
	}
	if b, ok := v.(starlark.Bool); ok {
		return boolAsInt(b), nil
	}
	return starlark.Call(thread, starlark.Universe["abs"], args, kwargs)
}

func pySum(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable starlark.Iterable
	var start starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &iterable, "start?", &start); err != nil {
		return nil, err
	}
	acc := start
	it := iterable.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		var err error
		acc, err = starlark.Binary(syntaxPlus, boolAsInt(acc), boolAsInt(x))
		if err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// boolAsInt returns a bool as the int it equals in Python, so that sum()
// adds bools as CPython does (sum([True, True]) == 2).
var boolAsInt = pyobj.BoolAsInt

// pyBoolInt implements __boolint__(x), which the front end wraps around
// bool-valued operands of arithmetic: a bool becomes 0 or 1.
func pyBoolInt(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("__boolint__", args, kwargs)
	if err != nil {
		return nil, err
	}
	return boolAsInt(v), nil
}

// pyIndex implements __index__(x, i), which the front end wraps around
// a lone subscript: when x is a list, tuple, str, bytes or range, a
// NumPy integer scalar i becomes the int it holds, as NumPy integers
// implement Python's __index__. For a dict x, i becomes the key of x
// equal to i in Python (1 for True, True for np.int64(1)) when x has
// one, because Starlark dicts compare keys of different types as
// unequal. Any other i comes back unchanged.
// The one-argument form __index__(i), for slice bounds, converts a NumPy
// integer i whatever the container. A bool i into a list, tuple, str,
// bytes or range becomes 0 or 1, as bool subclasses int.
func pyIndex(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__index__: want 1 or 2 arguments, got %d", len(args))
	}
	i := args[len(args)-1]
	if len(args) == 2 {
		switch x := args[0].(type) {
		case *starlark.List, starlark.Tuple, starlark.String, starlark.Bytes:
		case *starlark.Dict:
			key, _ := storedKey(x, i)
			return key, nil
		default:
			if x.Type() != "range" {
				return i, nil
			}
		}
	}
	if t, ok := i.(*tensor.Tensor); ok && t.T.DType().IsInt() {
		if n, ok := t.IndexValue(); ok {
			return starlark.MakeInt64(n), nil
		}
	}
	if b, ok := i.(starlark.Bool); ok && len(args) == 2 {
		return boolAsInt(b), nil
	}
	return i, nil
}

func pyRound(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var nd starlark.Value = starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if r, ok, err := tensor.RoundScalar(x, nd); ok {
		return r, err
	}
	x, err := scalarOf(x, "round")
	if err != nil {
		return nil, err
	}
	if i, ok := x.(starlark.Int); ok {
		return roundInt(i, nd)
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, pyobj.TypeErrorf("type %s doesn't define __round__ method", x.Type())
	}
	if nd == starlark.None {
		r := math.RoundToEven(f)
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return nil, pyobj.ValueErrorf("cannot convert float %s to integer", core.FormatFloat(f))
		}
		return starlark.NumberToInt(starlark.Float(r))
	}
	var n int
	if err := starlark.AsInt(nd, &n); err != nil {
		return nil, err
	}
	if n < 0 {
		// NOTE: CPython rounds through correctly rounded decimal
		// conversion; dividing by the power of ten first can differ from
		// it by one unit in the last place for very large values.
		scale := math.Pow(10, float64(-n))
		return starlark.Float(math.RoundToEven(f/scale) * scale), nil
	}
	// Round through the shortest decimal representation, as CPython does.
	s := strconv.FormatFloat(f, 'f', n, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return starlark.Float(r), nil
}

func pyCallable(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("callable", args, kwargs)
	if err != nil {
		return nil, err
	}
	_, ok := v.(starlark.Callable)
	return starlark.Bool(ok), nil
}

func pyID(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("id", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.MakeUint64(uint64(identity(v))), nil
}

func pyDivmod(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b starlark.Value
	if err := starlark.UnpackArgs("divmod", args, kwargs, "a", &a, "b", &b); err != nil {
		return nil, err
	}
	a, b = boolAsInt(a), boolAsInt(b)
	q, err := starlark.Binary(syntaxFloorDiv, a, b)
	if err != nil {
		return nil, err
	}
	r, err := starlark.Binary(syntaxMod, a, b)
	if err != nil {
		return nil, err
	}
	tensor.WarnDivmod(thread, a, b, q, r)
	return starlark.Tuple{q, r}, nil
}

func pyFormat(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	spec := ""
	if err := starlark.UnpackArgs("format", args, kwargs, "value", &v, "format_spec?", &spec); err != nil {
		return nil, err
	}
	s, err := formatValue(thread, v, spec)
	return starlark.String(s), err
}

// pyFString joins an f-string's parts: literal strings alternate with
// (value, conversion, spec) triples.
func pyFString(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var b strings.Builder
	parts := args
	if len(args) == 1 {
		if t, ok := args[0].(starlark.Tuple); ok {
			parts = t
		}
	}
	for _, p := range parts {
		switch x := p.(type) {
		case starlark.String:
			b.WriteString(string(x))
		case starlark.Tuple:
			if len(x) != 3 {
				return nil, fmt.Errorf("__fstring__: malformed replacement field")
			}
			v := x[0]
			conv, _ := starlark.AsString(x[1])
			spec, _ := starlark.AsString(x[2])
			switch conv {
			case "r", "a":
				s, err := core.Repr(thread, v)
				if err != nil {
					return nil, err
				}
				v = starlark.String(s)
			case "s":
				s, err := core.Str(thread, v)
				if err != nil {
					return nil, err
				}
				v = starlark.String(s)
			}
			s, err := formatValue(thread, v, spec)
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
		default:
			return nil, fmt.Errorf("__fstring__: unexpected part %s", p.Type())
		}
	}
	return starlark.String(b.String()), nil
}

func pyDelItem(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyobj.TypeErrorf("del needs a container and a key")
	}
	switch c := args[0].(type) {
	case *starlark.Dict:
		key, _ := storedKey(c, args[1])
		if _, found, err := c.Delete(key); err != nil {
			return nil, err
		} else if !found {
			s, _ := core.Repr(thread, args[1])
			return nil, pyobj.KeyErrorf("%s", s)
		}
		return starlark.None, nil
	case *starlark.List:
		if s, ok := args[1].(*core.Slice); ok {
			return starlark.None, deleteListSlice(c, s)
		}
		var i int
		if err := starlark.AsInt(args[1], &i); err != nil {
			return nil, pyobj.TypeErrorf("list indices must be integers or slices, not %s", args[1].Type())
		}
		n := c.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, pyobj.IndexErrorf("list assignment index out of range")
		}
		pop, _ := c.Attr("pop")
		_, err := starlark.Call(thread, pop, starlark.Tuple{starlark.MakeInt(i)}, nil)
		return starlark.None, err
	case *pyobj.Instance:
		return pyobj.CallMethod(thread, c, "__delitem__", starlark.Tuple{args[1]}, nil)
	}
	return nil, pyobj.TypeErrorf("'%s' object does not support item deletion", args[0].Type())
}

// chainOps maps the operator strings of __chain__ to comparison
// builtins of the object model.
var chainOps = map[string]string{"<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__", "==": "__eq__", "!=": "__ne__", "is": "__is__"}

// pyChain evaluates a < b < c: __chain__(x0, op1, f1, op2, f2, ...),
// where each f returns the next operand. It stops at the first false
// comparison and returns that result.
func pyChain(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 3 || len(args)%2 != 1 {
		return nil, pyobj.TypeErrorf("__chain__: malformed comparison chain")
	}
	builtins := objectModel
	left := args[0]
	var result starlark.Value = starlark.True
	for i := 1; i < len(args); i += 2 {
		op, _ := starlark.AsString(args[i])
		right, err := starlark.Call(thread, args[i+1], nil, nil)
		if err != nil {
			return nil, err
		}
		switch op {
		case "in", "not in":
			ok, err := containsValue(right, left)
			if err != nil {
				return nil, err
			}
			result = starlark.Bool(ok == (op == "in"))
		case "is not":
			r, err := starlark.Call(thread, builtins["__is__"], starlark.Tuple{left, right}, nil)
			if err != nil {
				return nil, err
			}
			result = !r.Truth()
		default:
			fn, ok := chainOps[op]
			if !ok {
				return nil, pyobj.TypeErrorf("__chain__: unknown operator %q", op)
			}
			if result, err = starlark.Call(thread, builtins[fn], starlark.Tuple{left, right}, nil); err != nil {
				return nil, err
			}
		}
		if !result.Truth() {
			return result, nil
		}
		left = right
	}
	return result, nil
}

func containsValue(container, x starlark.Value) (bool, error) {
	v, err := pythonContains(x, container)
	if err != nil {
		return false, err
	}
	return bool(v.Truth()), nil
}

// deleteListSlice implements del l[a:b:c].
func deleteListSlice(l *starlark.List, s *core.Slice) error {
	start, stop, step, err := s.Bounds()
	if err != nil {
		return pyobj.TypeErrorf("%v", err)
	}
	n := l.Len()
	lo, hi := sliceIndices(start, stop, step, n)
	drop := map[int]bool{}
	if step > 0 {
		for i := lo; i < hi; i += step {
			drop[i] = true
		}
	} else {
		for i := lo; i > hi; i += step {
			drop[i] = true
		}
	}
	var keep []starlark.Value
	for i := 0; i < n; i++ {
		if !drop[i] {
			keep = append(keep, l.Index(i))
		}
	}
	if err := l.Clear(); err != nil {
		return err
	}
	for _, v := range keep {
		if err := l.Append(v); err != nil {
			return err
		}
	}
	return nil
}

// sliceIndices applies Python's slice.indices: the start and stop of a
// slice over n elements, clamped, for the given step.
func sliceIndices(start, stop *int, step, n int) (int, int) {
	clamp := func(p *int, def, lo, hi int) int {
		if p == nil {
			return def
		}
		v := *p
		if v < 0 {
			v += n
		}
		return min(max(v, lo), hi)
	}
	if step > 0 {
		return clamp(start, 0, 0, n), clamp(stop, n, 0, n)
	}
	return clamp(start, n-1, -1, n-1), clamp(stop, -1, -1, n-1)
}

// formatValue applies a format spec as format() does. A 0-d tensor or
// array formats as its element when the spec is not empty, as NumPy's
// ndarray.__format__ does.
func formatValue(thread *starlark.Thread, v starlark.Value, spec string) (string, error) {
	// A NumPy scalar formats as the Python number it holds, even with an
	// empty spec: f"{np.float32(0.1)}" is 0.10000000149011612.
	if x, ok := v.(*tensor.Tensor); ok && x.Flavor == tensor.NumPy && x.Scalar {
		v = tensor.ElementValue(x.T, 0)
	}
	if spec != "" {
		if t, _, ok := tensor.Of(v); ok && t.Rank() == 0 {
			v = tensor.ElementValue(t, 0)
		}
	}
	return core.FormatValue(thread, v, spec)
}
