# A randomised differential test of set iteration order. The operations
# come from a fixed linear congruential generator, so CPython and
# cellscript run the same sequence, and every result is printed in
# iteration order, which must match CPython 3.11's byte for byte.

state = [12345]


def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return (state[0] >> 8) % n


POOLS = [
    list(range(0, 40)),
    list(range(-6, 6)),
    [8 * k for k in range(12)] + [32 * k + 1 for k in range(8)],
    [2**61 - 2, 2**61 - 1, 2**61, 2**61 + 5, 2**64, -(2**61), -(2**63) - 7, 10**20],
    [0.5, 1.0, 2.25, -3.5, 1e-3, 1e100, float("inf"), float("-inf"), 6.0, -0.0, 0.1],
    [True, False, None, 1, 0],
    [(1, 2), (2, 1), (0,), (), (None, 1), ((1, 2), 3), (1.5, -1), (True, 0)],
]


def value():
    pool = POOLS[rand(len(POOLS))]
    return pool[rand(len(pool))]


def values(n):
    return [value() for _ in range(n)]


def dict_of(n):
    # Starlark dicts keep True and 1 as two keys, so the dicts here hold
    # no bools, which keeps this test about sets.
    d = {}
    for v in values(n):
        if not isinstance(v, bool):
            d[v] = 1
    return d


def show(label, s):
    print(label, len(s), s, list(s))


sets = [set(), set(values(3)), set(values(9)), set(values(25))]
for step in range(500):
    i = rand(len(sets))
    j = rand(len(sets))
    a = sets[i]
    b = sets[j]
    op = rand(30)
    label = str(step) + ":" + str(op)
    if op == 0:
        a.add(value())
        show(label, a)
    elif op == 1:
        for v in values(rand(20)):
            a.add(v)
        show(label, a)
    elif op == 2:
        for v in values(rand(10)):
            a.discard(v)
        show(label, a)
    elif op == 3:
        popped = []
        for _ in range(min(len(a), rand(6))):
            popped.append(a.pop())
        print(label, popped)
        show(label, a)
    elif op == 4:
        show(label, a | b)
    elif op == 5:
        show(label, a & b)
    elif op == 6:
        show(label, a - b)
    elif op == 7:
        show(label, a ^ b)
    elif op == 8:
        a.update(values(rand(15)))
        show(label, a)
    elif op == 9:
        a.update(b)
        show(label, a)
    elif op == 10:
        a.intersection_update(b)
        show(label, a)
    elif op == 11:
        a.difference_update(b)
        show(label, a)
    elif op == 12:
        a.symmetric_difference_update(b)
        show(label, a)
    elif op == 13:
        show(label, set(a))
    elif op == 14:
        show(label, a.union(values(rand(8)), b))
    elif op == 15:
        show(label, a.intersection(values(rand(30))))
    elif op == 16:
        show(label, a.difference(values(rand(8)), b))
    elif op == 17:
        show(label, a.symmetric_difference(values(rand(12))))
    elif op == 18:
        d = dict_of(rand(12))
        show(label, set(d))
        a.update(d)
        show(label, a)
    elif op == 19:
        d = dict_of(rand(12))
        a = {v for v in a if not isinstance(v, bool)}
        show(label, a - d.keys())
        show(label, d.keys() - a)
        show(label, a & d.keys())
        show(label, d.keys() | a)
        show(label, a ^ d.keys())
    elif op == 20:
        show(label, frozenset(a))
        show(label, frozenset(a) | b)
        show(label, b & frozenset(a))
    elif op == 21:
        print(label, a == b, a <= b, a < b, a >= b, a.isdisjoint(b), a.issubset(b), a.issuperset(values(3)))
    elif op == 22:
        sets[i] = set(values(rand(40)))
        show(label, sets[i])
    elif op == 23:
        sets[i] = {v for v in values(rand(20))}
        show(label, sets[i])
    elif op == 24:
        x, y, z = values(3)
        sets[i] = {x, y, z}
        show(label, sets[i])
    elif op == 25:
        c = a.copy()
        c.add(value())
        show(label, c)
    elif op == 26:
        a.difference_update(values(rand(30)))
        show(label, a)
    elif op == 27:
        show(label, {(v, w) for v in a for w in b if rand(3) == 0})
    elif op == 28:
        a.clear()
        a.update(values(rand(10)))
        show(label, a)
    else:
        a.symmetric_difference_update(values(rand(10)))
        show(label, a)
    if len(sets[i]) > 200:
        sets[i] = set(values(5))
