# Set and frozenset behaviour beyond iteration order: types, methods,
# operators, comparisons and the errors CPython raises.
s = {3, 1, 2}
print(s, type(s), isinstance(s, set), isinstance(s, frozenset))
print(set([5, 0, 3]), {-1, 3}, set(), frozenset(), frozenset([3, 2, -1]))
print(type(frozenset()), isinstance(frozenset(), frozenset), set.__name__)
print(set("abc") == {"a", "b", "c"}, len(set("hello")), set(range(5)))
print({1, 1.0, True}, {True, 1, 1.0}, {0.0, 0, False}, {1.5, 2.5, -0.5})
print({(1, 2), (2, 1), (1, 2.0)}, {None, 0}, {-2, -1}, {2**61, 1})
print({x * x for x in range(-3, 4)}, {x % 4 for x in range(10)})
labels = [2, 0, 1, 2, 1, 0, 3]
print(set(labels), sorted(set(labels)), list(set(labels)), len(set(labels)))
a = 0
print({0, 8, 16, 24, 32}, {a, 8, 16, 24, 32}, {(1, 2), -3, 0.5, None, 64, 128, 7, -(2), 2**3})
for c in set([10, 2, 7]):
    print("class", c)
---
s = {1, 2}
s.add(3)
s.add(2)
print(s, s.discard(9), s.discard(1), s)
s.remove(2)
print(s, 3 in s, 2 in s, 2 not in s)
c = s.copy()
c.add(7)
print(s, c, s.pop(), s, c.pop(), c)
c.clear()
print(c, bool(c), bool({0}))
u = {1, 2, 3}
print(u.union(), u.union([4], (5,), {6}), u.intersection([2, 3, 9], {3}), u.difference({1}, [2]))
print(u.symmetric_difference([3, 4]), u.issubset(range(5)), u.issuperset([1, 2]), u.isdisjoint([7]))
u.update([4], {5})
u.intersection_update(range(2, 9), [2, 3, 4, 5, 8])
print(u)
u.difference_update([2], {3})
u.symmetric_difference_update([5, 6])
print(u)
---
a = {1, 2, 3}
b = {2, 3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a == b, a != b, a == {3, 2, 1}, {1} < a, a < a, a <= a, a > {1}, a >= b)
print({1, 2} == frozenset([1, 2]), frozenset([1]) | {2}, {2} | frozenset([1]))
print(frozenset([1, 2]) & {2}, frozenset([1, 2]).union([3]), type(frozenset([1]) - {1}))
f = frozenset([3, 1])
print(f.copy() is f, frozenset(f) is f, hash(frozenset([1, 2])), hash(frozenset()))
print({f: "ok"}, {frozenset([1]), frozenset([1.0])}, f in {frozenset([1, 3])})
print({1, 2} in {frozenset([1, 2])}, set.union({1}, [2]), frozenset.intersection(f, [1]))
---
d = {5: 50, 2: 20, 9: 90}
print(set(d), d.keys() | {1}, {1} | d.keys(), d.keys() & {5, 9, 0}, {0, 9} & d.keys())
print(d.keys() - {5}, {5, 7} - d.keys(), d.keys() ^ {2, 8}, [8, 2] | d.keys())
print(d.items() ^ {5: 50, 6: 60}.items(), d.items() & {(2, 20)}, d.keys() == {9, 5, 2})
print(d.keys() | d.keys(), d.items() | {(1, 1)})
---
x = {1}
x |= {2}
x -= {1}
x ^= {3, 2}
x &= {3}
print(x)
---
s = {3, 4}
s.remove(5)  ### KeyError: 5
---
set().pop()  ### KeyError: pop from an empty set
---
{[1]}  ### TypeError: unhashable type: 'list'
---
{1}.add({2})  ### TypeError: unhashable type: 'set'
---
hash({1})  ### TypeError: unhashable type: 'set'
---
set(1)  ### TypeError: 'int' object is not iterable
---
set([1], [2])  ### TypeError: set expected at most 1 argument, got 2
---
{1}.union(5)  ### TypeError: 'int' object is not iterable
---
{1}.add()  ### TypeError: set.add() takes exactly one argument (0 given)
---
frozenset([1]).add(2)  ### AttributeError: 'frozenset' object has no attribute 'add'
---
[1] in {1}  ### TypeError: unhashable type: 'list'
---
import numpy as np
a = np.array([3, 1, 2, 3, 1])
print(set(a), set(a.tolist()), {np.int64(5), 5, np.float64(5.0)}, {np.float32(0.5), 0.5})
print(set(np.array([2.5, -1.0, 7.0])), np.int64(3) in {3}, 3 in {np.int64(3)}, set(np.array([True, False])))
print(len(set([np.int64(1), 1, True, np.bool_(True)])), set(np.array([40, -1, 8, 16])))
