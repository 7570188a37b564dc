cases = [
    (2, 10), (2, 0), (0, 0), (-3, 3), (-3, 4), (7, 1), (1, 10 ** 6), (-1, 10 ** 6 + 1),
    (2, 100), (10, 30), (-10, 21), (True, 3), (3, False), (2, -1), (-2, -3), (10, -5),
    (2.0, 0.5), (2, 0.5), (0.5, 2), (1.5, -2), (9.0, 0.5), (-8.0, 3), (-2, 2.0),
    (1e10, 3), (0.0, 0), (0.0, 2.5), (float("inf"), 2), (2, float("-inf")),
]
for x, y in cases:
    if isinstance(y, int) and y > 10 ** 5:
        r = x ** y
        print(repr(x), "** big =", r if abs(r) < 10 else "big")
        continue
    print(repr(x), "**", repr(y), "=", repr(x ** y) if not isinstance(y, int) or y < 10 ** 20 else "skip")
print(fails(lambda: 0 ** -1))
print(fails(lambda: 0.0 ** -2.5))
print(fails_type(lambda: 10.0 ** 400))
print(fails_type(lambda: "a" ** 2))
print(fails_type(lambda: None ** None))
print(fails_type(lambda: 2 ** [1]))
