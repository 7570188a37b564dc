class A:
    pass


class B(A):
    pass


class C:
    pass


class D(B, C):
    pass


d = D()
print(isinstance(d, A), isinstance(d, C), isinstance(d, D), isinstance(A(), B))
print(isinstance(d, (int, C)), isinstance(d, (int, (str, A))), isinstance(d, ()))
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)), issubclass(B, B))
print(isinstance(1, int), isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance(1.5, float), isinstance(1, float), isinstance(1.5, (int, float)))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance([], tuple), isinstance(None, int))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(D, object))
print(isinstance(1, object), isinstance(d, object), isinstance(None, object), isinstance(A, object))
print(type(1) is int, type(True) is bool, type(1.5) is float, type("s") is str)
print(type([]) is list, type(()) is tuple, type({}) is dict, type(d) is D)
print(type(1).__name__, type("s").__name__, type(None).__name__, type(d).__name__)
print(type(D) is type, type(int) is type, isinstance(D, type), isinstance(int, type), isinstance(d, type))
print(type(1), type("s"), type(A), type(object))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
print(issubclass(KeyError, LookupError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(fails(lambda: isinstance(1, 3)))
print(fails(lambda: issubclass(1, int)))
print(fails(lambda: issubclass(D, 1)))
print(fails_type(lambda: isinstance(1)))
Made = type("Made", (A,), {"k": 5})
print(Made().k, isinstance(Made(), A), Made.__name__)
