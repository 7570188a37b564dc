# float16 arithmetic, promotion, casts and printing.
import numpy as np

x = np.array([0.1, 1 / 3, 2.5, 1000.5], np.float16)
print(x)
print(repr(x))
print(x.dtype, x.dtype.itemsize, np.dtype('float16'))
print(np.float16(0.1), repr(np.float16(0.1)), np.float16(1) + np.float16(2))

# Arithmetic rounds each result to float16.
print(x + 1.5)
print(x * 3)
print(x / 7)
print(x - x[1])
print(np.sqrt(x), np.exp(np.array([1.0, 2.0], np.float16)))
print(x.sum(), x.mean(), x.max(), x.min())
print(np.array([60000, 10], np.float16) * 2)
print(np.array([1e-8, 3e-8, 6e-8, 1e-7], np.float16))

# Promotion: Python scalars are weak, arrays are not.
print((x + 1.5).dtype, (x * 2).dtype)
print((x + np.array([1, 2, 3, 4], np.float32)).dtype)
print((x + np.array([1, 2, 3, 4], np.int32)).dtype)
print((x + np.array([True, False, True, False])).dtype)
print((x + np.array([1.0, 2.0, 3.0, 4.0])).dtype)

# Casts.
y = np.array([0.1, 65519.0, 65520.0, -1e-8, 70000.0]).astype(np.float16)
print(y)
print(y.astype(np.float32))
print(np.array([1.7, -2.5, 300.25], np.float16).astype(np.int32))
print(np.zeros(3, dtype=np.float16), np.ones((2, 2), dtype='float16'))
print(x.tolist())
print(float(x[1]), x[1], x[1:3])
