package pyobj

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
)

// Str returns str(v) as Python computes it: __str__ for instances, the
// text itself for strings, and Repr for everything else.
func Str(thread *starlark.Thread, v starlark.Value) (string, error) {
	switch v := v.(type) {
	case *Instance:
		return strOf(thread, v)
	case starlark.String:
		return string(v), nil
	}
	return Repr(thread, v)
}

// Repr returns repr(v) as Python computes it: __repr__ for instances,
// single-quoted strings, Python's float format, and the same rules
// applied inside lists, tuples and dicts. Other values use their String
// method.
func Repr(thread *starlark.Thread, v starlark.Value) (string, error) {
	var b strings.Builder
	if err := writeRepr(thread, &b, v, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

// maxReprDepth stops repr of a container that contains itself.
const maxReprDepth = 100

func writeRepr(thread *starlark.Thread, b *strings.Builder, v starlark.Value, depth int) error {
	if depth > maxReprDepth {
		b.WriteString("...")
		return nil
	}
	switch v := v.(type) {
	case *Instance:
		s, err := reprOf(thread, v)
		b.WriteString(s)
		return err
	case starlark.String:
		b.WriteString(quote(string(v)))
	case starlark.Bytes:
		b.WriteString(QuoteBytes(string(v)))
	case starlark.Float:
		b.WriteString(formatFloat(float64(v)))
	case *starlark.List:
		return writeElems(thread, b, "[", "]", listElems(v), depth)
	case starlark.Tuple:
		close := ")"
		if len(v) == 1 {
			close = ",)"
		}
		return writeElems(thread, b, "(", close, v, depth)
	case *starlark.Dict:
		return writeDict(thread, b, v, depth)
	default:
		b.WriteString(v.String())
	}
	return nil
}

func listElems(l *starlark.List) []starlark.Value {
	elems := make([]starlark.Value, l.Len())
	for i := range elems {
		elems[i] = l.Index(i)
	}
	return elems
}

func writeElems(thread *starlark.Thread, b *strings.Builder, open, close string, elems []starlark.Value, depth int) error {
	b.WriteString(open)
	for i, elem := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := writeRepr(thread, b, elem, depth+1); err != nil {
			return err
		}
	}
	b.WriteString(close)
	return nil
}

func writeDict(thread *starlark.Thread, b *strings.Builder, d *starlark.Dict, depth int) error {
	b.WriteString("{")
	for i, item := range d.Items() {
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
	return nil
}

// quote returns Python's repr of a string: single quotes unless the text
// contains a single quote and no double quote.
func quote(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
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
		case r == unicode.ReplacementChar || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// formatFloat formats f as Python's repr does: the shortest digits that
// round-trip, in positional notation for exponents from -4 to 15 and in
// scientific notation otherwise.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sci := strconv.FormatFloat(f, 'e', -1, 64)
	mantissa, expText, _ := strings.Cut(sci, "e")
	exp, _ := strconv.Atoi(expText)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mantissa, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// QuoteBytes returns CPython's repr of a bytes object: b'...' in single
// quotes unless the bytes contain a single quote and no double quote,
// with bytes outside printable ASCII written as \t, \n, \r or \xhh.
func QuoteBytes(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
