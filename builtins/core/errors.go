package core

import (
	"errors"
	"fmt"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
)

// Errorf returns a Python exception of type kind ("ValueError",
// "TypeError", ...) with a formatted message.
func Errorf(kind, format string, args ...any) error {
	return NewError(kind, fmt.Sprintf(format, args...))
}

// NewError returns a Python exception of type kind, an instance of the
// object model's exception class of that name (RuntimeError when kind
// names none).
func NewError(kind, msg string) error {
	cls := pyobj.ExceptionClass(kind)
	if cls == nil {
		cls = pyobj.ExceptionClass("RuntimeError")
	}
	return pyobj.NewError(cls, "%s", msg)
}

// EngineError converts an engine error into a Python exception whose
// message starts with the Python-level call (for example
// "ops.MatMul"). Other errors pass through unchanged.
func EngineError(call string, err error) error {
	var ee *engine.Error
	if !errors.As(err, &ee) {
		return err
	}
	kind := ee.Kind
	if kind == "" {
		kind = "RuntimeError"
	}
	if call == "" {
		call = ee.Op
	}
	return NewError(kind, call+": "+ee.Msg)
}
