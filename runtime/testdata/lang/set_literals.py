# Set displays of three or more constants, which CPython 3.11 compiles
# into an update from a frozenset constant that its compiler rebuilds
# once, so colliding elements such as -1 and -2 take its order.
print({-1, -2, -3, 1, 2})
print({-2, -1, 5, 7})
print({1, -1, -2, 2, 3, 4, 5, 6, 7, 8, 9})
print({(1, -1), (1, -2), 0.5, -1, -2, 8, 16})
print({-2305843009213693951, -1, -2, 2305843009213693950, 3})
s = {-1, -2, -3, 1, 2}
s.add(-4)
print(s, sorted(s))
