package syntax

import (
	"testing"
)

// TestDesugar checks the exact Starlark that each Python construct
// becomes, one row per construct.
func TestDesugar(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"import", "import a.b.c", `a = __import__("a.b.c")`},
		{"import as", "import a.b as c", `c = __import_module__("a.b")`},
		{"import several", "import a, b.c as d", `a = __import__("a")` + "\n" + `d = __import_module__("b.c")`},
		{"from import", "from a.b import x, y as z",
			`x = __import_from__("a.b", "x")` + "\n" + `z = __import_from__("a.b", "y")`},
		{"from import parenthesized", "from a import (x,\n    y,)",
			`x = __import_from__("a", "x")` + "\n" + `y = __import_from__("a", "y")`},
		{"future import dropped", "from __future__ import annotations\nx = 1", `x = 1`},
		{"class", "class C(B1, B2, kw=v):\n    '''Doc.'''\n    a = 1\n    def f(self): pass\n    a = 2\n",
			`def <class C>():
    "Doc."
    a = 1
    def f(self):
        pass
    a = 2
    return {"a": a, "f": f}
C = __class__("C", (B1, B2), <class C>, "Doc.")`},
		{"class without bases", "class C: pass",
			`def <class C>():
    pass
    return {}
C = __class__("C", (), <class C>, "")`},
		{"class binds nested names", "class C:\n    import m\n    class D: pass\n    for i in x: j = i\n    if c:\n        k = 1\n",
			`def <class C>():
    m = __import__("m")
    def <class D>():
        pass
        return {}
    D = __class__("D", (), <class D>, "")
    for i in __foriter__(x):
        j = i
    if c:
        k = 1
    return {"m": m, "D": D, "i": i, "j": j, "k": k}
C = __class__("C", (), <class C>, "")`},
		{"super in method", "class C(B):\n    def f(this, x):\n        return super().f(x)\n",
			`def <class C>():
    def f(this, x):
        return super(C, this).f(x)
    return {"f": f}
C = __class__("C", (B,), <class C>, "")`},
		{"super with arguments unchanged", "super(A, b).f()", `super(A, b).f()`},
		{"generator", "def g(n):\n    for i in range(n):\n        yield i, i\n    yield\n    yield from h()\n    return 3\n",
			`def g(n):
    def <generator g>():
        for i in __foriter__(range(n)):
            __yield__((i, i))
        __yield__(None)
        __yield_from__(h())
        return 3
    return __generator__(<generator g>)`},
		{"generator rebinding a parameter", "def g(n, m):\n    n += 1\n    yield n + m\n",
			`def g(n, m):
    def <generator g>(n=n):
        n = __augassign__(n, "+=", 1)
        __yield__(__binop__(n, "+", m))
    return __generator__(<generator g>)`},
		{"yield in nested def only", "def f():\n    def g():\n        yield 1\n    return g\n",
			`def f():
    def g():
        def <generator g>():
            __yield__(1)
        return __generator__(<generator g>)
    return g`},
		{"decorators", "@d1\n@d2(arg)\ndef f(): pass",
			`def f():
    pass
f = d1(d2(arg)(f))`},
		{"decorator naming the defined function", "@property\ndef x(self): pass\n@x.setter\ndef x(self, v): pass",
			`def x(self):
    pass
x = property(x)
<decorator 1 of x> = x.setter
def x(self, v):
    pass
x = <decorator 1 of x>(x)`},
		{"decorated class", "@d\nclass C: pass",
			`def <class C>():
    pass
    return {}
C = d(__class__("C", (), <class C>, ""))`},
		{"power and matmul", "x = a ** b @ c ** -d", `x = __matmul__(__pow__(a, b), __pow__(c, (-__boolint__(d))))`},
		{"power binds tighter than unary minus", "-a ** b ** c", `(-__pow__(a, __pow__(b, c)))`},
		{"comparisons", "a < b, a <= b, a > b, a >= b, a == b, a != b",
			`(__lt__(a, b), __le__(a, b), __gt__(a, b), __ge__(a, b), __eq__(a, b), __ne__(a, b))`},
		{"membership", "a in b, a not in b, 'k' in d", `(__in__(a, b), (not __in__(a, b)), ("k" in d))`},
		{"identity", "a is b, a is not b", `(__is__(a, b), (not __is__(a, b)))`},
		{"comparison chain", "a < b <= c is not d",
			`__chain__(a, "<", (lambda: b), "<=", (lambda: c), "is not", (lambda: d))`},
		{"not binds looser than comparison", "not a == b", `(not __eq__(a, b))`},
		{"augmented power and matmul", "x **= y\nx.a @= y",
			"x = __pow__(x, y)\nx.a = __matmul__(x.a, y)"},
		{"index operand", "a[i]\nb[0]\nc[-1]\nd['k']\nt[None]\nu.v[f(x)] = 1\ng()[i]", "__getitem__(a, i)\n__getitem__(b, 0)\n__getitem__(c, (-1))\n__getitem__(d, \"k\")\n__getitem__(t, None)\nu.v[__index__(u.v, f(x))] = 1\n__getitem__(g(), i)"},
		{"index nested and slice", "m[i][j]\na[i:j:-1]\nb[True]", "__getitem__(__getitem__(m, i), j)\n__getslice__(a, i, j, (-1))\n__getitem__(b, True)"},
		{"augmented native", "x += 1\nx[i] //= 2\nx.a <<= 3", `x = __augassign__(x, "+=", 1)` + "\n" +
			`x[__index__(x, i)] = __augassign__(__getitem__(x, i), "//=", 2)` + "\n" +
			`x.a = __augassign__(x.a, "<<=", 3)`},
		{"augmented call in the target", "m[i][j] += 1\nf().x |= s",
			"<container 1> = __getitem__(m, i)\n<index 2> = __index__(<container 1>, j)\n" +
				"<container 1>[<index 2>] = __augassign__(__getitem__(<container 1>, <index 2>), \"+=\", 1)\n" +
				"<container 3> = f()\n<container 3>.x = __augassign__(<container 3>.x, \"|=\", s)"},
		{"augmented slice of a call", "f()[1:2] += t", "f()[slice(1, 2, None)] += __boolint__(t)"},
		{"store into a nested subscript", "m[i][j] = v\ndel m[i][j]\nm[i][1:2] = v",
			"__getitem__(m, i)[__index__(j)] = v\n__delitem__(__getitem__(m, i), __index__(j))\n__getitem__(m, i)[slice(1, 2, None)] = v"},
		{"bool operands through names", "t + 1\n-t\nn += flag\n1 + 2 * x\ns | t",
			"__binop__(t, \"+\", 1)\n(-__boolint__(t))\nn = __augassign__(n, \"+=\", flag)\n(1 + __binop__(2, \"*\", x))\n__binop__(s, \"|\", t)"},
		{"native arithmetic on proven names",
			"a = 1\nb = a - 2\nc = a if b else b * 2\nd = c & a\nt = True\ne = t + a\nprint(a - b, -a, b << c, d - 1)",
			"a = 1\nb = (a - 2)\nc = (a if b else (b * 2))\nd = (c & a)\nt = True\ne = __binop__(t, \"+\", a)\nprint((a - b), (-a), (b << c), (d - 1))"},
		{"no native arithmetic before the binding", "x = a - 1\na = 2\ny = a - 1",
			"x = __binop__(a, \"-\", 1)\na = 2\ny = (a - 1)"},
		{"no native arithmetic for a rebound name", "a = 1\nif c:\n    a = True\nz = a - 1",
			"a = 1\nif c:\n    a = True\nz = __binop__(a, \"-\", 1)"},
		{"native arithmetic on locals", "def f(x, k=a - 1):\n    y = 2\n    for i in x:\n        y = y + i\n    return y - 1, x - 1, i - 1, g - 1, (lambda: y - 1)",
			"def f(x, k=__binop__(a, \"-\", 1)):\n    y = 2\n    for i in __foriter__(x):\n        y = __binop__(y, \"+\", i)\n    return ((y - 1), __binop__(x, \"-\", 1), __binop__(i, \"-\", 1), __binop__(g, \"-\", 1), ((lambda: __binop__(y, \"-\", 1))))"},
		{"module names stay wrapped in defs", "a = 1\ndef f():\n    return a - 1",
			"a = 1\ndef f():\n    return __binop__(a, \"-\", 1)"},
		{"tensor class calls are no bools", "from mindspore import Tensor\nx = Tensor(v)\nz = x - x\nw = [x - i for i in r]",
			"Tensor = __import_from__(\"mindspore\", \"Tensor\")\nx = Tensor(v)\nz = (x - x)\nw = [__binop__(x, \"-\", i) for i in __foriter__(r)]"},
		{"chained assignment", "a = b[0] = c", `(a, b[__index__(b, 0)]) = ((c,) * 2)`},
		{"annotated assignment", "x: int = 1\ny: float\nz.w: T = 2", "x = 1\nz.w = 2"},
		{"tuple index", "t[i, j]", `t[(i, j)]`},
		{"full slice in tuple", "t[:, 0]", `t[(slice(None, None, None), 0)]`},
		{"ellipsis index", "t[..., 1:3]", `t[(Ellipsis, slice(1, 3, None))]`},
		{"none index", "t[None]", `__getitem__(t, None)`},
		{"step and none", "t[::2, None]", `t[(slice(None, None, 2), None)]`},
		{"one-tuple index", "t[i,]", `t[(i,)]`},
		{"lone slice", "t[a:b], t[::c], t[:], t[1:-2]",
			`(__getslice__(t, a, b, None), __getslice__(t, None, None, c), __getslice__(t, None, None, None), __getslice__(t, 1, (-2), None))`},
		{"tuple index target", "t[0, 1:] = v", `t[(0, slice(1, None, None))] = v`},
		{"slice target", "t[1:2] = v", `t[slice(1, 2, None)] = v`},
		{"assert", "assert c", `if (not c):
    __assert_fail__(None)`},
		{"assert with message", "assert x == 5, 'x is %d' % x", `if (not __eq__(x, 5)):
    __assert_fail__(__mod__("x is %d", x))`},
		{"del", "del x[k], a.b\ndel t[1:2]",
			"__delitem__(x, __index__(x, k))\n__delattr__(a, \"b\")\n__delitem__(t, slice(1, 2, None))"},
		{"constants", "True, False, None", `(True, False, None)`},
		{"main guard", "if __name__ == '__main__':\n    main()", `if __eq__(__name__, "__main__"):
    main()`},
		{"fstring", `f"a{x!r:>8.3f}b"`, `__fstring__(("a", (x, "r", ">8.3f"), "b"))`},
		{"fstring adjacent fields", `f"{x}{y:d}"`, `__fstring__(("", (x, "", ""), "", (y, "", "d"), ""))`},
		{"fstring self-documenting", `f"{x = }"`, `__fstring__(("x = ", (x, "r", ""), ""))`},
		{"fstring joined with literals", `"a" f"{x}" 'b'`, `__fstring__(("a", (x, "", ""), "b"))`},
		{"generator expression argument", "sum(x for x in y if x)", `sum(__genexp__(y, (lambda <genexp 1>: [None for x in __foriter__(<genexp 1>) if x if __yield__(x)])))`},
		{"parenthesized generator expression", "(x for x in y)", `__genexp__(y, (lambda <genexp 1>: [None for x in __foriter__(<genexp 1>) if __yield__(x)]))`},
		{"dict comprehension", "{k: v for k, v in items}", `{k: v for (k, v) in __foriter__(items)}`},
		{"ellipsis statement", "def f(): ...", "def f():\n    pass"},
		{"ellipsis value", "x = ...", "x = Ellipsis"},
		{"lambda", "lambda a, b=1, *c, d, **e: a", `(lambda a, b=1, *c, d, **e: a)`},
		{"positional-only marker dropped", "def f(a, /, b): pass", "def f(a, b):\n    pass"},
		{"bytes literal", `b"a\x00" rb"\n"`, `b"a\x00\\n"`},
		{"big int literal", "123456789012345678901234567890", `123456789012345678901234567890`},
		{"conditional and boolean", "a if b or c else not d and e", `(a if (b or c) else ((not d) and e))`},
		{"try with every clause", "try:\n    f()\nexcept (A, B) as e:\n    g(e)\nexcept:\n    pass\nelse:\n    h()\nfinally:\n    k()",
			`<cells 0> = __module_cells__(("e",))
def <try 1>():
    f()
def <except 3>(<exc 2>):
    <cells 0>.e = <exc 2>
    g(<cells 0>.e)
def <except 5>(<exc 4>):
    pass
def <else 6>():
    h()
def <finally 7>():
    k()
<flow 8> = __try__(<try 1>, (((lambda: (A, B)), <except 3>), (None, <except 5>)), <else 6>, <finally 7>)`},
		{"return through finally", "def f(x):\n    try:\n        return x\n    finally:\n        x = 0",
			`def f(x):
    <cells 1> = __cells__()
    <cells 1>.x = x
    def <try 1>():
        return ("return", <cells 1>.x)
    def <finally 2>():
        <cells 1>.x = 0
    <flow 3> = __try__(<try 1>, (), None, <finally 2>)
    if (<flow 3> != None):
        return <flow 3>[1]`},
		{"break and continue in try", "for i in y:\n    try:\n        break\n    except E:\n        continue",
			`for i in __foriter__(y):
    def <try 1>():
        return "break"
    def <except 3>(<exc 2>):
        return "continue"
    <flow 4> = __try__(<try 1>, (((lambda: E), <except 3>),), None, None)
    if (<flow 4> != None):
        if (<flow 4> == "break"):
            break
        if (<flow 4> == "continue"):
            continue`},
		{"with several items", "with m() as (a, b), n():\n    use(a)",
			`<cells 0> = __module_cells__(("a", "b"))
def <with 5>(<value 4>):
    (<cells 0>.a, <cells 0>.b) = <value 4>
    def <with 2>(<value 1>):
        use(<cells 0>.a)
    <flow 3> = __with__(n(), <with 2>)
<flow 6> = __with__(m(), <with 5>)`},
		{"raise from", "raise E from None",
			`__raise__(E, None)`},
		{"global declaration", "def f():\n    global g\n    g = 1",
			`<cells 0> = __module_cells__(("g",))
def f():
    pass
    <cells 0>.g = 1`},
		{"nonlocal declaration", "def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1",
			`def f():
    <cells 1> = __cells__()
    <cells 1>.n = 0
    def inc():
        pass
        <cells 1>.n = __augassign__(<cells 1>.n, "+=", 1)`},
		{"del name", "del x",
			`<cells 0> = __module_cells__(("x",))
__delname__(<cells 0>, "x")`},
		{"starred target", "a, *b = c",
			`(a, b) = __unpack__(c, 1, 0)`},
		{"displays and formatting", "x = {1, *y}, {**d, \"k\": 1}, \"%d\" % n, \"{}\".format(v), f.__name__",
			`x = (__set__(([1] + __iterlist__(y))), __dict_display__(d, {"k": 1}), __mod__("%d", n), __format_call__("{}", v), __attr__(f, "__name__"))`},
		{"for else", "for k in range(3):\n    pass\nelse:\n    done()\n",
			`<broke 1> = False
for k in __foriter__(range(3)):
    pass
if (not <broke 1>):
    done()`},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			f, err := Parse("test.py", []byte(test.src))
			if err != nil {
				t.Fatalf("Parse failed: %v", err)
			}
			if got := unparse(f.Stmts); got != test.want {
				t.Errorf("desugared form differs\nsource:\n%s\ngot:\n%s\nwant:\n%s", test.src, got, test.want)
			}
		})
	}
}
