package syntax

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
	starsyntax "go.starlark.net/syntax"
)

// This file defines small Go stand-ins for the runtime builtins that the
// desugared code calls, so tests can compile and run parsed files with
// go.starlark.net. They are written so that the programs under testdata
// print the same text under CPython, which is how their expected output
// was recorded.

// named is an opaque value that prints as its name, such as Ellipsis.
type named string

func (n named) String() string        { return string(n) }
func (n named) Type() string          { return "named" }
func (n named) Freeze()               {}
func (n named) Truth() starlark.Bool  { return true }
func (n named) Hash() (uint32, error) { return starlark.String(n).Hash() }

// fakeModule is a stand-in for an imported module. Each attribute is
// another fake module named by the dotted path.
type fakeModule struct{ name string }

func (m *fakeModule) String() string        { return "<module '" + m.name + "'>" }
func (m *fakeModule) Type() string          { return "module" }
func (m *fakeModule) Freeze()               {}
func (m *fakeModule) Truth() starlark.Bool  { return true }
func (m *fakeModule) Hash() (uint32, error) { return starlark.String(m.name).Hash() }
func (m *fakeModule) AttrNames() []string   { return nil }
func (m *fakeModule) Attr(name string) (starlark.Value, error) {
	return &fakeModule{m.name + "." + name}, nil
}

// recorder returns each index it is given, prints each item assignment
// and deletion, and accepts any attribute deletion.
type recorder struct{ thread *starlark.Thread }

func (r *recorder) String() string        { return "recorder" }
func (r *recorder) Type() string          { return "recorder" }
func (r *recorder) Freeze()               {}
func (r *recorder) Truth() starlark.Bool  { return true }
func (r *recorder) Hash() (uint32, error) { return 0, errors.New("unhashable: recorder") }
func (r *recorder) Get(k starlark.Value) (starlark.Value, bool, error) {
	return k, true, nil
}
func (r *recorder) SetKey(k, v starlark.Value) error {
	r.thread.Print(r.thread, fmt.Sprintf("set %s %s", k, v))
	return nil
}

func builtin(name string, fn func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return fn(thread, args)
	})
}

func compareBuiltin(name string, op starsyntax.Token) *starlark.Builtin {
	return builtin(name, func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, fmt.Errorf("%s: got %d arguments, want 2", name, len(args))
		}
		ok, err := starlark.Compare(op, args[0], args[1])
		return starlark.Bool(ok), err
	})
}

var chainOps = map[string]starsyntax.Token{
	"<": starsyntax.LT, "<=": starsyntax.LE, ">": starsyntax.GT, ">=": starsyntax.GE,
	"==": starsyntax.EQL, "!=": starsyntax.NEQ, "in": starsyntax.IN, "not in": starsyntax.NOT_IN,
}

func applyChainOp(op string, x, y starlark.Value) (starlark.Value, error) {
	switch op {
	case "is":
		return starlark.Bool(identical(x, y)), nil
	case "is not":
		return starlark.Bool(!identical(x, y)), nil
	case "in", "not in":
		return starlark.Binary(chainOps[op], x, y)
	}
	ok, err := starlark.Compare(chainOps[op], x, y)
	return starlark.Bool(ok), err
}

// identical approximates Python's "is" for the values tests use.
func identical(x, y starlark.Value) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return x == y
}

func standinChain(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	left := args[0]
	var result starlark.Value = starlark.True
	for k := 1; k+1 < len(args); k += 2 {
		op := string(args[k].(starlark.String))
		right, err := starlark.Call(thread, args[k+1], nil, nil)
		if err != nil {
			return nil, err
		}
		result, err = applyChainOp(op, left, right)
		if err != nil || !result.Truth() {
			return result, err
		}
		left = right
	}
	return result, nil
}

func standinPow(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	x, y := args[0], args[1]
	xi, xok := x.(starlark.Int)
	yi, yok := y.(starlark.Int)
	if xok && yok && yi.Sign() >= 0 {
		return starlark.MakeBigInt(new(big.Int).Exp(xi.BigInt(), yi.BigInt(), nil)), nil
	}
	xf, ok1 := starlark.AsFloat(x)
	yf, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("unsupported operand type(s) for **: %s and %s", x.Type(), y.Type())
	}
	return starlark.Float(math.Pow(xf, yf)), nil
}

const yieldsKey = "yields"

// standinGenerator runs a generator body eagerly and returns the list of
// values it yielded.
func standinGenerator(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	outer, _ := thread.Local(yieldsKey).(*[]starlark.Value)
	var yields []starlark.Value
	thread.SetLocal(yieldsKey, &yields)
	_, err := starlark.Call(thread, args[0], nil, nil)
	thread.SetLocal(yieldsKey, outer)
	return starlark.NewList(yields), err
}

func standinYield(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	yields := thread.Local(yieldsKey).(*[]starlark.Value)
	*yields = append(*yields, args[0])
	return starlark.None, nil
}

func standinYieldFrom(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	yields := thread.Local(yieldsKey).(*[]starlark.Value)
	iter := starlark.Iterate(args[0])
	if iter == nil {
		return nil, fmt.Errorf("yield from: %s is not iterable", args[0].Type())
	}
	defer iter.Done()
	var v starlark.Value
	for iter.Next(&v) {
		*yields = append(*yields, v)
	}
	return starlark.None, nil
}

// standinClass builds a struct from the class body's namespace.
func standinClass(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	ns, err := starlark.Call(thread, args[2], nil, nil)
	if err != nil {
		return nil, err
	}
	var doc starlark.Value = starlark.None
	if args[3] != starlark.String("") {
		doc = args[3]
	}
	dict := starlark.StringDict{"__name__": args[0], "__bases__": args[1], "__doc__": doc}
	for _, item := range ns.(*starlark.Dict).Items() {
		dict[string(item[0].(starlark.String))] = item[1]
	}
	return starlarkstruct.FromStringDict(starlark.String("class"), dict), nil
}

func standinSuper(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	var parts []string
	for _, arg := range args {
		if s, ok := arg.(*starlarkstruct.Struct); ok {
			name, _ := s.Attr("__name__")
			parts = append(parts, string(name.(starlark.String)))
		} else {
			parts = append(parts, arg.String())
		}
	}
	return named("super(" + strings.Join(parts, ", ") + ")"), nil
}

func str(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return string(s)
	}
	return v.String()
}

// pyRepr is Python's repr for the scalar values tests format.
func pyRepr(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return "'" + string(s) + "'"
	}
	return v.String()
}

func standinFString(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	var b strings.Builder
	for k, part := range args[0].(starlark.Tuple) {
		if k%2 == 0 {
			b.WriteString(string(part.(starlark.String)))
			continue
		}
		field := part.(starlark.Tuple)
		value := field[0]
		switch field[1].(starlark.String) {
		case "r", "a":
			value = starlark.String(pyRepr(value))
		case "s":
			value = starlark.String(str(value))
		}
		text, err := formatSpec(value, string(field[2].(starlark.String)))
		if err != nil {
			return nil, err
		}
		b.WriteString(text)
	}
	return starlark.String(b.String()), nil
}

// formatSpec applies the subset of Python's format mini-language the
// tests use: [[fill]align][width][.precision][type] with types d, f, e, s.
func formatSpec(v starlark.Value, spec string) (string, error) {
	fill, align := " ", byte(0)
	if len(spec) >= 2 && strings.ContainsRune("<>^", rune(spec[1])) {
		fill, align, spec = spec[:1], spec[1], spec[2:]
	} else if len(spec) >= 1 && strings.ContainsRune("<>^", rune(spec[0])) {
		align, spec = spec[0], spec[1:]
	}
	if align == 0 && strings.HasPrefix(spec, "0") {
		fill, align = "0", '>'
	}

	kind := byte(0)
	if n := len(spec); n > 0 && strings.ContainsRune("dfes", rune(spec[n-1])) {
		kind, spec = spec[n-1], spec[:n-1]
	}
	widthText, precText, hasPrec := strings.Cut(spec, ".")
	width, _ := strconv.Atoi(widthText)
	prec, _ := strconv.Atoi(precText)
	if !hasPrec {
		prec = 6
	}

	var text string
	f, isNumber := starlark.AsFloat(v)
	switch {
	case kind == 'd':
		text = v.String()
	case kind == 'f' && isNumber:
		text = strconv.FormatFloat(f, 'f', prec, 64)
	case kind == 'e' && isNumber:
		text = fmt.Sprintf("%.*e", prec, f)
	case kind == 'f' || kind == 'e':
		return "", fmt.Errorf("format spec %q needs a number, got %s", spec, v.Type())
	default:
		text = str(v)
	}

	if align == 0 {
		align = '<'
		if isNumber {
			align = '>'
		}
	}
	pad := width - len([]rune(text))
	if pad <= 0 {
		return text, nil
	}
	switch align {
	case '<':
		return text + strings.Repeat(fill, pad), nil
	case '^':
		return strings.Repeat(fill, pad/2) + text + strings.Repeat(fill, pad-pad/2), nil
	}
	return strings.Repeat(fill, pad) + text, nil
}

// standins returns the predeclared environment for test programs.
func standins() starlark.StringDict {
	env := starlark.StringDict{
		"__name__": starlark.String("__main__"),
		"Ellipsis": named("Ellipsis"),
		"__lt__":   compareBuiltin("__lt__", starsyntax.LT),
		"__le__":   compareBuiltin("__le__", starsyntax.LE),
		"__gt__":   compareBuiltin("__gt__", starsyntax.GT),
		"__ge__":   compareBuiltin("__ge__", starsyntax.GE),
		"__eq__":   compareBuiltin("__eq__", starsyntax.EQL),
		"__ne__":   compareBuiltin("__ne__", starsyntax.NEQ),
		"__is__": builtin("__is__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(identical(args[0], args[1])), nil
		}),
		"__chain__":      builtin("__chain__", standinChain),
		"__pow__":        builtin("__pow__", standinPow),
		"__generator__":  builtin("__generator__", standinGenerator),
		"__yield__":      builtin("__yield__", standinYield),
		"__yield_from__": builtin("__yield_from__", standinYieldFrom),
		"__class__":      builtin("__class__", standinClass),
		"super":          builtin("super", standinSuper),
		"__fstring__":    builtin("__fstring__", standinFString),
		"__matmul__": builtin("__matmul__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return starlark.Tuple{starlark.String("matmul"), args[0], args[1]}, nil
		}),
		"__assert_fail__": builtin("__assert_fail__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if args[0] == starlark.None {
				return nil, errors.New("AssertionError")
			}
			return nil, fmt.Errorf("AssertionError: %s", str(args[0]))
		}),
		"__import__": builtin("__import__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			top, _, _ := strings.Cut(string(args[0].(starlark.String)), ".")
			return &fakeModule{top}, nil
		}),
		"__import_module__": builtin("__import_module__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return &fakeModule{string(args[0].(starlark.String))}, nil
		}),
		"__import_from__": builtin("__import_from__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return &fakeModule{string(args[0].(starlark.String)) + "." + string(args[1].(starlark.String))}, nil
		}),
		"__delitem__": builtin("__delitem__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if d, ok := args[0].(*starlark.Dict); ok {
				_, _, err := d.Delete(args[1])
				return starlark.None, err
			}
			thread.Print(thread, "del "+args[1].String())
			return starlark.None, nil
		}),
		"__delattr__": builtin("__delattr__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			thread.Print(thread, "delattr "+str(args[1]))
			return starlark.None, nil
		}),
		"slice": builtin("slice", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return named(fmt.Sprintf("slice(%s, %s, %s)", args[0], args[1], args[2])), nil
		}),
		"Recorder": builtin("Recorder", func(thread *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
			return &recorder{thread}, nil
		}),
		"sum": builtin("sum", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			var total starlark.Value = starlark.MakeInt(0)
			iter := starlark.Iterate(args[0])
			defer iter.Done()
			var x starlark.Value
			for iter.Next(&x) {
				var err error
				if total, err = starlark.Binary(starsyntax.PLUS, total, x); err != nil {
					return nil, err
				}
			}
			return total, nil
		}),
		"staticmethod": builtin("staticmethod", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return args[0], nil
		}),
		"__index__": builtin("__index__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return args[len(args)-1], nil
		}),
		"__boolint__": builtin("__boolint__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if b, ok := args[0].(starlark.Bool); ok {
				if b {
					return starlark.MakeInt(1), nil
				}
				return starlark.MakeInt(0), nil
			}
			return args[0], nil
		}),
		"__mod__": builtin("__mod__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return starlark.Binary(starsyntax.PERCENT, args[0], args[1])
		}),
		"__augassign__": builtin("__augassign__", standinAugAssign),
		"__getitem__":   builtin("__getitem__", standinGetItem),
		"__getslice__":  builtin("__getslice__", standinGetSlice),
		"__binop__":     builtin("__binop__", standinBinop),
		"__in__": builtin("__in__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return starlark.Binary(starsyntax.IN, args[0], args[1])
		}),
	}
	for name, fn := range blockStandins() {
		env[name] = fn
	}

	return env
}

// runResult is the outcome of parsing and running a program.
type runResult struct {
	output string
	err    error // a *SyntaxError, a resolver error, or a *starlark.EvalError
}

// runProgram parses src, compiles it with go.starlark.net and runs it
// with the stand-ins, collecting printed output.
func runProgram(filename, src string) runResult {
	f, err := Parse(filename, []byte(src))
	if err != nil {
		return runResult{err: err}
	}
	env := standins()
	prog, err := starlark.FileProgram(f, env.Has)
	if err != nil {
		return runResult{err: err}
	}
	var out strings.Builder
	thread := &starlark.Thread{Name: "test", Print: func(_ *starlark.Thread, msg string) {
		out.WriteString(msg)
		out.WriteByte('\n')
	}}
	_, err = prog.Init(thread, env)
	return runResult{output: out.String(), err: err}
}

// augmentedTokens maps an augmented operator to its binary operator.
var augmentedTokens = map[string]starsyntax.Token{
	"+=": starsyntax.PLUS, "-=": starsyntax.MINUS, "*=": starsyntax.STAR,
	"/=": starsyntax.SLASH, "//=": starsyntax.SLASHSLASH, "&=": starsyntax.AMP,
	"|=": starsyntax.PIPE, "^=": starsyntax.CIRCUMFLEX, "<<=": starsyntax.LTLT,
	">>=": starsyntax.GTGT,
}

// standinAugAssign computes __augassign__(x, op, y): list += extends x
// in place, and any other operator applies the binary operator.
func standinAugAssign(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	op := string(args[1].(starlark.String))
	if list, ok := args[0].(*starlark.List); ok && op == "+=" {
		if y, ok := args[2].(starlark.Iterable); ok {
			var elems []starlark.Value
			starlark.Elements(y)(func(v starlark.Value) bool {
				elems = append(elems, v)
				return true
			})
			for _, v := range elems {
				if err := list.Append(v); err != nil {
					return nil, err
				}
			}
			return list, nil
		}
	}
	x := args[0]
	if b, ok := x.(starlark.Bool); ok {
		x = starlark.MakeInt(0)
		if b {
			x = starlark.MakeInt(1)
		}
	}
	return starlark.Binary(augmentedTokens[op], x, args[2])
}

// standinGetItem computes __getitem__(x, i) as Starlark's x[i] does.
func standinGetItem(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	switch x := args[0].(type) {
	case starlark.Mapping:
		v, found, err := x.Get(args[1])
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("key %v not in %s", args[1], x.Type())
		}
		return v, nil
	case starlark.Indexable:
		i, err := starlark.AsInt32(args[1])
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i += x.Len()
		}
		if i < 0 || i >= x.Len() {
			return nil, fmt.Errorf("%s index out of range", x.Type())
		}
		return x.Index(i), nil
	}
	return nil, fmt.Errorf("unhandled index operation %s", args[0].Type())
}

// standinGetSlice computes __getslice__(x, lo, hi, step) by running
// Starlark's own slice expression on x.
func standinGetSlice(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	env := starlark.StringDict{"x": args[0], "lo": args[1], "hi": args[2], "step": args[3]}
	return starlark.Eval(thread, "<slice>", "x[lo:hi:step]", env)
}

// standinBinop computes __binop__(x, op, y) with bools as ints.
func standinBinop(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	ops := map[string]starsyntax.Token{"+": starsyntax.PLUS, "-": starsyntax.MINUS, "*": starsyntax.STAR,
		"/": starsyntax.SLASH, "//": starsyntax.SLASHSLASH, "<<": starsyntax.LTLT, ">>": starsyntax.GTGT,
		"&": starsyntax.AMP, "|": starsyntax.PIPE, "^": starsyntax.CIRCUMFLEX}
	x, y := args[0], args[2]
	if b, ok := x.(starlark.Bool); ok {
		x = starlark.MakeInt(map[bool]int{false: 0, true: 1}[bool(b)])
	}
	if b, ok := y.(starlark.Bool); ok {
		y = starlark.MakeInt(map[bool]int{false: 0, true: 1}[bool(b)])
	}
	return starlark.Binary(ops[string(args[1].(starlark.String))], x, y)
}
