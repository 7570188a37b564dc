# try, except, else, finally, raise and the built-in exception types.
def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("ValueError:", e)
        value = -1
    else:
        print("parsed", value)
    finally:
        print("finally for", repr(text))
    return value

print(parse("42"), parse("x1"))
---
# Errors raised by builtins are caught under their Python type.
for action in ["index", "key", "zero", "type", "attr", "name"]:
    try:
        if action == "index":
            [1, 2][5]
        elif action == "key":
            {"a": 1}["b"]
        elif action == "zero":
            1 / 0
        elif action == "type":
            1 + "a"
        elif action == "attr":
            (1).foo
        else:
            int("nope")
    except IndexError as e:
        print("IndexError", e)
    except KeyError as e:
        print("KeyError", e, repr(e))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    except TypeError as e:
        print("TypeError", e)
    except AttributeError as e:
        print("AttributeError", e)
    except Exception as e:
        print(type(e).__name__, e)
---
# Base classes catch subclasses; a tuple catches any of its types.
try:
    {}["missing"]
except LookupError as e:
    print("lookup", type(e).__name__, e.args)
try:
    raise ValueError("one", 2)
except (TypeError, ValueError) as e:
    print("tuple", e.args, str(e))
try:
    raise RuntimeError
except Exception as e:
    print("class raised:", repr(e))
---
# Partial assignments made before an exception survive, as in Python.
a = 0
try:
    a = 1
    b = 2
    raise KeyError("stop")
    c = 3
except KeyError:
    pass
print(a, b)
def partial():
    x = "before"
    try:
        x = "assigned"
        y = [1][3]
    except IndexError:
        return x
print(partial())
---
# finally runs on return, break and continue, and its own return wins.
def early():
    try:
        return "body"
    finally:
        print("finally ran")
print(early())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i)
    finally:
        print("cleanup", i)
---
# Bare raise re-raises; raise ... from sets __cause__; __context__ is implicit.
def reraise():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling")
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised", e)
try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e.__context__))
---
# Nested try statements and exceptions from called functions.
def inner(n):
    if n < 0:
        raise ValueError("negative: %d" % n)
    return n * 2
def outer(values):
    results = []
    for v in values:
        try:
            try:
                results.append(inner(v))
            finally:
                results.append("f")
        except ValueError as e:
            results.append(str(e))
    return results
print(outer([1, -2, 3]))
---
# Script exception classes.
class DataError(Exception):
    pass
class ShapeError(DataError):
    def __init__(self, shape):
        super().__init__("bad shape %s" % (shape,))
        self.shape = shape
try:
    raise ShapeError((2, 3))
except DataError as e:
    print(type(e).__name__, e, e.shape, isinstance(e, Exception))
---
# assert raises AssertionError with the message.
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
x = 5
assert x > 10, "x too small: %d" % x ### AssertionError: x too small: 5
---
raise ValueError("uncaught") ### ValueError: uncaught
---
def f():
    return {}["nokey"] ### KeyError: 'nokey'
f()
---
try:
    pass
except NameError:
    pass
print("no exception, no handler")
raise TypeError("bad operand") ### TypeError: bad operand
