# NumPy integer scalars and bools as subscripts of names and of
# subscripts of names, and as slice bounds.
import numpy as np

i = np.int64(1)
j = np.int32(2)
m = [[1, 2, 3], [4, 5, 6]]
print(m[i][j])
m[i][j] = 60
m[i][0] += 40
print(m)
del m[i][j]
print(m)

a = [10, 20, 30, 40, 50]
print(a[i:], a[:j], a[i:j], a[::j], a[np.int64(-2):])
print("hello"[i:j], (1, 2, 3, 4)[j:], [[7, 8, 9]][0][i:])
print(a[True], a[False], m[True])
b = [0, 0, 0]
b[True] += 5
print(b)
---
# A NumPy scalar key finds the equal Python number key of a dict.
import numpy as np

d = {1: "a", 2: "b"}
print(d[np.int64(1)], d[np.int32(2)])
d[np.int64(1)] = "z"
print(d)
f = {0.5: "half"}
print(f[np.float64(0.5)])
---
# Nested subscripts in comprehensions, lambdas and closures.
import numpy as np

grid = [[r * 3 + c for c in range(3)] for r in range(3)]
idx = [np.int64(0), np.int64(2)]
print([grid[r][c] for r in idx for c in idx])
pick = lambda g, r, c: g[r][c]
print(pick(grid, np.int64(1), np.int64(1)))


def outer():
    cells = [[0, 0], [0, 0]]

    def inner():
        r, c = np.int64(1), np.int64(0)
        cells[r][c] = 9

    inner()
    return cells


print(outer())
