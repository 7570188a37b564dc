package runtime

import (
	"errors"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Chained exceptions. An uncaught exception prints the exceptions it is
// chained to first, as CPython does: its __cause__ ("raise X from Y")
// or, unless __suppress_context__ is set, its __context__ (the
// exception that was being handled when it was raised). Each of those
// needs its own traceback, so an except or finally clause records the
// frames of the exception it handles in the exception's __traceback__.

// traceback is the value of an exception's __traceback__: the frames
// from the function that caught it down to where it was raised.
type traceback struct{ frames []Frame }

func (t *traceback) String() string        { return "<traceback object>" }
func (t *traceback) Type() string          { return "traceback" }
func (t *traceback) Freeze()               {}
func (t *traceback) Truth() starlark.Bool  { return true }
func (t *traceback) Hash() (uint32, error) { return 0, nil }

// recordTraceback stores in exc.__traceback__ the frames of err from
// the frame running the try statement on thread down to the raise.
func recordTraceback(thread *starlark.Thread, exc *pyobj.Instance, err error) {
	var ee *starlark.EvalError
	if !errors.As(err, &ee) {
		return
	}
	frames := pythonFrames(starlarkFrames(ee.CallStack))
	outer := len(pythonFrames(starlarkFrames(thread.CallStack())))
	if outer > 0 && outer <= len(frames) {
		frames = frames[outer-1:]
	}
	_ = exc.DictSet("__traceback__", &traceback{frames: frames})
}

// handlerContextKey is the thread-local list of errors that an except
// or finally clause raised through go.starlark.net rather than as a
// Python exception (a missing key, a division by zero), each with the
// exception that was being handled. Such errors cannot carry a
// __context__ themselves.
const handlerContextKey = "cellscript.handler_context"

// maxHandlerContexts bounds that list: an entry whose error some Go
// builtin swallowed is never looked up again.
const maxHandlerContexts = 16

type handlerContext struct {
	err     *starlark.EvalError
	context *pyobj.Instance
}

// setErrorContext records context as the __context__ of err, which an
// except or finally clause raised while handling context.
func setErrorContext(thread *starlark.Thread, err error, context *pyobj.Instance) {
	var pe *pyobj.Error
	if errors.As(err, &pe) {
		setContext(err, context)
		return
	}
	var ee *starlark.EvalError
	if !errors.As(err, &ee) {
		return
	}
	list, _ := thread.Local(handlerContextKey).([]handlerContext)
	if len(list) == maxHandlerContexts {
		list = list[1:]
	}
	thread.SetLocal(handlerContextKey, append(list, handlerContext{err: ee, context: context}))
}

// errorContext returns the __context__ that setErrorContext recorded
// for err, or nil.
func errorContext(thread *starlark.Thread, err error) *pyobj.Instance {
	var pe *pyobj.Error
	if errors.As(err, &pe) {
		if c, ok := pe.Exception().DictGet("__context__"); ok {
			exc, _ := c.(*pyobj.Instance)
			return exc
		}
		return nil
	}
	var ee *starlark.EvalError
	if thread == nil || !errors.As(err, &ee) {
		return nil
	}
	list, _ := thread.Local(handlerContextKey).([]handlerContext)
	for _, h := range list {
		if h.err == ee {
			return h.context
		}
	}
	return nil
}

// attachChain fills in out's Cause and Context from the exception that
// err carries.
func attachChain(thread *starlark.Thread, out *Error, err error) {
	var pe *pyobj.Error
	if errors.As(err, &pe) {
		chainOf(thread, out, pe.Exception(), map[*pyobj.Instance]bool{pe.Exception(): true})
		return
	}
	if context := errorContext(thread, err); context != nil {
		out.Context = chainedError(thread, context, map[*pyobj.Instance]bool{})
	}
}

// chainOf fills in out's Cause, Context and SuppressContext from exc.
// seen stops a cycle of contexts.
func chainOf(thread *starlark.Thread, out *Error, exc *pyobj.Instance, seen map[*pyobj.Instance]bool) {
	if v, ok := exc.DictGet("__suppress_context__"); ok {
		out.SuppressContext = bool(v.Truth())
	}
	if v, ok := exc.DictGet("__cause__"); ok {
		if cause, ok := v.(*pyobj.Instance); ok && !seen[cause] {
			out.Cause = chainedError(thread, cause, seen)
		}
	}
	if v, ok := exc.DictGet("__context__"); ok {
		if context, ok := v.(*pyobj.Instance); ok && !seen[context] {
			out.Context = chainedError(thread, context, seen)
		}
	}
}

// chainedError converts an exception of a chain into an *Error with the
// traceback its handler recorded.
func chainedError(thread *starlark.Thread, exc *pyobj.Instance, seen map[*pyobj.Instance]bool) *Error {
	seen[exc] = true
	out := &Error{Type: exc.Class().Name()}
	if msg, err := pyobj.Str(thread, exc); err == nil {
		out.Message = msg
	}
	out.Notes = instanceNotes(exc)
	if v, ok := exc.DictGet("__traceback__"); ok {
		if tb, ok := v.(*traceback); ok {
			out.Traceback = tb.frames
		}
	}
	chainOf(thread, out, exc, seen)
	return out
}
