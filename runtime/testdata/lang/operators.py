# Arithmetic operators on plain values keep Python's meaning.
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5, 10 ** 20)
print(7 // 2, -7 // 2, 7.5 // 2, 7 % 3, -7 % 3, 7.5 % 2, ~5, ~-1, -(-3))
print(1 / 4, 3 * "ab", [0] * 3, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, 256 >> 2)
---
# Identity, membership and chained comparisons.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, 3 not in a, 2 in a)
print(1 < 2 < 3, 3 > 2 > 2, 1 <= 1 < 2 == 2, 0 < 5 != 4, "a" < "b" <= "b")
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(0) < val(2), calls)
x = 5
print(0 <= x < 10, not 0 <= x < 3)
---
# Augmented assignment on names, attributes, subscripts.
class Acc:
    def __init__(self):
        self.total = 1
acc = Acc()
acc.total += 4
acc.total *= 3
acc.total **= 2
d = {"k": 10}
d["k"] //= 3
d["k"] %= 2
n = 7
n -= 2
n <<= 2
n >>= 1
n |= 1
n &= 7
n ^= 2
s = "ab"
s += "c"
s *= 2
lst = [1]
lst += [2]
print(acc.total, d, n, s, lst)
---
# Operator methods of script classes, with reflected fallbacks.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 2, 3 * v, w / 2, -v, v ** 2, v @ w)
print(v == Vec(1, 2), v != w, v < w, w > v, sorted([w, v]))
---
# sum() adds bools as the ints they subclass.
print(sum([True, True, False]), sum([x > 1 for x in range(5)]), sum([], True), sum([0.5, True]))
---
# Arithmetic treats bools from comparisons as the ints they subclass.
hits = 0
for p, l in [(1, 1), (2, 0), (3, 3)]:
    hits += p == l
print(hits, True + True, (2 > 1) * 5, 10 - (1 in [1]), (not 0) / 2, 7 // (3 > 2))
