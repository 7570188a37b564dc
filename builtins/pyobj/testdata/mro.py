class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B+" + super(B, self).who()


class C(A):
    """C's doc."""

    def who(self):
        return "C+" + super(C, self).who()


class D(B, C):
    def who(self):
        return "D+" + super(D, self).who()


print(D().who())
print(D.__mro__)
print(D.__bases__)
print(D.__name__, D.__doc__, C.__doc__, D.__module__)
print(type(D()).__name__, type(D()) == D)


class O:
    pass


class A1(O):
    pass


class B1(O):
    pass


class C1(O):
    pass


class D1(O):
    pass


class E1(O):
    pass


class K1(A1, B1, C1):
    pass


class K2(D1, B1, E1):
    pass


class K3(D1, A1):
    pass


class Z(K1, K2, K3):
    pass


print(",".join([k.__name__ for k in Z.__mro__]))


class X:
    pass


class Y:
    pass


class P(X, Y):
    pass


class Q(Y, X):
    pass


def make_r():
    class R(P, Q):
        pass


def make_bad():
    class Bad(A, B):
        pass


def make_dup():
    class Dup(A, A):
        pass


print(fails(make_r))
print(fails(make_bad))
print(fails(make_dup))
print(len(O.__mro__), O.__mro__[1])
