e = ValueError("bad value")
print(repr(e.args), str(e), repr(e))
print(repr(ValueError()), str(ValueError()) == "", str(ValueError(1, "two")), repr(ValueError(1, "two")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(StopIteration().value, StopIteration(5).value, StopIteration(5).args)
print(fails(lambda: ValueError(x=1)))
print(fails(throw, ValueError("thrown")))
print(fails(throw, TypeError))
print(fails(throw, KeyError("key")))
print(fails(throw, IndexError()))
print(fails(throw, 3))


class MyError(ValueError):
    def __init__(self, code):
        super(MyError, self).__init__("code %d" % code)
        self.code = code


class Quiet(RuntimeError):
    def __init__(self, a, b):
        self.total = a + b


m = MyError(3)
print(m.code, repr(m.args), str(m), repr(m), isinstance(m, ValueError), isinstance(m, Exception))
print(fails(throw, m))
q = Quiet(1, 2)
print(q.total, q.args, str(q), repr(q))


class Described(Exception):
    def __str__(self):
        return "described"


print(fails(throw, Described("ignored")), repr(Described("x")))
print(ValueError.__name__, ValueError.__mro__)
print(ValueError("a") == ValueError("a"))
