package pyobj

import (
	"errors"
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// Error is a Python exception travelling as a Go error. Error returns the
// last line of a Python traceback, "ValueError: message", or just
// "ValueError" when str(exception) is empty.
type Error struct {
	exc *Instance
}

// Exception returns the exception instance.
func (e *Error) Exception() *Instance { return e.exc }

// Class returns the exception class.
func (e *Error) Class() *Class { return e.exc.class }

// Type returns the exception class name, such as "ValueError".
func (e *Error) Type() string { return e.exc.class.name }

// Message returns str(exception), the text after "ValueError: ".
func (e *Error) Message() string {
	s, err := strOf(e.exc.callThread(), e.exc)
	if err != nil {
		return fmt.Sprintf("<exception str() failed: %v>", err)
	}
	return s
}

// Error returns "Type: message", or "Type" when the message is empty.
func (e *Error) Error() string {
	msg := e.Message()
	if msg == "" {
		return e.Type()
	}
	return e.Type() + ": " + msg
}

// NewError returns an exception of class cls whose single argument is
// the message. The format is applied only when args are given, so a
// message may contain a literal %. A nil cls, or one that does not
// derive from BaseException, becomes RuntimeError.
// NewError does not run a script __init__ of cls.
func NewError(cls *Class, format string, args ...any) *Error {
	if cls == nil || !cls.isSubclassOf(BaseException) {
		cls = RuntimeError
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	exc := newInstance(cls, nil)
	exc.dict.set("args", starlark.Tuple{starlark.String(msg)})
	return &Error{exc: exc}
}

// ValueErrorf returns a ValueError.
func ValueErrorf(format string, args ...any) *Error { return NewError(ValueError, format, args...) }

// TypeErrorf returns a TypeError.
func TypeErrorf(format string, args ...any) *Error { return NewError(TypeError, format, args...) }

// IndexErrorf returns an IndexError.
func IndexErrorf(format string, args ...any) *Error { return NewError(IndexError, format, args...) }

// KeyErrorf returns a KeyError. Like Python's, its str() is the repr of
// the message.
func KeyErrorf(format string, args ...any) *Error { return NewError(KeyError, format, args...) }

// AttributeErrorf returns an AttributeError.
func AttributeErrorf(format string, args ...any) *Error {
	return NewError(AttributeError, format, args...)
}

// RuntimeErrorf returns a RuntimeError.
func RuntimeErrorf(format string, args ...any) *Error { return NewError(RuntimeError, format, args...) }

// NotImplementedErrorf returns a NotImplementedError.
func NotImplementedErrorf(format string, args ...any) *Error {
	return NewError(NotImplementedError, format, args...)
}

// ImportErrorf returns an ImportError.
func ImportErrorf(format string, args ...any) *Error { return NewError(ImportError, format, args...) }

// ModuleNotFoundErrorf returns a ModuleNotFoundError.
func ModuleNotFoundErrorf(format string, args ...any) *Error {
	return NewError(ModuleNotFoundError, format, args...)
}

// AssertionErrorf returns an AssertionError.
func AssertionErrorf(format string, args ...any) *Error {
	return NewError(AssertionError, format, args...)
}

// StopIterationErr returns a StopIteration with no arguments, which a
// native __next__ returns at the end of iteration.
func StopIterationErr() *Error {
	exc := newInstance(StopIteration, nil)
	exc.dict.set("args", starlark.Tuple{})
	exc.dict.set("value", starlark.None)
	return &Error{exc: exc}
}

// Raise turns the operand of a raise statement into an error: an
// exception instance as it is, or an exception class called with no
// arguments. Anything else raises TypeError.
func Raise(thread *starlark.Thread, v starlark.Value) error {
	switch v := v.(type) {
	case *Instance:
		if v.class.isSubclassOf(BaseException) {
			return &Error{exc: v}
		}
	case *Class:
		if v.isSubclassOf(BaseException) {
			exc, err := call(thread, v, nil, nil)
			if err != nil {
				return err
			}
			return Raise(thread, exc)
		}
	}
	return TypeErrorf("exceptions must derive from BaseException")
}

// ExceptionFromError returns the exception instance that err carries,
// or a new instance of the class that Classify picks, so that an except
// clause can bind any error.
func ExceptionFromError(err error) *Instance {
	var e *Error
	if errors.As(err, &e) {
		return e.exc
	}
	typ, msg := Classify(err)
	cls := ExceptionClass(typ)
	if cls == nil {
		cls = RuntimeError
	}
	return NewError(cls, "%s", msg).exc
}

// FormatTraceback renders err as Python prints an uncaught exception:
// "Traceback (most recent call last):", one File line per Starlark frame,
// and "Type: message". Frames of Go built-ins are left out.
func FormatTraceback(err error) string {
	var b strings.Builder
	var evalErr *starlark.EvalError
	if errors.As(err, &evalErr) && len(evalErr.CallStack) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		for _, frame := range evalErr.CallStack {
			if frame.Pos.Filename() == "<builtin>" {
				continue
			}
			fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", frame.Pos.Filename(), frame.Pos.Line, frame.Name)
		}
	}
	typ, msg := Classify(err)
	b.WriteString(typ)
	if msg != "" {
		b.WriteString(": " + msg)
	}
	return b.String()
}
