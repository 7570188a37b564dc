# with: context managers written in script, exceptions inside the block.
class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

with Timer("a") as t:
    print("body of", t.name)
with Timer("outer"), Timer("inner") as inner:
    print("nested", inner.name)
with Timer("suppress"):
    raise KeyError("dropped")
print("after suppress")
try:
    with Timer("propagate"):
        raise ValueError("kept")
except ValueError as e:
    print("caught", e)
def find(items, wanted):
    for item in items:
        with Timer(str(item)):
            if item == wanted:
                return item
print(find([1, 2, 3], 2))
---
# Decorators of any callable, with and without arguments.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__ if hasattr(fn, "__name__") else "?", args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
def repeat(n):
    def deco(fn):
        def run(*args):
            return [fn(*args) for _ in range(n)]
        return run
    return deco
class Registry:
    def __init__(self):
        self.names = []
    def __call__(self, fn):
        self.names.append(fn.__name__)
        return fn
registry = Registry()
@registry
@trace
def add(a, b=1):
    return a + b
@repeat(3)
def hello(name):
    return "hi " + name
print(add(2, b=5), hello("x"), registry.names)
---
# lambda, sorting keys, closures.
square = lambda x: x * x
pairs = sorted([(3, "c"), (1, "a"), (2, "b")], key=lambda p: -p[0])
def counter():
    count = [0]
    def step(by=1):
        count[0] += by
        return count[0]
    return step
c = counter()
print(square(7), pairs, c(), c(5), (lambda *a, **k: (a, k))(1, x=2))
---
# Star-unpacking in calls, assignments and displays.
def show(*args, **kwargs):
    return args, kwargs
first, *middle, last = range(6)
head, *tail = "abc"
(a, b), c = (1, 2), 3
print(first, middle, last, head, tail, a, b, c)
xs = [1, 2]
ys = (3, 4)
print([*xs, *ys, 5], (*xs, 0), {*xs, 2}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(show(*xs, 9, *ys, key=1, **{"other": 2}))
print(show(*xs, sep="-"))
for i, *rest in [(1, 2, 3), (4, 5)]:
    print(i, rest)
x, *y = [1]
print(x, y)
---
a, *b, c = [1] ### ValueError: not enough values to unpack
---
# del of names, items, slices and attributes.
class Box:
    pass
box = Box()
box.size = 3
items = [0, 1, 2, 3, 4, 5]
table = {"a": 1, "b": 2}
del items[0], items[-1]
del items[1:3]
del table["a"]
del box.size
gone = 1
del gone
print(items, table, hasattr(box, "size"))
def local_del():
    v = 10
    del v
    try:
        print(v)
    except NameError as e:
        print("NameError after del")
local_del()
print(gone) ### NameError: name 'gone' is not defined
---
# while, break, continue and else clauses on loops.
n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
for k in range(3):
    pass
else:
    print("for else ran", k)
for k in range(3):
    if k == 1:
        break
else:
    print("not printed")
while n > 0:
    n -= 4
else:
    print("while else ran", n)
---
# Recursion, global and nonlocal.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fact(20), fib(15))
calls = 0
def tick():
    global calls
    calls += 1
    return calls
tick(); tick()
print("calls", calls)
def make_acc():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
acc = make_acc()
acc(5)
print("acc", acc(7))
def outer():
    level = "outer"
    def middle():
        def inner():
            nonlocal level
            level = "changed by inner"
        inner()
    middle()
    return level
print(outer())
---
# pass, print with sep, end and flush.
def nothing():
    pass
class Empty:
    pass
print(nothing(), type(Empty()).__name__)
print(1, 2, 3, sep=", ", end=" |\n")
print("a", "b", sep="", flush=True)
print("no newline", end="")
print()
print(*[1, 2, 3], sep="-")
