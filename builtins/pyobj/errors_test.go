package pyobj

import (
	"errors"
	"testing"

	"go.starlark.net/starlark"
)

func TestErrorConvention(t *testing.T) {
	err := ValueErrorf("shape (%d, %d) is invalid", 2, 3)
	if err.Type() != "ValueError" {
		t.Errorf("Type() = %q", err.Type())
	}
	if err.Message() != "shape (2, 3) is invalid" {
		t.Errorf("Message() = %q", err.Message())
	}
	if err.Error() != "ValueError: shape (2, 3) is invalid" {
		t.Errorf("Error() = %q", err.Error())
	}
	if got := StopIterationErr().Error(); got != "StopIteration" {
		t.Errorf("StopIterationErr().Error() = %q, want the bare type for an empty message", got)
	}
	// Called through a variable, because vet rejects a % verb without
	// arguments, which is the case under test.
	newError := NewError
	if got := newError(ValueError, "100% literal").Message(); got != "100% literal" {
		t.Errorf("NewError without arguments formatted the message: %q", got)
	}
	if got := NewError(nil, "no class").Type(); got != "RuntimeError" {
		t.Errorf("NewError(nil class).Type() = %q, want RuntimeError", got)
	}
	if got := NewError(Object, "not an exception").Type(); got != "RuntimeError" {
		t.Errorf("NewError(object).Type() = %q, want RuntimeError", got)
	}
	if got := KeyErrorf("weight").Error(); got != "KeyError: 'weight'" {
		t.Errorf("KeyErrorf().Error() = %q, want the key's repr as CPython prints it", got)
	}
}

func TestErrorShortcutClasses(t *testing.T) {
	for _, tc := range []struct {
		err  *Error
		want *Class
	}{
		{ValueErrorf("m"), ValueError},
		{TypeErrorf("m"), TypeError},
		{IndexErrorf("m"), IndexError},
		{KeyErrorf("m"), KeyError},
		{AttributeErrorf("m"), AttributeError},
		{RuntimeErrorf("m"), RuntimeError},
		{NotImplementedErrorf("m"), NotImplementedError},
		{ImportErrorf("m"), ImportError},
		{ModuleNotFoundErrorf("m"), ModuleNotFoundError},
		{AssertionErrorf("m"), AssertionError},
		{StopIterationErr(), StopIteration},
	} {
		if tc.err.Class() != tc.want {
			t.Errorf("%v has class %s, want %s", tc.err, tc.err.Class().Name(), tc.want.Name())
		}
		if !isException(tc.err, BaseException) {
			t.Errorf("%v is not a BaseException", tc.err)
		}
	}
	if !isException(ModuleNotFoundErrorf("m"), ImportError) {
		t.Error("ModuleNotFoundError does not derive from ImportError")
	}
}

func TestExceptionHierarchy(t *testing.T) {
	// Parents as CPython 3.11 defines them (for c in ...: c.__bases__).
	parents := map[string]string{
		"BaseException": "object", "Exception": "BaseException",
		"ArithmeticError": "Exception", "ZeroDivisionError": "ArithmeticError",
		"OverflowError": "ArithmeticError", "FloatingPointError": "ArithmeticError",
		"AssertionError": "Exception",
		"AttributeError": "Exception", "ImportError": "Exception",
		"ModuleNotFoundError": "ImportError", "LookupError": "Exception",
		"IndexError": "LookupError", "KeyError": "LookupError",
		"NameError": "Exception", "NotImplementedError": "RuntimeError",
		"RuntimeError": "Exception", "RecursionError": "RuntimeError",
		"StopIteration": "Exception", "SyntaxError": "Exception",
		"TypeError": "Exception", "ValueError": "Exception",
		"MemoryError": "Exception", "KeyboardInterrupt": "BaseException",
		"OSError": "Exception", "FileNotFoundError": "OSError",
		"PermissionError": "OSError", "TimeoutError": "OSError",
		"SystemExit": "BaseException", "GeneratorExit": "BaseException",
		"EOFError": "Exception", "UnboundLocalError": "NameError",
		"IndentationError": "SyntaxError", "UnicodeError": "ValueError",
		"UnicodeEncodeError": "UnicodeError", "UnicodeDecodeError": "UnicodeError",
		"BufferError": "Exception", "ReferenceError": "Exception",
		"ConnectionError": "OSError", "BrokenPipeError": "ConnectionError",
		"ConnectionAbortedError": "ConnectionError",
		"ConnectionRefusedError": "ConnectionError",
		"ConnectionResetError":   "ConnectionError",
		"FileExistsError":        "OSError", "IsADirectoryError": "OSError",
		"NotADirectoryError": "OSError", "InterruptedError": "OSError",
		"Warning": "Exception", "UserWarning": "Warning",
		"DeprecationWarning": "Warning", "RuntimeWarning": "Warning",
		"FutureWarning": "Warning",
	}
	for name, parent := range parents {
		c := ExceptionClass(name)
		if c == nil {
			t.Errorf("no exception class %s", name)
			continue
		}
		if got := c.Bases()[0].Name(); got != parent {
			t.Errorf("%s derives from %s, want %s", name, got, parent)
		}
	}
	if len(ExceptionClasses()) != len(parents) {
		t.Errorf("ExceptionClasses has %d classes, want %d", len(ExceptionClasses()), len(parents))
	}
}

func TestRaiseAndExceptionFromError(t *testing.T) {
	thread := &starlark.Thread{}
	err := Raise(thread, TypeError)
	var pyErr *Error
	if !errors.As(err, &pyErr) || pyErr.Type() != "TypeError" {
		t.Errorf("Raise(TypeError) = %v, want a TypeError", err)
	}
	if err := Raise(thread, starlark.MakeInt(3)); !isException(err, TypeError) {
		t.Errorf("Raise(3) = %v, want TypeError", err)
	}
	exc := ExceptionFromError(errors.New("list index 5 out of range"))
	if exc.Class() != IndexError {
		t.Errorf("ExceptionFromError of an index message has class %s", exc.Class().Name())
	}
	if s := exc.String(); s != "list index 5 out of range" {
		t.Errorf("str of the converted exception = %q", s)
	}
	original := ValueErrorf("kept")
	if ExceptionFromError(original) != original.Exception() {
		t.Error("ExceptionFromError did not return the instance that an *Error carries")
	}
}
