// Package syntax is the Python front end of cellscript: a lexer and
// recursive-descent parser for the union of Starlark and the Python
// subset that MindSpore-style model code uses. It produces the syntax
// tree of go.starlark.net/syntax, which starlark.FileProgram resolves
// and compiles.
//
// Constructs that Starlark lacks are desugared into calls of runtime
// builtins, which the host must predeclare:
//
//	import a.b.c              a = __import__("a.b.c")          (the top package a)
//	import a.b as c           c = __import_module__("a.b")     (the module a.b)
//	from a.b import x as y    y = __import_from__("a.b", "x")
//	class C(B): body          C = __class__("C", (B,), <class C>, "doc")
//	super() in a method       super(C, self)
//	def with yield            return __generator__(__genbody__)
//	yield v, yield from it    __yield__(v), __yield_from__(it)
//	a ** b, a @ b             __pow__(a, b), __matmul__(a, b)
//	a < b, <=, >, >=, ==, !=  __lt__(a, b), __le__, __gt__, __ge__, __eq__, __ne__
//	a is b                    __is__(a, b)
//	a < b < c                 __chain__(a, "<", lambda: b, "<", lambda: c)
//	t[i, 1:2, ...]            t[(i, slice(1, 2, None), Ellipsis)]
//	assert c, msg             if not c: __assert_fail__(msg)   (msg is None when absent)
//	del x[k], del a.b         __delitem__(x, k), __delattr__(a, "b")
//	f"a{x!r:>8}b"             __fstring__(("a", (x, "r", ">8"), "b"))
//
// The contracts the runtime must implement:
//
//   - __class__(name, bases, body, doc) calls body with no arguments.
//     body returns a dict of the names the class body bound, in
//     first-binding order; doc is "" when the class has no docstring.
//   - __generator__(genbody) returns an iterator that runs genbody, a
//     function of no arguments, and produces each value genbody passes
//     to __yield__ or, element by element, to __yield_from__. The value
//     genbody returns is the generator's return value.
//   - __chain__(x0, op1, f1, op2, f2, ...) compares a chain: with left =
//     x0, for each pair it calls f with no arguments to get right,
//     applies op (one of "<", "<=", ">", ">=", "==", "!=", "in",
//     "not in", "is", "is not") to left and right, returns that result
//     at once when it is false, and otherwise continues with left =
//     right. It returns the last result.
//   - __fstring__(parts) formats a tuple that alternates literal strings
//     and (value, conversion, spec) tuples, starting and ending with a
//     string. conversion is "", "r", "s" or "a"; spec is a format spec
//     without nested fields.
//   - slice(lo, hi, step) and Ellipsis are the index values of a tuple
//     index. A lone slice t[a:b] stays a Starlark slice expression. As an
//     assignment target it becomes t[slice(a, b, None)] instead.
//
// A decorated def or class is followed by f = d1(d2(f)). When a
// decorator mentions the name it decorates, as @x.setter does, the
// decorator expressions are first bound to hidden variables so they see
// the old value, as in Python. Type annotations, the positional-only
// marker and keyword arguments in a class header are dropped.
//
// Constructs not supported yet (try, with, raise, global, nonlocal,
// async, await, match, :=, set displays, del of a name, yield as a
// value) are rejected with a *SyntaxError at their position.
package syntax
