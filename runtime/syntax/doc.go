// Package syntax is the Python front end of cellscript: a lexer and
// recursive-descent parser for the union of Starlark and the Python
// subset that MindSpore-style model code uses. It produces the syntax
// tree of go.starlark.net/syntax, which starlark.FileProgram resolves
// and compiles. Every synthesised node carries the position of the
// user's construct it stands for, so runtime errors point at the user's
// line and column.
//
// # Desugaring
//
// Constructs that Starlark lacks become calls of runtime builtins,
// which the host must predeclare. Names in angle brackets, such as
// <try 3>, are hidden: they are not identifiers, so scripts cannot
// refer to or collide with them.
//
//	import a.b.c              a = __import__("a.b.c")          (the top package a)
//	import a.b as c           c = __import_module__("a.b")     (the module a.b)
//	from a.b import x as y    y = __import_from__("a.b", "x")
//	class C(B): body          C = __class__("C", (B,), <class C>, "doc")
//	super() in a method       super(C, self)
//	def f with yield          return __generator__(<generator f>)
//	yield v, yield from it    __yield__(v), __yield_from__(it)
//	(e for x in it if c)      __genexp__(it, lambda <genexp 1>:
//	                              [None for x in <genexp 1> if c if __yield__(e)])
//	for x in it               for x in __foriter__(it)      (also comprehensions)
//	a ** b, a @ b, a % b      __pow__(a, b), __matmul__(a, b), __mod__(a, b)
//	a < b, <=, >, >=, ==, !=  __lt__(a, b), __le__, __gt__, __ge__, __eq__, __ne__
//	a is b                    __is__(a, b)
//	a in b, a not in b        __in__(a, b), not __in__(a, b)   (a string literal a
//	                                                       keeps Starlark's in)
//	x[i] (a load)             __getitem__(x, i)            (a lone index; x is
//	                                                       evaluated once)
//	x[a:b:c] (a load)         __getslice__(x, a, b, c)     (None for a missing bound)
//	x[i] = v, del x[i]        x[__index__(x, i)] = v       (x a name or attribute
//	                                                       chain; otherwise
//	                                                       x[__index__(i)] = v)
//	x[a:b] = v                x[slice(a, b, None)] = v
//	n + flag, -flag           __binop__(n, "+", flag), -__boolint__(flag)
//	                                                       (operands that may be
//	                                                       bools, + - * / // << >>
//	                                                       & | ^, boolarith.go;
//	                                                       names proven never to
//	                                                       hold a bool keep the
//	                                                       operator, nativearith.go)
//	x op= y                   x = __augassign__(x, "op=", y)   (x a name, attribute
//	                                                       chain or subscript of one)
//	f()[i] op= y              <container 1> = f()
//	                          <index 2> = __index__(<container 1>, i)
//	                          <container 1>[<index 2>] = __augassign__(
//	                              __getitem__(<container 1>, <index 2>), "op=", y)
//	                                                       (also f().x op= y; a
//	                                                       slice target keeps
//	                                                       Starlark's x op= y)
//	a < b < c                 __chain__(a, "<", lambda: b, "<", lambda: c)
//	x.format(...)             __format_call__(x, ...)
//	x.keys(...), x.sort(...)  __method_call__(x, "keys", ...)    (every method in
//	                                                       pythonOnlyMethods, expr.go)
//	x.__name__, x.center      __attr__(x, "__name__")       (also __qualname__,
//	                                                       __class__, __doc__, __module__
//	                                                       and reads of those methods)
//	t[i, 1:2, ...]            t[(i, slice(1, 2, None), Ellipsis)]
//	assert c, msg             if not c: __assert_fail__(msg)   (msg is None when absent)
//	del x[k], del a.b         __delitem__(x, k), __delattr__(a, "b")
//	del x                     __delname__(<cells N>, "x")
//	f"a{x!r:>8}b"             __fstring__(("a", (x, "r", ">8"), "b"))
//	{a, *b}, {x for ...}      __set__([a, *b]), __set__([x for ...])
//	{**d, "k": v}             __dict_display__(d, {"k": v})
//	{1: a, k: b}              __dict_pairs__(1, a, k, b)    (unless the keys are
//	                                                       distinct string literals)
//	d.get(k), pop, setdefault d.get(__index__(d, k))       (d a name chain, k not
//	                                                       a string literal)
//	[a, *b], (a, *b)          [a] + __iterlist__(b), (a,) + __itertuple__(b)
//	a, *b, c = v              a, b, c = __unpack__(v, 1, 1)
//	f(*a, x, *b, **c, **d)    f(*((__itertuple__(a) + (x,)) + __itertuple__(b)), **__kwargs__(c, d))
//	raise / raise X / from Y  __raise__() / __raise__(X) / __raise__(X, Y)
//	try, with                 block functions and __try__, __with__ (below)
//	for/while ... else        a hidden flag that break sets
//
// Keyword arguments of a call move before *args, as Starlark requires.
// A decorated def or class is followed by f = d1(d2(f)); when a
// decorator mentions the name it decorates, as @x.setter does, the
// decorator expressions are first bound to hidden variables so they see
// the old value. Type annotations, the positional-only marker and
// keyword arguments in a class header are dropped.
//
// # Block functions: try and with
//
// A Go builtin can catch an error only from a callable it calls, so the
// body of each try, except, else, finally and with block becomes a
// nested def, a block function:
//
//	def <try 1>(): body
//	def <except 2>(<exc 3>): e = <exc 3>; handler
//	def <else 4>(): ...
//	def <finally 5>(): ...
//	<flow 6> = __try__(<try 1>, ((lambda: (E1, E2), <except 2>),), <else 4>, <finally 5>)
//	if <flow 6> != None: ...dispatch
//
// A with statement becomes def <with 1>(<value 2>): target = <value 2>;
// body, then <flow 3> = __with__(manager, <with 1>); several items nest.
//
// A block function is transparent: the names it binds belong to the
// enclosing def or module. A return, break or continue that leaves it
// becomes a status value that it returns: ("return", v), "break" or
// "continue". Falling off the end returns None. The code after the
// runtime call dispatches on that value: a break or continue whose loop
// is in the current function runs there, a return at def level returns
// the carried value, and inside another block function the status is
// returned again.
//
// # Cells: assignments that cross function boundaries
//
// Starlark cannot assign a variable of an enclosing function or of the
// module from a nested function. So every name that a block function
// assigns, that a global or nonlocal declaration names, or that
// "del name" deletes lives in a cell object instead: the scope pass
// (scopes.go, rewrite.go) rewrites each use of it into <cells N>.name,
// where N is the nesting depth of the def that owns it (0 for the
// module). A def with celled names starts with <cells N> = __cells__()
// and copies its celled parameters into the cells; the module starts
// with <cells 0> = __module_cells__(("name", ...)). Assignments made
// before an exception are therefore kept, as in Python. Names that stay
// ordinary Starlark variables are untouched.
//
// The same pass makes methods resolve names past the class body, as
// Python does: a class-body name that a method also uses is held in the
// class body as <class attr name>.
//
// # Runtime contracts
//
//   - __class__(name, bases, body, doc) calls body with no arguments.
//     body returns a dict of the names the class body bound, in
//     first-binding order; doc is "" when the class has no docstring.
//   - __generator__(genbody) returns an iterator that runs genbody, a
//     function of no arguments, and produces each value genbody passes
//     to __yield__ or, element by element, to __yield_from__.
//   - __genexp__(iterable, body) returns a lazy generator that runs
//     body(iterable) as its body, producing each value body passes to
//     __yield__. The first iterable is evaluated when the expression
//     is, the rest of the generator expression only on demand.
//   - __getitem__(x, i) returns x[i] and __getslice__(x, lo, hi, step)
//     returns x[lo:hi:step], as Python computes them.
//   - __augassign__(x, op, y) returns the value that x op= y assigns
//     back to x, updating x in place where Python does (list +=, set |=).
//   - __in__(x, y) returns x in y, where a number equals the bool, int,
//     float or NumPy scalar that Python finds equal to it.
//   - __dict_pairs__(k1, v1, ...) returns a dict with the pairs in order.
//     A key equal to an earlier one keeps the earlier key object and
//     replaces its value.
//   - __index__(x, i) returns the key of a dict x that equals i in
//     Python when there is one.
//   - __foriter__(x) returns the characters of a str and x otherwise.
//   - __chain__(x0, op1, f1, op2, f2, ...) compares a chain: with left =
//     x0, for each pair it calls f with no arguments to get right,
//     applies op (one of "<", "<=", ">", ">=", "==", "!=", "in",
//     "not in", "is", "is not") to left and right, returns that result
//     at once when it is false, and otherwise continues with left =
//     right. It returns the last result.
//   - __fstring__(parts) formats a tuple that alternates literal strings
//     and (value, conversion, spec) tuples, starting and ending with a
//     string. conversion is "", "r", "s" or "a"; spec is a format spec,
//     or an __fstring__ call when the spec has nested fields.
//   - __try__(body, handlers, orelse, final) calls body. When it raises,
//     the first handler whose types function (None for a bare except)
//     returns a matching class or tuple of classes is called with the
//     exception. orelse runs when body did not raise, and final always
//     runs; an exception or status value from final replaces the
//     outcome. It returns the status value of the block that decided the
//     outcome, or raises.
//   - __with__(manager, body) calls manager.__enter__(), body(value) and
//     manager.__exit__(type, exc, None), which suppresses the exception
//     when it returns a true value; it returns body's status value.
//   - __raise__() re-raises the exception being handled, __raise__(x)
//     raises x (a class is instantiated) and __raise__(x, y) also sets
//     x.__cause__ = y.
//   - __cells__() returns an empty cells object; __module_cells__(names)
//     returns the module's, which a REPL may start from earlier globals.
//     Reading an unset attribute of cells raises NameError (module) or
//     UnboundLocalError (def). __delname__(cells, "x") unbinds x.
//   - slice(lo, hi, step) and Ellipsis are the index values of a tuple
//     index. A lone slice t[a:b] stays a Starlark slice expression; as an
//     assignment target it becomes t[slice(a, b, None)] instead.
//
// # Not supported
//
// async and await, match, assignment expressions (:=), yield as a
// value, except*, from ... import *, relative imports, complex literals
// and Python 2 print are rejected with a *SyntaxError that names the
// construct at its position.
package syntax
