"""Closures and decorators: counters, memoizing, functools.wraps."""
import functools


def make_counter(start=0):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


c1, c2 = make_counter(), make_counter(10)
print(c1(), c1(), c1(5), c2(), c1.__name__)


def multipliers():
    return [lambda x, i=i: x * i for i in range(4)]


print([m(3) for m in multipliers()])


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        shown = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        result = fn(*args, **kwargs)
        print(f"call {fn.__name__}({', '.join(shown)}) -> {result!r}")
        return result

    return wrapper


@logged
def add(a, b=0):
    """Add two numbers."""
    return a + b


add(2, 3)
add(1, b=4)
print(add.__name__, add.__doc__)


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    inner.cache = cache
    return inner


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(fib.cache), fib.__name__)


def repeat(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]

        return wrapper

    return decorate


@repeat(3)
def greet(name):
    return "hi " + name


print(greet("ann"), greet.__name__)


def compose(*fns):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), fns)


pipeline = compose(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(pipeline("  Hello World  "))
double = functools.partial(lambda a, b: a * b, 2)
print(double(21), list(map(double, [1, 2, 3])))


class Tracer:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@Tracer
def square(x):
    return x * x


print(square(4), square(5), square.calls, square.__name__, square.__wrapped__.__name__)
handlers = {}


def on(event):
    def register(fn):
        handlers.setdefault(event, []).append(fn)
        return fn

    return register


@on("start")
def boot():
    return "booting"


@on("start")
def log_start():
    return "logged"


print([h() for h in handlers["start"]], sorted(handlers))
