def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

def bare(n):
    for _ in range(n):
        yield

def delegate():
    yield -1
    yield from count(2)
    yield from [7, 8]
    yield -2

def early(items):
    for x in items:
        if x < 0:
            return
        yield x

def rebinds(n, step=1):
    while n > 0:
        yield n
        n -= step

def tuples(pairs):
    for a, b in pairs:
        yield a + b, a * b

def nested(n):
    def inner(k):
        return k * 100
    for i in range(n):
        yield inner(i)

def with_default(x=None, *args, **kw):
    yield x
    yield args
    yield len(kw)

print(list(count(3)), list(bare(2)), list(delegate()))
print(list(early([1, 2, -1, 3])), list(rebinds(5, step=2)), list(rebinds(3)))
print(list(tuples([(1, 2), (3, 4)])), list(nested(3)), list(with_default(1, 2, k=3)))
print(sum(count(5)), [x * 2 for x in count(3)])
