# Call-argument errors read as CPython 3.11 words them: the function's
# qualified name and the counts of its parameters.


def show(fn):
    try:
        fn()
    except TypeError as e:
        print("TypeError:", e)


def f(a, reduction="mean"):
    return a


def g(a, b):
    return a + b


def h():
    return 0


class Box:
    def __init__(self, size):
        self.size = size


show(lambda: f(1, reduce=2))
show(lambda: g(1))
show(lambda: g())
show(lambda: g(1, 2, 3))
show(lambda: h(1))
show(lambda: h(a=1))
show(lambda: f(1, 2, 3))
show(lambda: g(1, a=2))
show(lambda: g(1, 2, 3, c=4))
show(lambda: Box())
show(lambda: Box(1, 2))
show(lambda: Box(1, color=2))
class Box:
    def __init__(self, size):
        self.size = size

def outer():
    def inner(a, *, k):
        return a
    return inner

def kw(a, *, k, j=2):
    return a

try:
    outer()(1)
except TypeError as e:
    print(e)
try:
    outer()(1, 2, k=3)
except TypeError as e:
    print(e)
try:
    kw()
except TypeError as e:
    print(e)
try:
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1, 2, 3, k=1, j=2)
except TypeError as e:
    print(e)
try:
    kw(1, 2, k=1)
except TypeError as e:
    print(e)
try:
    (lambda x: x)()
except TypeError as e:
    print(e)
try:
    kw(1, a=2, k=2)
except TypeError as e:
    print(e)
try:
    kw(1, k=2, zz=3)
except TypeError as e:
    print(e)
def va(a, *args, k):
    pass
try:
    va()
except TypeError as e:
    print(e)
try:
    va(1, 2)
except TypeError as e:
    print(e)
def vk(a, **kw):
    pass
try:
    vk(1, 2)
except TypeError as e:
    print(e)
try:
    vk(1, a=2)
except TypeError as e:
    print(e)
def d3(a, b=1, c=2):
    pass
try:
    d3(1, 2, 3, 4)
except TypeError as e:
    print(e)
def one(a): pass
try:
    one(1, 2)
except TypeError as e:
    print(e)
def m3(a, b, c, d=1): pass
try:
    m3()
except TypeError as e:
    print(e)
try:
    m3(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
try:
    one(1, 2, 3)
except TypeError as e:
    print(e)
class A:
    class B:
        def m(self, x): pass
    @staticmethod
    def s(x): pass
    @classmethod
    def c(cls, x): pass
try:
    A.B().m()
except TypeError as e:
    print(e)
try:
    A.s()
except TypeError as e:
    print(e)
try:
    A.c()
except TypeError as e:
    print(e)
try:
    A().c(1, 2)
except TypeError as e:
    print(e)
def gen():
    def helper(x):
        pass
    return helper
try:
    gen()()
except TypeError as e:
    print(e)
def kw2(*, a, b): pass
try:
    kw2()
except TypeError as e:
    print(e)
try:
    kw2(1)
except TypeError as e:
    print(e)
try:
    kw2(1, a=1)
except TypeError as e:
    print(e)
g = lambda a, b: 0
try:
    g(1)
except TypeError as e:
    print(e)
try:
    kw(1, 2, k=1, j=3)
except TypeError as e:
    print(e)


def counter(start, *, step):
    yield start
    yield start + step


try:
    counter(1, 2)
except TypeError as e:
    print(e)


def logged(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


class Model:
    @logged
    def construct(self, x, y):
        return x + y

    @staticmethod
    def make(kind, size=1):
        return kind


try:
    Model().construct(1)
except TypeError as e:
    print(e)
try:
    Model.make()
except TypeError as e:
    print(e)
try:
    Model.make(1, 2, 3)
except TypeError as e:
    print(e)
try:
    list(map(lambda a, b: a, [1, 2]))
except TypeError as e:
    print(e)
