package runtime

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/starlark"
)

// go.starlark.net words an argument-binding error with the function's
// bare name ("function g accepts 2 positional arguments (3 given)").
// CPython 3.11 names the function by its __qualname__ and counts
// parameters the message alone does not show, so the runtime looks up
// the signature the front end recorded for the failing function, whose
// frame is the innermost one of the error.

var (
	noArgumentsError   = regexp.MustCompile(`^function (\S+) accepts no arguments \((\d+) given\)$`)
	tooManyError       = regexp.MustCompile(`^function (\S+) accepts (?:at most )?\d+ positional arguments? \((\d+) given\)$`)
	multipleValueError = regexp.MustCompile(`^function (\S+) got multiple values for parameter "(\w+)"$`)
	unexpectedKwError  = regexp.MustCompile(`^function (\S+) got an unexpected keyword argument "(\w+)"$`)
	missingError       = regexp.MustCompile(`^function (\S+) missing \d+ arguments? \((.*)\)$`)
)

// boundCall is a failed call of a script function: its signature and
// the keyword names the call passed, or nil when the call site is
// unknown or passes "**mapping".
type boundCall struct {
	sig      syntax.Signature
	keywords []string
}

// callErrorMessage rewords msg, a go.starlark.net argument-binding error
// raised in err's innermost frame, as CPython 3.11 words it. It returns
// false when msg is no such error or the function's signature is
// unknown.
func callErrorMessage(thread *starlark.Thread, err error, msg string) (string, bool) {
	if !strings.HasPrefix(msg, "function ") {
		return "", false
	}
	rt := runtimeOf(thread)
	stack := innermostStack(err)
	if rt == nil || len(stack) == 0 {
		return "", false
	}
	call, ok := rt.boundCallOf(stack)
	if !ok {
		return "", false
	}
	if m := noArgumentsError.FindStringSubmatch(msg); m != nil && call.matches(m[1]) {
		given, _ := strconv.Atoi(m[2])
		return call.tooManyPositional(given - len(call.keywords)), true
	}
	if m := tooManyError.FindStringSubmatch(msg); m != nil && call.matches(m[1]) {
		given, _ := strconv.Atoi(m[2])
		return call.tooManyPositional(given), true
	}
	if m := multipleValueError.FindStringSubmatch(msg); m != nil && call.matches(m[1]) {
		return fmt.Sprintf("%s() got multiple values for argument '%s'", call.sig.Qualname, m[2]), true
	}
	if m := unexpectedKwError.FindStringSubmatch(msg); m != nil && call.matches(m[1]) {
		return fmt.Sprintf("%s() got an unexpected keyword argument '%s'", call.sig.Qualname, m[2]), true
	}
	if m := missingError.FindStringSubmatch(msg); m != nil && call.matches(m[1]) {
		return call.missing(strings.Split(m[2], ", ")), true
	}
	return "", false
}

// innermostStack returns the call stack of the innermost
// *starlark.EvalError in err's chain, where the error was raised.
func innermostStack(err error) starlark.CallStack {
	var stack starlark.CallStack
	for err != nil {
		var ee *starlark.EvalError
		if !errors.As(err, &ee) {
			break
		}
		stack = ee.CallStack
		err = ee.Unwrap()
	}
	return stack
}

// boundCallOf finds the signature of the function in the top frame of
// stack, and the keywords of the call below it.
func (rt *Runtime) boundCallOf(stack starlark.CallStack) (boundCall, bool) {
	top := stack[len(stack)-1]
	sig, ok := rt.signatureAt(top.Pos.Filename(), top.Name, syntax.Pos{Line: top.Pos.Line, Col: top.Pos.Col})
	if !ok {
		return boundCall{}, false
	}
	call := boundCall{sig: sig}
	site, ok := callSite(stack, top.Name)
	if ok {
		call.keywords = rt.callKeywordsAt(site.Pos.Filename(), syntax.Pos{Line: site.Pos.Line, Col: site.Pos.Col})
	}
	return call, true
}

// callSite returns the frame of the script call that called the top
// frame directly, or through a class call for __init__. Through any
// other Go builtin (map, functools.partial) the call's arguments may
// differ from the callee's, so there is no call site.
func callSite(stack starlark.CallStack, callee string) (starlark.CallFrame, bool) {
	n := len(stack)
	if n >= 2 && stack[n-2].Pos.Line != 0 {
		return stack[n-2], true
	}
	if callee == "__init__" && n >= 3 && stack[n-2].Pos.Line == 0 && stack[n-3].Pos.Line != 0 {
		return stack[n-3], true
	}
	return starlark.CallFrame{}, false
}

// matches reports whether name, the function a message names, is the
// function whose signature c holds.
func (c boundCall) matches(name string) bool { return name == c.sig.Name }

// tooManyPositional words the error for given positional arguments
// beyond the signature's, after the keyword errors CPython reports
// first, as ceval.c's too_many_positional does.
func (c boundCall) tooManyPositional(given int) string {
	if msg, ok := c.keywordError(given); ok {
		return msg
	}
	n := len(c.sig.Positional)
	var takes string
	plural := true
	if c.sig.Defaults > 0 {
		takes = fmt.Sprintf("from %d to %d", n-c.sig.Defaults, n)
	} else {
		takes = strconv.Itoa(n)
		plural = n != 1
	}
	kwonlyGiven := 0
	for _, k := range c.keywords {
		if slices.Contains(c.sig.KeywordOnly, k) {
			kwonlyGiven++
		}
	}
	givenText := strconv.Itoa(given)
	if kwonlyGiven > 0 {
		givenText += fmt.Sprintf(" positional argument%s (and %d keyword-only argument%s)", pluralS(given != 1), kwonlyGiven, pluralS(kwonlyGiven != 1))
	}
	verb := "were"
	if given == 1 && kwonlyGiven == 0 {
		verb = "was"
	}
	return fmt.Sprintf("%s() takes %s positional argument%s but %s %s given", c.sig.Qualname, takes, pluralS(plural), givenText, verb)
}

// keywordError returns the error CPython raises for the call's keywords
// before it counts positional arguments: an unknown keyword, or one
// that names a parameter a positional argument already bound.
func (c boundCall) keywordError(given int) (string, bool) {
	bound := c.sig.Positional[:min(given, len(c.sig.Positional))]
	for _, k := range c.keywords {
		known := slices.Contains(c.sig.Positional, k) || slices.Contains(c.sig.KeywordOnly, k)
		if !known && !c.sig.Kwargs {
			return fmt.Sprintf("%s() got an unexpected keyword argument '%s'", c.sig.Qualname, k), true
		}
		if slices.Contains(bound, k) {
			return fmt.Sprintf("%s() got multiple values for argument '%s'", c.sig.Qualname, k), true
		}
	}
	return "", false
}

// missing words the error for missing required parameters: the
// positional ones if any are missing, and otherwise the keyword-only
// ones, as CPython reports them.
func (c boundCall) missing(names []string) string {
	var positional, keywordOnly []string
	for _, name := range names {
		quoted := "'" + name + "'"
		if slices.Contains(c.sig.KeywordOnly, name) {
			keywordOnly = append(keywordOnly, quoted)
		} else {
			positional = append(positional, quoted)
		}
	}
	kind, list := "positional", positional
	if len(positional) == 0 {
		kind, list = "keyword-only", keywordOnly
	}
	return fmt.Sprintf("%s() missing %d required %s argument%s: %s", c.sig.Qualname, len(list), kind, pluralS(len(list) != 1), joinNames(list))
}

func pluralS(plural bool) string {
	if plural {
		return "s"
	}
	return ""
}
