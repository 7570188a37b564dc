package runtime

import (
	"errors"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/starlark"
)

// finishError makes an error's backtrace and message read as Python's:
// it appends the frames of a generator that raised (cause, when it is
// not err), shows the frames of desugared code under the names Python
// uses, and rewords go.starlark.net's messages.
func finishError(thread *starlark.Thread, out *Error, err, cause error) {
	if cause != err {
		var ee *starlark.EvalError
		if errors.As(cause, &ee) {
			out.Traceback = append(out.Traceback, starlarkFrames(ee.CallStack)...)
		}
	}
	var pe *pyobj.Error
	if msg, ok := callErrorMessage(thread, cause, out.Message); ok && !errors.As(cause, &pe) {
		// CPython raises the error in the caller, before the function's
		// frame exists, so the traceback ends at the call.
		out.Message = msg
		out.Traceback = out.Traceback[:max(len(out.Traceback)-1, 0)]
	}
	out.Traceback = pythonFrames(out.Traceback)
	if !errors.As(cause, &pe) {
		out.Message = pythonMessage(out.Type, out.Message)
	}
}

// starlarkFrames converts a Starlark call stack, leaving out Go
// builtins. The body of a generator expression is a lambda that the
// <genexpr> builtin of pyGenexp calls, and its frame reads <genexpr>,
// as in CPython.
func starlarkFrames(stack starlark.CallStack) []Frame {
	var frames []Frame
	caller := ""
	for _, fr := range stack {
		if fr.Pos.Line == 0 {
			caller = fr.Name
			continue
		}
		name := fr.Name
		if name == "lambda" && caller == "<genexpr>" {
			name = "<genexpr>"
		}
		caller = name
		frames = append(frames, Frame{File: fr.Pos.Filename(), Line: int(fr.Pos.Line), Col: int(fr.Pos.Col), Function: name})
	}
	return frames
}

// pythonFrames rewrites frames of desugared code. A block function (the
// body of a try, except, else, finally or with) runs inside the
// function that contains the statement, so its frame replaces the
// caller's frame, which only shows the statement's first line, and takes
// its name. A class body reads "in C", a generator body the generator
// function's name, and top-level code "<module>".
func pythonFrames(frames []Frame) []Frame {
	out := make([]Frame, 0, len(frames))
	for _, f := range frames {
		f.Function = pythonFunctionName(f.Function)
		if syntax.IsBlockFunction(f.Function) && len(out) > 0 {
			f.Function = out[len(out)-1].Function
			out[len(out)-1] = f
			continue
		}
		out = append(out, f)
	}
	return out
}

func pythonFunctionName(name string) string {
	switch {
	case name == "<toplevel>":
		return "<module>"
	case name == "lambda":
		return "<lambda>"
	case strings.HasPrefix(name, "<class attr ") && strings.HasSuffix(name, ">"):
		return strings.TrimSuffix(strings.TrimPrefix(name, "<class attr "), ">")
	case strings.HasPrefix(name, "<class ") && strings.HasSuffix(name, ">"):
		return strings.TrimSuffix(strings.TrimPrefix(name, "<class "), ">")
	case strings.HasPrefix(name, "<generator ") && strings.HasSuffix(name, ">"):
		return strings.TrimSuffix(strings.TrimPrefix(name, "<generator "), ">")
	}
	return name
}
