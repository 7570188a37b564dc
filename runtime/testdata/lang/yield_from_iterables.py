# yield from walks a str by characters, dict views, sets and
# generators, as CPython does.
def g(s):
    yield from s
print(list(g("ab")), list(g("héllo")), list(g({3: 1, 4: 2}.keys())), sorted(g({5, 6})))
def h():
    yield from g(range(3))
    yield from [7, 8]
print(list(h()))
try:
    list(g(5))
except TypeError as e:
    print(e)
