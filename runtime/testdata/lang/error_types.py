# Exception types and messages of arithmetic overflow, ordering of
# unorderable values and unbounded recursion, as CPython words them.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 2 ** 10000 + 0.5)
show(lambda: 0.5 * 10 ** 400)
show(lambda: float(2 ** 10000))
show(lambda: 10 ** 400 < 1.0)
show(lambda: 10 ** 400 == 1.5)
show(lambda: sorted([1, "a"]))
show(lambda: sorted(["a", 1]))
show(lambda: sorted([1, 2, "b", 3]))
show(lambda: [3, None].sort())
show(lambda: 1 < "a")
show(lambda: "a" >= 2.5)
show(lambda: None > 0)
show(lambda: max(1, "a"))
show(lambda: min([2, "b"]))
show(lambda: [1] < ["a"])
show(lambda: (1, "x") <= (1, 2))
show(lambda: sorted([(1, 2), (1, "x")]))
show(lambda: sorted([{}, {}]))
show(lambda: sorted([1, 2], key=lambda v: "a" if v == 1 else 0))
print(isinstance(OverflowError(), ArithmeticError), issubclass(RecursionError, RuntimeError))
---
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__ + ":", e)
---
print(2 ** 10000 + 0.5) ### OverflowError: int too large to convert to float
---
sorted([1, "a"]) ### TypeError: '<' not supported between instances of 'str' and 'int'
---
def loop():
    return loop() ### RecursionError: maximum recursion depth exceeded
loop()
