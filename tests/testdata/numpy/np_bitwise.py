# & | ^ on NumPy arrays: logical on bools, bitwise on ints, combined
# masks, and the error for floats.
import numpy as np
y = np.array([0, 2, 1, 1])
print(y[(y > 0) & (y < 2)])
m = y > 0
print(m | True, y & 1, y | 4, m ^ (y < 2), 5 & y, ~m)
print((y > 0) | (y == 0), np.array([3, 5], np.int32) ^ np.array([1, 1], np.int32))
print(np.int64(6) & 3, True & np.array([True, False]))
try:
    np.array([1.5]) & 1
except TypeError as e:
    print("TypeError", e)
print(~np.array([1, 2]), ~np.array([0, -3], np.int32), ~np.int64(5))
try:
    ~np.array([1.5])
except TypeError as e:
    print("TypeError", e)
