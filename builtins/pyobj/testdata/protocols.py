class Seq:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i] * 10

    def __len__(self):
        return len(self.items)


s = Seq([1, 2, 3])
print(len(s), s[0], s[-1], bool(s), bool(Seq([])))
print(list(s), tuple(s))
total = 0
for x in s:
    total += x
print(total, 20 in s, 25 in s)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            throw(StopIteration())
        self.n -= 1
        return self.n


print(list(Countdown(4)))
out = []
for v in Countdown(3):
    out.append(v)
print(out, 1 in Countdown(3), 7 in Countdown(3))


class Range:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return Countdown(self.n)

    def __contains__(self, x):
        return x == "magic"


r = Range(2)
print(list(r), list(r), "magic" in r, 1 in r)


class Table:
    def __init__(self):
        self.data = {}

    def __setitem__(self, k, v):
        self.data[k] = v * 2

    def __getitem__(self, k):
        return self.data[k]

    def __call__(self, a, b=1):
        return a * 100 + b

    def __repr__(self):
        return "Table(%d)" % len(self.data)

    def __str__(self):
        return "table with %d keys" % len(self.data)

    def __bool__(self):
        return len(self.data) > 1


t = Table()
t["a"] = 1
print(t["a"], t(2), t(3, b=4), bool(t), repr(t), str(t))
print(t)
t["b"] = 2
print(bool(t), repr([t]))
print(fails_type(lambda: t["missing"]))


class Empty:
    pass


e = Empty()
print(bool(e), str(e) == repr(e))
print(fails(lambda: e[0]))
print(fails(lambda: e()))
print(fails(lambda: len(e)))
print(fails(lambda: 1 in e))
print(fails_type(lambda: list(e)))


class BadIter:
    def __iter__(self):
        return 5


print(fails(lambda: list(BadIter())))


class BadRepr:
    def __repr__(self):
        return 5


print(fails(lambda: repr(BadRepr())))
print(fails(lambda: str(BadRepr())))
