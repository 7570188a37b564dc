# A range takes the indices a list takes: ints, bools and NumPy integer
# scalars, which implement __index__.
import numpy as np
r = range(10)
print(r[3], r[-1], r[True], r[False], r[np.int64(3)], r[np.int32(-2)])
print(range(2, 20, 3)[np.int64(2)], range(5)[np.int64(1):np.int64(4)], list(range(10)[np.int64(1)::np.int64(3)]))
print(list(range(10))[np.int64(3)], (1, 2, 3)[True], "abc"[np.int64(2)], b"abc"[np.int64(1)], b"abc"[True])
i = np.int64(7)
print(r[i], range(-5, 5)[i])
---
import numpy as np
print(range(3)[np.int64(3)]) ### IndexError: range object index out of range
---
print(range(3)[1.0]) ### TypeError: range indices must be integers or slices, not float
