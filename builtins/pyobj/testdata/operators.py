class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Num(%s)" % repr(self.v)

    def __add__(self, o):
        return Num(self.v + val(o)) if ok(o) else NotImplemented

    def __radd__(self, o):
        return Num(val(o) + self.v) if ok(o) else NotImplemented

    def __sub__(self, o):
        return Num(self.v - val(o)) if ok(o) else NotImplemented

    def __rsub__(self, o):
        return Num(val(o) - self.v) if ok(o) else NotImplemented

    def __mul__(self, o):
        return Num(self.v * val(o)) if ok(o) else NotImplemented

    def __rmul__(self, o):
        return Num(val(o) * self.v) if ok(o) else NotImplemented

    def __truediv__(self, o):
        return Num(self.v / val(o))

    def __rtruediv__(self, o):
        return Num(val(o) / self.v)

    def __floordiv__(self, o):
        return Num(self.v // val(o))

    def __mod__(self, o):
        return Num(self.v % val(o))

    def __and__(self, o):
        return Num(self.v & val(o))

    def __or__(self, o):
        return Num(self.v | val(o))

    def __xor__(self, o):
        return Num(self.v ^ val(o))

    def __lshift__(self, o):
        return Num(self.v << val(o))

    def __rshift__(self, o):
        return Num(self.v >> val(o))

    def __pow__(self, o):
        return Num(self.v ** val(o))

    def __rpow__(self, o):
        return Num(val(o) ** self.v)

    def __matmul__(self, o):
        return Num(self.v * val(o) + 1000)

    def __rmatmul__(self, o):
        return Num(val(o) * self.v + 2000)

    def __neg__(self):
        return Num(-self.v)

    def __pos__(self):
        return Num(self.v + 0.5)

    def __abs__(self):
        return Num(abs(self.v))

    def __invert__(self):
        return Num(~self.v)

    def __lt__(self, o):
        return self.v < val(o)

    def __le__(self, o):
        return self.v <= val(o)

    def __eq__(self, o):
        return ok(o) and self.v == val(o)

    def __hash__(self):
        return hash(self.v)


def ok(o):
    return isinstance(o, (int, float, Num))


def val(o):
    return o.v if isinstance(o, Num) else o


a = Num(7)
b = Num(2)
print(a + b, a + 1, 1 + a, a - b, a - 1, 10 - a)
print(a * b, a * 3, 3 * a, a / b, 7 / b, a // b, a % b)
print(a & b, a | b, a ^ b, a << b, a >> 1)
print(a ** b, 3 ** b, a @ b, 3 @ b, -a, +a, abs(Num(-4)), ~a)
print(a < b, a <= b, a > b, a >= b, a == Num(7), a != Num(7), a != b)
print(3 > a, 3 >= a, 7 == a, 8 != a)
print(fails(lambda: 3 < a))
print(fails(lambda: a + "s"))
print(fails_type(lambda: "s" + a))
print(fails_type(lambda: a @ "s"))
print(fails(lambda: "s" ** a))
print(fails(lambda: a < "s"))
print({a: "seven", Num(2): "two"}[Num(7)])


class Sub(Num):
    def __radd__(self, o):
        return "Sub.__radd__"

    def __gt__(self, o):
        return "Sub.__gt__"


print(Num(1) + Sub(2), Sub(2) + Num(1))
print(Num(1) < Sub(2))


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != p, p != Plain())
print(fails(lambda: p < p))
print(fails(lambda: p + p))
print(fails(lambda: -p))
print(fails(lambda: abs(p)))
print(fails(lambda: p @ p))
print(fails(lambda: p ** 2))


class OnlyEq:
    def __eq__(self, o):
        return True


print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq())
print(fails(lambda: {OnlyEq(): 1}))


class Declines:
    def __add__(self, o):
        return NotImplemented

    def __eq__(self, o):
        return NotImplemented


print(fails(lambda: Declines() + Declines()))
d = Declines()
print(d == d, d == Declines(), d is d, d is Declines())
print(None is None, 1 is 1, "a" is "a", [] is [], () is ())
print(2 ** 10, 2 ** -2, 2.0 ** 0.5, (-2) ** 3, True ** 2)
print(NotImplemented is NotImplemented, repr(NotImplemented))


class Tag:
    def __add__(self, o):
        return "Tag.__add__"

    def __radd__(self, o):
        return "Tag.__radd__"


class SubTag(Tag):
    pass


print(Tag() + SubTag(), SubTag() + Tag(), 1 + SubTag())
print(sorted([Num(3), Num(1), Num(2)]), max([Num(3), Num(5)]))
