# Messages and types of errors that builtins, str and list methods and
# operators raise, as CPython 3.11 words them.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

show("str.index", lambda: "abc".index("z"))
show("str.rindex", lambda: "abc".rindex("z"))
show("str.split", lambda: "a".split(""))
show("list.remove", lambda: [1].remove(2))
show("list.pop empty", lambda: [].pop())
show("list.pop index", lambda: [1].pop(5))
show("chr", lambda: chr(-1))
show("ord", lambda: ord("ab"))
show("int base", lambda: int("z", 40))
show("list.pop empty at 0", lambda: [].pop(0))
---
# Unsupported operands: sequences get their own wording.
for a, b in [("a", 1), ([1], (1,)), ((1,), "x"), ([1], "a"), ("a", 1.5), (1, "a"), (None, 1)]:
    try:
        a + b
    except TypeError as e:
        print(e)
    try:
        a * b
    except TypeError as e:
        print(e)
---
# Division by zero on ints and modulo on floats.
x = 0
for op in ["//", "%", "/", "float %"]:
    try:
        if op == "//":
            print(10 // x)
        elif op == "%":
            print(10 % x)
        elif op == "/":
            print(10 / x)
        else:
            print(1.5 % x)
    except ZeroDivisionError as e:
        print(op, e)
---
# An uncaught floor division by zero.
def f(v):
    return 10 // v  ### ZeroDivisionError: integer division or modulo by zero
f(0)
---
# Counter + and - keep positive counts, keys of the left operand first.
from collections import Counter
print(Counter(a=3, b=1) + Counter(a=1, c=2))
print(Counter(a=3) - Counter(a=5))
print(Counter(a=3, b=-1) + Counter(b=1, c=0))
print(Counter(a=1) - Counter(b=-2, a=0))
print(Counter("abc") - Counter("b"), Counter("aab") + Counter())
c = Counter("ab")
c += Counter("b")
print(c)
try:
    Counter() + {}
except TypeError as e:
    print(e)
---
# The repr of a lambda names it <lambda>.
f = lambda x: x
print(f.__name__, repr(f)[:18])
