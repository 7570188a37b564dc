# float32 sums and means add in NumPy's order: pairwise along rows,
# row by row across the other axes, with neighbouring axes merged.
import numpy as np
a = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
print(a[:, 2].sum(), a.mean(axis=0), a.sum())
b = (np.arange(1000, dtype=np.float32) / 3).reshape(10, 100)
print(b.sum(), b.sum(axis=1), b.sum(axis=0)[:5], b.mean(), b.sum(axis=-1, keepdims=True).shape, b.sum(axis=0, keepdims=True).shape)
c = (np.arange(60, dtype=np.float32) / 9).reshape(3, 4, 5)
print(c.sum(axis=1), c.mean(axis=(0, 2)), c.sum(axis=(0, 1, 2)))
print(np.sum(a), np.mean(a, axis=1), np.float32(a.sum(axis=None)))
e = np.zeros((0, 3), np.float32)
print(e.sum(axis=0), e.sum(axis=1), e.sum())
d = (np.arange(120, dtype=np.float32) / 7).reshape(2, 3, 4, 5)
print(d.sum(axis=(0, 1)), d.sum(axis=(1, 3)), d.mean(axis=(0, 2, 3)), d.sum(axis=(0, 2), keepdims=True).shape)
print(np.float32(-0.0).sum() if hasattr(np.float32(0), "sum") else 0, np.array([-0.0], np.float32).sum())
