def f(*a, **k):
    return a


print(f(reduction="mean", 2))
