def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ValueError("missing " + k) from e
try:
    lookup({}, "b")
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("x") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
e = ValueError("plain")
print(e.__cause__, e.__context__, e.__suppress_context__)
def g():
    try:
        {}["k"]
    except KeyError:
        return 1 / 0
try:
    g()
except ZeroDivisionError as e:
    print(repr(e.__context__))
