package rng

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/cellscript/cellscript/engine"
)

// Error reports a call that NumPy or CPython would reject with an
// exception. It carries the exception class and message that Python prints,
// so a binding can raise the same exception.
type Error struct {
	// Func is the Python-level call, such as "numpy.random.randint", or the
	// Go method for errors of MT19937 itself.
	Func string
	// Exception is the Python exception class, such as "ValueError".
	Exception string
	// Message is the text of the Python exception, such as "low >= high".
	// It is empty for a MemoryError.
	Message string
	// Detail names the rejected values and what to pass instead.
	Detail string
}

// Error formats the call, Python's message and the detail on one line.
func (e *Error) Error() string {
	parts := []string{e.Func}
	for _, p := range []string{e.Message, e.Detail} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ": ")
}

// newError builds an *Error with a formatted detail.
func newError(fn, exception, message, detail string, args ...any) *Error {
	return &Error{
		Func:      fn,
		Exception: exception,
		Message:   message,
		Detail:    fmt.Sprintf(detail, args...),
	}
}

// allocate returns make([]T, n), or a MemoryError when n is too large for
// the Go runtime to allocate, where make would panic, or more than
// engine.CheckAllocation allows. NumPy and CPython raise MemoryError in
// the same situation.
//
// NOTE: without an engine memory limit, a length that the runtime accepts
// but the machine cannot back still ends the process with Go's fatal
// out-of-memory error, which no function can recover from.
func allocate[T any](fn string, n int) (s []T, err error) {
	var zero T
	if engine.CheckAllocation(fn, n, int(unsafe.Sizeof(zero))) != nil {
		return nil, newError(fn, "MemoryError", "", "cannot allocate %d elements; request fewer", n)
	}
	defer func() {
		if recover() != nil {
			s, err = nil, newError(fn, "MemoryError", "",
				"cannot allocate %d elements; request fewer", n)
		}
	}()
	return make([]T, n), nil
}

// checkStatePos rejects a generator position outside [0, 624], which
// CPython's setstate reports as "invalid state".
func checkStatePos(fn string, pos int) error {
	if pos < 0 || pos > mtN {
		return newError(fn, "ValueError", "invalid state",
			"got position %d; pass a position in [0, 624]", pos)
	}
	return nil
}

// checkKey rejects an empty init_by_array key, which NumPy's seed reports
// as "Seed must be non-empty".
func checkKey(fn string, key []uint32) error {
	if len(key) == 0 {
		return newError(fn, "ValueError", "Seed must be non-empty",
			"got an empty key; pass at least one word")
	}
	return nil
}
