package pyobj

import (
	"errors"
	"regexp"
	"strings"

	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// cancelPrefix starts the message of a thread stopped by Thread.Cancel,
// which this package uses to report errors from Truth, Len and iteration.
const cancelPrefix = "Starlark computation cancelled: "

// Classify maps an error to a Python exception type name and message.
// An *Error anywhere in the chain keeps its own class. Resolver errors
// for undefined names are NameError and other compile errors SyntaxError.
// Other messages, including those of go.starlark.net, map by their
// wording as messageRules lists, and everything else is RuntimeError.
// Classify returns ("", "") for a nil error.
func Classify(err error) (typ string, msg string) {
	if err == nil {
		return "", ""
	}

	var pyErr *Error
	if errors.As(err, &pyErr) {
		return pyErr.Type(), pyErr.Message()
	}
	// A Go panic is RuntimeError whatever its text says, such as a
	// runtime error "index out of range".
	var panicErr *PanicError
	if errors.As(err, &panicErr) {
		return "RuntimeError", panicErr.Error()
	}
	var resolveErrs resolve.ErrorList
	if errors.As(err, &resolveErrs) {
		msg := resolveErrs[0].Msg
		if strings.HasPrefix(msg, "undefined: ") {
			return "NameError", msg
		}
		return "SyntaxError", msg
	}
	var syntaxErr syntax.Error
	if errors.As(err, &syntaxErr) {
		return "SyntaxError", syntaxErr.Msg
	}

	msg = err.Error()
	var evalErr *starlark.EvalError
	if errors.As(err, &evalErr) {
		msg = evalErr.Msg
	}
	msg = strings.TrimPrefix(msg, cancelPrefix)

	if typ, rest, ok := splitExceptionPrefix(msg); ok {
		return typ, rest
	}
	if msg == starlarkStackOverflow {
		return "RecursionError", "maximum recursion depth exceeded"
	}
	for _, rule := range messageRules {
		if rule.pattern.MatchString(msg) {
			return rule.typ, msg
		}
	}
	return "RuntimeError", msg
}

// starlarkStackOverflow is go.starlark.net's whole message for a call
// stack past its depth limit, which Python calls RecursionError.
const starlarkStackOverflow = "Starlark stack overflow"

// splitExceptionPrefix splits "ValueError: msg", the text of an *Error
// that lost its type, such as the reason of a cancelled thread.
func splitExceptionPrefix(msg string) (typ, rest string, ok bool) {
	name, rest, found := strings.Cut(msg, ": ")
	if !found {
		name, rest = msg, ""
	}
	if ExceptionClass(name) == nil {
		return "", "", false
	}
	return name, rest, true
}

// messageRule maps error messages that match pattern to a Python type.
type messageRule struct {
	pattern *regexp.Regexp
	typ     string
}

// messageRules classify go.starlark.net's messages (as of
// v0.0.0-20260908191801) and Go errors of the same wording. The first
// match wins.
var messageRules = []messageRule{
	{regexp.MustCompile(`Starlark stack overflow|called recursively|maximum recursion depth`), "RecursionError"},
	{regexp.MustCompile(`division by zero|modulo by zero`), "ZeroDivisionError"},
	{regexp.MustCompile(`^int too large to convert to float`), "OverflowError"},
	{regexp.MustCompile(`^excessive repeat|^repeat count .* too large`), "MemoryError"},
	{regexp.MustCompile(`undefined: |not defined|referenced before assignment`), "NameError"},
	{regexp.MustCompile(`has no \.\S+ field or method|can't assign to \.\S+ field`), "AttributeError"},
	{regexp.MustCompile(`index .*out of range|out of range.*index|index out of range`), "IndexError"},
	{regexp.MustCompile(`^key .* not in |key not found|not in dict`), "KeyError"},
	{regexp.MustCompile(`too many values to unpack|too few values to unpack|invalid literal|` +
		`step argument must not be zero|slice step cannot be zero|is an empty sequence|` +
		`^r?index: substring not found|^r?(?:split|partition): empty separator|` +
		`^index: value not in list|^remove: element not found|` +
		`^chr: Unicode code point|^int: base must be`), "ValueError"},
	{regexp.MustCompile(`unknown binary op|unknown unary op|unhashable|` +
		`accepts no arguments|positional argument|got \d+ arguments?, want|missing \d+ arguments?|` +
		`missing argument|got multiple values|unexpected keyword argument|` +
		`invalid call of non-function|not iterable|does not support item assignment|` +
		`unhandled index operation|has no len|not implemented$|for parameter|got \S+, want \S+|` +
		`invalid slice operand|argument after \*|keywords must be strings|` +
		`^ord: string encodes`), "TypeError"},
	{regexp.MustCompile(`^load: |load not implemented|cannot load`), "ImportError"},
}
