package runtime

import (
	"context"
	"errors"
	"fmt"

	"go.starlark.net/starlark"
)

// run runs f on a new thread bound to ctx. Every entry point of the
// package goes through it, so it is where a script failure becomes an
// *Error and a Go panic becomes a RuntimeError instead of crossing the
// API.
func (rt *Runtime) run(ctx context.Context, name string, f func(thread *starlark.Thread) (starlark.Value, error)) (result starlark.Value, err error) {
	if rt == nil || rt.env == nil {
		return nil, noRuntimeError()
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if ctx.Err() != nil {
		return nil, cancelledError(ctx, nil)
	}
	thread, done := rt.NewThread(ctx, name)
	defer done()
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, panicError(r, nil)
		}
	}()
	result, err = f(thread)
	if err != nil {
		return nil, callError(ctx, thread, err)
	}
	return result, nil
}

// noRuntimeError returns the error of a call through a nil or zero
// Runtime, which has no environment to run scripts in.
func noRuntimeError() *Error {
	return typeError("the *runtime.Runtime is nil or was not made by runtime.New; create it with runtime.New(runtime.Options{})")
}

// callError converts the error of a call on thread into an *Error,
// naming cancellation and the step limit when they stopped the call.
func callError(ctx context.Context, thread *starlark.Thread, err error) error {
	if ctx.Err() != nil {
		return cancelledError(ctx, convertError(thread, err))
	}
	if exceededSteps(thread, err) {
		e := asError(convertError(thread, err))
		return &Error{
			Type:      "RuntimeError",
			Message:   fmt.Sprintf("the call exceeded its limit of %d Starlark steps (runtime.Options.MaxSteps)", stepLimit(thread)),
			Traceback: e.Traceback,
			cause:     errors.Join(ErrStepLimit, e),
		}
	}
	return convertError(thread, err)
}

// cancelledError reports a call that ctx stopped: KeyboardInterrupt for
// a cancellation and TimeoutError for a deadline, matching ctx.Err()
// with errors.Is. from, when not nil, is the error the script saw and
// gives the traceback.
func cancelledError(ctx context.Context, from error) *Error {
	e := &Error{Type: "KeyboardInterrupt", Message: "the call was cancelled: " + ctx.Err().Error()}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		e.Type, e.Message = "TimeoutError", "the call ran past its context deadline"
	}
	if from == nil {
		e.cause = ctx.Err()
		return e
	}
	e.Traceback = asError(from).Traceback
	e.cause = errors.Join(ctx.Err(), from)
	return e
}

// asError returns err as an *Error, wrapping one of another type.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Type: "RuntimeError", Message: err.Error(), cause: err}
}
