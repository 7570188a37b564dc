package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// PanicError is the cause of the RuntimeError that a call returns when
// Go code under it panicked: a bug in a built-in or in a host function,
// never the script's fault. Reach it with errors.As to report the bug.
// Built-ins recover their own panics (pyobj.RecoverPanic), so the
// RuntimeError keeps the script backtrace and a try statement in the
// script can catch it; the entry points recover the rest.
type PanicError = pyobj.PanicError

// panicError turns a recovered panic value into a RuntimeError. It must
// be called from the deferred function that recovered, so that the
// stack still shows the panic site. thread, when not nil, is the thread
// of the host function that panicked, whose call stack becomes the
// traceback.
//
// A panic that reaches an entry point has unwound the Starlark frames,
// so its traceback is empty and the message names the Go site instead.
// Built-ins guard themselves to avoid that (see PanicError).
func panicError(r any, thread *starlark.Thread) *Error {
	p := pyobj.NewPanicError("", r)
	e := &Error{Type: "RuntimeError", Message: p.Error(), cause: p}
	if thread != nil {
		var ee starlark.EvalError
		ee.CallStack = thread.CallStack()
		e.Traceback = asError(convertError(nil, &ee)).Traceback
	}
	return e
}

// guardedCall calls fn on thread and returns a RuntimeError in place of
// a panic, for goroutines that the runtime starts itself.
func guardedCall(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (result starlark.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, panicError(r, nil)
		}
	}()
	return starlark.Call(thread, fn, args, kwargs)
}
