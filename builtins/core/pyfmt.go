package core

import (
	"math"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Reprer is implemented by values whose Python repr differs from their
// str (tensors, script instances with __repr__).
type Reprer interface {
	Repr() string
}

// Stringer is implemented by values whose Python str needs the thread,
// such as script instances with __str__.
type ThreadStringer interface {
	PyStr(thread *starlark.Thread) (string, error)
}

// ThreadReprer is implemented by values whose Python repr needs the
// thread, such as script instances with __repr__.
type ThreadReprer interface {
	PyRepr(thread *starlark.Thread) (string, error)
}

// FormatFloat formats a Python float as CPython's repr does: the
// shortest round-trip digits, scientific notation when the exponent is
// below -4 or at least 16, and ".0" on integral values.
func FormatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	exp := int(math.Floor(math.Log10(math.Abs(f))))
	s := strconv.FormatFloat(f, 'e', -1, 64)
	// The decimal exponent from strconv is exact; log10 can be off by one.
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp, _ = strconv.Atoi(s[i+1:])
	}
	if exp < -4 || exp >= 16 {
		mant, e, _ := strings.Cut(s, "e")
		sign := e[0]
		digits := strings.TrimLeft(e[1:], "0")
		if len(digits) < 2 {
			digits = strings.Repeat("0", 2-len(digits)) + digits
		}
		return mant + "e" + string(sign) + digits
	}
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// QuoteString returns CPython's repr of a str: single quotes unless the
// text contains a single quote and no double quote.
func QuoteString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatInt(int64(r)+0x100, 16)[1:])
		case r == 0xfffd:
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// Str returns Python's str(v).
func Str(thread *starlark.Thread, v starlark.Value) (string, error) {
	switch x := v.(type) {
	case starlark.String:
		return string(x), nil
	case ThreadStringer:
		return x.PyStr(thread)
	case *pyobj.Instance:
		return pyobj.Str(thread, x)
	case starlark.Float:
		return FormatFloat(float64(x)), nil
	case Reprer:
		// Values with their own repr (tensors, arrays) print their str
		// through String.
		return v.String(), nil
	}
	return Repr(thread, v)
}

// Repr returns Python's repr(v), recursing into containers so that
// strings inside lists print as ['a', 'b'] and floats as 1e-05.
func Repr(thread *starlark.Thread, v starlark.Value) (string, error) {
	var b strings.Builder
	err := writeRepr(thread, &b, v, 0)
	return b.String(), err
}

func writeRepr(thread *starlark.Thread, b *strings.Builder, v starlark.Value, depth int) error {
	if depth > 100 {
		b.WriteString("...")
		return nil
	}
	switch x := v.(type) {
	case starlark.NoneType:
		b.WriteString("None")
	case starlark.Bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case starlark.Float:
		b.WriteString(FormatFloat(float64(x)))
	case starlark.String:
		b.WriteString(QuoteString(string(x)))
	case starlark.Bytes:
		b.WriteString(pyobj.QuoteBytes(string(x)))
	case *starlark.List:
		return writeSeq(thread, b, "[", "]", x.Len(), x.Index, depth, false)
	case starlark.Tuple:
		return writeSeq(thread, b, "(", ")", x.Len(), x.Index, depth, x.Len() == 1)
	case *starlark.Dict:
		b.WriteString("{")
		for i, item := range x.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeRepr(thread, b, item[0], depth+1); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := writeRepr(thread, b, item[1], depth+1); err != nil {
				return err
			}
		}
		b.WriteString("}")
	case *starlark.Set:
		if x.Len() == 0 {
			b.WriteString("set()")
			return nil
		}
		var elems []starlark.Value
		it := x.Iterate()
		var e starlark.Value
		for it.Next(&e) {
			elems = append(elems, e)
		}
		it.Done()
		return writeSeq(thread, b, "{", "}", len(elems), func(i int) starlark.Value { return elems[i] }, depth, false)
	case *pyobj.Instance:
		s, err := pyobj.Repr(thread, x)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case ThreadReprer:
		s, err := x.PyRepr(thread)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case Reprer:
		b.WriteString(x.Repr())
	case *starlark.Function:
		// Python writes <function f at 0x...> and names a lambda
		// <lambda>. This repr omits the address, which varies per run.
		name := x.Name()
		if name == "lambda" {
			name = "<lambda>"
		}
		b.WriteString("<function " + name + ">")
	default:
		s := v.String()
		if v.Type() == "range" && !strings.Contains(s, ",") {
			// go.starlark.net writes range(3); Python writes range(0, 3).
			s = "range(0, " + strings.TrimPrefix(s, "range(")
		}
		b.WriteString(s)
	}
	return nil
}

func writeSeq(thread *starlark.Thread, b *strings.Builder, open, close string, n int, at func(int) starlark.Value, depth int, trailingComma bool) error {
	b.WriteString(open)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := writeRepr(thread, b, at(i), depth+1); err != nil {
			return err
		}
	}
	if trailingComma {
		b.WriteString(",")
	}
	b.WriteString(close)
	return nil
}
