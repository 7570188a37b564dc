# Arithmetic precedence and unary operators.
print(2 + 3 * 4, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, ~5, +3, - -3)
print(1 << 4, 256 >> 2, 6 & 3, 6 | 3, 6 ^ 3, 1 + 2 << 1)
print(2.0 ** 0.5 == 2 ** 0.5, 10 ** 20)

# Comparisons and chains.
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 5 == 5, 5 != 5)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 != 2)
log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) < v(5) > v(2) == v(2), log)
print(1 in [1, 2], 3 not in [1, 2], 1 in [1] in [[1]], not 1 in [2])
a = [1]
b = a
print(a is b, a is not b, a is [1], None is None, (1 < 2) is True)

# Boolean operators and conditional expressions.
print(0 or 2, 1 and 0, not 0, not 1 and 2, 1 if 0 else 2, "y" if 1 else "n")
print(0 if False else 1 if False else 2)

# Lambdas, comprehensions and generator expressions.
sq = lambda n, k=2: n ** k
print(sq(3), sq(2, k=3), (lambda: 7)(), (lambda *a, **kw: (a, len(kw)))(1, b=2))
print([i * j for i in range(3) for j in range(3) if i < j])
print({k: k ** 2 for k in range(4) if k % 2 == 0})
print(sum(x * x for x in range(4)), sorted(x for x in [3, 1, 2]))
print([(i, c) for i, c in enumerate([10, 20])], [y for (y, z) in [(1, 2)]])
print([lambda_result for lambda_result in [f(1) for f in [lambda n: n + 1]]])
print([[x < y for x in range(2)] for y in range(2)])

# Augmented assignment, chained assignment and unpacking.
n = 2
n **= 3
print(n)
d = {1: 3}
d[1] **= 2
print(d)
p = q = [0]
p.append(1)
print(p, q, p is q)
i, (j, k) = 1, (2, 3)
[m, o] = [4, 5]
print(i, j, k, m, o)
first, = [9]
print(first)

# Calls with every argument form.
def show(a, b=0, *rest, c=1, **kw):
    return [a, b, rest, c, sorted(kw.values())]
print(show(1), show(1, 2, 3, 4, c=5, d=6), show(*[1, 2], **{"c": 3, "e": 4}))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2))
def posonly(a, b, /, c):
    return a - b - c
print(posonly(10, 2, c=3))
def annotated(x: int, y: "float" = 1.0, *args: int, **kw: str) -> int:
    z: int = x
    w: float
    return z + y
print(annotated(1))
