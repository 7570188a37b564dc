package engine

import "fmt"

// Error is an invalid-input error raised by an engine op: a shape that
// does not broadcast, a dtype an op does not accept, an axis out of
// range. Op is the engine op's name ("MatMul"); callers that know the
// Python-level name replace it when they report the error.
type Error struct {
	Op  string
	Msg string
	// Kind is the Python exception type that fits: "ValueError",
	// "TypeError", "IndexError", "MemoryError", "ZeroDivisionError" or
	// "RuntimeError".
	Kind string
}

func (e *Error) Error() string {
	if e.Op == "" {
		return e.Msg
	}
	return e.Op + ": " + e.Msg
}

func raise(kind, op, format string, args ...any) {
	panic(&Error{Op: op, Msg: fmt.Sprintf(format, args...), Kind: kind})
}

func valueErr(op, format string, args ...any) { raise("ValueError", op, format, args...) }

func typeErr(op, format string, args ...any) { raise("TypeError", op, format, args...) }

// catch turns an *Error panic into a returned error. Other panics are
// re-raised, because they are bugs in the engine.
func catch(err *error) {
	if r := recover(); r != nil {
		if e, ok := r.(*Error); ok {
			*err = e
			return
		}
		panic(r)
	}
}

// Try runs f and returns the *Error that an engine op inside it raised,
// so that code composing many internal ops checks errors once.
func Try(f func()) (err error) {
	defer catch(&err)
	f()
	return nil
}
