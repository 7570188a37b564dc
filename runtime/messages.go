package runtime

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// go.starlark.net words its errors its own way ("key "k" not in dict",
// "unknown binary op: int + string"). The runtime rewords the common ones
// as CPython 3.11 does, both for tracebacks and for exceptions an except
// clause catches, so that scripts print what they print under Python.

// messageRewrite rewrites a go.starlark.net message that pattern
// matches.
type messageRewrite struct {
	pattern *regexp.Regexp
	rewrite func(m []string) string
}

var starlarkTypeNames = map[string]string{
	"string": "str", "NoneType": "NoneType", "int": "int", "float": "float",
	"list": "list", "tuple": "tuple", "dict": "dict", "bool": "bool",
	"builtin_function_or_method": "builtin_function_or_method", "function": "function",
}

func pythonTypeWord(t string) string {
	if name, ok := starlarkTypeNames[t]; ok {
		return name
	}
	return t
}

var messageRewrites = []messageRewrite{
	{regexp.MustCompile(`^(?:(list|tuple|string|bytes|range) )?index -?\d+ out of range`), func(m []string) string {
		switch m[1] {
		case "":
			return "list index out of range"
		case "range":
			return "range object index out of range"
		case "bytes":
			return "index out of range"
		}
		return pythonTypeWord(m[1]) + " index out of range"
	}},
	{regexp.MustCompile(`^int: invalid literal with base (\d+): (.*)$`), func(m []string) string {
		return fmt.Sprintf("invalid literal for int() with base %s: %s", m[1], core.QuoteString(m[2]))
	}},
	{regexp.MustCompile(`^unknown binary op: (\S+) (\S+) (\S+)$`), func(m []string) string {
		return binaryOpMessage(pythonTypeWord(m[1]), m[2], pythonTypeWord(m[3]))
	}},
	{regexp.MustCompile(`^(?:(?:max|min|sorted): )?(\S+) (<|<=|>|>=) (\S+) not implemented$`), func(m []string) string {
		return fmt.Sprintf("'%s' not supported between instances of '%s' and '%s'", m[2], pythonTypeWord(m[1]), pythonTypeWord(m[3]))
	}},
	{regexp.MustCompile(`^unknown unary op: (\S+) (\S+)$`), func(m []string) string {
		return fmt.Sprintf("bad operand type for unary %s: '%s'", m[1], pythonTypeWord(m[2]))
	}},
	{regexp.MustCompile(`^(?:floating-point division|floored division|integer modulo|floating-point modulo) by zero$`), func(m []string) string {
		return zeroDivisionMessages[m[0]]
	}},
	{regexp.MustCompile(`^(\S+) has no \.(\w+) field or method`), func(m []string) string {
		return fmt.Sprintf("'%s' object has no attribute '%s'", pythonTypeWord(m[1]), m[2])
	}},
	{regexp.MustCompile(`^local variable (\w+) referenced before assignment$`), func(m []string) string {
		return fmt.Sprintf("cannot access local variable '%s' where it is not associated with a value", m[1])
	}},
	{regexp.MustCompile(`^global variable (\w+) referenced before assignment$`), func(m []string) string {
		return fmt.Sprintf("name '%s' is not defined", m[1])
	}},
	{regexp.MustCompile(`^function (\S+) missing (\d+) arguments? \((.*)\)$`), func(m []string) string {
		names := strings.Split(m[3], ", ")
		for i, n := range names {
			names[i] = "'" + n + "'"
		}
		plural := "argument"
		if len(names) > 1 {
			plural = "arguments"
		}
		return fmt.Sprintf("%s() missing %s required positional %s: %s", m[1], m[2], plural, joinNames(names))
	}},
	{regexp.MustCompile(`^function (\S+) got an unexpected keyword argument (\S+)$`), func(m []string) string {
		// go.starlark.net quotes the name already.
		name, err := strconv.Unquote(m[2])
		if err != nil {
			name = m[2]
		}
		return fmt.Sprintf("%s() got an unexpected keyword argument '%s'", m[1], name)
	}},
	{regexp.MustCompile(`^function (\S+) accepts at most (\d+) positional arguments? \((\d+) given\)$`), func(m []string) string {
		return fmt.Sprintf("%s() takes %s positional arguments but %s were given", m[1], m[2], m[3])
	}},
	{regexp.MustCompile(`^invalid call of non-function \((\S+)\)$`), func(m []string) string {
		return fmt.Sprintf("'%s' object is not callable", pythonTypeWord(m[1]))
	}},
	{regexp.MustCompile(`^unhandled index operation (\S+)\[\S+\]$`), func(m []string) string {
		return fmt.Sprintf("'%s' object is not subscriptable", pythonTypeWord(m[1]))
	}},
	{regexp.MustCompile(`^required parameter may not follow optional$`), func(m []string) string {
		return "non-default argument follows default argument"
	}},
	{regexp.MustCompile(`^duplicate parameter: (\w+)$`), func(m []string) string {
		return fmt.Sprintf("duplicate argument '%s' in function definition", m[1])
	}},
	{regexp.MustCompile(`^bare \* must be followed by keyword-only parameters$`), func(m []string) string {
		return "named arguments must follow bare *"
	}},
	{regexp.MustCompile(`^unhashable type: (\S+)$`), func(m []string) string {
		return fmt.Sprintf("unhashable type: '%s'", strings.Trim(pythonTypeWord(m[1]), "'"))
	}},
	{regexp.MustCompile(`^(?:got|for parameter \d+: got) (\S+), want iterable$|^(\S+) value is not iterable$`), func(m []string) string {
		t := m[1]
		if t == "" {
			t = m[2]
		}
		return fmt.Sprintf("'%s' object is not iterable", pythonTypeWord(t))
	}},
}

// zeroDivisionMessages maps go.starlark.net's ZeroDivisionError messages
// to CPython 3.11's. CPython words / and // by operand type: 1 / 0
// raises "division by zero" and 1.0 / 0 "float division by zero".
//
// NOTE: go.starlark.net's message does not say whether an operand of /
// or // was a float, so a float division by zero gets the int message.
var zeroDivisionMessages = map[string]string{
	"floating-point division by zero": "division by zero",
	"floored division by zero":        "integer division or modulo by zero",
	"integer modulo by zero":          "integer modulo by zero",
	"floating-point modulo by zero":   "float modulo",
}

// binaryOpMessage returns CPython 3.11's TypeError message for x op y
// on types that do not support it.
func binaryOpMessage(x, op, y string) string {
	sequence := x == "str" || x == "list" || x == "tuple"
	base := strings.TrimSuffix(op, "=") // x += y words its errors as x + y does
	switch {
	case base == "+" && sequence:
		return fmt.Sprintf("can only concatenate %s (not \"%s\") to %s", x, y, x)
	case base == "*" && sequence && y != "int":
		return fmt.Sprintf("can't multiply sequence by non-int of type '%s'", y)
	}
	return fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", op, x, y)
}

// joinNames joins quoted names as CPython does: 'a', 'b' and 'c'.
func joinNames(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

// keyNotInDict matches go.starlark.net's message for a missing dict key.
var keyNotInDict = regexp.MustCompile(`^key (.+) not in dict$`)

// pythonMessage rewords msg, the message of an exception of type typ,
// as CPython would word it.
func pythonMessage(typ, msg string) string {
	if typ == "KeyError" {
		if m := keyNotInDict.FindStringSubmatch(msg); m != nil {
			s, _ := pyReprOf(parseStarlarkKey(m[1]))
			return s
		}
	}
	if s, ok := pythonMethodMessage(msg); ok {
		return s
	}
	for _, r := range messageRewrites {
		if m := r.pattern.FindStringSubmatch(msg); m != nil {
			return r.rewrite(m)
		}
	}
	return msg
}

// parseStarlarkKey recovers a dict key from its Starlark repr in an
// error message: a string or an int, and otherwise the text itself.
func parseStarlarkKey(text string) starlark.Value {
	if s, err := strconv.Unquote(text); err == nil {
		return starlark.String(s)
	}
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		return starlark.MakeInt64(i)
	}
	return starlark.String(text)
}

func pyReprOf(v starlark.Value) (string, error) {
	if s, ok := v.(starlark.String); ok {
		return core.QuoteString(string(s)), nil
	}
	return v.String(), nil
}

// exceptionOf returns the exception instance for an error an except
// clause catches on thread: the instance a Python exception carries, or a new
// instance whose type and message are those Python would give. A
// missing dict key becomes KeyError(key).
func exceptionOf(thread *starlark.Thread, err error) *pyobj.Instance {
	var pe *pyobj.Error
	if errors.As(err, &pe) {
		return pe.Exception()
	}
	typ, msg := pyobj.Classify(err)
	if text, ok := callErrorMessage(thread, err, msg); ok {
		msg = text
	}
	if typ == "KeyError" {
		if m := keyNotInDict.FindStringSubmatch(msg); m != nil {
			exc := pyobj.NewError(pyobj.KeyError, "%s", "").Exception()
			_ = exc.DictSet("args", starlark.Tuple{parseStarlarkKey(m[1])})
			return exc
		}
	}
	cls := pyobj.ExceptionClass(typ)
	if cls == nil {
		cls = pyobj.RuntimeError
	}
	return pyobj.NewError(cls, "%s", pythonMessage(typ, msg)).Exception()
}
