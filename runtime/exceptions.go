package runtime

import (
	"errors"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The runtime side of try, raise and with. The front end turns each
// block into a function of no arguments (a handler takes the
// exception). It returns None, or a status value for a return, break or
// continue that leaves the block, as the package documentation of
// runtime/syntax describes.

// handledKey is the thread-local stack of exceptions that except
// clauses are handling, innermost last, for a bare raise and for the
// __context__ of a new exception.
const handledKey = "cellscript.handled"

// handled is one exception an except clause is handling.
type handled struct {
	exc *pyobj.Instance
	err error // the error as it was raised, with its traceback
}

func handledStack(thread *starlark.Thread) []handled {
	stack, _ := thread.Local(handledKey).([]handled)
	return stack
}

func pushHandled(thread *starlark.Thread, h handled) {
	thread.SetLocal(handledKey, append(handledStack(thread), h))
}

func popHandled(thread *starlark.Thread) {
	stack := handledStack(thread)
	thread.SetLocal(handledKey, stack[:len(stack)-1])
}

// catchable returns the Python error that err stands for, and false when
// no except clause may catch it: the host cancelled the call or the
// step limit stopped it. An error that stopped the thread through
// Thread.Cancel (a failing __bool__ or __len__, a generator that raised
// inside a for loop) is lifted so the thread can run the handler.
func catchable(thread *starlark.Thread, err error) (error, bool) {
	if deferred := pyobj.ClearDeferredError(thread); deferred != nil {
		return deferred, true
	}
	if pending, ok := thread.Local(pendingErrKey).(error); ok {
		thread.SetLocal(pendingErrKey, nil)
		thread.Uncancel()
		return pending, true
	}
	if core.Context(thread).Err() != nil {
		return err, false
	}
	if strings.Contains(err.Error(), "Starlark computation cancelled") {
		return err, false
	}
	return err, true
}

// pyTry implements __try__(body, handlers, orelse, final). handlers is
// a tuple of (types, handler) pairs, where types is a function that
// returns an exception class or a tuple of them, or None for a bare
// except. orelse and final are block functions or None. It returns the
// status value of the block that decides how the statement ends.
func pyTry(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 4 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__try__: want body, handlers, else and finally, got %d arguments", len(args))
	}
	handlers, ok := args[1].(starlark.Tuple)
	if !ok {
		return nil, pyobj.TypeErrorf("__try__: handlers must be a tuple, not %s", args[1].Type())
	}
	status, err := starlark.Call(thread, args[0], nil, nil)
	if err == nil {
		if args[2] != starlark.None {
			status, err = starlark.Call(thread, args[2], nil, nil)
		}
	} else if len(handlers) > 0 {
		var ok bool
		if err, ok = catchable(thread, err); !ok {
			return nil, err
		}
		status, err = runHandlers(thread, handlers, err)
	}
	if args[3] == starlark.None {
		return status, err
	}
	if err != nil {
		var ok bool
		if err, ok = catchable(thread, err); !ok {
			return nil, err
		}
	}
	return runFinally(thread, args[3], status, err)
}

// runHandlers runs the first except clause that matches err. It
// returns err unchanged when none matches.
func runHandlers(thread *starlark.Thread, handlers starlark.Tuple, err error) (starlark.Value, error) {
	exc := exceptionOf(thread, err)
	if context := errorContext(thread, err); context != nil && context != exc {
		setContext(pyobj.Raise(thread, exc), context)
	}
	for _, h := range handlers {
		pair, ok := h.(starlark.Tuple)
		if !ok || len(pair) != 2 {
			return nil, pyobj.TypeErrorf("__try__: malformed handler %s", h.String())
		}
		matched, merr := matchesHandler(thread, pair[0], exc)
		if merr != nil {
			setContext(merr, exc)
			return nil, merr
		}
		if !matched {
			continue
		}
		recordTraceback(thread, exc, err)
		pushHandled(thread, handled{exc: exc, err: err})
		status, herr := starlark.Call(thread, pair[1], starlark.Tuple{exc}, nil)
		popHandled(thread)
		if herr != nil {
			setErrorContext(thread, herr, exc)
		}
		return status, herr
	}
	return nil, err
}

// runFinally runs a finally block after the rest of the try statement
// ended with status and err. An exception or a status value from the
// finally block replaces both, as in Python.
func runFinally(thread *starlark.Thread, final starlark.Value, status starlark.Value, err error) (starlark.Value, error) {
	var pending *pyobj.Instance
	if err != nil {
		pending = exceptionOf(thread, err)
		recordTraceback(thread, pending, err)
		pushHandled(thread, handled{exc: pending, err: err})
	}
	fstatus, ferr := starlark.Call(thread, final, nil, nil)
	if pending != nil {
		popHandled(thread)
	}
	switch {
	case ferr != nil:
		if pending != nil {
			setErrorContext(thread, ferr, pending)
		}
		return nil, ferr
	case fstatus != starlark.None:
		return fstatus, nil
	case err != nil:
		return nil, err
	}
	if status == nil {
		status = starlark.None
	}
	return status, nil
}

// matchesHandler reports whether exc matches the types of an except
// clause: types is None for a bare except, or a function returning a
// class or a tuple of classes.
func matchesHandler(thread *starlark.Thread, types starlark.Value, exc *pyobj.Instance) (bool, error) {
	if types == starlark.None {
		return true, nil
	}
	value, err := starlark.Call(thread, types, nil, nil)
	if err != nil {
		return false, err
	}
	return matchesTypes(value, exc)
}

func matchesTypes(value starlark.Value, exc *pyobj.Instance) (bool, error) {
	switch v := value.(type) {
	case *pyobj.Class:
		if !v.IsSubclass(pyobj.BaseException) {
			return false, pyobj.TypeErrorf("catching classes that do not inherit from BaseException is not allowed (got %s)", v.Name())
		}
		return exc.Class().IsSubclass(v), nil
	case starlark.Tuple:
		for _, elem := range v {
			ok, err := matchesTypes(elem, exc)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, pyobj.TypeErrorf("catching classes that do not inherit from BaseException is not allowed (got a %s value)", value.Type())
}

// setContext records the exception being handled as the __context__ of
// the exception err carries, unless it has one.
func setContext(err error, context *pyobj.Instance) {
	var pe *pyobj.Error
	if !errors.As(err, &pe) || pe.Exception() == context {
		return
	}
	exc := pe.Exception()
	if v, ok := exc.DictGet("__context__"); ok && v != starlark.None {
		return
	}
	_ = exc.DictSet("__context__", context)
}

// pyRaise implements raise: __raise__() re-raises the exception being
// handled, __raise__(x) raises x (a class is called with no arguments)
// and __raise__(x, cause) also sets __cause__ (None suppresses the
// context).
func pyRaise(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) != 0 || len(args) > 2 {
		return nil, pyobj.TypeErrorf("__raise__: want at most an exception and a cause")
	}
	if len(args) == 0 {
		stack := handledStack(thread)
		if len(stack) == 0 {
			return nil, pyobj.RuntimeErrorf("No active exception to reraise")
		}
		return nil, stack[len(stack)-1].err
	}
	err := pyobj.Raise(thread, args[0])
	var pe *pyobj.Error
	if !errors.As(err, &pe) {
		return nil, err
	}
	exc := pe.Exception()
	if stack := handledStack(thread); len(stack) > 0 && stack[len(stack)-1].exc != exc {
		if _, ok := exc.DictGet("__context__"); !ok {
			_ = exc.DictSet("__context__", stack[len(stack)-1].exc)
		}
	}
	if len(args) == 2 {
		cause, err := exceptionCause(thread, args[1])
		if err != nil {
			return nil, err
		}
		_ = exc.DictSet("__cause__", cause)
		_ = exc.DictSet("__suppress_context__", starlark.True)
	}
	return nil, err
}

// exceptionCause converts the operand of "raise X from Y": None, an
// exception instance, or an exception class to instantiate.
func exceptionCause(thread *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	if v == starlark.None {
		return v, nil
	}
	err := pyobj.Raise(thread, v)
	var pe *pyobj.Error
	if !errors.As(err, &pe) {
		return nil, pyobj.TypeErrorf("exception causes must derive from BaseException")
	}
	return pe.Exception(), nil
}

// extraExceptionSpecs lists built-in exception classes that scripts use
// and the object model may lack, with their base class names. The
// runtime makes each one that pyobj.ExceptionClass does not know.
var extraExceptionSpecs = []struct{ name, base, doc string }{
	{"FloatingPointError", "ArithmeticError", "Floating point operation failed."},
	{"UnboundLocalError", "NameError", "Local name referenced but not bound to a value."},
	{"PermissionError", "OSError", "Not enough permissions."},
	{"FileExistsError", "OSError", "File already exists."},
	{"IsADirectoryError", "OSError", "Operation doesn't work on directories."},
	{"NotADirectoryError", "OSError", "Operation only works on directories."},
	{"TimeoutError", "OSError", "Timeout expired."},
	{"EOFError", "Exception", "Read beyond end of file."},
	{"UnicodeError", "ValueError", "Unicode related error."},
	{"SystemExit", "BaseException", "Request to exit from the interpreter."},
	{"GeneratorExit", "BaseException", "Request that a generator exit."},
	{"Warning", "Exception", "Base class for warning categories."},
	{"UserWarning", "Warning", "Base class for warnings generated by user code."},
	{"DeprecationWarning", "Warning", "Base class for warnings about deprecated features."},
	{"RuntimeWarning", "Warning", "Base class for warnings about dubious runtime behavior."},
}

// extraExceptions holds the classes made from extraExceptionSpecs.
var extraExceptions = makeExtraExceptions()

func makeExtraExceptions() map[string]*pyobj.Class {
	out := map[string]*pyobj.Class{}
	for _, spec := range extraExceptionSpecs {
		if pyobj.ExceptionClass(spec.name) != nil {
			continue
		}
		base := exceptionClass(spec.base, out)
		out[spec.name] = pyobj.NewNativeClass(pyobj.NativeSpec{Name: spec.name, Module: "builtins", Doc: spec.doc, Bases: []*pyobj.Class{base}})
	}
	return out
}

// exceptionClass returns the built-in exception class name from the
// object model or from extra.
func exceptionClass(name string, extra map[string]*pyobj.Class) *pyobj.Class {
	if c := pyobj.ExceptionClass(name); c != nil {
		return c
	}
	return extra[name]
}

// newException returns an exception of the built-in class name.
func newException(name, format string, args ...any) error {
	return pyobj.NewError(exceptionClass(name, extraExceptions), format, args...)
}
