class Meters:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v) * 2


m = Meters(3.7)
print(int(m), float(m), int("42"), float("1.5"), int(2.9), float(3))
print(str(5), str(1.5), str([1, "a", 2.5]), str(("x",)), str({"k": [1.0, None]}), str(None), str(True))
print(repr("it's"), repr('say "hi"'), repr("tab\tnew\nline"), repr(1234567.0), repr(1e16), repr(1e-5), repr(0.1))
print(bool(0), bool(1), bool([]), bool(m), list((1, 2)), tuple([3]), repr(dict(a=1)))
print(len([1, 2]), len("abc"), len({}), abs(-3), abs(-2.5))
print(fails(lambda: int(object())))
print(fails(lambda: len(5)))
print(fails(lambda: object().x))
print(repr(object()).startswith("<object object"))
print(repr(float("inf")), repr(-float("inf")), repr(2.0 ** 70), str(1e22), repr(-0.0))
