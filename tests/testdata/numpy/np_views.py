# Basic indexing returns views that write through to the array, and
# augmented assignment updates an array in place, as in NumPy.
import numpy as np

counts = np.zeros((3, 3), dtype=np.int64)
pairs = [(0, 0), (1, 2), (1, 2), (2, 1), (0, 0), (0, 0)]
for true_label, predicted in pairs:
    counts[true_label][predicted] += 1
print(counts)
print(counts.trace() if hasattr(counts, "trace") else counts[0][0] + counts[1][1] + counts[2][2])

grid = np.arange(12, dtype=np.float32).reshape(3, 4)
middle = grid[1]
middle[2] = -1.0
top = grid[:2]
top[0, 0] = 99.0
print(grid)

alias = grid
grid *= 2
print(alias[2])

weights = np.ones((2, 3))
for row in weights:
    row -= 0.25
print(weights)

rows = np.arange(6).reshape(2, 3)
rows[1][1:] = 7
print(rows)

steps = np.arange(5)
steps += True
print(steps)
half = np.arange(4, dtype=np.float64)
half /= 2
print(half)

try:
    ints = np.arange(3)
    ints += 0.5
except TypeError as err:
    print("TypeError:", err)
try:
    small = np.zeros(3)
    small += np.ones((2, 3))
except ValueError as err:
    print("ValueError:", err)

# Advanced indexing copies.
picked = grid[[0, 2]]
picked[0, 0] = 12345.0
print(grid[0, 0])

# A slice that is not contiguous, and a transpose, still pass writes on
# to the array they came from.
table = np.zeros((3, 4), dtype=np.int64)
right = table[:, 1:]
right += 1
first = table[:, 0]
first[:] = -1
table[1:, ::2][0, 1] = 9
print(table)
cube = np.arange(24).reshape(2, 3, 4)
cube.T[3, 2, 1] = -7
flat = np.zeros((2, 3))
flat.T[2, 0] = 4
flipped = flat.T
flipped[0] += 1
print(cube[1, 2, 3], flat)
part = np.arange(12).reshape(3, 4)[:, 1:]
row = part[1]
row[0] = -5
print(part)

# fill, sort and shuffle in place reach the array a view came from.
a = np.arange(12).reshape(3, 4)
a[1].fill(0)
a[:, 0].fill(7)
b = np.array([[3, 1, 2], [9, 8, 7]])
b[1].sort()
b[:, 0].sort()
np.random.seed(1)
c = np.arange(8).reshape(2, 4)
np.random.shuffle(c[0])
print(a)
print(b)
print(c)
