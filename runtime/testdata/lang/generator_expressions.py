def count():
    n = 0
    while True:
        yield n
        n += 1
def noisy(x):
    print("check", x)
    return x > 2
print(any(noisy(x) for x in [1, 2, 3, 4, 5]))
g = (x * x for x in count())
print(next(g), next(g), next(g))
evens = (n for n in count() if n % 2 == 0)
print([next(evens) for _ in range(4)])
print(sum(x for x in range(10)), "-".join(c.upper() for c in "abc"))
lst = [1, 2, 3]
if any(x == 1 for x in lst):
    lst.append(4)
print(lst, list(y for x in [[1, 2], [3]] for y in x))
print(sorted((v, k) for k, v in {"a": 2, "b": 1}.items()))
gen = (x for x in range(3))
print(list(gen), list(gen))
print(max(len(w) for w in "the quick brown".split()), tuple(i for i in "xy"))
print(dict((k, k * 2) for k in range(3)), set(x % 2 for x in range(5)))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
---
def gen():
    yield 1
    raise ValueError("stop here")  ### ValueError: stop here
total = sum(x for x in gen())
