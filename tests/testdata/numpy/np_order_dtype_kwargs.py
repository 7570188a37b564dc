# order= and dtype= keywords change results as in NumPy, and an
# unknown keyword raises instead of being ignored.
import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.reshape((3, 2), order="F"))
print(a.reshape(3, -1, order="F"))
print(a.ravel(order="F"), a.flatten("F"), a.flatten(), a.ravel("C"))
b = np.arange(24).reshape(2, 3, 4)
print(b.reshape(4, 6, order="F"))
print(b.flatten("F")[:8])
try:
    a.reshape(3, 2, bogus=1)
except TypeError as e:
    print("TypeError", e)
a = np.arange(6).reshape(2, 3)
print(np.reshape(a, (3, 2), order="F"), np.reshape(a, (3, 2)))
print(np.sum(np.array([1, 2]), dtype=np.float32), np.array([1, 2]).sum(dtype=np.float64), np.mean(np.array([1, 2, 4]), dtype=np.float32))
print(np.cumsum(np.array([1, 2, 3]), dtype=np.float32), np.cumsum(np.array([1.5, 2.5]), dtype=np.int64))
