import numpy as np
a = np.arange(24).reshape(2, 3, 4)
print(a[0, 1:, np.array([0, 3])])
print(a[:, 1, [0, 2]])
print(a[1, [2, 0]])
print(a[:, [1, 2], 1:3])
print(a[0, :, [1]])
print(a[np.array([1, 0]), :, 0])
print(a[..., [0, 1]].shape, a[None, 0, :, [1, 2]].shape)
b = a.copy()
b[0, 1:, np.array([0, 3])] = -1
print(b[0])
