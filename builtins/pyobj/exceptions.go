package pyobj

import (
	"slices"
	"strings"

	"go.starlark.net/starlark"
)

// The built-in exception classes. They are native classes, so scripts can
// raise them, catch them by class and subclass them.
var (
	BaseException       *Class
	Exception           *Class
	ArithmeticError     *Class
	ZeroDivisionError   *Class
	OverflowError       *Class
	FloatingPointError  *Class
	AssertionError      *Class
	AttributeError      *Class
	ImportError         *Class
	ModuleNotFoundError *Class
	LookupError         *Class
	IndexError          *Class
	KeyError            *Class
	NameError           *Class
	NotImplementedError *Class
	RuntimeError        *Class
	RecursionError      *Class
	StopIteration       *Class
	SyntaxError         *Class
	TypeError           *Class
	ValueError          *Class
	MemoryError         *Class
	KeyboardInterrupt   *Class
	OSError             *Class
	FileNotFoundError   *Class
	PermissionError     *Class
	TimeoutError        *Class
)

// exceptionClasses maps each built-in exception class name to its class.
var exceptionClasses = map[string]*Class{}

func newExceptionClasses() {
	BaseException = newException("BaseException", nil, "Common base class for all exceptions.",
		Method{"__init__", exceptionInit},
		Method{"__str__", exceptionStr},
		Method{"__repr__", exceptionRepr})
	// The chaining attributes read as None and False until raise sets
	// them on the instance, as in Python.
	for _, attr := range []string{"__cause__", "__context__", "__traceback__"} {
		BaseException.dict.set(attr, starlark.None)
	}
	BaseException.dict.set("__suppress_context__", starlark.False)
	KeyboardInterrupt = newException("KeyboardInterrupt", BaseException, "Program interrupted by user.")
	Exception = newException("Exception", BaseException, "Common base class for all non-exit exceptions.")
	ArithmeticError = newException("ArithmeticError", Exception, "Base class for arithmetic errors.")
	ZeroDivisionError = newException("ZeroDivisionError", ArithmeticError, "Second argument to a division or modulo operation was zero.")
	OverflowError = newException("OverflowError", ArithmeticError, "Result too large to be represented.")
	FloatingPointError = newException("FloatingPointError", ArithmeticError, "Floating point operation failed.")
	AssertionError = newException("AssertionError", Exception, "Assertion failed.")
	AttributeError = newException("AttributeError", Exception, "Attribute not found.")
	ImportError = newException("ImportError", Exception, "Import can't find module, or can't find name in module.")
	ModuleNotFoundError = newException("ModuleNotFoundError", ImportError, "Module not found.")
	LookupError = newException("LookupError", Exception, "Base class for lookup errors.")
	IndexError = newException("IndexError", LookupError, "Sequence index out of range.")
	KeyError = newException("KeyError", LookupError, "Mapping key not found.",
		Method{"__str__", keyErrorStr})
	NameError = newException("NameError", Exception, "Name not found globally.")
	RuntimeError = newException("RuntimeError", Exception, "Unspecified run-time error.")
	NotImplementedError = newException("NotImplementedError", RuntimeError, "Method or function hasn't been implemented yet.")
	RecursionError = newException("RecursionError", RuntimeError, "Recursion limit exceeded.")
	StopIteration = newException("StopIteration", Exception, "Signal the end from iterator.__next__().")
	SyntaxError = newException("SyntaxError", Exception, "Invalid syntax.")
	TypeError = newException("TypeError", Exception, "Inappropriate argument type.")
	ValueError = newException("ValueError", Exception, "Inappropriate argument value (of correct type).")
	MemoryError = newException("MemoryError", Exception, "Out of memory.")
	OSError = newException("OSError", Exception, "Base class for I/O related errors.")
	FileNotFoundError = newException("FileNotFoundError", OSError, "File not found.")
	PermissionError = newException("PermissionError", OSError, "Not enough permissions.")
	TimeoutError = newException("TimeoutError", OSError, "Timeout expired.")
	newLessCommonExceptions()
}

// newLessCommonExceptions adds the rest of CPython 3.11's built-in
// exception hierarchy that scripts name in except clauses and raise
// statements. The docs are CPython's.
func newLessCommonExceptions() {
	newException("SystemExit", BaseException, "Request to exit from the interpreter.")
	newException("GeneratorExit", BaseException, "Request that a generator exit.")
	newException("EOFError", Exception, "Read beyond end of file.")
	newException("UnboundLocalError", NameError, "Local name referenced but not bound to a value.")
	newException("IndentationError", SyntaxError, "Improper indentation.")
	unicodeError := newException("UnicodeError", ValueError, "Unicode related error.")
	newException("UnicodeEncodeError", unicodeError, "Unicode encoding error.")
	newException("UnicodeDecodeError", unicodeError, "Unicode decoding error.")
	newException("BufferError", Exception, "Buffer error.")
	newException("ReferenceError", Exception, "Weak ref proxy used after referent went away.")
	connection := newException("ConnectionError", OSError, "Connection error.")
	newException("BrokenPipeError", connection, "Broken pipe.")
	newException("ConnectionAbortedError", connection, "Connection aborted.")
	newException("ConnectionRefusedError", connection, "Connection refused.")
	newException("ConnectionResetError", connection, "Connection reset.")
	newException("FileExistsError", OSError, "File already exists.")
	newException("IsADirectoryError", OSError, "Operation doesn't work on directories.")
	newException("NotADirectoryError", OSError, "Operation only works on directories.")
	newException("InterruptedError", OSError, "Interrupted by signal.")
	warning := newException("Warning", Exception, "Base class for warning categories.")
	newException("UserWarning", warning, "Base class for warnings generated by user code.")
	newException("DeprecationWarning", warning, "Base class for warnings about deprecated features.")
	newException("RuntimeWarning", warning, "Base class for warnings about dubious runtime behavior.")
	newException("FutureWarning", warning, "Base class for warnings about constructs that will change semantically in the future.")
}

func newException(name string, base *Class, doc string, methods ...Method) *Class {
	var bases []*Class
	if base != nil {
		bases = []*Class{base}
	}
	c := NewNativeClass(NativeSpec{
		Name:    name,
		Module:  "builtins",
		Doc:     doc,
		Bases:   bases,
		Methods: methods,
	})
	exceptionClasses[name] = c
	return c
}

// ExceptionClass returns the built-in exception class named name, or nil.
func ExceptionClass(name string) *Class { return exceptionClasses[name] }

// ExceptionClasses returns the built-in exception classes by name, to
// predeclare them.
func ExceptionClasses() starlark.StringDict {
	d := make(starlark.StringDict, len(exceptionClasses))
	for name, c := range exceptionClasses {
		d[name] = c
	}
	return d
}

// exceptionInit is BaseException.__init__(self, *args): it stores args.
func exceptionInit(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, TypeErrorf("%s() takes no keyword arguments", self.class.name)
	}
	if err := self.DictSet("args", slices.Clone(args)); err != nil {
		return nil, err
	}
	if self.class.isSubclassOf(StopIteration) {
		value := starlark.Value(starlark.None)
		if len(args) > 0 {
			value = args[0]
		}
		if err := self.DictSet("value", value); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// exceptionArgs returns the args attribute, or an empty tuple when a
// script replaced it with something else.
func exceptionArgs(x *Instance) starlark.Tuple {
	v, _ := x.dict.get("args")
	args, _ := v.(starlark.Tuple)
	return args
}

// exceptionStr is BaseException.__str__: "" for no arguments, str of a
// single argument, and the tuple's repr for several.
func exceptionStr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpackPositional("__str__", args, kwargs, 0); err != nil {
		return nil, err
	}
	s, err := exceptionMessage(thread, self)
	return starlark.String(s), err
}

func exceptionMessage(thread *starlark.Thread, x *Instance) (string, error) {
	args := exceptionArgs(x)
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return Str(thread, args[0])
	}
	return Repr(thread, args)
}

// keyErrorStr is KeyError.__str__, which shows a single key as its repr.
func keyErrorStr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpackPositional("__str__", args, kwargs, 0); err != nil {
		return nil, err
	}
	if exceptionArgs(self).Len() == 1 {
		s, err := Repr(thread, exceptionArgs(self)[0])
		return starlark.String(s), err
	}
	s, err := exceptionMessage(thread, self)
	return starlark.String(s), err
}

// exceptionRepr is BaseException.__repr__, such as ValueError('bad').
func exceptionRepr(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := unpackPositional("__repr__", args, kwargs, 0); err != nil {
		return nil, err
	}
	parts := make([]string, 0, len(exceptionArgs(self)))
	for _, arg := range exceptionArgs(self) {
		s, err := Repr(thread, arg)
		if err != nil {
			return nil, err
		}
		parts = append(parts, s)
	}
	return starlark.String(self.class.name + "(" + strings.Join(parts, ", ") + ")"), nil
}
