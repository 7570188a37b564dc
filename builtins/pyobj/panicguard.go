package pyobj

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"go.starlark.net/starlark"
)

// PanicError is the error a built-in returns in place of a Go panic
// that RecoverPanic caught: a bug in Go code under the call, never the
// script's fault. It reaches scripts as a RuntimeError, which they may
// catch, and hosts reach it with errors.As to report the bug.
type PanicError struct {
	Call  string // the built-in that panicked, such as "Tensor.reshape"
	Value any    // the value passed to panic
	Site  string // "file.go:123", where the panic happened
	Stack []byte // the goroutine's stack at the panic, as debug.Stack formats it
}

// Error returns the message a script sees after "RuntimeError: ".
func (p *PanicError) Error() string {
	where := ""
	if p.Site != "" {
		where = " at " + p.Site
	}
	call := ""
	if p.Call != "" {
		call = p.Call + ": "
	}
	return fmt.Sprintf("%sinternal error: Go panic%s: %v; this is a bug in Go code, not in the script", call, where, p.Value)
}

// Unwrap returns the panic value when it is an error.
func (p *PanicError) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

// RecoverPanic turns a panic in the function that defers it into a
// *PanicError stored in *errp. It must be deferred directly (defer
// pyobj.RecoverPanic(call, &err)), because recover works only in the
// deferred function itself. Built-ins defer it at the boundary where
// go.starlark.net calls into Go, which does not recover panics: the
// returned error then carries the script's call stack like any other.
func RecoverPanic(call string, errp *error) {
	if r := recover(); r != nil {
		*errp = NewPanicError(call, r)
	}
}

// NewPanicError returns the *PanicError for the value r recovered in a
// deferred function, with the stack and site of the panic. Call it from
// that deferred function, while the panicking frames are still on the
// stack.
func NewPanicError(call string, r any) *PanicError {
	if p, ok := r.(*PanicError); ok {
		return p
	}
	return &PanicError{Call: call, Value: r, Site: panicSite(), Stack: debug.Stack()}
}

// panicSite returns the file and line of the innermost frame below the
// Go runtime's panic machinery, or "" when there is none.
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	sawPanic := false
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			sawPanic = true
		} else if sawPanic && !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

// GuardBuiltin returns b wrapped so that a panic in its function becomes
// a *PanicError. The wrapper keeps b's name and receiver, so bound
// methods still print as before. A nil b is returned as it is.
func GuardBuiltin(b *starlark.Builtin) *starlark.Builtin {
	if b == nil {
		return nil
	}
	call := b.Name()
	guarded := starlark.NewBuiltin(call, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (result starlark.Value, err error) {
		defer RecoverPanic(call, &err)
		return b.CallInternal(thread, args, kwargs)
	})
	if recv := b.Receiver(); recv != nil {
		return guarded.BindReceiver(recv)
	}
	return guarded
}
