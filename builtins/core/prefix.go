package core

import (
	"errors"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
)

// Prefix returns err as a Python exception of the same type whose
// message starts with call ("numpy.array: ..."), for a built-in that
// reports an error of a helper shared by several Python functions. An
// engine error gets call as EngineError gives it. A Go panic, and an
// error whose message already starts with call, pass through unchanged.
func Prefix(call string, err error) error {
	if err == nil {
		return nil
	}
	var p *pyobj.PanicError
	if errors.As(err, &p) {
		return err
	}
	if e := EngineError(call, err); e != err {
		return e
	}
	typ, msg := pyobj.Classify(err)
	if strings.HasPrefix(msg, call+":") || strings.HasPrefix(msg, call+"(") {
		return err
	}
	return NewError(typ, call+": "+msg)
}
