def twice(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

def tagged(tag):
    def decorate(fn):
        def wrapper(*args):
            return [tag, fn(*args)]
        return wrapper
    return decorate

@twice
def three():
    return 3

@tagged(-1)
@twice
def four():
    return 4

print(three(), four())

class Base:
    """Base docstring."""
    limit = 10
    doubled = limit * 2
    if limit > 5:
        big = True
    else:
        big = False
    for i in range(3):
        last = i

    def add(self, x):
        return x + Base.limit

    @staticmethod
    def helper(a, b=1):
        return a - b

    @twice
    def doubled_add(self, x):
        return x + 1

    class Inner:
        value = "inner"

    def gen(self, n):
        for i in range(n):
            yield i * 10

print(Base.limit, Base.doubled, Base.big, Base.i, Base.last)
print(Base.add(None, 5), Base.helper(7), Base.helper(7, b=3), Base.doubled_add(None, 1))
print(Base.Inner.value, Base.__doc__, Base.Inner.__doc__)
print(list(Base.gen(None, 3)))

class Empty:
    pass

class WithKeywords(Base, metaclass=type):
    x: int = 5
    y: int

print(Empty.__doc__, WithKeywords.x, WithKeywords.limit if False else "kw ok")

def name_length(cls):
    return len(cls.__name__)

@name_length
class Decorated:
    pass
print(Decorated)

def make_class(n):
    class Local:
        size = n
        def get(self):
            return n
    return Local
print(make_class(4).size, make_class(5).get(None))

if __name__ == "__main__":
    print("main")

# A decorator that refers to the name it redefines gets the old value,
# as with @x.setter after @property.
def prop(getter):
    return {"setter": lambda setter: (getter(None), setter(None, 1))}

class P:
    @prop
    def x(self):
        return 10

    @x["setter"]
    def x(self, v):
        return v + 1

print(P.x)
