// Package pyobj implements Python's object model on go.starlark.net values:
// classes with C3 method resolution order, instances, super, descriptors
// (staticmethod, classmethod, property), special methods, type objects and
// the built-in exception hierarchy.
//
// The Python front end desugars syntax that Starlark lacks into calls of the
// predeclared functions that Builtins returns. A class statement becomes
// __class__(name, bases, bodyfn, doc), super() in a method becomes
// super(C, self), and the operators <, <=, >, >=, ==, !=, **, @ and "is"
// become __lt__(a, b) and so on.
//
// # Threads
//
// go.starlark.net calls interface methods such as String, Truth, Len,
// Iterate and Binary without a *starlark.Thread, but a special method
// written in script needs one to run. An Instance keeps the thread that
// created it and runs such methods on that thread. The predeclared
// functions and method calls run on the caller's thread. An instance must
// therefore not be used from two goroutines at once, even when frozen.
// An instance created by a module that ran on its own thread keeps that
// thread, so its thread-less special methods see that thread's locals.
//
// # Errors
//
// A Python exception travels as an *Error. Its Error method returns the
// last line of a Python traceback, "ValueError: message" (or "ValueError"
// when the message is empty), so that a plain printed error shows the
// exception type. Message returns str(exception) alone, and
// FormatTraceback renders the whole traceback. Classify maps any error,
// including go.starlark.net's own messages, to a Python exception type.
//
// Truth, Len and Iterator.Next cannot return an error. When a special
// method that they call fails, the package cancels the instance's thread
// with the error text (see starlark.Thread.Cancel), so the program stops
// at its next step with "Starlark computation cancelled: ValueError: ...".
// Classify recovers the exception type from that text. An except clause
// that catches such an error, and a host that reuses the thread, call
// ClearDeferredError to lift the cancellation. The predeclared len, bool,
// str, repr, list and tuple return these errors directly instead.
package pyobj
