"""Everyday builtins: zip(*rows), enumerate, reversed, any/all, sum, isinstance."""
rows = [(1, "a", 0.5), (2, "b", 1.5), (3, "c", 2.5)]
ids, names, weights = zip(*rows)
print(ids, names, weights, list(zip(*zip(*rows))) == rows)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [sum(col) for col in zip(*matrix)], list(map(sum, matrix)))
for i, name in enumerate(names, start=1):
    print(i, name, end="; ")
print()
print(list(reversed(names)), list(reversed(range(3))), "".join(reversed("stressed")), [*reversed({"x": 1, "y": 2})])
squares = {n: n * n for n in range(6) if n % 2 == 0}
inverted = {v: k for k, v in squares.items()}
print(squares, inverted, {c: names.index(c) for c in "cab"})
print(any(w > 2 for w in weights), all(w > 0 for w in weights), any([]), all([]), any([0, "", None]), all(["a", 1]))
print(sum(weights), sum(weights, 10), sum([[1, 2], [3]], []), sum(range(5), start=-10))
for value in [3, 2.5, "x", [1], (1,), None, True, {"k": 1}]:
    kinds = [isinstance(value, (int, float)), isinstance(value, (list, tuple)), isinstance(value, str), type(value).__name__]
    print(repr(value).ljust(10), kinds)
print(list(filter(None, [0, 1, "", "a", None, []])), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
print(sorted("banana"), sorted([3, 1, 2], reverse=True), sorted(rows, key=lambda r: -r[2])[0], min(rows, key=lambda r: r[1]))
print(len("hello"), len([1, [2, 3]]), len({}), list(range(2, 11, 4)), list(range(5, 0, -2)), range(3), range(0, 10, 2)[1:])
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("x", 9)]), list(dict.fromkeys("abca")))
print(divmod(17, 5), abs(-2), max("apple", "pear", key=len), min(4, 2, 8), max([("b", 1), ("a", 2)]), round(9.995, 2))
print(list(enumerate("ab")), list(zip("abc", [1, 2])), list(zip()), tuple(enumerate([10, 20], 100)))
print(callable(len), callable(3), hasattr("x", "upper"), getattr([], "missing", "default"), type(3) is int, id(rows) == id(rows))
nested = [[1, [2, 3]], [4], []]
flat = [x for sub in nested for x in (sub if sub else [None])]
print(flat, [y for x in [1, 2, 3] if x != 2 for y in (x, x * 10)], [[i] * i for i in range(3)])
a, *middle, z = range(6)
(p, q), r = (1, 2), 3
print(a, middle, z, p, q, r, [*"ab", *range(2)], {**{"a": 1}, "b": 2})
words = "the cat sat on the mat".split()
print(max(set(words), key=words.count), words.count("the"), sorted(set(words)), len(set(words)))
print(str(True), int(True) + 1, bool([]), bool([0]), None is None, 1 == 1.0, "1" == 1, [1, 2] == [1, 2], (1, 2) < (1, 3))
