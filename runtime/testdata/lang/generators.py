# Generators are lazy: values are produced as the consumer asks.
def count_up(n):
    print("start")
    for i in range(n):
        print("produce", i)
        yield i
    print("done")
g = count_up(3)
print("created")
print(next(g))
for v in g:
    print("got", v)
---
# yield from, return values and generator expressions.
def inner():
    yield 1
    yield 2
def outer():
    yield 0
    yield from inner()
    yield from [3, 4]
print(list(outer()), sum(x * x for x in range(4)), list(x for x in "ab"))
---
# Consumed by list, next, zip, enumerate, sorted, sum, min, max, dict.
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(4)), next(squares(5)), next(iter(squares(0)), "default"))
print(list(zip(squares(3), "abc")), list(enumerate(squares(3), 1)))
print(sorted(squares(4), reverse=True), sum(squares(4)), max(squares(4)), min(squares(4)))
print(dict((str(v), v) for v in squares(3)), tuple(squares(3)), [v for v in squares(3) if v])
---
# Infinite generators stopped early by the consumer.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n > 3:
        break
    print("n", n)
print(list(zip(naturals(), ["a", "b", "c"])))
it = naturals()
print([next(it) for _ in range(5)])
---
# Generators with state, arguments and try/finally.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def take(gen, k):
    out = []
    for v in gen:
        if len(out) == k:
            break
        out.append(v)
    return out
print(take(fib(), 10))
def guarded():
    try:
        yield "first"
        yield "second"
    finally:
        print("cleanup")
print(list(guarded()))
def batches(data, size):
    batch = []
    for item in data:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batches(range(7), 3)))
---
# A script class as an iterator.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)])
c = Countdown(1)
print(next(c), next(c, "exhausted"))
---
def empty():
    return
    yield
g = empty()
next(g) ### StopIteration
---
def failing():
    yield 1
    raise ValueError("generator failed") ### ValueError: generator failed
print(list(failing()))
