import numpy as np

print(np.int64(1) // 0)
print(np.float32(1) / 0)
print(np.array([1.0]) / 0)
print(repr(np.array([0.0, 1.0, -2.0]) / 0))


def ratio(a, b):
    return a / b


for i in range(3):
    print(ratio(np.float64(i), 0))
print(ratio(np.array([1, 2]), np.array([0, 1])))

x = np.array([1.0, 2.0])
x /= 0
print(x)
y = np.int64(7)
y //= 0
print(y)
z = np.int32(5)
z %= 0
print(repr(z))
print(divmod(np.float64(1.0), 0))
print(np.array([1, 2]) % 0, np.array([3]) // np.array([0]))
print(np.float64(1e308) / 1e-308, np.float64(np.inf) / np.inf)
print(np.float64(np.nan) / 0, np.float64(np.inf) % 1.0)
print(np.float64(6) / 3, np.array([4]) // 2)
