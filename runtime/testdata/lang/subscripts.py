# A subscript load evaluates its container once, and NumPy integers
# index lists, tuples and strings.
class Loud:
    def __getitem__(self, i):
        print("get", i)
        return [10, 20, 30]

m = Loud()
i = 1
print(m[i][i])
print(m[0][2])
---
import numpy as np

def f():
    return [1, 2, 3]

print(f()[np.int64(1)], (4, 5)[np.int32(0)], "abc"[np.int64(2)], [7, 8][True])
grid = [[0, 0], [0, 0]]
r = np.int64(1)
grid[r][r] = 5
print(grid)
print(list(range(10))[np.int64(2):np.int64(5)], f()[::-1])
---
d = {1: "one", 0: "zero"}
print(d[True], d[False], d[1.0])
---
lst = [1, 2]
print(lst[5])  ### IndexError: list index out of range
---
lst = [1, 2]
k = "a"
print(lst[k])  ### TypeError: list indices must be integers or slices, not str
---
d = {"a": 1}
k = "b"
print(d[k])  ### KeyError: 'b'
